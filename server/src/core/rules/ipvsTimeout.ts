/** ipvs.tcpTimeout / tcpFinTimeout / udpTimeout must not be negative (checked in ipvs mode). */
import { requireAtLeast } from './nonNegativeChecks.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const ipvsTimeout: KubeProxyRule = {
  id: 'ipvs-timeout',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPVSConfiguration`,
  description: { en: 'IPVS timeouts must not be negative.', zh: 'IPVS 超时不能为负数。' },
  check(ctx) {
    if (ctx.config.mode !== 'ipvs') return;
    for (const field of ['tcpTimeout', 'tcpFinTimeout', 'udpTimeout'] as const)
      requireAtLeast(ctx, `ipvs.${field}`, ctx.config.ipvs[field], false);
  },
};
