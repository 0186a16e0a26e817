/**
 * Writing scalars back into YAML so that they read back, in YAML 1.1 as go-yaml v2 reads them, as
 * exactly the value meant: `"010"` unquoted is the octal 8, `on` is a boolean, `1e3` is a string.
 * Every value a fix writes goes through here, and the answer is checked by reading it back with the
 * same parser the analysis uses rather than trusted to a list of patterns.
 */
import { isScalar, parseDocument, type Node, type Scalar } from 'yaml';

export type Scalarish = string | number | boolean;

/** The value YAML 1.1 gives `source` written as a plain scalar, or undefined if it is not one. */
function readPlain(source: string): unknown {
  if (source === '' || /[\n\r]/.test(source)) return undefined;
  const doc = parseDocument(`x: ${source}\n`, { version: '1.1', prettyErrors: false });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const map = doc.contents as { items?: { value?: unknown }[] } | null;
  const value = map?.items?.[0]?.value;
  if (!isScalar(value) || value.type !== 'PLAIN' || value.tag) return undefined;
  const read = value.value;
  return typeof read === 'bigint' ? Number(read) : read;
}

/** Whether `source`, written plain, reads back as `value` (same type and value). */
export function readsBackAs(source: string, value: Scalarish): boolean {
  return Object.is(readPlain(source), value);
}

/** A YAML 1.1 scalar that reads back as this exact value: plain when that is unambiguous, else quoted. */
export function renderScalar(value: Scalarish, style?: Scalar.Type): string {
  if (typeof value !== 'string') return String(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  // Plain only for simple text (no indicators, no ': ', no ' #'), and only if it reads back as the string.
  const simple = /^[A-Za-z0-9/][A-Za-z0-9_./:+-]*$/.test(value) && !/: |:$/.test(value);
  return simple && readsBackAs(value, value) ? value : JSON.stringify(value);
}

/**
 * The number a quoted numeric string stands for, written plain, when unquoting keeps the number:
 * `"14"` -> `14`; `"010"` -> undefined (plain `010` is octal 8 in YAML 1.1), `"1e3"` -> undefined
 * (plain `1e3` is a string in YAML 1.1).
 */
export function unquotedNumber(text: string): string | undefined {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(text)) return undefined;
  return readsBackAs(text, Number(text)) ? text : undefined;
}

/**
 * Where a scalar's properties (`!!int`, `&anchor`) are, before its value: `start` and `end` of the
 * words, and which anchors they hold (start = end = the value's start when there are none). A fix
 * that replaces the value replaces the tag too (a value `30s` under `!!int` does not load) but keeps
 * the anchor, which aliases elsewhere may use. Undefined when the node has a tag that cannot be
 * found in the text (a comment between tag and value): no fix is safe then.
 */
export function scalarProps(text: string, node: Node): { start: number; end: number; anchors: string[] } | undefined {
  const valueStart = node.range![0];
  let start = valueStart;
  let end = valueStart;
  const anchors: string[] = [];
  let foundTag = false;
  for (;;) {
    let wordEnd = start;
    while (wordEnd > 0 && /[ \t\r\n]/.test(text[wordEnd - 1])) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && !/[ \t\r\n]/.test(text[wordStart - 1])) wordStart--;
    const word = text.slice(wordStart, wordEnd);
    if (word.startsWith('!')) foundTag = true;
    else if (word.startsWith('&')) anchors.unshift(word);
    else break;
    if (end === valueStart) end = wordEnd;
    start = wordStart;
  }
  const tagged = isScalar(node) && Boolean(node.tag);
  return tagged && !foundTag ? undefined : { start, end, anchors };
}
