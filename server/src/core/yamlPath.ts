/**
 * Finds the YAML nodes behind a dotted path (`logging.options.json`, `ipvs.excludeCIDRs[1]`) in
 * one document, for edits. Only what the user wrote is found: aliases and merge keys are not
 * followed, because an edit must land in the text the user sees at that place.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { pathOf, splitPath } from './fieldPath.ts';

export interface PathHit {
  /** The pair whose key is the last path segment (absent for list items and the root). */
  pair?: Pair;
  /** The map that holds the pair. */
  parent?: YAMLMap;
  /** The value node (null for an empty value). */
  value: Node | null;
}

/** A pair's key as the decoder names it (decode.ts `keyString`), for scalar keys. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
  return undefined;
}

/** The last pair with this key (upstream keeps the last of duplicates). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && keyName(item) === key) found = item;
  return found;
}

export function findPath(doc: Document.Parsed, path: string): PathHit | undefined {
  return findPathIn(doc.contents as Node | null, path);
}

/** `findPath` from any node (an item of a List, a map inside a document). */
export function findPathIn(root: Node | null, path: string): PathHit | undefined {
  let value: Node | null = root;
  let hit: PathHit = { value };
  for (const segment of splitPath(path)) {
    if (typeof segment === 'number') {
      if (!isSeq(value) || segment >= value.items.length) return undefined;
      value = value.items[segment] as Node | null;
      hit = { value };
    } else {
      if (!isMap(value)) return undefined;
      const pair = pairOf(value, segment);
      if (!pair) return undefined;
      hit = { pair, parent: value, value: (pair.value as Node | null) ?? null };
      value = hit.value;
    }
  }
  return hit;
}

/** The deepest existing prefix of a path, and the segments still missing below it. */
export function deepestExisting(doc: Document.Parsed, path: string): { hit: PathHit; path: string; missing: string[] } | undefined {
  const segments = splitPath(path);
  for (let n = segments.length; n >= 0; n--) {
    const prefix = segments.slice(0, n);
    if (prefix.some((segment) => typeof segment === 'number')) continue;
    const prefixPath = pathOf(prefix);
    const hit = findPath(doc, prefixPath);
    if (hit) return { hit, path: prefixPath, missing: segments.slice(n).map(String) };
  }
  return undefined;
}
