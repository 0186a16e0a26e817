/** Minimal text edits: apply them, and the line helpers that edits are computed with. */
import type { Span } from './types.ts';

export interface TextEdit {
  span: Span;
  newText: string;
}

/**
 * Applies non-overlapping edits (any order) to a text, in one pass: fix-all applies thousands of
 * edits to a file, and rebuilding the text once per edit made it quadratic. Insertions at the same
 * offset land in reverse order of the list (as applying them one by one from the end would).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const order = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || b.index - a.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of order) {
    if (edit.span.start < at) throw new Error('overlapping edits');
    parts.push(text.slice(at, edit.span.start), edit.newText);
    at = edit.span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line's newline (or the text's end). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether only spaces stand between the start of the line and the offset. */
export function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

/** The newline style of a text: CRLF if its first line break is one. */
export function newlineOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), so a
 * whole-file rewrite such as fix-all reaches the editor as a change of the lines that differ.
 */
export function diffAsEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}
