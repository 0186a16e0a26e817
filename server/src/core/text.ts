/** Offsets to LSP positions: 0-based lines, UTF-16 characters; CRLF counts as one line break. */
import type { Position, Range, Span } from './types.ts';

/**
 * The index of the last value at or before `value` in an ascending array (0 when there is none):
 * which line, piece or document an offset falls in.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

export class LineIndex {
  private readonly starts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = lastAtOrBefore(this.starts, clamped);
    return { line, character: clamped - this.starts[line] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  offset(position: Position): number {
    const lineStart = this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0;
    return Math.min(lineStart + position.character, this.length);
  }
}
