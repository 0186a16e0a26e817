/**
 * Everything the product knows about each field of kube-proxy's v1alpha1 KubeProxyConfiguration, in
 * one table: type and Go names (schemas, decode errors), the versions it exists in, upstream's default
 * and when it applies, values, what it does, the recommendation and why, version notes, kubeadm's
 * handling, and the upstream source of every recommendation and note.
 *
 * The data is written per Go struct in knowledge/fields/*.yaml (see the README there) and compiled by
 * scripts/generate-knowledge.ts into fields.generated.json, which this module types and indexes. The
 * schemas, the decoder's type checks, "did you mean", effective defaults, zero-means-default, fix
 * values, hovers and completion documentation all read it from here.
 */
import table from './fields.generated.json' with { type: 'json' };
import { inRange, type Minor } from './versions.ts';

export interface Text {
  en: string;
  zh: string;
}

export type FieldType =
  | 'object' // a nested struct
  | 'objectList' // a list of structs (logging.vmodule)
  | 'string'
  | 'bool'
  | 'int32'
  | 'uint32'
  | 'float32'
  | 'duration' // metav1.Duration: a Go duration string; null is an error
  | 'durationPtr' // *metav1.Duration: a Go duration string; null means unset
  | 'timeOrDuration' // logging.flushFrequency: a duration string, or integer nanoseconds
  | 'quantity' // resource.Quantity: "0", 1Mi, or an integer
  | 'stringList'
  | 'boolMap'; // featureGates

/**
 * When upstream's defaulting replaces a value: `zero` (v1alpha1 defaults.go: 0 or "" becomes the
 * default), `absent` (a pointer field: only a missing or null value does), `platform` (kube-proxy's
 * platformApplyDefaults or a rule that depends on other fields; effective.ts computes it).
 */
export type DefaultWhen = 'zero' | 'absent' | 'platform';

export type Scalar = string | number | boolean;

export interface VersionNote {
  since?: Minor;
  until?: Minor;
  note: Text;
  /** Where upstream says so: a KEP, PR, release note, docs page or code at a tag. */
  source: string;
}

export interface Recommendation {
  /** The recommended value, as written in YAML. */
  value: Scalar;
  /** Only in some situations, e.g. "when Services change often"; absent when always. */
  when?: Text;
  /** Why: what it costs or protects. */
  rationale: Text;
  source: string;
}

export interface Field {
  /** Dotted v1alpha1 JSON path; `[]` marks the items of a list (`logging.vmodule[].filePattern`). */
  path: string;
  type: FieldType;
  /** Go struct that holds this field, as Go's JSON decoder names it in errors. */
  goStruct: string;
  /** Go type name as it appears in decode errors. */
  goType: string;
  since?: Minor;
  until?: Minor;
  /** Upstream's default, as the user would write it. */
  default?: Scalar | null;
  defaultWhen?: DefaultWhen;
  /** Values kube-proxy accepts (completion; the validation rules own the checks). */
  values?: string[];
  /** One line, for completion lists. */
  summary: Text;
  /** What the field does, 1–3 sentences. */
  meaning: Text;
  recommended?: Recommendation;
  /** Why the field matters when there is no single recommended value. */
  rationale?: Text;
  versions?: VersionNote[];
  /** What kubeadm does with this field. */
  kubeadm?: Text;
  /** Explanations of individual values (`ipvs`, `nftables`, `ClusterCIDR` …). */
  valueNotes?: Record<string, { meaning: Text; versions?: VersionNote[] }>;
  /** Upstream documentation (the kubernetes.io reference with anchor, or a KEP). */
  docs: string;
}

interface Table {
  document: { meaning: Text; docs: string };
  fields: Field[];
}

const TABLE = table as unknown as Table;

export const FIELDS: readonly Field[] = TABLE.fields;

/** What a KubeProxyConfiguration is, for the hover on apiVersion/kind. */
export const DOCUMENT_OVERVIEW = TABLE.document;

const BY_PATH = new Map(FIELDS.map((field) => [field.path, field]));

/** The field at a path, with list indexes written `[]` (`logging.vmodule[].filePattern`). */
export function fieldFact(path: string): Field | undefined {
  return BY_PATH.get(path);
}

export function fieldExistsIn(field: Field, minor: Minor): boolean {
  return inRange(minor, field.since, field.until);
}

/** Fields of one minor's surface. */
export function fieldsOf(minor: Minor): Field[] {
  return FIELDS.filter((field) => fieldExistsIn(field, minor));
}

/** Direct children of an object path ('' = the document root) on one minor. */
export function childrenOf(parentPath: string, minor: Minor): Field[] {
  const prefix = parentPath === '' ? '' : `${parentPath}.`;
  return fieldsOf(minor).filter((field) => field.path.startsWith(prefix) && !field.path.slice(prefix.length).includes('.'));
}

/** Upstream's default of a field that has one (the table must hold it: a missing default is a bug). */
export function defaultOf(path: string): Scalar {
  const value = BY_PATH.get(path)?.default;
  if (value === undefined || value === null) throw new Error(`knowledge: ${path} has no default`);
  return value;
}

/** Fields whose 0 (or empty) value upstream replaces with their default before validation. */
export const DEFAULTED_WHEN_ZERO: readonly Field[] = FIELDS.filter((field) => field.defaultWhen === 'zero');
