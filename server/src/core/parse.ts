/**
 * Reads a (multi-document) YAML file with the `yaml` package in YAML 1.1 mode, which resolves
 * scalars as go-yaml v2 does (yes/no/on/off are booleans, 0777 is octal), the library behind
 * sigs.k8s.io/yaml that kube-proxy and kubeadm decode with. Duplicate keys are kept so that the
 * decoder can report them as upstream's strict decoder does.
 */
import { Composer, isAlias, Parser, parseAllDocuments, visit, YAMLParseError, type Document, type Node } from 'yaml';
import { lastAtOrBefore } from './text.ts';
import type { Span } from './types.ts';

export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  /** The document's content span (without the `---` marker line). */
  span: Span;
  syntaxErrors: { span: Span; message: string; code: string }[];
}

export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
}

/** A `---` document marker at the start of a line (`---`, `--- # comment`, `--- !tag`, not `---x`). */
export const DOCUMENT_MARKER = /^---(?=[ \t\r\n]|$)/;

export function syntaxErrorCount(file: ParsedFile): number {
  return file.documents.reduce((sum, document) => sum + document.syntaxErrors.length, 0);
}

const PARSE_OPTIONS = { version: '1.1', uniqueKeys: false, merge: true, prettyErrors: false, strict: true } as const;

/**
 * Parses a file. With a `cache` (the language server keeps one per open document), the text is cut
 * at `---` marker lines and each piece is parsed on its own, reusing the parse of every piece whose
 * text is unchanged since the last call: a one-line edit re-parses one document, not the file.
 * The result is the same as a whole-file parse (test/robustness/fuzz.test.ts checks it).
 */
export function parseFile(text: string, cache?: ParseCache): ParsedFile {
  const docs = (cache && canSplit(text) ? cache.parse(text) : undefined) ?? parseWhole(text);
  const documents = docs.map((doc, index): ParsedDocument => {
    const [start, , end] = doc.range;
    return {
      index,
      doc,
      span: { start, end: Math.max(start, end) },
      syntaxErrors: doc.errors.map((error) => ({
        span: clampSpan({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, text.length),
        message: error.message.split('\n')[0],
        code: error.code,
      })),
    };
  });
  return { text, documents };
}

function parseWhole(text: string): Document.Parsed[] {
  // No LineCounter: positions come from our own LineIndex, and counting lines twice costs time.
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  return Array.isArray(parsed) ? withAliasErrors(errorsWhereTheyAre(parsed, text), text) : [];
}

/**
 * The `yaml` composer files some errors under the document before the one they are in (a stray `]`
 * right after a `---` goes to the previous document). Each error belongs to the document whose
 * text holds it: that document is the one that cannot be read, and parsing piece by piece (the
 * parse cache) files it there too. Applies when every `---` piece is one document.
 */
function errorsWhereTheyAre(docs: Document.Parsed[], text: string): Document.Parsed[] {
  if (docs.length < 2 || !canSplit(text)) return docs;
  const starts = pieceStarts(text).filter((start, i, all) => (i + 1 < all.length ? all[i + 1] : text.length) > start);
  if (starts.length !== docs.length) return docs;
  const received = new Set<Document.Parsed>();
  docs.forEach((doc, i) => {
    const misfiled = doc.errors.filter((error) => lastAtOrBefore(starts, error.pos[0]) !== i);
    if (misfiled.length === 0) return;
    doc.errors = doc.errors.filter((error) => !misfiled.includes(error));
    for (const error of misfiled) {
      const owner = docs[lastAtOrBefore(starts, error.pos[0])];
      owner.errors.push(error);
      received.add(owner);
    }
  });
  for (const doc of received) doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
  return docs;
}

/** Parses one piece of a file at its place in the file: the parser counts offsets from `offset`. */
export function parseAt(piece: string, offset: number): Document.Parsed[] {
  const parser = new Parser();
  parser.offset = offset;
  return withAliasErrors(Array.from(new Composer(PARSE_OPTIONS).compose(parser.parse(piece))) as Document.Parsed[], piece);
}

/**
 * go-yaml refuses an alias whose anchor is not defined earlier in the same document ("unknown anchor
 * 'x' referenced"), so kube-proxy and kubeadm do too. The `yaml` package only notices when the value
 * is converted: report it as a syntax error here, so that analysis shows it and no fix that leaves an
 * alias without its anchor (by removing or moving the anchored value) passes the validity check.
 */
function withAliasErrors(docs: Document.Parsed[], source: string): Document.Parsed[] {
  if (!source.includes('*')) return docs;
  for (const doc of docs) {
    const anchors = new Set<string>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        if (!anchors.has(node.source) && node.range) {
          doc.errors.push(new YAMLParseError([node.range[0], node.range[1]], 'BAD_ALIAS', `unknown anchor '${node.source}' referenced`));
        }
        return;
      }
      const anchor = (node as Node | null)?.anchor;
      if (anchor) anchors.add(anchor);
    });
  }
  return docs;
}

