/**
 * Services with a Local traffic policy and no endpoint on the scraped node: kube-proxy drops internal
 * traffic to them there and fails their load-balancer health checks, by design
 * (kubeproxy_sync_proxy_rules_no_local_endpoints_total). Worth knowing, not a setting to change.
 */
import type { KubeProxyRule } from '../rule.ts';
import { item } from './common.ts';

export const tuningNoLocalEndpoints: KubeProxyRule = {
  id: 'tuning-no-local-endpoints',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'information',
  docs: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#traffic-policies',
  description: {
    en: 'Services with a Local traffic policy and no endpoint on the scraped node.',
    zh: '采用 Local 流量策略、但在被抓取节点上没有端点的 Service。',
  },
  check(ctx) {
    for (const process of ctx.evidence?.kubeProxy ?? []) {
      const none = process.noLocalEndpoints;
      if (!none || none.internal + none.external <= 0) continue;
      const metric = 'kubeproxy_sync_proxy_rules_no_local_endpoints_total';
      ctx.report({
        path: '',
        message: ctx.t('tuning-no-local-endpoints', { internal: none.internal, external: none.external, file: process.latest.name }),
        evidence: [
          item(metric, 'internal', none.internal, 'count', [process.latest.name]),
          item(metric, 'external', none.external, 'count', [process.latest.name]),
        ],
      });
    }
  },
};
