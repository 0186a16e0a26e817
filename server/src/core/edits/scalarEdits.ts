/** Edits that change a value: set it (creating missing keys), quote or unquote it. */
import { isMap, isScalar, visit, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { renderScalar, scalarProps, unquotedNumber, type Scalarish } from '../scalar.ts';
import { column, newlineOf, nextLineStart, startsLine, type TextEdit } from '../textEdits.ts';
import { deepestExisting, findPath, type PathHit } from '../yamlPath.ts';

/** Whether an alias in the document refers to this anchor: changing the anchored value would change it there too. */
function anchorInUse(doc: Document.Parsed, anchor: string): boolean {
  let used = false;
  visit(doc, {
    Alias(_key, alias) {
      if (alias.source === anchor) {
        used = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return used;
}

/**
 * The edit that writes `newText` in place of a scalar's value. An explicit tag goes with the old
 * value (`!!int 30` would not load as `!!int 30s`); an anchor stays. A value that an alias elsewhere
 * repeats is not changed: the fix would change that other place too.
 */
export function replaceScalar(text: string, doc: Document.Parsed, node: Scalar, newText: string): TextEdit[] | undefined {
  if (!node.range) return undefined;
  if (node.anchor && anchorInUse(doc, node.anchor)) return undefined;
  const props = scalarProps(text, node);
  if (!props) return undefined;
  // An empty value starts where the next thing (a comment, the line's end) does: replace only the
  // properties, so the blanks before a comment stay and the comment stays a comment.
  const empty = node.range[0] === node.range[1];
  if (empty && props.start === props.end) return undefined;
  const prefix = props.anchors.map((anchor) => `${anchor} `).join('');
  const edit = { span: { start: props.start, end: empty ? props.end : node.range[1] }, newText: `${prefix}${newText}` };
  return text.slice(edit.span.start, edit.span.end) === edit.newText ? undefined : [edit];
}

function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null && (node.source ?? '') === '' && !node.tag && !node.anchor);
}

function indentUnit(text: string): number {
  const nested = /\n( +)[^\s#-]/.exec(text);
  return nested ? Math.min(nested[1].length, 4) : 2;
}

/** End of a pair's text: past the newline of the line its value ends on. */
export function pairEnd(text: string, pair: Pair): number {
  const node = (pair.value as Node | null) ?? (pair.key as Node);
  const end = node?.range ? node.range[1] : 0;
  return text[end - 1] === '\n' ? end : nextLineStart(text, end);
}

/** Inserts lines as the last children of an existing map (or under an empty key). */
export function insertBlock(
  text: string,
  doc: Document.Parsed,
  hit: PathHit,
  path: string,
  lines: (indent: number, unit: number) => string[],
): TextEdit[] | undefined {
  const unit = indentUnit(text);
  const newline = newlineOf(text);
  const value = hit.value;
  let at: number;
  let indent: number;
  if (isMap(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as Pair;
    indent = column(text, (first.key as Node).range![0]);
    at = pairEnd(text, value.items[value.items.length - 1] as Pair);
  } else if (hit.pair && isEmptyValue(value)) {
    const key = hit.pair.key as Node;
    if (!startsLine(text, key.range![0])) return undefined;
    indent = column(text, key.range![0]) + unit;
    at = nextLineStart(text, key.range![1]);
  } else if (path === '' && isMap(doc.contents) && !doc.contents.flow) {
    indent = 0;
    const items = doc.contents.items;
    at = items.length > 0 ? pairEnd(text, items[items.length - 1] as Pair) : doc.range[1];
  } else {
    return undefined;
  }
  const prefix = at > 0 && text[at - 1] !== '\n' ? newline : '';
  return [{ span: { start: at, end: at }, newText: `${prefix}${lines(indent, unit).join(newline)}${newline}` }];
}

export function setValue(text: string, doc: Document.Parsed, path: string, value: Scalarish): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (hit) {
    const node = hit.value;
    if (isEmptyValue(node)) {
      const key = hit.pair?.key as Node | undefined;
      if (!key?.range) return undefined;
      const colon = text.indexOf(':', key.range[1]);
      const lineEnd = text.indexOf('\n', key.range[1]);
      if (colon < 0 || (lineEnd >= 0 && colon > lineEnd)) return undefined;
      // Right after the colon; trailing blanks go, but the blanks before a comment stay.
      const rest = /^[ \t]*(?=\r?\n|$)/.exec(text.slice(colon + 1))?.[0] ?? '';
      return [{ span: { start: colon + 1, end: colon + 1 + rest.length }, newText: ` ${renderScalar(value)}` }];
    }
    if (!isScalar(node)) return undefined;
    return replaceScalar(text, doc, node, renderScalar(value, node.tag ? undefined : node.type));
  }
  const existing = deepestExisting(doc, path);
  if (!existing || existing.missing.length === 0) return undefined;
  const lines = (indent: number, unit: number): string[] =>
    existing.missing.map(
      (segment, i) =>
        `${' '.repeat(indent + i * unit)}${renderScalar(segment)}:${i === existing.missing.length - 1 ? ` ${renderScalar(value)}` : ''}`,
    );
  return insertBlock(text, doc, existing.hit, existing.path, lines);
}

/** Quotes a plain scalar written on one line, exactly as written (`on` -> `"on"`, `010` -> `"010"`). */
export function quoteValue(text: string, doc: Document.Parsed, path: string): TextEdit[] | undefined {
  const node = findPath(doc, path)?.value;
  if (!isScalar(node) || !node.range || node.type !== 'PLAIN') return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  if (/[\r\n]/.test(source)) return undefined;
  return replaceScalar(text, doc, node, JSON.stringify(source));
}

/** Unquotes a number written as a string, only where the plain form reads back as the same number. */
export function unquoteValue(text: string, doc: Document.Parsed, path: string): TextEdit[] | undefined {
  const node = findPath(doc, path)?.value;
  if (!isScalar(node) || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || typeof node.value !== 'string') return undefined;
  const plain = unquotedNumber(node.value);
  return plain === undefined ? undefined : replaceScalar(text, doc, node, plain);
}
