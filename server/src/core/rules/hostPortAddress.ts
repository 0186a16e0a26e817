/** healthzBindAddress and metricsBindAddress must be IP:port once defaulting has added a port. */
import { goAtoi, isValidIP, splitHostPort } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

/** validation.go validateHostPort: the upstream detail texts for one address. */
export function hostPortProblems(goFieldPath: string, address: string): string[] {
  const split = splitHostPort(address);
  if ('error' in split) return [invalid(goFieldPath, address, 'must be IP:port')];
  const problems: string[] = [];
  if (!isValidIP(split.host)) problems.push(invalid(goFieldPath, split.host, 'must be a valid IP'));
  const port = goAtoi(split.port);
  if (port === undefined || port < 1 || port > 65535) problems.push(invalid(goFieldPath, split.port, 'must be a valid port'));
  return problems;
}

export const hostPortAddress: KubeProxyRule = {
  id: 'host-port-address',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: {
    en: 'healthzBindAddress and metricsBindAddress must be IP:port.',
    zh: 'healthzBindAddress 与 metricsBindAddress 必须是 IP:端口。',
  },
  check(ctx) {
    for (const path of ['healthzBindAddress', 'metricsBindAddress'] as const) {
      const address = ctx.config[path];
      const problems = hostPortProblems(goPath(ctx.minor, path), address);
      if (problems.length === 0) continue;
      ctx.report({ path, message: ctx.refuse(ctx.t('host-port-address', { path, value: address }), problems.join(', ')) });
    }
  },
};
