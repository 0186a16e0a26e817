/**
 * Network programming latency: from a Service or endpoint change to the node's rules. Upstream's
 * scale tests hold kube-proxy to a 30 s p99 (clusterloader2); past it, minSyncPeriod is the part a
 * configuration controls.
 */
import { TUNING } from '../../../knowledge/tuning.ts';
import { unsafe } from '../../fixIntent.ts';
import type { KubeProxyRule } from '../rule.ts';
import { activeSection, durationItems, nanosToSeconds, roundedDuration, seconds, TUNING_DOCS, where, worst } from './common.ts';

export const tuningNetworkProgramming: KubeProxyRule = {
  id: 'tuning-network-programming',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: `${TUNING_DOCS}#minsyncperiod`,
  description: {
    en: "Network programming latency above upstream's 30 s scale-test threshold.",
    zh: '网络编程延迟超过上游规模测试的 30 秒阈值。',
  },
  check(ctx) {
    const processes = ctx.evidence?.kubeProxy ?? [];
    const slowest = worst(
      processes.filter((process) => (process.networkProgramming?.count ?? 0) >= TUNING.minSyncs.value),
      (process) => process.networkProgramming?.p99?.value,
    );
    if (!slowest) return;
    const stats = slowest.item.networkProgramming!;
    const p99 = stats.p99!.value;
    if (p99 <= TUNING.networkProgrammingP99.value) return;
    const section = activeSection(ctx);
    const path = `${section}.minSyncPeriod`;
    const current = nanosToSeconds(ctx.config[section].minSyncPeriod);
    const sync = slowest.item.partialSync ?? slowest.item.sync;
    const mean = sync && Number.isFinite(sync.mean) ? sync.mean : undefined;
    // Only a minimum well above what the syncs need is worth lowering; the rest is sync time and the control plane.
    const lower =
      mean !== undefined && current >= TUNING.legacyMinSync.value && TUNING.minSyncPerSync.value * mean < current / 2
        ? roundedDuration(Math.max(1, TUNING.minSyncPerSync.value * mean))
        : undefined;
    ctx.report({
      path,
      at: ctx.has(path) ? 'value' : 'key',
      message: ctx.t('tuning-network-programming', {
        p99: seconds(p99),
        metric: stats.metric,
        count: stats.count,
        window: where(ctx, slowest.item),
        limit: seconds(TUNING.networkProgrammingP99.value),
        path,
        current: seconds(current),
        mean: mean === undefined ? '?' : seconds(mean),
        advice: lower ? ctx.t('tuning-network-programming.lower', { suggested: lower }) : '',
      }),
      evidence: durationItems(stats, slowest.item),
      ...(lower ? { suggested: lower, fixes: [unsafe({ kind: 'setValue', value: lower })] } : {}),
    });
  },
};
