/**
 * Where the cursor is inside an embedded KubeProxyConfiguration, for completion: the inner text as
 * the completion engine should see it and a way back to the file's offsets. A literal block also
 * owns the blank lines that follow its text (an editor puts the cursor there, indented, after Enter
 * on the last line): the cursor on such a line is a new line at the end of the inner text.
 * Only literal blocks: completing inside a quoted string would have to escape what it inserts.
 */
import { lineStart } from '../textEdits.ts';
import type { Embedding } from './hosts.ts';

export interface EmbeddedCursor {
  embedding: Embedding;
  /** The inner text, with the cursor's new line appended when it is on a blank line after the text. */
  text: string;
  offset: number;
  /** An offset of `text` in the file. */
  toOuter(innerOffset: number): number;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

const isBlank = (line: string): boolean => /^[ \t\r]*$/.test(line);

export function embeddedCursor(outerText: string, embeddings: readonly Embedding[], offset: number): EmbeddedCursor | undefined {
  for (const embedding of embeddings) {
    const { scalar } = embedding;
    if (scalar.style !== 'literal' || !scalar.exact) continue;
    const headerEnd = lineEnd(outerText, scalar.outer.start);
    if (offset <= headerEnd || headerEnd >= outerText.length) continue;
    const headerLine = outerText.slice(lineStart(outerText, scalar.outer.start), headerEnd);
    const parentIndent = /^ */.exec(headerLine)![0].length;
    // The blank lines after the text still belong to the block.
    let end = Math.max(scalar.outer.end, headerEnd + 1);
    while (end < outerText.length) {
      const next = lineEnd(outerText, end);
      if (!isBlank(outerText.slice(end, next))) break;
      end = next + 1;
    }
    if (offset > end) continue;
    const start = lineStart(outerText, offset);
    const column = offset - start;
    const line = outerText.slice(start, lineEnd(outerText, offset));
    // An empty block has no indentation yet: the cursor's column, if it is inside the block, sets it.
    const indent = scalar.text === '' ? column : scalar.indent;
    if (column < indent || column <= parentIndent) return undefined;
    const { map } = scalar;
    if (offset < scalar.outer.end || (offset === scalar.outer.end && !isBlank(line))) {
      const inner = scalar.text === '' ? 0 : map.toInner(offset);
      if (inner === undefined) return undefined;
      return { embedding, text: scalar.text, offset: inner, toOuter: (o) => (o === inner ? offset : map.startOf(o)) };
    }
    if (!isBlank(line.slice(0, column))) return undefined;
    // A new line at the end of the text, indented as far past the block's indentation as the cursor is.
    const base = scalar.text === '' || scalar.text.endsWith('\n') ? scalar.text : `${scalar.text}\n`;
    const text = base + ' '.repeat(column - indent);
    return {
      embedding,
      text,
      offset: text.length,
      toOuter: (o) => (o >= base.length ? offset - (text.length - o) : map.startOf(o)),
    };
  }
  return undefined;
}
