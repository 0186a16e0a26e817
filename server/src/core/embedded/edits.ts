/**
 * Quick fixes inside an embedded KubeProxyConfiguration: the fix is computed on the inner text as
 * for any document (core/fixes.ts), then each inner edit is written back into the string that holds
 * the text. In a literal block every line the edit makes carries the block's indentation (and the
 * file's line breaks); in a double-quoted string the new text is escaped. Then the result is checked
 * the only way that cannot be fooled: the edited file is parsed again, the string read again, and it
 * must equal the inner text with the inner edits applied (and the file must be as valid as before).
 * A fix that does not pass is not offered.
 */
import { isScalar, type Document } from 'yaml';
import { canSplit, parseAt, parseFile, pieceStarts } from '../parse.ts';
import { lastAtOrBefore } from '../text.ts';
import { applyEdits, lineStart, type TextEdit } from '../textEdits.ts';
import { findPath } from '../yamlPath.ts';
import type { ScalarText } from './scalarText.ts';

/** The outer edit for one inner edit of a literal block scalar, or undefined when it cannot be placed. */
function literalEdit(outerText: string, scalar: ScalarText, edit: TextEdit): TextEdit | undefined {
  const { text: inner, map } = scalar;
  const indent = ' '.repeat(scalar.indent);
  const { start: s, end: e } = edit.span;
  // Appending lines to a text kept without its final line break (`|-`): the line break the block
  // already has after its last line ends the new text too, instead of leaving a blank line.
  if (s === inner.length && e === s && inner !== '' && !inner.endsWith('\n') && edit.newText.endsWith('\n'))
    edit = { span: edit.span, newText: edit.newText.slice(0, -1) };
  const atLineStart = (offset: number): boolean => offset === 0 || inner[offset - 1] === '\n';
  /** Column 0 of the outer line where the inner line starting at `offset` is. */
  const lineStartOuter = (offset: number): number => lineStart(outerText, map.startOf(offset));
  const segments = edit.newText.split('\n');
  const last = segments.length - 1;
  const endsAtLineStart = e > s ? atLineStart(e) && e > 0 : atLineStart(s);
  // Text that runs on into the next line's content must land after that line's indentation.
  const joinsNext = endsAtLineStart && segments[last] !== '' && e < inner.length;
  const startAtColumnZero = atLineStart(s) && !(e === s && joinsNext);
  const outerStart = startAtColumnZero ? lineStartOuter(s) : map.startOf(s);
  const outerEnd = e === s ? outerStart : endsAtLineStart && !joinsNext ? lineStartOuter(e) : map.startOf(e);
  const restOfLineEmpty = e >= inner.length || inner[e] === '\n';
  const rendered = segments.map((segment, i) => {
    if (segment === '') return '';
    if (i === 0) return startAtColumnZero ? indent + segment : segment;
    return indent + segment;
  });
  let newText = rendered.join(scalar.newline);
  // New text that ends a line in the middle of one: what followed is now a line of its own.
  if (last > 0 && segments[last] === '' && !endsAtLineStart && !restOfLineEmpty) newText += indent;
  if (outerEnd < outerStart) return undefined;
  return { span: { start: outerStart, end: outerEnd }, newText };
}

/** Double-quoted YAML for a text: JSON's escapes are YAML's too; spaces at either end are escaped so no line fold eats them. */
function escapeDoubleQuoted(text: string): string {
  const body = JSON.stringify(text).slice(1, -1);
  return body.replace(/^ /, '\\ ').replace(/ $/, '\\ ');
}

function doubleQuotedEdit(scalar: ScalarText, edit: TextEdit): TextEdit {
  const { start: s, end: e } = edit.span;
  const outerStart = scalar.map.startOf(s);
  const outerEnd = e > s ? scalar.map.endOf(e - 1) : outerStart;
  return { span: { start: outerStart, end: outerEnd }, newText: escapeDoubleQuoted(edit.newText) };
}

/** The string at `hostPath` in document `documentIndex` of `text` (which starts at `documentStart`), read again. */
function reread(text: string, documentIndex: number, documentStart: number, hostPath: string): string | undefined {
  let doc: Document.Parsed | undefined;
  if (canSplit(text)) {
    // Only the edited piece changed: parse it alone (a ConfigMap in a 1,000-document file stays cheap).
    const starts = pieceStarts(text);
    const piece = lastAtOrBefore(starts, documentStart);
    const end = piece + 1 < starts.length ? starts[piece + 1] : text.length;
    doc = parseAt(text.slice(starts[piece], end), starts[piece])[0];
  } else {
    doc = parseFile(text).documents[documentIndex]?.doc;
  }
  if (!doc || doc.errors.length > 0) return undefined;
  const node = findPath(doc, hostPath)?.value;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export interface EmbeddedTarget {
  scalar: ScalarText;
  hostPath: string;
  /** Index and start offset of the outer document that holds the string. */
  document: number;
  documentStart: number;
}

/**
 * The outer edits for a set of inner edits, verified by reading the string again; undefined when
 * the edits cannot be placed exactly (a coarse map, a style that cannot take them, any mismatch).
 */
export function mapEmbeddedEdits(outerText: string, target: EmbeddedTarget, innerEdits: readonly TextEdit[]): TextEdit[] | undefined {
  const { scalar } = target;
  if (!scalar.exact) return undefined;
  const outer: TextEdit[] = [];
  for (const edit of innerEdits) {
    const mapped =
      scalar.style === 'literal'
        ? literalEdit(outerText, scalar, edit)
        : scalar.style === 'double'
          ? doubleQuotedEdit(scalar, edit)
          : undefined;
    if (!mapped) return undefined;
    // Every edit stays inside the string: the ConfigMap's other keys are never touched.
    if (mapped.span.start < scalar.outer.start || mapped.span.end > Math.max(scalar.outer.end, scalar.map.startOf(scalar.text.length)))
      return undefined;
    outer.push(mapped);
  }
  let expected: string;
  let edited: string;
  try {
    expected = applyEdits(scalar.text, innerEdits);
    edited = applyEdits(outerText, outer);
  } catch {
    return undefined;
  }
  const read = reread(edited, target.document, target.documentStart, target.hostPath);
  if (read === expected) return outer;
  // A block's chomping decides its final line breaks, which mean nothing to the YAML inside it.
  const withoutFinalBreaks = (value: string): string => value.replace(/\n+$/, '');
  return scalar.style === 'literal' && read !== undefined && withoutFinalBreaks(read) === withoutFinalBreaks(expected) ? outer : undefined;
}
