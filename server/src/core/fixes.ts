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
import { parseFile, type ParseCache, type ParsedFile } from './parse.ts';
import { renderScalar } from './scalar.ts';
import { lineStart, newlineOf, type TextEdit } from './textEdits.ts';
import type { Finding, Locale } from './types.ts';

export interface Fix {
  title: string;
  rule: string;
  edits: TextEdit[];
  /** `safe`: applied by fix-all and `--fix`; `unsafe`: only when the user picks it. */
  applicability: Applicability;
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

/** The comment line that silences a rule for the line below it, indented like that line. */
export function suppressionEdit(text: string, finding: Finding): TextEdit {
  const start = lineStart(text, finding.span.start);
  const indent = /^ */.exec(text.slice(start))![0];
  return { span: { start, end: start }, newText: `${indent}# kube-proxy-tuner-disable-next-line ${finding.rule}${newlineOf(text)}` };
}

/** What the fixes of many findings in one text share: its parse and the validity check of edits. */
export interface FixContext {
  text: string;
  file: ParsedFile;
  validity: EditValidity;
}

/** `parseCache`: the caller's cache (fix-all, the language server), so unchanged documents are not parsed again. */
export function fixContext(text: string, parseCache?: ParseCache): FixContext {
  const file = parseFile(text, parseCache);
  return { text, file, validity: new EditValidity(text, file) };
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
  const document = shared.file.documents[finding.document];
  if (!document) return [];
  const fixes: Fix[] = [];
  for (const { intent, applicability } of suggestions) {
    if (options.firstSafeOnly && applicability !== 'safe') continue;
    const edits = editsFor(text, document.doc, finding.path, intent);
    if (!edits || !changesText(text, edits) || !shared.validity.keepsYamlValid(edits)) continue;
    const title = titleOf(intent, finding.path);
    fixes.push({ title: message(options.locale ?? 'en', title.key, title.args), rule: finding.rule, edits, applicability });
    if (options.firstSafeOnly) break;
  }
  return fixes;
}
