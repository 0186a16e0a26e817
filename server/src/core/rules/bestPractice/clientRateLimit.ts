/** clientConnection.qps / burst: the defaults (5 / 10) throttle kube-proxy in a large cluster. */
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale, recommendation } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';

export const clientRateLimit: KubeProxyRule = {
  id: 'client-rate-limit',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#ClientConnectionConfiguration`,
  description: { en: 'API client qps/burst high enough for a large cluster.', zh: '适合大规模集群的 API 客户端 qps/burst。' },
  check(ctx) {
    if (ctx.profile.scale !== 'large') return;
    for (const field of ['qps', 'burst'] as const) {
      const path = `clientConnection.${field}`;
      const recommended = recommendation(path)?.value;
      const value = ctx.config.clientConnection[field];
      if (typeof recommended !== 'number' || value >= recommended) continue;
      ctx.report({
        path,
        at: ctx.has(path) ? 'value' : 'key',
        message: ctx.t('bp.frame', {
          summary: ctx.t('client-rate-limit', { path, value, recommended }),
          rationale: rationale(path, ctx.locale),
        }),
        fixes: [unsafe({ kind: 'setValue', value: recommended })],
      });
    }
  },
};
