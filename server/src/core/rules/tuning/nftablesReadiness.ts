/**
 * What an iptables scrape says about moving to nftables (virtual-ips "Migrating from iptables mode to
 * nftables"): localhost NodePorts in use (nftables does not serve them; 1.37 adds an alpha gate), and
 * packets dropped as conntrack-invalid (nftables does not drop them: set conntrack.tcpBeLiberal).
 * Both counters exist from 1.31 in iptables mode.
 */
import { NFTABLES_MIGRATION } from '../../../knowledge/tuning.ts';
import { count } from '../../metrics/format.ts';
import type { KubeProxyRule } from '../rule.ts';
import { item, where } from './common.ts';

export const tuningNftablesReadiness: KubeProxyRule = {
  id: 'tuning-nftables-readiness',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'information',
  docs: NFTABLES_MIGRATION,
  description: {
    en: 'What an iptables scrape says about moving to nftables (localhost NodePorts, invalid packets).',
    zh: 'iptables 抓取对迁移到 nftables 的提示（localhost NodePort、invalid 数据包）。',
  },
  check(ctx) {
    if (ctx.config.mode === 'nftables') return;
    for (const process of ctx.evidence?.kubeProxy ?? []) {
      const localhost = process.localhostNodePorts;
      if (localhost && localhost.increase > 0) {
        ctx.report({
          path: 'mode',
          at: ctx.has('mode') ? 'value' : 'key',
          message: ctx.t('tuning-nftables-readiness.localhost', {
            count: count(localhost.increase),
            metric: localhost.metric,
            window: where(ctx, process),
          }),
          evidence: [item(localhost.metric, 'increase', localhost.increase, 'count', process.files, process.window)],
        });
      }
      const invalid = process.invalidDropped;
      if (invalid && invalid.increase > 0) {
        const path = 'conntrack.tcpBeLiberal';
        ctx.report({
          path,
          at: ctx.has(path) ? 'value' : 'key',
          message: ctx.t('tuning-nftables-readiness.liberal', {
            count: count(invalid.increase),
            metric: invalid.metric,
            window: where(ctx, process),
          }),
          evidence: [item(invalid.metric, 'increase', invalid.increase, 'count', process.files, process.window)],
        });
      }
    }
  },
};
