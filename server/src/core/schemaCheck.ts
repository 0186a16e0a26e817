/**
 * Validates a decoded KubeProxyConfiguration against the minor's JSON Schema with ajv and turns
 * ajv's errors into decoder problems with upstream's wording: unknown fields (strict decoding),
 * wrong JSON types, bad Go durations and quantities, integers that do not fit.
 */
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { fieldFact, type Field } from '../knowledge/fields.ts';
import type { Minor } from '../knowledge/versions.ts';
import { parseGoDuration } from './goDuration.ts';
import { isQuantity, QUANTITY_ERROR } from './goQuantity.ts';
import { buildSchema } from './schema.ts';
import { joinPath, plainPath } from './fieldPath.ts';

export type SchemaIssueKind = 'unknown-field' | 'type' | 'duration' | 'quantity' | 'overflow';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  /** Path of the offending node (for unknown fields, the unknown key). */
  path: string;
  /** The offending value. */
  value: unknown;
  /** Field fact of the expected field (absent for unknown fields). */
  field?: Field;
  /** Upstream's own error text for this problem. */
  upstream: string;
}

const Ajv = (AjvModule as unknown as { default: typeof AjvModule }).default ?? AjvModule;
const validators = new Map<Minor, ValidateFunction>();

function validatorFor(minor: Minor): ValidateFunction {
  let validate = validators.get(minor);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    ajv.addFormat('go-duration', { type: 'string', validate: (value: string) => parseGoDuration(value).ok });
    ajv.addFormat('k8s-quantity', { type: 'string', validate: isQuantity });
    validate = ajv.compile(buildSchema(minor));
    validators.set(minor, validate);
  }
  return validate;
}

/** Splits an ajv instancePath (JSON pointer) into a dotted path, using the value to spot arrays. */
function pointerToPath(pointer: string, root: unknown): { path: string; value: unknown } {
  let path = '';
  let current: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path = joinPath(path, index);
      current = current[index];
    } else {
      path = joinPath(path, segment);
      current = (current as Record<string, unknown> | null)?.[segment];
    }
  }
  return { path, value: current };
}

/** `logging.vmodule[3].verbosity` -> `logging.vmodule[].verbosity`, the key of the field facts. */
export function factPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function jsonKind(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return 'object';
}

/** The field fact for a path, or for the nearest enclosing field (list items, map entries). */
export function nearestFact(path: string): Field | undefined {
  let key = factPath(path);
  while (key !== '') {
    const field = fieldFact(key);
    if (field) return field;
    key = key.endsWith('[]') ? key.slice(0, -2) : key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
  }
  return undefined;
}

/** Go type of the node at `path`: an element type for list items and map values. */
function goTypeAt(field: Field, path: string): string {
  if (factPath(path) === field.path) return field.goType;
  if (field.type === 'stringList') return 'string';
  if (field.type === 'boolMap') return 'bool';
  return field.goType;
}

/** Go's encoding/json error for a value that does not fit the field's Go type. */
export function goTypeError(field: Field | undefined, path: string, value: unknown): string {
  const plainPath = path.replace(/\[\d+\]/g, '');
  const goType = field ? goTypeAt(field, path) : '';
  const target = field ? `Go struct field ${field.goStruct}.${plainPath} of type ${goType}` : `Go value`;
  const numeric = typeof value === 'number' && /int|Duration|Verbosity/.test(goType);
  const shown = numeric ? `number ${value}` : jsonKind(value);
  return `json: cannot unmarshal ${shown} into ${target}`;
}

export function checkSchema(value: unknown, minor: Minor): SchemaIssue[] {
  const validate = validatorFor(minor);
  if (validate(value)) return [];
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, value);
    if (!issue) continue;
    const key = `${issue.kind}:${issue.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toIssue(error: ErrorObject, root: unknown): SchemaIssue | undefined {
  const { path, value } = pointerToPath(error.instancePath, root);
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const unknownPath = joinPath(path, key);
    return {
      kind: 'unknown-field',
      path: unknownPath,
      value: (value as Record<string, unknown>)[key],
      upstream: `strict decoding error: unknown field "${plainPath(unknownPath)}"`,
    };
  }
  const field = nearestFact(path);
  if (error.keyword === 'format' && typeof value === 'string') {
    if (error.params && (error.params as { format: string }).format === 'k8s-quantity') {
      return { kind: 'quantity', path, value, field, upstream: QUANTITY_ERROR };
    }
    const parsed = parseGoDuration(value);
    return { kind: 'duration', path, value, field, upstream: parsed.ok ? '' : parsed.error };
  }
  if (error.keyword === 'type') {
    if (value === null && field && field.type === 'duration') {
      return { kind: 'duration', path, value, field, upstream: 'time: invalid duration ""' };
    }
    if (field && (field.type === 'duration' || field.type === 'durationPtr') && typeof value !== 'string') {
      return { kind: 'type', path, value, field, upstream: goTypeError(field, path, value).replace(/number \S+ into/, 'number into') };
    }
    return { kind: 'type', path, value, field, upstream: goTypeError(field, path, value) };
  }
  if (error.keyword === 'minimum' || error.keyword === 'maximum') {
    return { kind: 'overflow', path, value, field, upstream: goTypeError(field, path, value) };
  }
  return undefined;
}
