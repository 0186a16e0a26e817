/** kind's configuration documentation, which the kind rules link to. */
export const KIND_DOCS = 'https://kind.sigs.k8s.io/docs/user/configuration/';
