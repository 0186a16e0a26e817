/**
 * Turns a YAML document into the JSON value sigs.k8s.io/yaml would hand to Go's JSON decoder
 * (aliases and merge keys resolved, keys stringified), and remembers where every value came
 * from so that findings point at the user's text. Duplicate keys are collected here because the
 * JSON value can no longer show them; the last value wins, as in upstream's lenient decoding.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, visit as yamlVisit, type Alias, type Document, type Node, type Pair } from 'yaml';
import { joinPath } from './fieldPath.ts';
import type { Span } from './types.ts';

export interface NodeLocation {
  /** Span of the key (for map entries). */
  key?: Span;
  /** Span of the value; for an empty value, the end of its key. */
  value: Span;
}

export interface DuplicateKey {
  path: string;
  key: Span;
  firstKey: Span;
}

export interface DecodedDocument {
  /** The JSON value (undefined for an empty document). */
  value: unknown;
  /** Location of every path, e.g. `ipvs.excludeCIDRs[1]`. */
  locations: Map<string, NodeLocation>;
  duplicates: DuplicateKey[];
  /** Fatal conversion problems (merge of a non-map, unsupported key, alias expansion limit). */
  problems: { path: string; span: Span; message: string }[];
}

/**
 * go-yaml v2's guard against alias bombs (sigs.k8s.io/yaml/goyaml.v2 decode.go, `allowedAliasRatio`),
 * which kube-proxy and kubeadm decode with: the share of decoded nodes that come from expanding
 * aliases may be 99% up to 400,000 decodes, falling to 10% at 4,000,000. Past it, go-yaml fails with
 * "document contains excessive aliasing". Counting only alias expansions keeps a long list without
 * aliases (100,001 items) from tripping it, and the ratio bounds the work a bomb can cause.
 */
const ALIAS_RATIO_LOW = 400_000;
const ALIAS_RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

/** Counts decodes as go-yaml does and says when the aliasing is excessive. */
export class AliasBudget {
  private decodes = 0;
  private aliasDecodes = 0;
  /** Counts one decoded node; true once the document has more aliasing than go-yaml allows. */
  exceeded(throughAlias: boolean): boolean {
    this.decodes++;
    if (throughAlias) this.aliasDecodes++;
    return this.aliasDecodes > 100 && this.decodes > 1000 && this.aliasDecodes / this.decodes > allowedAliasRatio(this.decodes);
  }
}

