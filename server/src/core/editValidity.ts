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
  /** Top-level entry starts of large pieces, by piece start, and whether each entry parses alone. */
  private readonly entries = new Map<number, number[]>();
  private readonly cleanEntries = new Map<number, boolean>();

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
    if (piece.length >= ENTRY_CHECK_MIN) {
      const local = edits.map((edit) => ({ span: { start: edit.span.start - start, end: edit.span.end - start }, newText: edit.newText }));
      if (this.withinOneEntry(piece, start, local)) return true;
    }
    return parseAt(edited, start).every((doc) => doc.errors.length === 0);
  }

  /**
   * For a large document: true when the edits stay inside one top-level entry (a `key:` at column 0
   * and its lines up to the next such key) and that entry, parsed on its own, reads without errors
   * before and after them. The rest of the document is unchanged and an entry of a root mapping
   * parses the same alone, so the document stays valid; re-parsing a 25,000-line document per
   * candidate fix made whole-file code actions take 40 s. Anything unusual (anchors or aliases, which
   * reach across entries; an entry that does not read cleanly alone; a changed first line) says
   * "don't know", and the caller parses the whole piece.
   */
  private withinOneEntry(piece: string, pieceStart: number, edits: readonly TextEdit[]): boolean {
    let entries = this.entries.get(pieceStart);
    if (!entries) {
      entries = [...piece.matchAll(TOP_LEVEL_KEY)].map((match) => match.index);
      this.entries.set(pieceStart, entries);
    }
    if (entries.length < 2) return false;
    const first = Math.min(...edits.map((edit) => edit.span.start));
    const last = Math.max(...edits.map((edit) => edit.span.end));
    if (first < entries[0]) return false;
    let index = lastAtOrBefore(entries, first);
    // An insertion exactly where an entry starts (a key added after the one before) ends the entry before.
    if (index > 0 && first === entries[index] && last === first) index--;
    const start = entries[index];
    const end = index + 1 < entries.length ? entries[index + 1] : piece.length;
    if (last > end || first < start) return false;
    const entry = piece.slice(start, end);
    if (/[&*]/.test(entry)) return false;
    const parsesAlone = (text: string): boolean => parseAt(text, 0).every((doc) => doc.errors.length === 0);
    let clean = this.cleanEntries.get(pieceStart + start);
    if (clean === undefined) this.cleanEntries.set(pieceStart + start, (clean = parsesAlone(entry)));
    if (!clean) return false;
    const edited = applyEdits(
      entry,
      edits.map((edit) => ({ span: { start: edit.span.start - start, end: edit.span.end - start }, newText: edit.newText })),
    );
    // Still one entry that starts with its key and ends its last line, so the next key stays a key.
    const keys = [...edited.matchAll(TOP_LEVEL_KEY)];
    if (keys.length !== 1 || keys[0].index !== 0 || (end < piece.length && !edited.endsWith('\n'))) return false;
    if (/[&*]/.test(edited) || !canSplit(edited) || pieceStarts(edited).length !== 1) return false;
    return parsesAlone(edited);
  }
}

/** Pieces smaller than this are parsed whole: cutting them into entries would save little. */
const ENTRY_CHECK_MIN = 16_000;

/** A simple key at column 0: where a top-level entry of a root block mapping starts. */
const TOP_LEVEL_KEY = /^[A-Za-z_][\w.-]*:(?=[ \t]|\r?$)/gm;
