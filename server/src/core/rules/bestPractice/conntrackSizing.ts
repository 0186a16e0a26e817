/** conntrack limits kube-proxy sets on the node: too small a table drops connections under load. */
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale, recommendation } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';

export const conntrackSizing: KubeProxyRule = {
  id: 'conntrack-sizing',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConntrackConfiguration`,
  description: { en: 'conntrack table sized for a large cluster.', zh: '适合大规模集群的 conntrack 表容量。' },
  check(ctx) {
    if (ctx.profile.scale !== 'large') return;
    for (const field of ['maxPerCore', 'min'] as const) {
      const path = `conntrack.${field}`;
      const recommended = recommendation(path)?.value;
      const value = ctx.config.conntrack[field];
      if (typeof recommended !== 'number' || value < 0 || value >= recommended) continue;
      const summary =
        field === 'maxPerCore' && value === 0
          ? ctx.t('conntrack-sizing.unchanged', { recommended })
          : ctx.t('conntrack-sizing', { path, value, recommended });
      ctx.report({
        path,
        message: ctx.t('bp.frame', { summary, rationale: rationale(path, ctx.locale) }),
        fixes: [unsafe({ kind: 'setValue', value: recommended })],
      });
    }
  },
};
