/**
 * Builds the JSON Schema of one minor's KubeProxyConfiguration from the field facts.
 * The schema states what upstream's *decoder* enforces (types, known fields); semantic rules live
 * in rules/. `scripts/generate-schemas.ts` writes these to schemas/ for editors and other tools.
 */
import { FIELDS, childrenOf, type Field } from '../knowledge/fields.ts';
import type { Minor } from '../knowledge/versions.ts';

export const SCHEMA_ID_BASE = 'https://kube-proxy-tuner.invalid/schemas/kubeproxy-config';

type JsonSchema = Record<string, unknown>;

const INT32 = { minimum: -2147483648, maximum: 2147483647 };
const UINT32 = { minimum: 0, maximum: 4294967295 };
// int64's bounds as the doubles JSON Schema compares with (2^63 - 1 itself is not representable).
const INT64 = { minimum: -(2 ** 63), maximum: 2 ** 63 };

function leafSchema(field: Field): JsonSchema {
  switch (field.type) {
    case 'string':
      return { type: ['string', 'null'] };
    case 'bool':
      return { type: ['boolean', 'null'] };
    case 'int32':
      return { type: ['integer', 'null'], ...INT32 };
    case 'uint32':
      return { type: ['integer', 'null'], ...UINT32 };
    case 'float32':
      return { type: ['number', 'null'] };
    case 'duration':
      return { type: 'string', format: 'go-duration' };
    case 'durationPtr':
      return { type: ['string', 'null'], format: 'go-duration' };
    case 'timeOrDuration':
      return { type: ['string', 'integer', 'null'], format: 'go-duration', ...INT64 };
    case 'quantity':
      return { type: ['string', 'number', 'null'], format: 'k8s-quantity' };
    case 'stringList':
      return { type: ['array', 'null'], items: { type: ['string', 'null'] } };
    case 'boolMap':
      return { type: ['object', 'null'], additionalProperties: { type: ['boolean', 'null'] } };
    default:
      return {};
  }
}

function describe(field: Field): JsonSchema {
  const out: JsonSchema = { description: field.summary.en, 'x-description-zh-cn': field.summary.zh };
  if (field.default !== undefined && field.default !== null) out.default = field.default;
  if (field.values) out.examples = field.values;
  return out;
}

function objectSchema(path: string, minor: Minor): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const child of childrenOf(path, minor)) {
    const name = child.path.slice(path === '' ? 0 : path.length + 1);
    properties[name] = fieldSchema(child, minor);
  }
  return { type: ['object', 'null'], properties, additionalProperties: false };
}

function fieldSchema(field: Field, minor: Minor): JsonSchema {
  if (field.type === 'object') return { ...describe(field), ...objectSchema(field.path, minor) };
  if (field.type === 'objectList') {
    return { ...describe(field), type: ['array', 'null'], items: { ...objectSchema(`${field.path}[]`, minor), type: ['object', 'null'] } };
  }
  return { ...describe(field), ...leafSchema(field) };
}

export function buildSchema(minor: Minor): JsonSchema {
  const root = objectSchema('', minor);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_ID_BASE}-${minor}.json`,
    title: `KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1), Kubernetes ${minor}`,
    description: `Fields kube-proxy ${minor} decodes; generated from the project's field facts.`,
    ...root,
    type: 'object',
    required: ['apiVersion', 'kind'],
  };
}

/** All field paths known on any minor (for "exists in another version" hints). */
export const ALL_FIELD_PATHS = new Set(FIELDS.map((field) => field.path));
