/**
 * Histograms of a scrape as series (one per label set, `le` aside), their sums over series (what
 * PromQL's `sum by (le)` gives: a dual-stack node reports IPv4 and IPv6 apart from 1.33), their
 * difference between two scrapes of the same process, and quantiles computed as
 * `histogram_quantile` does.
 */
import type { Family, Labels } from './promText.ts';

export interface Bucket {
  /** Upper bound, +Infinity for the last bucket. */
  le: number;
  /** Cumulative count of observations ≤ le. */
  count: number;
}

export interface HistogramSeries {
  labels: Labels;
  /** Sorted by le (numerically: `le="60"` comes after `le="0.5"`). */
  buckets: Bucket[];
  sum: number;
  count: number;
}

function labelKey(labels: Labels): string {
  return JSON.stringify(
    Object.keys(labels)
      .filter((name) => name !== 'le')
      .sort()
      .map((name) => [name, labels[name]]),
  );
}

/** The series of a histogram family. Missing `_sum`/`_count` read as the +Inf bucket / NaN. */
export function histogramSeries(family: Family | undefined): HistogramSeries[] {
  if (!family || family.type !== 'histogram') return [];
  const series = new Map<string, { labels: Record<string, string>; buckets: Bucket[]; sum?: number; count?: number }>();
  for (const sample of family.samples) {
    const key = labelKey(sample.labels);
    let entry = series.get(key);
    if (!entry) {
      const labels: Record<string, string> = {};
      for (const [name, value] of Object.entries(sample.labels)) if (name !== 'le') labels[name] = value;
      series.set(key, (entry = { labels, buckets: [] }));
    }
    if (sample.name.endsWith('_bucket')) {
      const le = sample.labels.le === undefined ? Number.NaN : Number(sample.labels.le === '+Inf' ? Infinity : sample.labels.le);
      if (!Number.isNaN(le)) entry.buckets.push({ le, count: sample.value });
    } else if (sample.name.endsWith('_sum')) entry.sum = sample.value;
    else if (sample.name.endsWith('_count')) entry.count = sample.value;
  }
  return [...series.values()].map((entry) => {
    const buckets = entry.buckets.sort((a, b) => a.le - b.le);
    const infinite = buckets.find((bucket) => bucket.le === Number.POSITIVE_INFINITY)?.count;
    return { labels: entry.labels, buckets, sum: entry.sum ?? Number.NaN, count: entry.count ?? infinite ?? 0 };
  });
}

/** The sum of several series with the same buckets (`sum by (le)`); undefined when there are none. */
export function sumSeries(series: readonly HistogramSeries[]): HistogramSeries | undefined {
  if (series.length === 0) return undefined;
  const byLe = new Map<number, number>();
  for (const one of series) for (const bucket of one.buckets) byLe.set(bucket.le, (byLe.get(bucket.le) ?? 0) + bucket.count);
  return {
    labels: {},
    buckets: [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count })),
    sum: series.reduce((total, one) => total + one.sum, 0),
    count: series.reduce((total, one) => total + one.count, 0),
  };
}

/** Observations between two scrapes of the same process: later − earlier, bucket by bucket. */
export function deltaSeries(later: HistogramSeries, earlier: HistogramSeries | undefined): HistogramSeries {
  if (!earlier) return later;
  const before = new Map(earlier.buckets.map((bucket) => [bucket.le, bucket.count]));
  return {
    labels: later.labels,
    buckets: later.buckets.map((bucket) => ({ le: bucket.le, count: Math.max(0, bucket.count - (before.get(bucket.le) ?? 0)) })),
    sum: later.sum - earlier.sum,
    count: Math.max(0, later.count - earlier.count),
  };
}

/**
 * The q-quantile as Prometheus's `histogram_quantile` computes it: linear interpolation inside the
 * bucket that holds the rank, the first bucket starting at 0; a rank in the +Inf bucket gives the
 * highest finite bound (the true value is above it: `saturated`).
 */
export function quantile(q: number, histogram: HistogramSeries): { value: number; saturated: boolean } | undefined {
  const buckets = histogram.buckets;
  const total = buckets.length > 0 ? buckets[buckets.length - 1].count : 0;
  if (buckets.length < 2 || total <= 0 || buckets[buckets.length - 1].le !== Number.POSITIVE_INFINITY) return undefined;
  const rank = q * total;
  let index = buckets.findIndex((bucket) => bucket.count >= rank);
  if (index < 0) index = buckets.length - 1;
  if (buckets[index].le === Number.POSITIVE_INFINITY) return { value: buckets[buckets.length - 2].le, saturated: true };
  const upper = buckets[index].le;
  const lower = index === 0 ? (upper > 0 ? 0 : upper) : buckets[index - 1].le;
  const below = index === 0 ? 0 : buckets[index - 1].count;
  const inBucket = buckets[index].count - below;
  const value = inBucket <= 0 ? upper : lower + (upper - lower) * ((rank - below) / inBucket);
  return { value, saturated: false };
}

/** Observations above `bound` (from the first bucket whose le ≥ bound). */
export function countAbove(bound: number, histogram: HistogramSeries): number {
  const bucket = histogram.buckets.find((candidate) => candidate.le >= bound);
  return bucket ? histogram.count - bucket.count : 0;
}
