/**
 * Rule writes that failed: iptables-restore (iptables and ipvs modes), nftables syncs and cleanups.
 * Upstream's rollback signal for partial restores is a counter that keeps rising (KEP-3453); the
 * others should stay at zero (KEP-3866). Not a tuning problem: the finding says where to look.
 */
import type { KubeProxyRule } from '../rule.ts';
import { count } from '../../metrics/format.ts';
import { item, where } from './common.ts';

const PARTIAL = 'kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total';

export const tuningSyncFailures: KubeProxyRule = {
  id: 'tuning-sync-failures',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/3453-minimize-iptables-restore',
  description: {
    en: 'kube-proxy failed to write its rules (restore or nftables failures).',
    zh: 'kube-proxy 写入规则失败（restore 或 nftables 失败）。',
  },
  check(ctx) {
    for (const process of ctx.evidence?.kubeProxy ?? []) {
      for (const failure of process.failures) {
        if (failure.increase <= 0) continue;
        const partial = failure.metric === PARTIAL;
        // A partial-restore failure now and then is expected; only a rise between two scrapes says "keeps failing".
        const rising = process.window?.kind === 'between';
        ctx.report({
          path: 'mode',
          at: ctx.has('mode') ? 'value' : 'key',
          severity: partial && !rising ? 'information' : 'warning',
          message: ctx.t(partial && !rising ? 'tuning-sync-failures.partial' : 'tuning-sync-failures', {
            metric: failure.metric,
            count: count(failure.increase),
            window: where(ctx, process),
            tables: failure.metric.includes('nftables') ? 'nftables' : 'iptables',
          }),
          evidence: [item(failure.metric, 'increase', failure.increase, 'count', process.files, process.window)],
        });
      }
    }
  },
};
