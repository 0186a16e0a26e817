/**
 * Quick fixes computed from a finding's `data`: set a value, rename, remove or move a key, quote
 * or unquote a scalar, drop an earlier duplicate, remove a stray `---` line, and silence a rule.
 * Every fix is a minimal text edit that keeps comments, quoting and indentation of everything
 * else; a fix whose result would not parse as cleanly as the input is never offered.
 */
import { isMap, isScalar, visit, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { message } from '../knowledge/messages.ts';
import { EditValidity } from './editValidity.ts';
import { parseFile, type ParseCache, type ParsedFile } from './parse.ts';
import { column, lineStart, newlineOf, nextLineStart, startsLine, type TextEdit } from './textEdits.ts';
import type { Finding, Locale } from './types.ts';
import { deepestExisting, findPath, splitPath } from './yamlPath.ts';

export interface Fix {
  title: string;
  rule: string;
  edits: TextEdit[];
  /** Safe to apply without a look: used by fix-all. */
  preferred: boolean;
}

type Scalarish = string | number | boolean;

/** A YAML 1.1 plain scalar that reads back as this exact string, or a double-quoted one. */
export function renderScalar(value: Scalarish, style?: Scalar.Type): string {
  if (typeof value !== 'string') return String(value);
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const plainSafe = /^[A-Za-z0-9/][A-Za-z0-9_./:+-]*$/.test(value) && !/: |:$/.test(value);
  const ambiguous = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(value)
    || /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(value)
    || /^0[xob]/i.test(value) || /^[0-9]+(:[0-5]?[0-9])+$/.test(value);
  return plainSafe && !ambiguous && value !== '' ? value : JSON.stringify(value);
}

function indentUnit(text: string): number {
  const nested = /\n( +)[^\s#-]/.exec(text);
  return nested ? Math.min(nested[1].length, 4) : 2;
}

/** End of a pair's text: past the newline of the line its value ends on. */
function pairEnd(text: string, pair: Pair): number {
  const node = (pair.value as Node | null) ?? (pair.key as Node);
  const end = node?.range ? node.range[1] : 0;
  return text[end - 1] === '\n' ? end : nextLineStart(text, end);
}

function setValue(text: string, doc: Document.Parsed, path: string, value: Scalarish): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (hit) {
    const node = hit.value;
    if (node === null || (isScalar(node) && (node.value === null && (node.source ?? '') === ''))) {
      const at = node?.range ? node.range[0] : (hit.pair?.key as Node | undefined)?.range?.[1];
      if (at === undefined) return undefined;
      const colon = text.indexOf(':', (hit.pair?.key as Node).range![1]);
      return [{ span: { start: colon + 1, end: at > colon ? at : colon + 1 }, newText: ` ${renderScalar(value)}` }];
    }
    if (!isScalar(node) || !node.range) return undefined;
    return [{ span: { start: node.range[0], end: node.range[1] }, newText: renderScalar(value, node.type) }];
  }
  const existing = deepestExisting(doc, path);
  if (!existing || existing.missing.length === 0) return undefined;
  const lines = (indent: number, unit: number): string[] => existing.missing.map((segment, i) =>
    `${' '.repeat(indent + i * unit)}${segment}:${i === existing.missing.length - 1 ? ` ${renderScalar(value)}` : ''}`);
  return insertBlock(text, doc, existing.hit, existing.path, lines);
}

/** Inserts lines as the last children of an existing map (or under an empty key). */
function insertBlock(text: string, doc: Document.Parsed, hit: ReturnType<typeof findPath> & object, path: string, lines: (indent: number, unit: number) => string[]): TextEdit[] | undefined {
  const unit = indentUnit(text);
  const newline = newlineOf(text);
  const value = hit.value;
  let at: number;
  let indent: number;
  if (isMap(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as Pair;
    indent = column(text, (first.key as Node).range![0]);
    at = pairEnd(text, value.items[value.items.length - 1] as Pair);
  } else if (hit.pair && (value === null || (isScalar(value) && value.value === null && (value.source ?? '') === ''))) {
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

/** Removes a pair's lines; comments on them stay behind as comment lines, so none is lost. */
function removePair(text: string, pair: Pair): TextEdit[] | undefined {
  const key = pair.key as Node;
  if (!key?.range || !startsLine(text, key.range[0])) return undefined;
  const start = lineStart(text, key.range[0]);
  const end = pairEnd(text, pair);
  const indent = ' '.repeat(column(text, key.range[0]));
  const newline = newlineOf(text);
  const comments = text.slice(start, end).split(/\r?\n/)
    .map((line) => /(?:^|\s)(#.*)$/.exec(line)?.[1])
    .filter((comment): comment is string => comment !== undefined)
    .map((comment) => `${indent}${comment}${newline}`);
  return [{ span: { start, end }, newText: comments.join('') }];
}

function removeKey(text: string, doc: Document.Parsed, path: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (!hit?.pair || hit.parent?.flow) return undefined;
  return removePair(text, hit.pair);
}

function renameKey(doc: Document.Parsed, path: string, to: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  const key = hit?.pair?.key as Node | undefined;
  if (!key?.range) return undefined;
  return [{ span: { start: key.range[0], end: key.range[1] }, newText: to }];
}

/** Moves a key with its whole block under another parent, re-indented; comments inside travel along. */
function moveKey(text: string, doc: Document.Parsed, path: string, to: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (!hit?.pair || hit.parent?.flow) return undefined;
  const key = hit.pair.key as Node;
  if (!startsLine(text, key.range![0])) return undefined;
  const targetSegments = splitPath(to);
  const targetName = String(targetSegments[targetSegments.length - 1]);
  const targetParentPath = targetSegments.slice(0, -1).join('.');
  if (findPath(doc, to)) return undefined;
  const targetParent = findPath(doc, targetParentPath);
  if (!targetParent) return undefined;
  const start = lineStart(text, key.range![0]);
  const end = pairEnd(text, hit.pair);
  const fromIndent = column(text, key.range![0]);
  const block = text.slice(start, end).replace(/\r?\n$/, '');
  const moved = (indent: number): string[] => block.split(/\r?\n/).map((line, i) => {
    if (line.trim() === '') return line;
    const stripped = line.startsWith(' '.repeat(fromIndent)) ? line.slice(fromIndent) : line.trimStart();
    const renamed = i === 0 ? stripped.replace(/^[^:]+:/, `${targetName}:`) : stripped;
    return `${' '.repeat(indent)}${renamed}`;
  });
  const insert = insertBlock(text, doc, targetParent, targetParentPath, (indent) => moved(indent));
  if (!insert) return undefined;
  const [edit] = insert;
  const removal = { span: { start, end }, newText: '' };
  // Inserting exactly where the block was (the common case): one edit that re-indents in place.
  if (edit.span.start === start || edit.span.start === end) return [{ span: { start, end }, newText: edit.newText }];
  if (edit.span.start > start && edit.span.start < end) return undefined;
  return [removal, edit];
}

function requote(text: string, doc: Document.Parsed, path: string, quote: boolean): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  const node = hit?.value;
  if (!isScalar(node) || !node.range) return undefined;
  const source = text.slice(node.range[0], node.range[1]);
  if (quote) return node.type === 'PLAIN' ? [{ span: { start: node.range[0], end: node.range[1] }, newText: JSON.stringify(source) }] : undefined;
  if (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
  return [{ span: { start: node.range[0], end: node.range[1] }, newText: String(node.value) }];
}

function pairWithKeyAt(doc: Document.Parsed, offset: number): Pair | undefined {
  let found: Pair | undefined;
  visit(doc, { Pair(_, pair) {
    const key = pair.key as Node | null;
    if (key?.range && key.range[0] === offset) { found = pair as Pair; return visit.BREAK; }
    return undefined;
  } });
  return found;
}

/** The comment line that silences a rule for the line below it, indented like that line. */
export function suppressionEdit(text: string, finding: Finding): TextEdit {
  const start = lineStart(text, finding.span.start);
  const indent = /^ */.exec(text.slice(start))![0];
  return { span: { start, end: start }, newText: `${indent}# kube-proxy-tuner-disable-next-line ${finding.rule}${newlineOf(text)}` };
}

function candidateEdits(text: string, doc: Document.Parsed, finding: Finding): { key: Parameters<typeof message>[1]; args: Record<string, string>; edits: TextEdit[] | undefined }[] {
  const data = finding.data ?? {};
  const path = finding.path;
  const out: ReturnType<typeof candidateEdits> = [];
  if ('replaceValue' in data) out.push({ key: 'fix.setValue', args: { path, value: renderScalar(data.replaceValue as Scalarish) }, edits: setValue(text, doc, path, data.replaceValue as Scalarish) });
  if (typeof data.renameKey === 'string') out.push({ key: 'fix.renameKey', args: { path, to: data.renameKey }, edits: renameKey(doc, path, data.renameKey) });
  if (typeof data.moveTo === 'string') out.push({ key: 'fix.moveKey', args: { path, to: data.moveTo }, edits: moveKey(text, doc, path, data.moveTo) });
  if (data.quoteValue) out.push({ key: 'fix.quote', args: { path }, edits: requote(text, doc, path, true) });
  if (data.unquoteValue) out.push({ key: 'fix.unquote', args: { path }, edits: requote(text, doc, path, false) });
  if (typeof data.removeDuplicateAt === 'number') {
    const pair = pairWithKeyAt(doc, data.removeDuplicateAt);
    out.push({ key: 'fix.removeDuplicate', args: { path }, edits: pair ? removePair(text, pair) : undefined });
  }
  if (typeof data.removeLineAt === 'number') {
    const at = data.removeLineAt;
    out.push({ key: 'fix.removeSeparator', args: {}, edits: [{ span: { start: at, end: nextLineStart(text, at) }, newText: '' }] });
  }
  if (data.removeKey === true || typeof data.renameKey === 'string' || typeof data.moveTo === 'string') {
    if (finding.rule === 'unknown-field' || finding.rule === 'unused-field') out.push({ key: 'fix.removeKey', args: { path }, edits: removeKey(text, doc, path) });
  }
  return out;
}

/** What the fixes of many findings in one text share: its parse and the validity check of edits. */
export interface FixContext { text: string; file: ParsedFile; validity: EditValidity }

/** `parseCache`: the caller's cache (fix-all, the language server), so unchanged documents are not parsed again. */
export function fixContext(text: string, parseCache?: ParseCache): FixContext {
  const file = parseFile(text, parseCache);
  return { text, file, validity: new EditValidity(text, file) };
}

/**
 * The quick fixes for one finding, best first; `text` is the file the finding was made on. Pass a
 * `context` made for the same text when asking for many findings: without one, every call parses
 * the file again.
 */
export function fixesFor(text: string, finding: Finding, locale: Locale = 'en', context?: FixContext): Fix[] {
  const shared = context && context.text === text ? context : fixContext(text);
  const document = shared.file.documents[finding.document];
  if (!document) return [];
  const fixes: Fix[] = [];
  for (const [i, candidate] of candidateEdits(text, document.doc, finding).entries()) {
    if (!candidate.edits || candidate.edits.length === 0) continue;
    if (!shared.validity.keepsYamlValid(candidate.edits)) continue;
    fixes.push({
      title: message(locale, candidate.key, candidate.args),
      rule: finding.rule,
      edits: candidate.edits,
      preferred: i === 0 && finding.data?.preferred === true,
    });
  }
  return fixes;
}

