/** "Did you mean" for an unknown field: a case slip, a typo, a misplaced key, or a version gap. */
import { FIELDS, childrenOf, fieldExistsIn, type FieldFact } from '../knowledge/fields.ts';
import type { MessageKey } from '../knowledge/messages.ts';
import type { Minor } from '../knowledge/versions.ts';
import { factPath } from './schemaCheck.ts';

export interface FieldHint {
  key: MessageKey;
  args: Record<string, string>;
  data?: Record<string, unknown>;
}

const INTERNAL_ONLY = new Set(['syncPeriod', 'minSyncPeriod', 'linux', 'windows', 'detectLocal.clusterCIDRs', 'nodeIPOverride', 'ipFamily']);

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

export function unknownFieldHint(path: string, minor: Minor): FieldHint | undefined {
  const plain = factPath(path);
  const cut = plain.lastIndexOf('.');
  const parent = cut < 0 ? '' : plain.slice(0, cut);
  const name = plain.slice(cut + 1);
  const siblings = childrenOf(parent, minor);
  const leaf = (field: FieldFact): string => field.path.slice(parent === '' ? 0 : parent.length + 1);

  const sameCase = siblings.find((field) => leaf(field).toLowerCase() === name.toLowerCase());
  if (sameCase) return { key: 'unknown-field.hintCase', args: { suggestion: leaf(sameCase) }, data: { renameKey: leaf(sameCase), preferred: true } };

  if (INTERNAL_ONLY.has(plain)) return { key: 'unknown-field.hintNotV1alpha1', args: { path: plain }, data: { removeKey: true } };

  const elsewhere = FIELDS.find((field) => fieldExistsIn(field, minor) && field.path !== plain &&
    field.path.startsWith(parent === '' ? '' : `${parent}.`) && field.path.endsWith(`.${name}`));
  if (elsewhere) return { key: 'unknown-field.hintMove', args: { suggestion: elsewhere.path }, data: { moveTo: elsewhere.path, preferred: true } };

  const later = FIELDS.find((field) => field.path === plain && !fieldExistsIn(field, minor));
  if (later && later.since) return { key: 'unknown-field.hintSince', args: { since: later.since }, data: { removeKey: true } };


  const close = siblings
    .map((field) => ({ field, distance: editDistance(leaf(field).toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(1, Math.floor(name.length / 4)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return { key: 'unknown-field.hintSimilar', args: { suggestion: leaf(close.field) }, data: { renameKey: leaf(close.field) } };
  return undefined;
}
