/**
 * How long the slowest syncs take: beyond the top of kube-proxy's histogram (16.384 s) the ruleset is
 * at its limits (upstream's answer for iptables at that size is nftables, KEP-3866); longer than
 * twice syncPeriod and /healthz reports the node unhealthy while a sync is queued.
 */
import { TUNING, NFTABLES_MIGRATION } from '../../../knowledge/tuning.ts';
import { minorNumber } from '../../../knowledge/versions.ts';
import { unsafe } from '../../fixIntent.ts';
import type { KubeProxyRule } from '../rule.ts';
import { activeSection, durationItems, nanosToSeconds, roundedDuration, seconds, where, worst } from './common.ts';

export const tuningSyncDuration: KubeProxyRule = {
  id: 'tuning-sync-duration',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: NFTABLES_MIGRATION,
  description: {
    en: 'Syncs longer than kube-proxy can measure, or than /healthz allows for the configured syncPeriod.',
    zh: '同步耗时超出 kube-proxy 可测量的范围，或超出按所配 syncPeriod 计算的 /healthz 容许时间。',
  },
  check(ctx) {
    const processes = ctx.evidence?.kubeProxy ?? [];
    const statsOf = (process: (typeof processes)[number]) => process.fullSync ?? process.sync;
    const slowest = worst(
      processes.filter((process) => (statsOf(process)?.count ?? 0) >= TUNING.minSyncs.value && statsOf(process)?.p99),
      (process) => statsOf(process)?.p99?.value,
    );
    if (!slowest) return;
    const stats = statsOf(slowest.item)!;
    const p99 = stats.p99!;
    const which = ctx.t(stats.metric.includes('full') ? 'tuning.sync.full' : 'tuning.sync.all');
    const section = activeSection(ctx);
    if (p99.saturated) {
      const nftablesHelps = section !== 'nftables' && minorNumber(ctx.minor) >= 33;
      ctx.report({
        path: 'mode',
        at: ctx.has('mode') ? 'value' : 'key',
        message: ctx.t('tuning-sync-duration.saturated', {
          which,
          top: seconds(TUNING.syncHistogramTop.value),
          metric: stats.metric,
          window: where(ctx, slowest.item),
          mode: ctx.config.mode,
          advice: nftablesHelps ? ctx.t('tuning-sync-duration.nftables') : '',
        }),
        evidence: durationItems(stats, slowest.item),
        ...(nftablesHelps ? { suggested: 'nftables', fixes: [unsafe({ kind: 'setValue', value: 'nftables' })] } : {}),
      });
      return;
    }
    const path = `${section}.syncPeriod`;
    const syncPeriod = nanosToSeconds(ctx.config[section].syncPeriod);
    const limit = TUNING.healthzSyncPeriods.value * syncPeriod;
    if (p99.value <= limit) return;
    const suggested = roundedDuration(p99.value);
    ctx.report({
      path,
      at: ctx.has(path) ? 'value' : 'key',
      message: ctx.t('tuning-sync-duration.healthz', {
        which,
        p99: seconds(p99.value),
        metric: stats.metric,
        window: where(ctx, slowest.item),
        path,
        limit: seconds(limit),
        suggested,
      }),
      evidence: durationItems(stats, slowest.item),
      suggested,
      fixes: [unsafe({ kind: 'setValue', value: suggested })],
    });
  },
};
