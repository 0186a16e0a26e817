/**
 * Compiles the field knowledge, written per Go struct in server/src/knowledge/fields/*.yaml (where a
 * reviewer edits the texts without reading TypeScript), into server/src/knowledge/fields.generated.json,
 * the one table the product reads: field facts, defaults, recommendations, version notes and sources.
 *
 * `npm run generate:knowledge` after editing a YAML file; a unit test fails while the checked-in JSON
 * differs from what this produces. Every entry is checked here, with the file and field named in the
 * error: required keys, both languages, known minors and types, and an upstream source for every
 * recommendation and version note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SUPPORTED_MINORS } from '../server/src/knowledge/versions.ts';

const DIR = join(import.meta.dirname, '../server/src/knowledge/fields');
export const OUTPUT = join(import.meta.dirname, '../server/src/knowledge/fields.generated.json');

/** The struct files, in the order their fields are listed (root first, then its sections). */
export const STRUCT_FILES = [
  'kube-proxy-configuration',
  'client-connection',
  'logging',
  'iptables',
  'ipvs',
  'nftables',
  'winkernel',
  'detect-local',
  'conntrack',
] as const;

const FIELD_TYPES = [
  'object',
  'objectList',
  'string',
  'bool',
  'int32',
  'uint32',
  'float32',
  'duration',
  'durationPtr',
  'timeOrDuration',
  'quantity',
  'stringList',
  'boolMap',
];
const DEFAULT_WHEN = ['zero', 'absent', 'platform'];
const FIELD_KEYS = new Set([
  'type',
  'goType',
  'goStruct',
  'since',
  'until',
  'default',
  'defaultWhen',
  'values',
  'summary',
  'meaning',
  'recommended',
  'rationale',
  'versions',
  'kubeadm',
  'valueNotes',
  'docs',
]);

type Json = Record<string, unknown>;

class DataError extends Error {}

function fail(where: string, problem: string): never {
  throw new DataError(`${where}: ${problem}`);
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const CJK = /[\u4e00-\u9fff]/;

function text(value: unknown, where: string): { en: string; zh: string } {
  if (!isObject(value)) fail(where, 'needs en and zh texts');
  const { en, zh } = value;
  if (typeof en !== 'string' || en.trim() === '') fail(where, 'the English text (en) is missing');
  if (typeof zh !== 'string' || zh.trim() === '') fail(where, 'the Chinese text (zh) is missing');
  if (!CJK.test(zh)) fail(where, 'the Chinese text (zh) has no Chinese in it');
  const extra = Object.keys(value).filter((key) => key !== 'en' && key !== 'zh');
  if (extra.length > 0) fail(where, `unknown keys ${extra.join(', ')}`);
  return { en: en.trim(), zh: zh.trim() };
}

function minor(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(SUPPORTED_MINORS as readonly string[]).includes(value)) {
    fail(where, `"${String(value)}" is not a supported minor (${SUPPORTED_MINORS[0]}–${SUPPORTED_MINORS[SUPPORTED_MINORS.length - 1]})`);
  }
  return value;
}

function source(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^https:\/\/\S+$/.test(value)) {
    fail(where, 'needs an upstream source: an https:// link to a KEP, PR, release note, docs page or code at a tag');
  }
  return value;
}

function versions(value: unknown, where: string): Json[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(where, 'versions must be a list');
  return value.map((entry, i) => {
    const at = `${where}.versions[${i}]`;
    if (!isObject(entry)) fail(at, 'must be a map with note and source');
    const out: Json = {};
    const since = minor(entry.since, `${at}.since`);
    const until = minor(entry.until, `${at}.until`);
    if (since) out.since = since;
    if (until) out.until = until;
    out.note = text(entry.note, `${at}.note`);
    out.source = source(entry.source, `${at}.source`);
    return out;
  });
}

