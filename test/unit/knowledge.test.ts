/**
 * The field knowledge: one table, compiled from the per-struct YAML in server/src/knowledge/fields/
 * (the checked-in JSON is exactly what the generator makes), complete, bilingual, sourced, and in
 * plain words: no internal jargon in anything a user reads.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { OUTPUT, renderKnowledge, compileKnowledge } from '../../scripts/generate-knowledge.ts';
import { parseGoDuration } from '../../server/src/core/goDuration.ts';
import {
  DEFAULTED_WHEN_ZERO,
  DOCUMENT_OVERVIEW,
  FIELDS,
  defaultOf,
  fieldFact,
  type Field,
  type Text,
  type VersionNote,
} from '../../server/src/knowledge/fields.ts';
import { MESSAGES } from '../../server/src/knowledge/messages.ts';
import { isSupportedMinor } from '../../server/src/knowledge/versions.ts';

/** Every Text of a field, labelled for failure messages. */
function textsOf(field: Field): [string, Text][] {
  const out: [string, Text][] = [
    [`${field.path}.summary`, field.summary],
    [`${field.path}.meaning`, field.meaning],
  ];
  if (field.rationale) out.push([`${field.path}.rationale`, field.rationale]);
  if (field.kubeadm) out.push([`${field.path}.kubeadm`, field.kubeadm]);
  if (field.recommended) {
    out.push([`${field.path}.recommended.rationale`, field.recommended.rationale]);
    if (field.recommended.when) out.push([`${field.path}.recommended.when`, field.recommended.when]);
  }
  for (const [i, note] of allNotes(field).entries()) out.push([`${field.path}.note[${i}]`, note.note]);
  for (const [value, entry] of Object.entries(field.valueNotes ?? {})) out.push([`${field.path}.valueNotes.${value}`, entry.meaning]);
  return out;
}

function allNotes(field: Field): VersionNote[] {
  return [...(field.versions ?? []), ...Object.values(field.valueNotes ?? {}).flatMap((entry) => entry.versions ?? [])];
}

describe('the field table', () => {
  it('is exactly what scripts/generate-knowledge.ts makes from the YAML (npm run generate:knowledge)', () => {
    assert.equal(readFileSync(OUTPUT, 'utf8'), renderKnowledge());
  });

  it('refuses a recommendation or a version note without an upstream source, naming the place', () => {
    const read = (file: string): string => readFileSync(new URL(`../../server/src/knowledge/fields/${file}.yaml`, import.meta.url), 'utf8');
    const withoutSource = (file: string): string =>
      file === 'ipvs' ? read(file).replace(/\n {6}source: https:\/\/metallb\S+/, '') : read(file);
    assert.throws(() => compileKnowledge(withoutSource), /fields\/ipvs\.yaml strictARP\.recommended\.source: needs an upstream source/);
    const noChinese = (file: string): string =>
      file === 'conntrack' ? read(file).replace(/zh: 连接跟踪（conntrack）设置。/, 'zh: conntrack') : read(file);
    assert.throws(() => compileKnowledge(noChinese), /conntrack\.yaml section\.summary: the Chinese text \(zh\) has no Chinese in it/);
  });

  it('holds each path once, with its Go names', () => {
    const paths = FIELDS.map((field) => field.path);
    assert.equal(new Set(paths).size, paths.length);
    assert.ok(FIELDS.length >= 75, `${FIELDS.length} fields`);
    for (const field of FIELDS) assert.ok(field.goStruct && field.goType, field.path);
    assert.equal(fieldFact('logging.options.json.infoBufferSize')?.goStruct, 'JSONOptions');
    assert.equal(fieldFact('ipvs.syncPeriod')?.goStruct, 'KubeProxyIPVSConfiguration');
  });

  it('gives every default that upstream applies, in a form that parses', () => {
    for (const field of FIELDS.filter((f) => f.defaultWhen)) {
      if (field.defaultWhen === 'platform' && field.default === null) continue;
      const value = defaultOf(field.path);
      if (field.type === 'duration' || field.type === 'durationPtr' || field.type === 'timeOrDuration')
        assert.ok(parseGoDuration(String(value)).ok, `${field.path}: ${String(value)}`);
    }
    assert.deepEqual(DEFAULTED_WHEN_ZERO.map((field) => field.path).sort(), [
      'bindAddress',
      'clientConnection.burst',
      'clientConnection.contentType',
      'clientConnection.qps',
      'configSyncPeriod',
      'iptables.minSyncPeriod',
      'iptables.syncPeriod',
      'ipvs.syncPeriod',
      'logging.flushFrequency',
      'logging.format',
      'nftables.minSyncPeriod',
      'nftables.syncPeriod',
    ]);
  });
});

