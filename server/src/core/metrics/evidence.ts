/**
 * The evidence tuning rules read, computed from the user's scrapes: per kube-proxy process (scrapes
 * with the same start time are one process on one node) and per node (node_exporter scrapes of one
 * boot). Two or more scrapes of one process give rates over the time between them, which a restart's
 * full syncs and initial lists do not bias; one scrape gives averages since the process started.
 * Each figure says which window it comes from.
 */
import { deltaSeries, histogramSeries, quantile, sumSeries, countAbove, type HistogramSeries } from './histogram.ts';
import type { Family, ParsedExposition } from './promText.ts';
import {
  readScrape,
  single,
  type KubeProxyScrape,
  type NodeScrape,
  type ProxyMode,
  type ScrapeInput,
  type ScrapeRefusal,
} from './scrape.ts';

export interface Window {
  /** `between`: the difference of two scrapes of one process; `since-start`: one scrape, since the process started. */
  kind: 'between' | 'since-start';
  seconds: number;
  files: string[];
}

export interface Quantile {
  value: number;
  /** The rank fell in the +Inf bucket: the true value is above `value`. */
  saturated: boolean;
}

export interface DurationStats {
  metric: string;
  count: number;
  /** Seconds; NaN when the histogram has no `_sum`. */
  mean: number;
  p50?: Quantile;
  p99?: Quantile;
  /** Observations above one second, and in the +Inf bucket. */
  overOneSecond: number;
}

export interface CounterIncrease {
  metric: string;
  increase: number;
}

export interface KubeProxyEvidence {
  files: string[];
  latest: KubeProxyScrape;
  window?: Window;
  sync?: DurationStats;
  fullSync?: DurationStats;
  partialSync?: DurationStats;
  networkProgramming?: DurationStats;
  failures: CounterIncrease[];
  throttling?: DurationStats & { overFiftyMs: number };
  /** How long a queued sync had been waiting when the latest scrape was taken (0: none pending). */
  pendingFor?: number;
  pendingChanges?: number;
  /** Services with Local traffic policy and no local endpoint, by traffic_policy. */
  noLocalEndpoints?: { internal: number; external: number };
  natRules?: number;
  invalidDropped?: CounterIncrease;
  localhostNodePorts?: CounterIncrease;
}

export interface NodeEvidence {
  files: string[];
  latest: NodeScrape;
  window?: Window;
  entries?: number;
  limit?: number;
  /** Increases of node_nf_conntrack_stat_{insert_failed,drop,early_drop} (needs two scrapes of one boot). */
  pressure: CounterIncrease[];
}

export interface RefusedScrape {
  name: string;
  reason: ScrapeRefusal;
  detail: string;
}

export interface Evidence {
  kubeProxy: KubeProxyEvidence[];
  nodes: NodeEvidence[];
  refused: RefusedScrape[];
}

const SYNC = 'kubeproxy_sync_proxy_rules_duration_seconds';
const FULL_SYNC = 'kubeproxy_sync_full_proxy_rules_duration_seconds';
const PARTIAL_SYNC = 'kubeproxy_sync_partial_proxy_rules_duration_seconds';
const NETWORK_PROGRAMMING = 'kubeproxy_network_programming_duration_seconds';
const RATE_LIMITER = 'rest_client_rate_limiter_duration_seconds';
const FAILURE_COUNTERS = [
  'kubeproxy_sync_proxy_rules_iptables_restore_failures_total',
  'kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total',
  'kubeproxy_sync_proxy_rules_nftables_sync_failures_total',
  'kubeproxy_sync_proxy_rules_nftables_cleanup_failures_total',
];

function seriesPair(later: ParsedExposition, earlier: ParsedExposition | undefined, name: string): HistogramSeries | undefined {
  const now = histogramSeries(later.families.get(name));
  if (!earlier) return sumSeries(now);
  const before = histogramSeries(earlier.families.get(name));
  const key = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort());
  return sumSeries(
    now.map((series) =>
      deltaSeries(
        series,
        before.find((candidate) => key(candidate.labels) === key(series.labels)),
      ),
    ),
  );
}