export function decodeDocument(doc: Document.Parsed): DecodedDocument {
  const locations = new Map<string, NodeLocation>();
  const duplicates: DuplicateKey[] = [];
  const problems: DecodedDocument['problems'] = [];
  const budget = new AliasBudget();
  let exhausted = false;
  const aliasTargets = new Map<Node, Node | undefined>();
  /** Anchors and aliases in document order, collected once (what yaml's resolve() walks per call). */
  let anchored: Node[] | undefined;
  /** As yaml's Alias.resolve: the last node anchored with the alias's name before the alias. */
  const resolveAlias = (alias: Alias): Node | undefined => {
    if (!anchored) {
      const nodes: Node[] = [];
      yamlVisit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || (node as { anchor?: string }).anchor) nodes.push(node);
        },
      });
      anchored = nodes;
    }
    let found: Node | undefined;
    for (const node of anchored) {
      if (node === alias) break;
      if ((node as { anchor?: string }).anchor === alias.source) found = node;
    }
    return found;
  };

  const spanOf = (node: Node | null | undefined, fallback: Span): Span =>
    node && node.range ? { start: node.range[0], end: node.range[1] } : fallback;

  /** `recordAt`: the node is where the user wrote it (false inside an alias or merge expansion). */
  const visit = (node: unknown, path: string, at: Span, recordAt: boolean, throughAlias = false): unknown => {
    if (exhausted) return undefined;
    if (budget.exceeded(throughAlias)) {
      exhausted = true;
      problems.push({ path, span: at, message: 'alias-limit' });
      return undefined;
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      // Resolved once per alias node: yaml's resolve() walks the whole document each time, which
      // made a merge-key alias bomb take ~24 s within the expansion budget (found by fuzzing).
      let target = aliasTargets.get(node);
      if (target === undefined && !aliasTargets.has(node)) {
        target = resolveAlias(node);
        aliasTargets.set(node, target);
      }
      // Findings inside an alias point at the alias itself: that is where the user used it.
      return visit(target, path, at, false, true);
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'bigint') return Number(value);
      if (value instanceof Date) return node.source ?? String(value);
      if (value instanceof Uint8Array) return node.source ?? '';
      return value === undefined ? null : value;
    }
    if (isMap(node)) {
      // No prototype: a user's `__proto__` key is a key like any other (with `{}` it would replace
      // the object's prototype and vanish from the decoded value).
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const seenKeys = new Map<string, Span>();
      for (const pair of node.items) {
        if (isMergePair(pair)) {
          mergeInto(out, pair, path, recordAt, throughAlias);
          continue;
        }
        const keyName = keyString(pair.key);
        const keySpan = spanOf(pair.key as Node, at);
        if (keyName === undefined) {
          problems.push({ path, span: keySpan, message: 'complex-key' });
          continue;
        }
        const childPath = joinPath(path, keyName);
        const previous = seenKeys.get(keyName);
        if (previous) duplicates.push({ path: childPath, key: keySpan, firstKey: previous });
        seenKeys.set(keyName, keySpan);
        const valueNode = pair.value as Node | null;
        const valueSpan = valueNode && valueNode.range ? spanOf(valueNode, keySpan) : { start: keySpan.end, end: keySpan.end };
        if (recordAt) locations.set(childPath, { key: keySpan, value: valueSpan });
        else if (!locations.has(childPath)) locations.set(childPath, { key: at, value: at });
        // The key is a decode of its own for go-yaml's count.
        if (budget.exceeded(throughAlias)) {
          exhausted = true;
          problems.push({ path: childPath, span: keySpan, message: 'alias-limit' });
          return out;
        }
        out[keyName] = visit(valueNode, childPath, recordAt ? valueSpan : at, recordAt, throughAlias);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const childPath = joinPath(path, i);
        const itemSpan = recordAt ? spanOf(item as Node, at) : at;
        if (!locations.has(childPath) || recordAt) locations.set(childPath, { value: itemSpan });
        return visit(item, childPath, itemSpan, recordAt, throughAlias);
      });
    }
    return null;
  };

  const mergeInto = (out: Record<string, unknown>, pair: Pair, path: string, recordAt: boolean, throughAlias: boolean): void => {
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    const keySpan = spanOf(pair.key as Node, { start: 0, end: 0 });
    for (const source of sources) {
      const merged = visit(source, path, recordAt ? spanOf(pair.value as Node, keySpan) : keySpan, false, throughAlias);
      if (merged === null || typeof merged !== 'object' || Array.isArray(merged)) {
        problems.push({ path, span: spanOf(pair.value as Node, keySpan), message: 'merge-not-map' });
        continue;
      }
      for (const [key, value] of Object.entries(merged)) {
        out[key] = value;
        const childPath = joinPath(path, key);
        if (!locations.has(childPath)) locations.set(childPath, { key: keySpan, value: spanOf(pair.value as Node, keySpan) });
      }
    }
  };

  const root = doc.contents;
  const rootSpan = spanOf(root as Node, { start: doc.range[0], end: doc.range[0] });
  const value = root === null ? undefined : visit(root, '', rootSpan, true);
  locations.set('', { value: rootSpan });
  return { value, locations, duplicates, problems };
}

function isMergePair(pair: Pair): boolean {
  const key = pair.key;
  // The yaml package marks a resolved merge key with a Symbol('<<'); a quoted '<<' is a plain key.
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN' && !key.tag));
}

/** Keys as sigs.k8s.io/yaml writes them into JSON: strings as is, scalars formatted. */
function keyString(key: unknown): string | undefined {
  if (isPair(key)) return undefined;
  if (key === null || key === undefined) return 'null';
  if (isScalar(key)) {
    const value = key.value;
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    return key.source ?? String(value);
  }
  return undefined;
}
