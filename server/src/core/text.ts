/** Offsets to LSP positions: 0-based lines, UTF-16 characters; CRLF counts as one line break. */
import type { Position, Range, Span } from './types.ts';

export class LineIndex {
  private readonly starts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  offset(position: Position): number {
    const lineStart = this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0;
    return Math.min(lineStart + position.character, this.length);
  }
}
