/**
 * minSyncPeriod from the measured sync time. Upstream: raise it when syncs average well over a
 * second (virtual-ips "minSyncPeriod"), to about twice the sync time (kubernetes#92836); and since
 * 1.28, when iptables syncs only what changed, take an old raised value back toward the 1s default
 * (virtual-ips "Updating legacy minSyncPeriod configuration", KEP-3453).
 */
import { defaultOf } from '../../../knowledge/fields.ts';
import { TUNING } from '../../../knowledge/tuning.ts';
import { minorNumber } from '../../../knowledge/versions.ts';
import { unsafe } from '../../fixIntent.ts';
import type { KubeProxyRule } from '../rule.ts';
import { activeSection, durationItems, nanosToSeconds, roundedDuration, seconds, TUNING_DOCS, where, worst } from './common.ts';

export const tuningMinSyncPeriod: KubeProxyRule = {
  id: 'tuning-min-sync-period',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: `${TUNING_DOCS}#minsyncperiod`,
  description: {
    en: "The active mode's minSyncPeriod against the sync times a kube-proxy scrape shows.",
    zh: '依据 kube-proxy 抓取中的同步耗时评估当前模式的 minSyncPeriod。',
  },
  check(ctx) {
    const processes = ctx.evidence?.kubeProxy ?? [];
    if (processes.length === 0) return;
    const section = activeSection(ctx);
    const path = `${section}.minSyncPeriod`;
    const current = nanosToSeconds(ctx.config[section].minSyncPeriod);
    // Partial syncs are what churn costs (iptables and nftables measure them apart); ipvs measures every sync together.
    const statsOf = (process: (typeof processes)[number]) => process.partialSync ?? process.sync;
    const judged = processes.filter((process) => (statsOf(process)?.count ?? 0) >= TUNING.minSyncs.value);
    const slowest = worst(judged, (process) => statsOf(process)?.mean);
    if (!slowest) return;
    const stats = statsOf(slowest.item)!;
    const args = {
      mean: seconds(stats.mean),
      metric: stats.metric,
      count: stats.count,
      window: where(ctx, slowest.item),
      path,
      current: seconds(current),
    };
    if (stats.mean > TUNING.slowSyncMean.value && current < TUNING.minSyncPerSync.value * stats.mean) {
      const suggested = roundedDuration(TUNING.minSyncPerSync.value * stats.mean);
      ctx.report({
        path,
        at: ctx.has(path) ? 'value' : 'key',
        message: ctx.t('tuning-min-sync-period.slow', { ...args, suggested }),
        evidence: durationItems(stats, slowest.item),
        suggested,
        fixes: [unsafe({ kind: 'setValue', value: suggested })],
      });
      return;
    }
    const fastest = worst(judged, (process) => (statsOf(process) ? -statsOf(process)!.mean : undefined));
    const fast = fastest && statsOf(fastest.item);
    if (
      section === 'iptables' &&
      minorNumber(ctx.minor) >= 28 &&
      current >= TUNING.legacyMinSync.value &&
      fast &&
      fast.metric.includes('partial') &&
      fast.mean < TUNING.fastPartialSync.value
    ) {
      const suggested = String(defaultOf(path));
      ctx.report({
        path,
        severity: 'information',
        message: ctx.t('tuning-min-sync-period.legacy', {
          ...args,
          mean: seconds(fast.mean),
          count: fast.count,
          window: where(ctx, fastest.item),
          suggested,
        }),
        evidence: durationItems(fast, fastest.item),
        suggested,
        fixes: [unsafe({ kind: 'setValue', value: suggested })],
      });
    }
  },
};
