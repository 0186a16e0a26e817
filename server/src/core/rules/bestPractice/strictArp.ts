/** ipvs.strictARP off in ipvs mode: a problem only with layer-2 load balancers, hence a hint. */
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { unsafe } from '../../fixIntent.ts';

export const strictArp: KubeProxyRule = {
  id: 'strict-arp',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'hint',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPVSConfiguration`,
  description: { en: 'strictARP for ipvs with layer-2 load balancers.', zh: 'ipvs 配合二层负载均衡器时的 strictARP。' },
  check(ctx) {
    if (ctx.config.mode !== 'ipvs' || ctx.config.ipvs.strictARP) return;
    ctx.report({
      path: 'ipvs.strictARP',
      at: ctx.has('ipvs.strictARP') ? 'value' : 'key',
      message: ctx.t('strict-arp'),
      fixes: [unsafe({ kind: 'setValue', value: true })],
    });
  },
};
