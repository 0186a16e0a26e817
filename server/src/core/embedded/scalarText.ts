/**
 * The text a YAML string scalar holds, read from its source with a map back to the source
 * (offsetMap.ts). The `yaml` package gives the value but not where each character came from, so
 * literal block scalars (`|`, `|-`, `|+`, what kubectl and people write) and double-quoted ones
 * (what kubectl prints when a line ends in a space) and single-quoted ones are read here again, and
 * the result must equal the parser's value or it is not used: a map that could be wrong is worse than
 * none. Folded (`>`) and plain scalars cannot hold a multi-line configuration in practice; they get a
 * coarse map, every character at the whole scalar, which places findings but allows no fix.
 */
import { isScalar, type Node } from 'yaml';
import { OffsetMap, type Run } from './offsetMap.ts';

export type ScalarStyle = 'literal' | 'double' | 'single' | 'other';

export interface ScalarText {
  text: string;
  map: OffsetMap;
  style: ScalarStyle;
  /** Whether every character maps to its own source: only then can edits be mapped back. */
  exact: boolean;
  /** The scalar's source span in the outer text (header and quotes included). */
  outer: { start: number; end: number };
  /** Literal blocks: the indentation of the content lines, and the newline the file uses. */
  indent: number;
  newline: string;
}

/** Builds runs, merging a verbatim character into the verbatim run it continues. */
class RunBuilder {
  readonly runs: Run[] = [];
  inner = 0;

  verbatim(outer: number, length: number): void {
    if (length <= 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last?.verbatim && last.inner + last.innerLength === this.inner && last.outer + last.outerLength === outer) {
      last.innerLength += length;
      last.outerLength += length;
    } else this.runs.push({ inner: this.inner, outer, innerLength: length, outerLength: length, verbatim: true });
    this.inner += length;
  }

  unit(outer: number, outerLength: number, innerLength: number): void {
    if (innerLength <= 0) return;
    this.runs.push({ inner: this.inner, outer, innerLength, outerLength, verbatim: false });
    this.inner += innerLength;
  }
}

export function scalarText(source: string, node: Node | null): ScalarText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const value = node.value;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const base = { outer: { start, end }, newline };
  if (node.type === 'BLOCK_LITERAL') {
    const literal = readLiteral(source, start, end, value);
    if (literal) return { ...base, ...literal, style: 'literal', exact: true };
  } else if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const double = node.type === 'QUOTE_DOUBLE';
    const quoted = readQuoted(source, start, end, double ? '"' : "'");
    if (quoted && quoted.text === value) return { ...base, ...quoted, style: double ? 'double' : 'single', exact: true, indent: 0 };
  }
  // One unit for the whole scalar: findings land on it, no edit maps back.
  const map = new OffsetMap(
    value.length > 0 ? [{ inner: 0, outer: start, innerLength: value.length, outerLength: end - start, verbatim: false }] : [],
    value.length,
    end,
  );
  return { ...base, text: value, map, style: 'other', exact: false, indent: 0 };
}

// ── literal block scalars ─────────────────────────────────────────────────────────────────────

interface Line {
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  /** Length of the line break after it (0 on the last line of the file, 2 for CRLF). */
  breakLength: number;
}

function linesOf(source: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  while (at < to) {
    const newline = source.indexOf('\n', at);
    const stop = newline < 0 || newline >= to ? to : newline;
    const crlf = stop < to && stop > at && source[stop - 1] === '\r';
    lines.push({ start: at, end: crlf ? stop - 1 : stop, breakLength: stop < to ? (crlf ? 2 : 1) : 0 });
    at = stop < to ? stop + 1 : to;
  }
  return lines;
}

function leadingSpaces(source: string, line: Line): number {
  let count = 0;
  while (line.start + count < line.end && source[line.start + count] === ' ') count++;
  return count;
}

function readLiteral(
  source: string,
  start: number,
  end: number,
  expected: string,
): { text: string; map: OffsetMap; indent: number } | undefined {
  const headerEnd = source.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return expected === '' ? { text: '', map: new OffsetMap([], 0, end), indent: 0 } : undefined;
  const header = /^\|([1-9+-]{0,2})/.exec(source.slice(start, headerEnd));
  if (!header) return undefined;
  const chomp = header[1].includes('-') ? 'strip' : header[1].includes('+') ? 'keep' : 'clip';
  const explicit = /[1-9]/.test(header[1]);
  const lines = linesOf(source, headerEnd + 1, end);
  const firstContent = lines.find((line) => leadingSpaces(source, line) < line.end - line.start);
  // No line with content: every line is an empty line, however many spaces it has.
  const detected = firstContent ? leadingSpaces(source, firstContent) : Math.max(0, ...lines.map((line) => line.end - line.start));
  // An explicit indentation indicator counts from the parent's indentation, which only the parser
  // knows: try each indentation up to the detected one and keep the one that reads the same value.
  const candidates = explicit ? Array.from({ length: detected }, (_, i) => detected - i) : [detected];
  for (const indent of candidates) {
    const read = literalWith(source, lines, indent, chomp, end);
    if (read.text === expected) return { ...read, indent };
  }
  return undefined;
}

