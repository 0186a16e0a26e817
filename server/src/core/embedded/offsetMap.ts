/**
 * Where each character of an embedded text (a KubeProxyConfiguration inside a YAML string) comes
 * from in the file that holds it. A block scalar copies its lines verbatim after the indentation, a
 * quoted scalar copies most characters and turns escapes (`\n`, `\"`) and line folds into one
 * character each: both are a list of runs, kept compact (one or two per line) so that a 1 MB
 * ConfigMap costs a few kilobytes of map, not eight bytes per character.
 */
import type { Span } from '../types.ts';

/**
 * A stretch of the inner text and the outer text it was read from: a verbatim copy (offsets map one
 * to one, both lengths equal) or one unit (an escape, a folded line break) that maps as a whole.
 */
export interface Run {
  inner: number;
  outer: number;
  innerLength: number;
  outerLength: number;
  verbatim: boolean;
}

export class OffsetMap {
  /** Runs sorted by inner (and outer) offset; they never overlap. */
  private readonly runs: readonly Run[];
  /** Where the inner text ends in the outer text (after the last run). */
  private readonly outerEnd: number;
  readonly innerLength: number;

  constructor(runs: readonly Run[], innerLength: number, outerEnd: number) {
    this.runs = runs;
    this.innerLength = innerLength;
    this.outerEnd = outerEnd;
  }

  /** The same map for a text that moved by `delta` in its file (the analysis cache keeps maps across edits). */
  shifted(delta: number): OffsetMap {
    return new OffsetMap(
      this.runs.map((run) => ({ ...run, outer: run.outer + delta })),
      this.innerLength,
      this.outerEnd + delta,
    );
  }

  /** Index of the last run that starts at or before `offset` on the given side, or -1. */
  private runAt(offset: number, side: 'inner' | 'outer'): number {
    let low = 0;
    let high = this.runs.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.runs[mid][side] <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }

  /** The outer offset where the inner character at `offset` was read (the end of the text maps past the last character). */
  startOf(offset: number): number {
    if (offset >= this.innerLength) return this.outerEnd;
    const run = this.runs[Math.max(0, this.runAt(offset, 'inner'))];
    if (offset >= run.inner + run.innerLength) return run.outer + run.outerLength;
    return run.verbatim ? run.outer + (offset - run.inner) : run.outer;
  }

  /** The outer offset just after the source of the inner character at `offset`. */
  endOf(offset: number): number {
    const run = this.runs[Math.max(0, this.runAt(offset, 'inner'))];
    if (!run || offset >= run.inner + run.innerLength) return this.startOf(offset + 1);
    return run.verbatim ? run.outer + (offset - run.inner) + 1 : run.outer + run.outerLength;
  }

  /** An inner span in the outer text: from the source of its first character to past the source of its last. */
  toOuter(span: Span): Span {
    const start = this.startOf(span.start);
    if (span.end <= span.start) return { start, end: start };
    return { start, end: Math.max(start, this.endOf(span.end - 1)) };
  }

  /**
   * The inner offset an outer offset stands for: inside a verbatim run, its character; inside an
   * escape, the character it makes; in text that makes no character (indentation, a folded line
   * break's spaces), the next character. Undefined outside the embedded text.
   */
  toInner(offset: number): number | undefined {
    const first = this.runs[0];
    if (!first || offset < first.outer || offset > this.outerEnd) return undefined;
    const index = this.runAt(offset, 'outer');
    const run = this.runs[index];
    if (offset < run.outer + run.outerLength) return run.verbatim ? run.inner + (offset - run.outer) : run.inner;
    const next = this.runs[index + 1];
    return next ? next.inner : this.innerLength;
  }
}
