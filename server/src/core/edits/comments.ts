/**
 * The comments in a stretch of YAML text. A `#` is a comment only outside scalars: inside a block
 * scalar (`|`) or a quoted string it is the user's data. Lines are scanned, and every `#` that falls
 * inside a scalar node's text is skipped, so removing a pair keeps its comments and never turns a
 * line of a block scalar into a comment.
 */
import { isScalar, visit, type Node, type Pair } from 'yaml';

/** The [start, end) text ranges of every scalar inside a pair (keys included). */
export function scalarRanges(pair: Pair): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of [pair.key, pair.value] as (Node | null)[]) {
    visit(part, (_key, node) => {
      if (isScalar(node) && node.range) ranges.push([node.range[0], node.range[1]]);
    });
  }
  return ranges;
}

/** Each comment (from `#` to the end of its line, trailing blanks trimmed) that starts in [start, end). */
export function commentsIn(text: string, start: number, end: number, insideScalars: readonly [number, number][]): string[] {
  const comments: string[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    for (let at = text.indexOf('#', lineStart); at >= 0 && at < lineEnd; at = text.indexOf('#', at + 1)) {
      if (at > lineStart && !/[ \t]/.test(text[at - 1])) continue;
      if (insideScalars.some(([from, to]) => at >= from && at < to)) continue;
      comments.push(text.slice(at, lineEnd).replace(/[ \t\r]+$/, ''));
      break;
    }
    lineStart = lineEnd + 1;
  }
  return comments;
}
