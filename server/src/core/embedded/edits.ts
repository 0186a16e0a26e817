/**
 * Quick fixes inside an embedded KubeProxyConfiguration: the fix is computed on the inner text as
 * for any document (core/fixes.ts), then each inner edit is written back into the string that holds
 * the text. In a literal block every line the edit makes carries the block's indentation (and the
 * file's line breaks); in a quoted string the new text is escaped. Then the result is checked
 * the only way that cannot be fooled: the edited file is parsed again, the string read again, and it
 * must equal the inner text with the inner edits applied (and the file must be as valid as before).
 * A fix that does not pass is not offered.
 */
import { isScalar, type Document } from 'yaml';
import { parseAt, parseFile } from '../parse.ts';
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

/** An edit inside a quoted string; a single-quoted one has no escape for a line break, so such an edit is not written. */
function quotedEdit(scalar: ScalarText, edit: TextEdit): TextEdit | undefined {
  const { start: s, end: e } = edit.span;
  const outerStart = scalar.map.startOf(s);
  const outerEnd = e > s ? scalar.map.endOf(e - 1) : outerStart;
  if (scalar.style === 'double') return { span: { start: outerStart, end: outerEnd }, newText: escapeDoubleQuoted(edit.newText) };
  if (edit.newText.includes('\n')) return undefined;
  return { span: { start: outerStart, end: outerEnd }, newText: edit.newText.replaceAll("'", "''") };
}

/** The string at `hostPath` of a document that parses without errors, read again. */
function stringAt(doc: Document.Parsed | undefined, hostPath: string): string | undefined {
  if (!doc || doc.errors.length > 0) return undefined;
  const node = findPath(doc, hostPath)?.value;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * The string the edits leave, read again: from the edited `---` piece alone when the file can be cut
 * into pieces (a ConfigMap in a 1,000-document file stays cheap: fix-all reads every string it fixes),
 * else from the whole edited file.
 */
function reread(text: string, target: EmbeddedTarget, edits: readonly TextEdit[]): string | undefined {
  const { piece } = target;
  if (piece) {
    const local = edits.map((edit) => ({
      span: { start: edit.span.start - piece.start, end: edit.span.end - piece.start },
      newText: edit.newText,
    }));
    const edited = applyEdits(text.slice(piece.start, piece.end), local);
    const docs = parseAt(edited, piece.start);
    return docs.length === 1 ? stringAt(docs[0], target.hostPath) : undefined;
  }
  return stringAt(parseFile(applyEdits(text, edits)).documents[target.document]?.doc, target.hostPath);
}

/** The `---` piece of `text` that holds `offset`, when the file can be cut into pieces (parse.ts `canSplit`). */
export function pieceAround(
  text: string,
  starts: readonly number[] | undefined,
  offset: number,
): { start: number; end: number } | undefined {
  if (!starts) return undefined;
  const index = lastAtOrBefore(starts as number[], offset);
  return { start: starts[index], end: index + 1 < starts.length ? starts[index + 1] : text.length };
}

export interface EmbeddedTarget {
  scalar: ScalarText;
  hostPath: string;
  /** Index of the outer document that holds the string. */
  document: number;
  /** The `---` piece of the file that holds it (undefined when the file cannot be cut into pieces). */
  piece: { start: number; end: number } | undefined;
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
    const mapped = scalar.style === 'literal' ? literalEdit(outerText, scalar, edit) : quotedEdit(scalar, edit);
    if (!mapped) return undefined;
    // Every edit stays inside the string: the ConfigMap's other keys are never touched.
    if (mapped.span.start < scalar.outer.start || mapped.span.end > Math.max(scalar.outer.end, scalar.map.startOf(scalar.text.length)))
      return undefined;
    outer.push(mapped);
  }
  let expected: string;
  let read: string | undefined;
  try {
    expected = applyEdits(scalar.text, innerEdits);
    read = reread(outerText, target, outer);
  } catch {
    return undefined;
  }
  if (read === expected) return outer;
  // A block's chomping decides its final line breaks, which mean nothing to the YAML inside it.
  const withoutFinalBreaks = (value: string): string => value.replace(/\n+$/, '');
  return scalar.style === 'literal' && read !== undefined && withoutFinalBreaks(read) === withoutFinalBreaks(expected) ? outer : undefined;
}