function durationStats(metric: string, histogram: HistogramSeries | undefined): DurationStats | undefined {
  if (!histogram || histogram.count <= 0) return undefined;
  const stats: DurationStats = {
    metric,
    count: histogram.count,
    mean: histogram.sum / histogram.count,
    overOneSecond: countAbove(1, histogram),
  };
  const p50 = quantile(0.5, histogram);
  const p99 = quantile(0.99, histogram);
  if (p50) stats.p50 = p50;
  if (p99) stats.p99 = p99;
  return stats;
}

/** The sum over series of a counter-like family (every label set). */
function total(family: Family | undefined): number | undefined {
  if (!family || family.samples.length === 0) return undefined;
  return family.samples.reduce((sum, sample) => sum + sample.value, 0);
}

function increase(later: ParsedExposition, earlier: ParsedExposition | undefined, metric: string): CounterIncrease | undefined {
  const now = total(later.families.get(metric));
  if (now === undefined) return undefined;
  const before = earlier ? (total(earlier.families.get(metric)) ?? 0) : 0;
  return { metric, increase: Math.max(0, now - before) };
}

function kubeProxyEvidence(scrapes: KubeProxyScrape[]): KubeProxyEvidence {
  // Oldest first: by the estimated time, else by how many syncs each has seen.
  const syncs = (scrape: KubeProxyScrape): number => histogramSeries(scrape.exposition.families.get(SYNC)).reduce((n, s) => n + s.count, 0);
  const ordered = [...scrapes].sort((a, b) => (a.takenAt ?? 0) - (b.takenAt ?? 0) || syncs(a) - syncs(b));
  const latest = ordered[ordered.length - 1];
  const first = ordered.length > 1 ? ordered[0] : undefined;
  const earlier = first?.exposition;
  const exposition = latest.exposition;
  const evidence: KubeProxyEvidence = { files: ordered.map((scrape) => scrape.name), latest, failures: [] };
  if (first && first.takenAt !== undefined && latest.takenAt !== undefined && latest.takenAt > first.takenAt)
    evidence.window = { kind: 'between', seconds: latest.takenAt - first.takenAt, files: [first.name, latest.name] };
  else if (latest.takenAt !== undefined && latest.startTime !== undefined && latest.takenAt >= latest.startTime)
    evidence.window = { kind: 'since-start', seconds: latest.takenAt - latest.startTime, files: [latest.name] };
  const useEarlier = evidence.window?.kind === 'between' ? earlier : undefined;

  const put = <K extends 'sync' | 'fullSync' | 'partialSync' | 'networkProgramming'>(key: K, metric: string): void => {
    const stats = durationStats(metric, seriesPair(exposition, useEarlier, metric));
    if (stats) evidence[key] = stats;
  };
  put('sync', SYNC);
  put('fullSync', FULL_SYNC);
  put('partialSync', PARTIAL_SYNC);
  put('networkProgramming', NETWORK_PROGRAMMING);
  const limiter = seriesPair(exposition, useEarlier, RATE_LIMITER);
  const limiterStats = durationStats(RATE_LIMITER, limiter);
  if (limiter && limiterStats) evidence.throttling = { ...limiterStats, overFiftyMs: countAbove(0.05, limiter) };
  for (const metric of FAILURE_COUNTERS) {
    const found = increase(exposition, useEarlier, metric);
    if (found) evidence.failures.push(found);
  }
  // A sync is pending when it was queued after the last one finished; it has waited since it was
  // queued (the time between the last sync and the queuing is just how quiet the cluster was).
  const queued = exposition.families.get('kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds')?.samples ?? [];
  const done = exposition.families.get('kubeproxy_sync_proxy_rules_last_timestamp_seconds')?.samples ?? [];
  if (latest.takenAt !== undefined) {
    for (const sample of queued) {
      const match = done.find((candidate) => candidate.labels.ip_family === sample.labels.ip_family);
      if (!match) continue;
      const waiting = sample.value > match.value ? Math.max(0, latest.takenAt - sample.value) : 0;
      evidence.pendingFor = Math.max(evidence.pendingFor ?? 0, waiting);
    }
  }
  const pending = [
    single(exposition.families.get('kubeproxy_sync_proxy_rules_endpoint_changes_pending')),
    single(exposition.families.get('kubeproxy_sync_proxy_rules_service_changes_pending')),
  ];
  if (pending.some((value) => value !== undefined)) evidence.pendingChanges = pending.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const noLocal = exposition.families.get('kubeproxy_sync_proxy_rules_no_local_endpoints_total')?.samples;
  if (noLocal && noLocal.length > 0) {
    const sum = (policy: string): number => noLocal.filter((s) => s.labels.traffic_policy === policy).reduce((n, s) => n + s.value, 0);
    evidence.noLocalEndpoints = { internal: sum('internal'), external: sum('external') };
  }
  const nat = exposition.families.get('kubeproxy_sync_proxy_rules_iptables_total')?.samples.filter((s) => s.labels.table === 'nat');
  if (nat && nat.length > 0) evidence.natRules = nat.reduce((n, s) => n + s.value, 0);
  const invalid = increase(exposition, useEarlier, 'kubeproxy_iptables_ct_state_invalid_dropped_packets_total');
  if (invalid) evidence.invalidDropped = invalid;
  const localhost = increase(exposition, useEarlier, 'kubeproxy_iptables_localhost_nodeports_accepted_packets_total');
  if (localhost) evidence.localhostNodePorts = localhost;
  return evidence;
}

