/** Timing helpers: warm-up, then many samples; each sample after a forced GC when `--expose-gc` is on. */

export interface Timing {
  /** Median of the samples, in milliseconds. */
  median: number;
  p10: number;
  p90: number;
  samples: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** A full GC of this process before a sample (when run with --expose-gc), so its pauses are not counted. */
export function collectGarbage(): void {
  gc?.();
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: round(at(0.5)), p10: round(at(0.1)), p90: round(at(0.9)), samples: sorted.length };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
  /** Stop taking samples after this long (at least 5 samples are always taken). */
  budgetMs: number;
}

/** Median time of `fn` (synchronous or async). `fn` gets the sample number (for varying input). */
export async function measure(fn: (i: number) => unknown, options: MeasureOptions): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await fn(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.runs; i++) {
    if (samples.length >= 5 && performance.now() - started > options.budgetMs) break;
    collectGarbage();
    const t0 = performance.now();
    await fn(options.warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export function medianOf(values: number[]): number {
  return summarize(values).median;
}