function field(path: string, entry: unknown, goStruct: string, where: string): Json {
  if (!isObject(entry)) fail(where, 'must be a map');
  const unknown = Object.keys(entry).filter((key) => !FIELD_KEYS.has(key));
  if (unknown.length > 0) fail(where, `unknown keys ${unknown.join(', ')}`);
  if (typeof entry.type !== 'string' || !FIELD_TYPES.includes(entry.type)) fail(where, `type must be one of ${FIELD_TYPES.join(', ')}`);
  if (typeof entry.goType !== 'string') fail(where, 'goType (the Go type as decode errors name it) is missing');
  const out: Json = {
    path,
    type: entry.type,
    goStruct: typeof entry.goStruct === 'string' ? entry.goStruct : goStruct,
    goType: entry.goType,
  };
  const since = minor(entry.since, `${where}.since`);
  const until = minor(entry.until, `${where}.until`);
  if (since) out.since = since;
  if (until) out.until = until;
  if (entry.default !== undefined) out.default = entry.default;
  if (entry.defaultWhen !== undefined) {
    if (!DEFAULT_WHEN.includes(String(entry.defaultWhen))) fail(`${where}.defaultWhen`, `must be one of ${DEFAULT_WHEN.join(', ')}`);
    if (entry.default === undefined) fail(`${where}.defaultWhen`, 'needs a default');
    out.defaultWhen = entry.defaultWhen;
  }
  if (entry.values !== undefined) {
    if (!Array.isArray(entry.values) || !entry.values.every((value) => typeof value === 'string'))
      fail(`${where}.values`, 'must be a list of strings');
    out.values = entry.values;
  }
  out.summary = text(entry.summary, `${where}.summary`);
  out.meaning = text(entry.meaning, `${where}.meaning`);
  if (entry.recommended !== undefined) {
    const at = `${where}.recommended`;
    const recommended = entry.recommended;
    if (!isObject(recommended)) fail(at, 'must be a map with value, rationale and source');
    if (!['string', 'number', 'boolean'].includes(typeof recommended.value)) fail(`${at}.value`, 'must be a string, number or boolean');
    out.recommended = {
      value: recommended.value,
      ...(recommended.when === undefined ? {} : { when: text(recommended.when, `${at}.when`) }),
      rationale: text(recommended.rationale, `${at}.rationale`),
      source: source(recommended.source, `${at}.source`),
    };
  }
  if (entry.rationale !== undefined) out.rationale = text(entry.rationale, `${where}.rationale`);
  const notes = versions(entry.versions, where);
  if (notes) out.versions = notes;
  if (entry.kubeadm !== undefined) out.kubeadm = text(entry.kubeadm, `${where}.kubeadm`);
  if (entry.valueNotes !== undefined) {
    if (!isObject(entry.valueNotes)) fail(`${where}.valueNotes`, 'must be a map from value to its meaning');
    const valueNotes: Json = {};
    for (const [value, note] of Object.entries(entry.valueNotes)) {
      const at = `${where}.valueNotes.${value}`;
      if (!isObject(note)) fail(at, 'must be a map with meaning');
      const valueVersions = versions(note.versions, at);
      valueNotes[value] = { meaning: text(note.meaning, `${at}.meaning`), ...(valueVersions ? { versions: valueVersions } : {}) };
    }
    out.valueNotes = valueNotes;
  }
  if (typeof entry.docs !== 'string' || !/^https:\/\//.test(entry.docs)) fail(`${where}.docs`, 'needs an https:// documentation link');
  out.docs = entry.docs;
  return out;
}

/** The compiled table, from the YAML files' texts (given, so that a test can compile without writing). */
export function compileKnowledge(read: (file: string) => string = (file) => readFileSync(join(DIR, `${file}.yaml`), 'utf8')): Json {
  const fields: Json[] = [];
  let document: Json | undefined;
  const seen = new Set<string>();
  for (const file of STRUCT_FILES) {
    const where = `fields/${file}.yaml`;
    const data = parse(read(file)) as unknown;
    if (!isObject(data)) fail(where, 'must be a map');
    if (typeof data.struct !== 'string') fail(where, 'struct (the Go struct name) is missing');
    const prefix = typeof data.path === 'string' ? data.path : '';
    const add = (entry: Json): void => {
      if (seen.has(entry.path as string)) fail(where, `${String(entry.path)} is listed twice`);
      seen.add(entry.path as string);
      fields.push(entry);
    };
    if (prefix !== '') add(field(prefix, data.section, 'KubeProxyConfiguration', `${where} section`));
    if (data.document !== undefined) {
      if (!isObject(data.document)) fail(`${where} document`, 'must be a map');
      document = { meaning: text(data.document.meaning, `${where} document.meaning`), docs: data.document.docs };
    }
    if (!isObject(data.fields)) fail(where, 'fields is missing');
    for (const [name, entry] of Object.entries(data.fields)) {
      add(field(prefix === '' ? name : `${prefix}.${name}`, entry, data.struct, `${where} ${name}`));
    }
  }
  if (!document) fail('fields/kube-proxy-configuration.yaml', 'document (the overview of KubeProxyConfiguration) is missing');
  return { document, fields };
}

export function renderKnowledge(read?: (file: string) => string): string {
  return `${JSON.stringify(compileKnowledge(read), null, 2)}\n`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    writeFileSync(OUTPUT, renderKnowledge());
    console.log(`wrote ${OUTPUT}`);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    console.error(`generate-knowledge: ${error.message}`);
    process.exitCode = 1;
  }
}