function nodeEvidence(scrapes: NodeScrape[]): NodeEvidence {
  const ordered = [...scrapes].sort((a, b) => (a.takenAt ?? 0) - (b.takenAt ?? 0));
  const latest = ordered[ordered.length - 1];
  const first = ordered.length > 1 ? ordered[0] : undefined;
  const exposition = latest.exposition;
  const evidence: NodeEvidence = { files: ordered.map((scrape) => scrape.name), latest, pressure: [] };
  const entries = single(exposition.families.get('node_nf_conntrack_entries'));
  const limit = single(exposition.families.get('node_nf_conntrack_entries_limit'));
  if (entries !== undefined) evidence.entries = entries;
  if (limit !== undefined) evidence.limit = limit;
  if (first && first.takenAt !== undefined && latest.takenAt !== undefined && latest.takenAt > first.takenAt) {
    evidence.window = { kind: 'between', seconds: latest.takenAt - first.takenAt, files: [first.name, latest.name] };
    // node_exporter exports these cumulative counts as gauges: only a difference means something.
    for (const stat of ['insert_failed', 'drop', 'early_drop']) {
      const found = increase(exposition, first.exposition, `node_nf_conntrack_stat_${stat}`);
      if (found) evidence.pressure.push(found);
    }
  }
  return evidence;
}

/** Reads every scrape and groups them into processes and nodes. */
export function gatherEvidence(inputs: readonly ScrapeInput[]): Evidence {
  const evidence: Evidence = { kubeProxy: [], nodes: [], refused: [] };
  const processes = new Map<string, KubeProxyScrape[]>();
  const nodes = new Map<string, NodeScrape[]>();
  for (const input of inputs) {
    const read = readScrape(input);
    if (!read.ok) {
      evidence.refused.push({ name: input.name, reason: read.reason, detail: read.detail });
      continue;
    }
    const scrape = read.scrape;
    if (scrape.kind === 'kube-proxy') {
      // One process: the same start time and version; a scrape without a start time stands alone.
      const key = scrape.startTime !== undefined ? `${scrape.startTime}|${scrape.gitVersion ?? ''}` : `#${input.name}`;
      processes.set(key, [...(processes.get(key) ?? []), scrape]);
    } else {
      const key =
        scrape.nodename !== undefined && scrape.bootTime !== undefined ? `${scrape.nodename}|${scrape.bootTime}` : `#${input.name}`;
      nodes.set(key, [...(nodes.get(key) ?? []), scrape]);
    }
  }
  for (const scrapes of processes.values()) evidence.kubeProxy.push(kubeProxyEvidence(scrapes));
  for (const scrapes of nodes.values()) evidence.nodes.push(nodeEvidence(scrapes));
  return evidence;
}

export type { ProxyMode };
