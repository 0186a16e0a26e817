/**
 * What every tuning rule needs: the active mode's section (v1alpha1 uses only the section of the
 * running mode), figures turned into evidence items and message arguments, and the process or node
 * whose figures are worst (a finding cites the scrape that shows the problem most).
 */
import { formatGoDuration } from '../../goDuration.ts';
import type { DurationStats, KubeProxyEvidence, NodeEvidence } from '../../metrics/evidence.ts';
import { seconds, windowText } from '../../metrics/format.ts';
import type { EvidenceItem, EvidenceWindow } from '../../types.ts';
import type { KubeProxyContext } from '../rule.ts';

export const TUNING_DOCS = 'https://kubernetes.io/docs/reference/networking/virtual-ips/';

export type Section = 'iptables' | 'ipvs' | 'nftables';

/** The section whose sync periods the running mode reads (on Linux, blank means iptables). */
export function activeSection(ctx: KubeProxyContext): Section {
  const mode = ctx.config.mode;
  return mode === 'ipvs' ? 'ipvs' : mode === 'nftables' ? 'nftables' : 'iptables';
}

export function nanosToSeconds(nanos: bigint): number {
  return Number(nanos) / 1e9;
}

/** Whole seconds, rounded up, as a Go duration (`3s`, `1m30s`). */
export function roundedDuration(value: number): string {
  const whole = Math.max(1, Math.ceil(value));
  return formatGoDuration(BigInt(whole) * 1_000_000_000n);
}

export function item(
  metric: string,
  stat: string,
  value: number,
  unit: EvidenceItem['unit'],
  files: string[],
  window?: EvidenceWindow,
): EvidenceItem {
  const evidence: EvidenceItem = { metric, stat, value, unit, files };
  if (window) evidence.window = window;
  return evidence;
}

export function durationItems(stats: DurationStats, process: KubeProxyEvidence): EvidenceItem[] {
  const items = [item(stats.metric, 'count', stats.count, 'count', process.files, process.window)];
  if (Number.isFinite(stats.mean)) items.push(item(stats.metric, 'mean', stats.mean, 'seconds', process.files, process.window));
  if (stats.p99)
    items.push(item(stats.metric, stats.p99.saturated ? 'p99 (above)' : 'p99', stats.p99.value, 'seconds', process.files, process.window));
  return items;
}

export function where(ctx: KubeProxyContext, process: KubeProxyEvidence): string {
  return windowText(process.window, process.latest.name, ctx.locale);
}

export function whereNode(ctx: KubeProxyContext, node: NodeEvidence): string {
  return windowText(node.window, node.latest.name, ctx.locale);
}

/** The element with the largest score, or undefined. */
export function worst<T>(items: readonly T[], score: (item: T) => number | undefined): { item: T; score: number } | undefined {
  let best: { item: T; score: number } | undefined;
  for (const candidate of items) {
    const value = score(candidate);
    if (value === undefined || Number.isNaN(value)) continue;
    if (!best || value > best.score) best = { item: candidate, score: value };
  }
  return best;
}

export { seconds };
