/**
 * Quick fixes: the fix intents a finding declares (fixIntent.ts), turned into minimal text edits
 * (edits/*.ts) that keep comments, quoting and indentation of everything else. A fix is offered
 * only when its edits change the text and leave the YAML as loadable as it was (no new syntax
 * error, no alias left without its anchor: editValidity.ts).
 */
import type { Document } from 'yaml';
import { message, type MessageKey } from '../knowledge/messages.ts';
import { EditValidity } from './editValidity.ts';
import { moveKey, removeDuplicate, removeKey, renameKey } from './edits/keyEdits.ts';
import { quoteValue, setValue, unquoteValue } from './edits/scalarEdits.ts';
import { removeSeparatorLine } from './edits/separator.ts';
import type { Applicability, FixIntent } from './fixIntent.ts';
import { canSplit, parseFile, pieceStarts, type ParseCache, type ParsedFile } from './parse.ts';
import { renderScalar } from './scalar.ts';
import { lineStart, newlineOf, type TextEdit } from './textEdits.ts';
import type { Finding, Locale } from './types.ts';
import { mapEmbeddedEdits, pieceAround, type EmbeddedTarget } from './embedded/edits.ts';
import { scalarText } from './embedded/scalarText.ts';
import { findPath } from './yamlPath.ts';

export interface Fix {
  title: string;
  rule: string;
  edits: TextEdit[];
  /** `safe`: applied by fix-all and `--fix`; `unsafe`: only when the user picks it (or applies all recommendations). */
  applicability: Applicability;
  /** The kind of edit (a recommendation sets a value). */
  intent: FixIntent['kind'];
}

/** The edits of one intent on one document, or undefined when it cannot be done exactly. */
function editsFor(text: string, doc: Document.Parsed, path: string, intent: FixIntent): TextEdit[] | undefined {
  switch (intent.kind) {
    case 'setValue':
      return setValue(text, doc, path, intent.value);
    case 'renameKey':
      return renameKey(doc, path, intent.to);
    case 'moveKey':
      return moveKey(text, doc, path, intent.to);
    case 'removeKey':
      return removeKey(text, doc, path);
    case 'quoteValue':
      return quoteValue(text, doc, path);
    case 'unquoteValue':
      return unquoteValue(text, doc, path);
    case 'removeDuplicate':
      return removeDuplicate(text, doc, intent.firstKeyAt);
    case 'removeSeparatorLine':
      return removeSeparatorLine(text, intent.at);
  }
}

function titleOf(intent: FixIntent, path: string): { key: MessageKey; args: Record<string, string> } {
  switch (intent.kind) {
    case 'setValue':
      return { key: 'fix.setValue', args: { path, value: renderScalar(intent.value) } };
    case 'renameKey':
      return { key: 'fix.renameKey', args: { path, to: intent.to } };
    case 'moveKey':
      return { key: 'fix.moveKey', args: { path, to: intent.to } };
    case 'removeKey':
      return { key: 'fix.removeKey', args: { path } };
    case 'quoteValue':
      return { key: 'fix.quote', args: { path } };
    case 'unquoteValue':
      return { key: 'fix.unquote', args: { path } };
    case 'removeDuplicate':
      return { key: 'fix.removeDuplicate', args: { path } };
    case 'removeSeparatorLine':
      return { key: 'fix.removeSeparator', args: {} };
  }
}

/** Whether the edits change anything: a fix that does not would be "applied" on every run. */
function changesText(text: string, edits: readonly TextEdit[]): boolean {
  return edits.some((edit) => text.slice(edit.span.start, edit.span.end) !== edit.newText);
}

/** The comment line that silences `rule` for the line holding `offset`, indented like that line. */
function commentAbove(text: string, offset: number, rule: string): TextEdit {
  const start = lineStart(text, offset);
  const indent = /^ */.exec(text.slice(start))![0];
  return { span: { start, end: start }, newText: `${indent}# kube-proxy-tuner-disable-next-line ${rule}${newlineOf(text)}` };
}

/**
 * The comment line that silences a finding's rule for its line. Inside an embedded text the comment
 * goes into that text (a ConfigMap's config.conf keeps it, and kube-proxy ignores comments); where
 * it cannot be written there exactly (a quoted string), no suppression is offered.
 */
export function suppressionEdit(text: string, finding: Finding, context?: FixContext): TextEdit | undefined {
  if (!finding.embedded) return commentAbove(text, finding.span.start, finding.rule);
  const target = embeddedTarget(context && context.text === text ? context : fixContext(text), finding);
  if (!target) return undefined;
  const innerOffset = target.scalar.map.toInner(finding.span.start) ?? 0;
  return mapEmbeddedEdits(text, target, [commentAbove(target.scalar.text, innerOffset, finding.rule)])?.[0];
}

