/** Removing a `---` document marker line, keeping a comment written on it. */
import { DOCUMENT_MARKER } from '../parse.ts';
import { nextLineStart, type TextEdit } from '../textEdits.ts';

/**
 * Removes the `---` line that starts at `at`. A comment on it (`--- # cluster-a settings`) stays, on
 * a line of its own; anything else on the line (a tag, a value) would change the document, so no
 * edit is made then.
 */
export function removeSeparatorLine(text: string, at: number): TextEdit[] | undefined {
  const end = nextLineStart(text, at);
  const line = text.slice(at, end);
  if (!DOCUMENT_MARKER.test(line)) return undefined;
  const rest = line.slice(3);
  const newline = rest.endsWith('\r\n') ? '\r\n' : rest.endsWith('\n') ? '\n' : '';
  const content = rest.slice(0, rest.length - newline.length).trim();
  if (content === '') return [{ span: { start: at, end }, newText: '' }];
  if (!content.startsWith('#')) return undefined;
  return [{ span: { start: at, end }, newText: `${content}${newline}` }];
}
