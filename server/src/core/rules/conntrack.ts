/** conntrack sizes and timeouts must not be negative. */
import { minorNumber } from '../../knowledge/versions.ts';
import { requireAtLeast } from './nonNegativeChecks.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const conntrack: KubeProxyRule = {
  id: 'conntrack',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConntrackConfiguration`,
  description: { en: 'conntrack sizes and timeouts must not be negative.', zh: 'conntrack 的容量与超时不能为负数。' },
  check(ctx) {
    const c = ctx.config.conntrack;
    requireAtLeast(ctx, 'conntrack.maxPerCore', c.maxPerCore, false);
    requireAtLeast(ctx, 'conntrack.min', c.min, false);
    requireAtLeast(ctx, 'conntrack.tcpEstablishedTimeout', c.tcpEstablishedTimeout, false);
    requireAtLeast(ctx, 'conntrack.tcpCloseWaitTimeout', c.tcpCloseWaitTimeout, false);
    if (minorNumber(ctx.minor) >= 29) {
      requireAtLeast(ctx, 'conntrack.udpTimeout', c.udpTimeout, false);
      requireAtLeast(ctx, 'conntrack.udpStreamTimeout', c.udpStreamTimeout, false);
    }
  },
};