/** What the fixes of many findings in one text share: its parse and the validity check of edits. */
export interface FixContext {
  text: string;
  file: ParsedFile;
  validity: EditValidity;
  /** Embedded texts read so far, by document and path (fix-all asks for each of their findings). */
  embedded: Map<string, { target: EmbeddedTarget; inner: FixContext } | undefined>;
  /** Where the file's `---` pieces start (computed once, for embedded fixes), or undefined when it cannot be cut. */
  pieces?: number[] | null;
}

/** `parseCache`: the caller's cache (fix-all, the language server), so unchanged documents are not parsed again. */
export function fixContext(text: string, parseCache?: ParseCache): FixContext {
  const file = parseFile(text, parseCache);
  return { text, file, validity: new EditValidity(text, file), embedded: new Map() };
}

/** The embedded text a finding is about, read again from the file, with a fix context of its own. */
function embeddedEntry(context: FixContext, finding: Finding): { target: EmbeddedTarget; inner: FixContext } | undefined {
  const where = finding.embedded;
  if (!where) return undefined;
  const key = `${finding.document}|${where.in}`;
  if (context.embedded.has(key)) return context.embedded.get(key);
  const document = context.file.documents[finding.document];
  const scalar = document ? scalarText(context.text, findPath(document.doc, where.in)?.value ?? null) : undefined;
  if (context.pieces === undefined) context.pieces = canSplit(context.text) ? pieceStarts(context.text) : null;
  const piece = document ? pieceAround(context.text, context.pieces ?? undefined, document.span.start) : undefined;
  const entry =
    document && scalar?.exact
      ? { target: { scalar, hostPath: where.in, document: finding.document, piece }, inner: fixContext(scalar.text) }
      : undefined;
  context.embedded.set(key, entry);
  return entry;
}

function embeddedTarget(context: FixContext, finding: Finding): EmbeddedTarget | undefined {
  return embeddedEntry(context, finding)?.target;
}

export interface FixOptions {
  locale?: Locale;
  /** Give only the first safe fix (what fix-all applies): the others are not built or checked. */
  firstSafeOnly?: boolean;
}

/**
 * The quick fixes for one finding, best first; `text` is the file the finding was made on. Pass a
 * `context` made for the same text when asking for many findings: without one, every call parses
 * the file again.
 */
export function fixesFor(text: string, finding: Finding, options: FixOptions = {}, context?: FixContext): Fix[] {
  const suggestions = finding.fixes ?? [];
  if (suggestions.length === 0) return [];
  const shared = context && context.text === text ? context : fixContext(text);
  if (finding.embedded) return embeddedFixes(shared, finding, options);
  const document = shared.file.documents[finding.document];
  if (!document) return [];
  const fixes: Fix[] = [];
  for (const { intent, applicability } of suggestions) {
    if (options.firstSafeOnly && applicability !== 'safe') continue;
    const edits = editsFor(text, document.doc, finding.path, intent);
    if (!edits || !changesText(text, edits) || !shared.validity.keepsYamlValid(edits)) continue;
    const title = titleOf(intent, finding.path);
    fixes.push({
      title: message(options.locale ?? 'en', title.key, title.args),
      rule: finding.rule,
      edits,
      applicability,
      intent: intent.kind,
    });
    if (options.firstSafeOnly) break;
  }
  return fixes;
}

/** A finding inside an embedded text: its fixes computed on that text, each mapped back and verified. */
function embeddedFixes(context: FixContext, finding: Finding, options: FixOptions): Fix[] {
  const entry = embeddedEntry(context, finding);
  if (!entry || !finding.embedded) return [];
  const inner: Finding = { ...finding, document: finding.embedded.document };
  delete inner.embedded;
  const fixes: Fix[] = [];
  // Every fix is tried: one that cannot be written back must not hide the next (fix-all wants the first that can).
  for (const fix of fixesFor(entry.inner.text, inner, { ...options, firstSafeOnly: false }, entry.inner)) {
    if (options.firstSafeOnly && fix.applicability !== 'safe') continue;
    const edits = mapEmbeddedEdits(context.text, entry.target, fix.edits);
    if (!edits || !context.validity.keepsYamlValid(edits)) continue;
    fixes.push({ ...fix, edits });
    if (options.firstSafeOnly) break;
  }
  return fixes;
}