function literalWith(
  source: string,
  lines: Line[],
  indent: number,
  chomp: 'strip' | 'clip' | 'keep',
  end: number,
): { text: string; map: OffsetMap } {
  const builder = new RunBuilder();
  const parts: string[] = [];
  /** Inner length just after the last line with content, and its line break's inner length. */
  let bodyEnd = 0;
  let bodyBreak = 0;
  for (const line of lines) {
    const spaces = leadingSpaces(source, line);
    const length = line.end - line.start;
    const blank = spaces === length;
    const skip = Math.min(indent, spaces);
    const content = source.slice(line.start + skip, line.end);
    parts.push(content);
    builder.verbatim(line.start + skip, content.length);
    if (!blank || length > indent) {
      bodyEnd = builder.inner;
      bodyBreak = line.breakLength > 0 ? 1 : 0;
    }
    if (line.breakLength > 0) {
      parts.push('\n');
      if (line.breakLength === 1) builder.verbatim(line.end, 1);
      else builder.unit(line.end, 2, 1);
    }
  }
  const raw = parts.join('');
  const length = chomp === 'keep' ? raw.length : chomp === 'clip' ? bodyEnd + bodyBreak : bodyEnd;
  const runs = clip(builder.runs, length);
  const last = runs[runs.length - 1];
  const outerEnd = last ? last.outer + last.outerLength : end;
  return { text: raw.slice(0, length), map: new OffsetMap(runs, length, outerEnd) };
}

/** The runs that make the first `length` inner characters. */
function clip(runs: Run[], length: number): Run[] {
  const kept: Run[] = [];
  for (const run of runs) {
    if (run.inner >= length) break;
    if (run.inner + run.innerLength <= length) kept.push(run);
    else if (run.verbatim) kept.push({ ...run, innerLength: length - run.inner, outerLength: length - run.inner });
  }
  return kept;
}

// ── quoted scalars ────────────────────────────────────────────────────────────────────────────

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r';

/**
 * A quoted scalar: double-quoted with its escapes, or single-quoted where only `''` is one; both fold
 * line breaks the same way.
 */
function readQuoted(source: string, start: number, end: number, quote: '"' | "'"): { text: string; map: OffsetMap } | undefined {
  if (source[start] !== quote || source[end - 1] !== quote) return undefined;
  const stop = end - 1;
  const builder = new RunBuilder();
  const parts: string[] = [];
  let at = start + 1;
  const skipBreak = (offset: number): number => (source[offset] === '\r' && source[offset + 1] === '\n' ? offset + 2 : offset + 1);
  while (at < stop) {
    const c = source[at];
    if (quote === "'" && c === "'" && source[at + 1] === "'") {
      parts.push("'");
      builder.unit(at, 2, 1);
      at += 2;
      continue;
    }
    if (quote === '"' && c === '\\') {
      const next = source[at + 1];
      if (isBreak(next)) {
        // An escaped line break: no character, and the next line's leading blanks go too.
        let cursor = skipBreak(at + 1);
        const from = at;
        let produced = '';
        while (true) {
          while (cursor < stop && isBlank(source[cursor])) cursor++;
          if (cursor < stop && isBreak(source[cursor])) {
            produced += '\n';
            cursor = skipBreak(cursor);
          } else break;
        }
        if (produced) {
          parts.push(produced);
          builder.unit(from, cursor - from, produced.length);
        }
        at = cursor;
        continue;
      }
      const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        parts.push(simple);
        builder.unit(at, 2, 1);
        at += 2;
        continue;
      }
      const hexLength = next === undefined ? undefined : HEX_LENGTH[next];
      if (hexLength === undefined) return undefined;
      const hex = source.slice(at + 2, at + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) return undefined;
      const char = String.fromCodePoint(Number.parseInt(hex, 16));
      parts.push(char);
      builder.unit(at, 2 + hexLength, char.length);
      at += 2 + hexLength;
      continue;
    }
    if (isBlank(c) || isBreak(c)) {
      let cursor = at;
      while (cursor < stop && isBlank(source[cursor])) cursor++;
      if (!isBreak(source[cursor])) {
        // Blanks inside a line are kept as written.
        parts.push(source.slice(at, cursor));
        builder.verbatim(at, cursor - at);
        at = cursor;
        continue;
      }
      // A line fold: trailing blanks, the break and the next line's leading blanks make one space,
      // or as many newlines as there are empty lines in between.
      let breaks = 0;
      while (cursor < stop && isBreak(source[cursor])) {
        breaks++;
        cursor = skipBreak(cursor);
        while (cursor < stop && isBlank(source[cursor])) cursor++;
      }
      const produced = breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
      parts.push(produced);
      builder.unit(at, cursor - at, produced.length);
      at = cursor;
      continue;
    }
    let cursor = at + 1;
    while (cursor < stop && source[cursor] !== '\\' && source[cursor] !== "'" && !isBlank(source[cursor]) && !isBreak(source[cursor]))
      cursor++;
    parts.push(source.slice(at, cursor));
    builder.verbatim(at, cursor - at);
    at = cursor;
  }
  const text = parts.join('');
  return { text, map: new OffsetMap(builder.runs, text.length, stop) };
}
