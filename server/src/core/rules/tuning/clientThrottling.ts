/**
 * Client-side throttling: the only evidence for raising clientConnection.qps/burst. kube-proxy gets
 * changes through watches, which the limit does not slow; the limit paces start-up lists, re-lists and
 * events. client-go logs waits over 50 ms and warns over 1 s (rest/request.go). Upstream gives no
 * number to raise to: the suggestion doubles what is there (derived), burst twice qps as the defaults.
 */
import { TUNING } from '../../../knowledge/tuning.ts';
import { unsafe } from '../../fixIntent.ts';
import { count } from '../../metrics/format.ts';
import type { KubeProxyRule } from '../rule.ts';
import { durationItems, item, seconds, where, worst } from './common.ts';

export const tuningClientThrottling: KubeProxyRule = {
  id: 'tuning-client-throttling',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/#ClientConnectionConfiguration',
  description: {
    en: "Client-side throttling in kube-proxy's API requests (rest_client_rate_limiter_duration_seconds).",
    zh: 'kube-proxy 的 API 请求受到客户端限流（rest_client_rate_limiter_duration_seconds）。',
  },
  check(ctx) {
    const processes = (ctx.evidence?.kubeProxy ?? []).filter((process) => (process.throttling?.count ?? 0) >= TUNING.minRequests.value);
    const slowest = worst(processes, (process) => process.throttling?.mean);
    if (!slowest) return;
    const stats = slowest.item.throttling!;
    const slowWaits = stats.overOneSecond;
    if (!(stats.mean > TUNING.throttleLogged.value || slowWaits > 0)) return;
    const { qps, burst } = ctx.config.clientConnection;
    const suggestedQps = Math.max(10, Math.ceil(qps * 2));
    const suggestedBurst = Math.max(2 * suggestedQps, burst);
    const evidence = [
      ...durationItems(stats, slowest.item),
      item(stats.metric, 'over 1s', slowWaits, 'count', slowest.item.files, slowest.item.window),
    ];
    const args = {
      mean: seconds(stats.mean),
      slow: count(slowWaits),
      warned: seconds(TUNING.throttleWarned.value),
      logged: seconds(TUNING.throttleLogged.value),
      metric: stats.metric,
      count: count(stats.count),
      window: where(ctx, slowest.item),
    };
    for (const [field, current, suggested] of [
      ['qps', qps, suggestedQps],
      ['burst', burst, suggestedBurst],
    ] as const) {
      if (current >= suggested) continue;
      const path = `clientConnection.${field}`;
      ctx.report({
        path,
        at: ctx.has(path) ? 'value' : 'key',
        message: ctx.t('tuning-client-throttling', { ...args, path, current, suggested }),
        evidence,
        suggested,
        fixes: [unsafe({ kind: 'setValue', value: suggested })],
      });
    }
  },
};
