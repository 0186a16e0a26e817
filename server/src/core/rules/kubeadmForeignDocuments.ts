/**
 * Documents of a kubeadm file that kubeadm does not read. `kubeadm init` (documentMapToInitConfiguration
 * in cmd/kubeadm/app/util/config/initconfiguration.go) loads InitConfiguration, ClusterConfiguration and
 * the component configs of kube-proxy and the kubelet; for any other GroupVersionKind it logs
 * "[config] WARNING: Ignored … document with GroupVersionKind …" and goes on, while
 * `kubeadm config validate` (validateKnownGVKs in common.go, since 1.28) rejects the file with
 * "unknown configuration APIs". A KubeProxyConfiguration written under kubeadm.k8s.io is the costly
 * case: its settings silently never reach kube-proxy.
 */
import { minorNumber, type Minor } from '../../knowledge/versions.ts';
import { groupOf, KUBE_PROXY_API_VERSION, KUBEADM_GROUP, type RoutedDocument } from '../route.ts';
import { safe, unsafe } from '../fixIntent.ts';
import { KUBEADM_DOCS, type FileRule } from './rule.ts';

/** The kinds each group kubeadm reads holds (kubeadm API v1beta3/v1beta4, kube-proxy and kubelet component configs). */
const KNOWN_KINDS: Record<string, readonly string[]> = {
  [KUBEADM_GROUP]: ['InitConfiguration', 'ClusterConfiguration', 'JoinConfiguration', 'ResetConfiguration', 'UpgradeConfiguration'],
  'kubeproxy.config.k8s.io': ['KubeProxyConfiguration'],
  'kubelet.config.k8s.io': ['KubeletConfiguration'],
};

/** A GroupVersionKind as Go's `%v` prints it: `apps/v1, Kind=Deployment`. */
function gvk(apiVersion: string, kind: string): string {
  return `${apiVersion}, Kind=${kind}`;
}

/** Go's `%#v` of a []schema.GroupVersionKind with one element, as `kubeadm config validate` prints it. */
function goGvkList(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return `[]schema.GroupVersionKind{schema.GroupVersionKind{Group:${JSON.stringify(group)}, Version:${JSON.stringify(version)}, Kind:${JSON.stringify(kind)}}}`;
}

/** kubeadm's warning for a document it skips; "YAML document" up to 1.32, "configuration document" from 1.33 (kubernetes#130345). */
function ignoredWarning(minor: Minor, apiVersion: string, kind: string): string {
  const noun = minorNumber(minor) >= 33 ? 'configuration document' : 'YAML document';
  return `[config] WARNING: Ignored ${noun} with GroupVersionKind ${gvk(apiVersion, kind)}`;
}

function identity(document: RoutedDocument): { apiVersion: string; kind: string } | undefined {
  const { apiVersion, kind } = document;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') return undefined;
  return { apiVersion, kind };
}

export const kubeadmKubeProxyGroup: FileRule = {
  id: 'kubeadm-kube-proxy-group',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/',
  description: {
    en: 'A KubeProxyConfiguration must use kubeproxy.config.k8s.io/v1alpha1; under kubeadm.k8s.io kubeadm ignores it.',
    zh: 'KubeProxyConfiguration 必须使用 kubeproxy.config.k8s.io/v1alpha1；写在 kubeadm.k8s.io 下会被 kubeadm 忽略。',
  },
  check(ctx) {
    const elsewhere = ctx.documents.some((document) => document.role === 'kube-proxy' && document.kind === 'KubeProxyConfiguration');
    for (const document of ctx.documents) {
      const id = identity(document);
      if (!id || document.role !== 'kubeadm' || id.kind !== 'KubeProxyConfiguration') continue;
      const removed = id.apiVersion === `${KUBEADM_GROUP}/v1beta3` && minorNumber(ctx.minor) >= 37;
      const summary = removed
        ? ctx.t('kubeadm-kube-proxy-group.removed', { apiVersion: id.apiVersion, minor: ctx.minor })
        : ctx.t('kubeadm-kube-proxy-group', {
            apiVersion: id.apiVersion,
            ignored: ignoredWarning(ctx.minor, id.apiVersion, id.kind),
            upstream: `unknown configuration APIs: ${goGvkList(id.apiVersion, id.kind)}`,
          });
      // With a second KubeProxyConfiguration in the file, which one to keep is the user's choice.
      const fix = { kind: 'setValue', value: KUBE_PROXY_API_VERSION } as const;
      ctx.report(document.parsed.index, {
        path: 'apiVersion',
        message: elsewhere ? `${summary}${ctx.t('kubeadm-kube-proxy-group.other')}` : summary,
        fixes: [elsewhere ? unsafe(fix) : safe(fix)],
      });
    }
  },
};

export const kubeadmIgnoredDocument: FileRule = {
  id: 'kubeadm-ignored-document',
  scope: 'file',
  category: 'kubeadm',
  severity: 'warning',
  docs: KUBEADM_DOCS,
  description: {
    en: 'kubeadm ignores documents of kinds it does not read, and `kubeadm config validate` rejects them.',
    zh: 'kubeadm 会忽略它不读取的 kind 的文档，`kubeadm config validate` 则会拒绝它们。',
  },
  check(ctx) {
    if (!ctx.isKubeadmFile) return;
    for (const document of ctx.documents) {
      const id = identity(document);
      if (!id) continue;
      const group = groupOf(id.apiVersion) ?? '';
      // Core-group documents (`apiVersion: v1`) fail kubeadm outright: kubeadm-missing-gvk says so.
      if (group === '') continue;
      const known = KNOWN_KINDS[group];
      // Other kinds of kube-proxy's own group are unsupported-api-version's; the kube-proxy kind under
      // kubeadm's group is kubeadm-kube-proxy-group's.
      if (group === 'kubeproxy.config.k8s.io' || (known && known.includes(id.kind))) continue;
      if (group === KUBEADM_GROUP && id.kind === 'KubeProxyConfiguration') continue;
      ctx.report(document.parsed.index, {
        path: 'apiVersion',
        message: ctx.t('kubeadm-ignored-document', {
          gvk: gvk(id.apiVersion, id.kind),
          ignored: ignoredWarning(ctx.minor, id.apiVersion, id.kind),
          upstream: `unknown configuration APIs: ${goGvkList(id.apiVersion, id.kind)}`,
        }),
      });
    }
  },
};
