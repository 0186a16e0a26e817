/** Edits that change keys: rename, move a key with its block, remove a pair or an earlier duplicate. */
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { lastSegment, parentPath } from '../fieldPath.ts';
import { renderScalar } from '../scalar.ts';
import { column, lineStart, newlineOf, startsLine, type TextEdit } from '../textEdits.ts';
import { findPath, keyName } from '../yamlPath.ts';
import { commentsIn, scalarRanges } from './comments.ts';
import { insertBlock, pairEnd } from './scalarEdits.ts';

/**
 * Every key a map holds once decoded: its own and those a merge key (`<<: *base`) brings in. A
 * rename or move onto one of them would make a duplicate, and upstream keeps the last value: the
 * fix would silently replace a value the user set.
 */
export function effectiveKeys(doc: Document.Parsed, map: YAMLMap, seen = new Set<YAMLMap>()): Set<string> {
  const keys = new Set<string>();
  if (seen.has(map)) return keys;
  seen.add(map);
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = item.key;
    const isMerge = isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
    if (!isMerge) {
      const name = keyName(item);
      if (name !== undefined) keys.add(name);
      continue;
    }
    const sources = isSeq(item.value) ? item.value.items : [item.value];
    for (let source of sources as unknown[]) {
      if (isAlias(source)) source = source.resolve(doc);
      if (isMap(source)) for (const name of effectiveKeys(doc, source, seen)) keys.add(name);
    }
  }
  return keys;
}

/** Renames the key at `path` to `to`, unless the map already holds `to`. */
export function renameKey(doc: Document.Parsed, path: string, to: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  const key = hit?.pair?.key as Node | undefined;
  if (!hit?.parent || !key?.range || !isScalar(key)) return undefined;
  if (effectiveKeys(doc, hit.parent).has(to)) return undefined;
  return [{ span: { start: key.range[0], end: key.range[1] }, newText: renderScalar(to) }];
}

/** Removes a pair's lines; its comments stay behind as comment lines, so none is lost. */
export function removePair(text: string, pair: Pair): TextEdit[] | undefined {
  const key = pair.key as Node;
  if (!key?.range || !startsLine(text, key.range[0])) return undefined;
  const start = lineStart(text, key.range[0]);
  const end = pairEnd(text, pair);
  const indent = ' '.repeat(column(text, key.range[0]));
  const newline = newlineOf(text);
  const comments = commentsIn(text, start, end, scalarRanges(pair)).map((comment) => `${indent}${comment}${newline}`);
  return [{ span: { start, end }, newText: comments.join('') }];
}

export function removeKey(text: string, doc: Document.Parsed, path: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (!hit?.pair || hit.parent?.flow) return undefined;
  return removePair(text, hit.pair);
}

/** Removes the earlier of two duplicate keys (upstream keeps the later one's value). */
export function removeDuplicate(text: string, doc: Document.Parsed, firstKeyAt: number): TextEdit[] | undefined {
  let found: Pair | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as Node | null;
      if (key?.range && key.range[0] === firstKeyAt) {
        found = pair as Pair;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found ? removePair(text, found) : undefined;
}

/** Moves a key with its whole block under another parent, re-indented; comments inside travel along. */
export function moveKey(text: string, doc: Document.Parsed, path: string, to: string): TextEdit[] | undefined {
  const hit = findPath(doc, path);
  if (!hit?.pair || hit.parent?.flow) return undefined;
  const key = hit.pair.key as Node;
  if (!startsLine(text, key.range![0])) return undefined;
  const targetName = lastSegment(to);
  if (typeof targetName !== 'string') return undefined;
  const targetParentPath = parentPath(to);
  const targetParent = findPath(doc, targetParentPath);
  if (!targetParent) return undefined;
  if (isMap(targetParent.value) && effectiveKeys(doc, targetParent.value).has(targetName)) return undefined;
  const start = lineStart(text, key.range![0]);
  const end = pairEnd(text, hit.pair);
  const fromIndent = column(text, key.range![0]);
  const keyEnd = key.range![1] - start;
  const block = text.slice(start, end).replace(/\r?\n$/, '');
  const moved = (indent: number): string[] =>
    block.split(/\r?\n/).map((line, i) => {
      if (line.trim() === '') return line;
      const stripped = line.startsWith(' '.repeat(fromIndent)) ? line.slice(fromIndent) : line.trimStart();
      const renamed = i === 0 ? `${renderScalar(targetName)}${stripped.slice(keyEnd - fromIndent)}` : stripped;
      return `${' '.repeat(indent)}${renamed}`;
    });
  const insert = insertBlock(text, doc, targetParent, targetParentPath, (indent) => moved(indent));
  if (!insert) return undefined;
  const [edit] = insert;
  // Inserting exactly where the block was (the common case): one edit that re-indents in place.
  if (edit.span.start === start || edit.span.start === end) return [{ span: { start, end }, newText: edit.newText }];
  if (edit.span.start > start && edit.span.start < end) return undefined;
  return [{ span: { start, end }, newText: '' }, edit];
}
