/** configSyncPeriod must be positive (0 is replaced by the default, 15m). */
import { requireAtLeast } from './nonNegativeChecks.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const configSyncPeriod: KubeProxyRule = {
  id: 'config-sync-period',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'configSyncPeriod must be greater than 0.', zh: 'configSyncPeriod 必须大于 0。' },
  check(ctx) {
    requireAtLeast(ctx, 'configSyncPeriod', ctx.config.configSyncPeriod, true);
  },
};
