/**
 * The check every fix passes before it is offered: applied to the text, do its edits leave the YAML
 * at least as valid as it was (no more syntax errors)?
 *
 * Re-parsing the whole file per candidate fix made fix-all and wide code-action ranges quadratic
 * (200 documents: 15 s). When the file parses cleanly and the edits stay inside one `---` piece
 * without adding or breaking a marker line, the pieces are parsed independently (as ParseCache
 * relies on, see parse.ts), so parsing that one piece decides: it must still parse without errors.
 * Anything else falls back to parsing the whole edited text.
 */
import { canSplit, DOCUMENT_MARKER, parseAt, parseFile, pieceStarts, syntaxErrorCount, type ParsedFile } from './parse.ts';
import { lastAtOrBefore } from './text.ts';
import { applyEdits, nextLineStart, type TextEdit } from './textEdits.ts';

export class EditValidity {
  private readonly text: string;
  private readonly baseline: number;
  /** Piece boundaries when the fast path may be used at all, else undefined. */
  private readonly starts: number[] | undefined;

  constructor(text: string, file: ParsedFile) {
    this.text = text;
    this.baseline = syntaxErrorCount(file);
    this.starts = this.baseline === 0 && canSplit(text) ? pieceStarts(text) : undefined;
  }

  keepsYamlValid(edits: readonly TextEdit[]): boolean {
    try {
      const local = this.withinOnePiece(edits);
      if (local !== undefined) return local;
      return syntaxErrorCount(parseFile(applyEdits(this.text, edits))) <= this.baseline;
    } catch {
      return false;
    }
  }

  /** The answer from the edited piece alone, or undefined when only a whole parse can tell. */
  private withinOnePiece(edits: readonly TextEdit[]): boolean | undefined {
    const starts = this.starts;
    if (!starts || edits.length === 0) return undefined;
    const first = Math.min(...edits.map((edit) => edit.span.start));
    const last = Math.max(...edits.map((edit) => edit.span.end));
    // The piece holding the first edited offset. Text inserted exactly where a piece starts (a key
    // added as the last line of the document before) belongs to the end of the piece before: judged
    // there, it needs no whole parse (which made fixes that add keys quadratic over a file).
    let low = lastAtOrBefore(starts, first);
    if (low > 0 && first === starts[low] && last === first) low--;
    const start = starts[low];
    const end = low + 1 < starts.length ? starts[low + 1] : this.text.length;
    const isLast = low + 1 === starts.length;
    if (last > end) return undefined;
    const piece = this.text.slice(start, end);
    const opensWithMarker = DOCUMENT_MARKER.test(piece);
    // Edits on the marker line itself change where pieces begin.
    if (opensWithMarker && first < start + nextLineStart(piece, 0)) return undefined;
    const edited = applyEdits(
      piece,
      edits.map((edit) => ({ span: { start: edit.span.start - start, end: edit.span.end - start }, newText: edit.newText })),
    );
    if (!canSplit(edited) || pieceStarts(edited).length !== 1 || DOCUMENT_MARKER.test(edited) !== opensWithMarker) return undefined;
    // Text glued onto the next piece's `---` would stop it being a marker.
    if (!isLast && !edited.endsWith('\n')) return undefined;
    return parseAt(edited, start).every((doc) => doc.errors.length === 0);
  }
}
