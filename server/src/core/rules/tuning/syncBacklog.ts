/**
 * A sync queued and still not done a long time later: kube-proxy is not keeping up, or is stuck.
 * Pending means kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds is after
 * …_last_timestamp_seconds; it has waited since it was queued, until the scrape was taken.
 * /healthz fails when that exceeds twice syncPeriod.
 */
import { TUNING } from '../../../knowledge/tuning.ts';
import type { KubeProxyRule } from '../rule.ts';
import { activeSection, item, nanosToSeconds, seconds } from './common.ts';

export const tuningSyncBacklog: KubeProxyRule = {
  id: 'tuning-sync-backlog',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
  description: { en: 'A rule sync queued long before the last one finished.', zh: '规则同步在上一次完成前已排队很久。' },
  check(ctx) {
    const section = activeSection(ctx);
    const path = `${section}.syncPeriod`;
    const limit = Math.max(TUNING.stalenessFloor.value, TUNING.healthzSyncPeriods.value * nanosToSeconds(ctx.config[section].syncPeriod));
    for (const process of ctx.evidence?.kubeProxy ?? []) {
      const behind = process.pendingFor;
      if (behind === undefined || behind <= limit) continue;
      ctx.report({
        path,
        at: ctx.has(path) ? 'value' : 'key',
        message: ctx.t('tuning-sync-backlog', { behind: seconds(behind), file: process.latest.name, limit: seconds(limit), path }),
        evidence: [
          item('kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds', 'behind last sync', behind, 'seconds', [process.latest.name]),
        ],
      });
    }
  },
};
