/**
 * "Did you mean" for an unknown field: a case slip, a typo, a misplaced key, a dotted key that names
 * a nested field, or a version gap. A rename or move is suggested only when its target is not set
 * already: upstream keeps the last of two equal keys, so the fix would replace the user's value.
 */
import { FIELDS, childrenOf, fieldExistsIn, fieldFact, type Field } from '../knowledge/fields.ts';
import type { MessageKey } from '../knowledge/messages.ts';
import type { Minor } from '../knowledge/versions.ts';
import { pathOf, splitPath, type PathSegment } from './fieldPath.ts';
import { safe, unsafe, type FixSuggestion } from './fixIntent.ts';
import { factPath } from './schemaCheck.ts';

export interface FieldHint {
  key: MessageKey;
  args: Record<string, string>;
  fixes?: FixSuggestion[];
}

/** Whether the decoded document sets `path`. */
function isSet(root: unknown, segments: readonly PathSegment[]): boolean {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return false;
    if (!Object.hasOwn(current, segment)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

const INTERNAL_ONLY = new Set([
  'syncPeriod',
  'minSyncPeriod',
  'linux',
  'windows',
  'detectLocal.clusterCIDRs',
  'nodeIPOverride',
  'ipFamily',
]);

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

export function unknownFieldHint(path: string, minor: Minor, root: unknown): FieldHint | undefined {
  const segments = splitPath(path);
  const name = segments[segments.length - 1];
  if (typeof name !== 'string') return undefined;
  const parentSegments = segments.slice(0, -1);
  const parent = factPath(pathOf(parentSegments));
  const plain = parent === '' ? name : `${parent}.${name}`;
  const siblings = childrenOf(parent, minor);
  const leaf = (field: Field): string => field.path.slice(parent === '' ? 0 : parent.length + 1);
  const taken = (sibling: string): boolean => isSet(root, [...parentSegments, sibling]);

  const sameCase = siblings.find((field) => leaf(field).toLowerCase() === name.toLowerCase());
  if (sameCase) {
    const suggestion = leaf(sameCase);
    if (taken(suggestion)) return { key: 'unknown-field.hintCaseTaken', args: { suggestion } };
    return { key: 'unknown-field.hintCase', args: { suggestion }, fixes: [safe({ kind: 'renameKey', to: suggestion })] };
  }

  // A literal key such as "ipvs.syncPeriod": to YAML a single key, to the user the nested field.
  const dotted = name.includes('.') ? fieldFact(plain) : undefined;
  if (dotted && fieldExistsIn(dotted, minor)) {
    const target = pathOf([...parentSegments, ...dotted.path.slice(parent === '' ? 0 : parent.length + 1).split('.')]);
    const fixes = isSet(root, splitPath(target)) ? undefined : [safe({ kind: 'moveKey', to: target })];
    return { key: 'unknown-field.hintDotted', args: { suggestion: dotted.path }, fixes };
  }

  if (INTERNAL_ONLY.has(plain)) return { key: 'unknown-field.hintNotV1alpha1', args: { path: plain } };

  const elsewhere = FIELDS.find(
    (field) =>
      fieldExistsIn(field, minor) &&
      field.path !== plain &&
      field.path.startsWith(parent === '' ? '' : `${parent}.`) &&
      field.path.endsWith(`.${name}`),
  );
  if (elsewhere) {
    const target = pathOf([...parentSegments, ...elsewhere.path.slice(parent === '' ? 0 : parent.length + 1).split('.')]);
    if (isSet(root, splitPath(target))) return { key: 'unknown-field.hintMoveTaken', args: { suggestion: elsewhere.path } };
    return { key: 'unknown-field.hintMove', args: { suggestion: elsewhere.path }, fixes: [safe({ kind: 'moveKey', to: target })] };
  }

  const later = FIELDS.find((field) => field.path === plain && !fieldExistsIn(field, minor));
  if (later && later.since) return { key: 'unknown-field.hintSince', args: { since: later.since } };

  const close = siblings
    .map((field) => ({ field, distance: editDistance(leaf(field).toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(name.length / 4)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) {
    const suggestion = leaf(close.field);
    return {
      key: 'unknown-field.hintSimilar',
      args: { suggestion },
      fixes: taken(suggestion) ? undefined : [unsafe({ kind: 'renameKey', to: suggestion })],
    };
  }
  return undefined;
}