/**
 * Splitting at `---` lines gives the parser's own documents unless directives (`%YAML`, `%TAG`,
 * which belong to the next document) or `...` end markers are involved: then parse the whole text.
 */
export function canSplit(text: string): boolean {
  // indexOf, not a multiline regex: this runs on every edit over the whole text.
  return !(text.startsWith('%') || text.startsWith('...') || text.includes('\n%') || text.includes('\n...'));
}

/** Offsets where a piece starts: 0 and every line that is a `---` document marker. */
export function pieceStarts(text: string): number[] {
  const starts = [0];
  const marker = new RegExp(DOCUMENT_MARKER.source, 'gm');
  for (let match = marker.exec(text); match; match = marker.exec(text)) {
    if (match.index > 0) starts.push(match.index);
  }
  return starts;
}

/**
 * Pieces longer than this are parsed but not kept: one huge document changes on nearly every edit,
 * so keeping its syntax tree would cost memory (tens of MB) and rarely save a parse.
 */
const MAX_CACHED_PIECE = 100_000;

interface CachedPiece {
  offset: number;
  docs: Document.Parsed[];
  used: boolean;
}

/** Moves every offset a parsed document holds by `delta` (its piece moved within the file). */
function shiftDocument(doc: Document.Parsed, delta: number): void {
  const seen = new Set<unknown>();
  const shift = (range: number[] | null | undefined): void => {
    if (!range || seen.has(range)) return;
    seen.add(range);
    for (let i = 0; i < range.length; i++) range[i] += delta;
  };
  shift(doc.range);
  for (const problem of [...doc.errors, ...doc.warnings]) shift(problem.pos);
  // The visitor also sees null values (an empty `key:`), which have no range.
  visit(doc, (_key, node) => {
    if (node && typeof node === 'object') shift((node as { range?: number[] | null }).range);
  });
}

/**
 * Parsed pieces of one document's previous versions, keyed by the piece's text. Entries not used
 * by the latest parse are dropped, so the cache holds at most one file's worth of documents.
 */
export class ParseCache {
  private pieces = new Map<string, CachedPiece[]>();

  /** The documents, or undefined when this text must be parsed whole (see `crossesPieces`). */
  parse(text: string): Document.Parsed[] | undefined {
    const starts = pieceStarts(text);
    const next = new Map<string, CachedPiece[]>();
    const docs: Document.Parsed[] = [];
    let crossesPieces = false;
    for (let i = 0; i < starts.length; i++) {
      const offset = starts[i];
      const piece = text.slice(offset, i + 1 < starts.length ? starts[i + 1] : text.length);
      if (piece === '') continue;
      // The same text may occur more than once in a file: take an entry not used yet in this parse.
      const candidates = this.pieces.get(piece);
      let entry = candidates?.find((candidate) => !candidate.used);
      if (entry) {
        if (entry.offset !== offset) for (const doc of entry.docs) shiftDocument(doc, offset - entry.offset);
        entry.offset = offset;
      } else {
        entry = { offset, docs: parseAt(piece, offset), used: false };
      }
      entry.used = true;
      docs.push(...entry.docs);
      // A syntax error before a `---` line may not end there: the whole-file lexer looks for the
      // closing quote of an open quoted scalar beyond the marker and reports the error elsewhere.
      // Only a whole parse is exact then (the pieces stay cached for when the error is gone).
      if (i + 1 < starts.length && entry.docs.some((doc) => doc.errors.length > 0)) crossesPieces = true;
      if (piece.length > MAX_CACHED_PIECE) continue;
      const list = next.get(piece);
      if (list) list.push(entry);
      else next.set(piece, [entry]);
    }
    for (const list of next.values()) for (const entry of list) entry.used = false;
    this.pieces = next;
    return crossesPieces ? undefined : docs;
  }
}

export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