describe('texts', () => {
  const texts: [string, Text][] = [['document.meaning', DOCUMENT_OVERVIEW.meaning], ...FIELDS.flatMap(textsOf)];
  it('say nothing of "the seed" or other internal names, in either language', () => {
    const jargon = /\bseed\b|种子/i;
    for (const [label, text] of texts) {
      assert.doesNotMatch(text.en, jargon, label);
      assert.doesNotMatch(text.zh, jargon, label);
    }
    for (const [key, [en, zh]] of Object.entries(MESSAGES)) {
      assert.doesNotMatch(en, jargon, key);
      assert.doesNotMatch(zh, jargon, key);
    }
  });

  it('documents every listed value of a field that has value notes', () => {
    for (const field of FIELDS) {
      if (!field.values || !field.valueNotes) continue;
      for (const value of field.values) assert.ok(field.valueNotes[value], `${field.path}: value ${value} undocumented`);
    }
  });
});

describe('versions and sources', () => {
  it('every note uses supported minors, since ≤ until, and names an https source', () => {
    for (const field of FIELDS) {
      for (const note of allNotes(field)) {
        if (note.since !== undefined) assert.ok(isSupportedMinor(note.since), `${field.path}: since ${note.since}`);
        if (note.until !== undefined) assert.ok(isSupportedMinor(note.until), `${field.path}: until ${note.until}`);
        if (note.since && note.until)
          assert.ok(Number(note.since.split('.')[1]) <= Number(note.until.split('.')[1]), `${field.path}: ${note.since} > ${note.until}`);
        assert.equal(new URL(note.source).protocol, 'https:', `${field.path}: ${note.source}`);
      }
      if (field.recommended) assert.equal(new URL(field.recommended.source).protocol, 'https:', field.path);
      assert.equal(new URL(field.docs).protocol, 'https:', field.path);
    }
  });

  it('recommended values typecheck against the field type', () => {
    for (const field of FIELDS.filter((f) => f.recommended)) {
      const value = field.recommended!.value;
      switch (field.type) {
        case 'bool':
          assert.equal(typeof value, 'boolean', field.path);
          break;
        case 'int32':
        case 'uint32':
          assert.ok(typeof value === 'number' && Number.isInteger(value), field.path);
          break;
        case 'float32':
          assert.equal(typeof value, 'number', field.path);
          break;
        case 'duration':
        case 'durationPtr':
          assert.ok(typeof value === 'string' && parseGoDuration(value).ok, `${field.path}: ${String(value)}`);
          break;
        case 'string':
          assert.equal(typeof value, 'string', field.path);
          if (field.values) assert.ok(field.values.includes(value as string), `${field.path}: ${String(value)}`);
          break;
        default:
          assert.fail(`${field.path}: no recommendation expected for type ${field.type}`);
      }
    }
  });

  it('recommends what upstream does: no raised client limits, nftables from 1.33, conntrack and sync periods at their defaults', () => {
    const rec = (path: string) => fieldFact(path)?.recommended?.value;
    assert.equal(rec('clientConnection.qps'), undefined, 'upstream gives no reason to raise qps without evidence of throttling');
    assert.equal(rec('clientConnection.burst'), undefined);
    assert.equal(rec('mode'), 'nftables');
    assert.match(fieldFact('mode')!.recommended!.when!.en, /1\.33/);
    assert.equal(rec('conntrack.maxPerCore'), defaultOf('conntrack.maxPerCore'));
    assert.equal(rec('iptables.minSyncPeriod'), defaultOf('iptables.minSyncPeriod'));
    assert.equal(rec('enableProfiling'), false);
    assert.equal(rec('metricsBindAddress'), '0.0.0.0:10249');
  });
});
