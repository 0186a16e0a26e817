/** The field knowledge base: complete, bilingual, well-linked, and consistent with the field facts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseGoDuration } from '../../server/src/core/goDuration.ts';
import { DOCUMENT_OVERVIEW, FIELD_DOCS } from '../../server/src/knowledge/fieldDocs.ts';
import type { FieldDoc, VersionNote } from '../../server/src/knowledge/fieldDocs.types.ts';
import { FIELDS, fieldFact, type Text } from '../../server/src/knowledge/fields.ts';
import { isSupportedMinor } from '../../server/src/knowledge/versions.ts';

const CJK = /[\u3400-\u9fff]/;

/** Every Text of a doc, labelled for failure messages. */
function textsOf(doc: FieldDoc): [string, Text][] {
  const out: [string, Text][] = [[`${doc.path}.meaning`, doc.meaning]];
  if (doc.rationale) out.push([`${doc.path}.rationale`, doc.rationale]);
  if (doc.kubeadm) out.push([`${doc.path}.kubeadm`, doc.kubeadm]);
  if (doc.recommended) {
    out.push([`${doc.path}.recommended.rationale`, doc.recommended.rationale]);
    if (doc.recommended.when) out.push([`${doc.path}.recommended.when`, doc.recommended.when]);
  }
  const notes = (label: string, list: VersionNote[] | undefined) =>
    (list ?? []).forEach((n, i) => out.push([`${label}.versions[${i}]`, n.note]));
  notes(doc.path, doc.versions);
  for (const [value, entry] of Object.entries(doc.values ?? {})) {
    out.push([`${doc.path}.values.${value}`, entry.meaning]);
    notes(`${doc.path}.values.${value}`, entry.versions);
  }
  return out;
}

function allNotes(doc: FieldDoc): VersionNote[] {
  return [...(doc.versions ?? []), ...Object.values(doc.values ?? {}).flatMap((entry) => entry.versions ?? [])];
}

describe('FIELD_DOCS coverage', () => {
  it('has exactly one doc for every FIELDS path', () => {
    for (const field of FIELDS) {
      const count = FIELD_DOCS.filter((doc) => doc.path === field.path).length;
      assert.equal(count, 1, `${field.path}: ${count} docs`);
    }
  });

  it('names no unknown path', () => {
    for (const doc of FIELD_DOCS) assert.ok(fieldFact(doc.path), `unknown path ${doc.path}`);
  });

  it('has as many docs as fields', () => {
    assert.equal(FIELD_DOCS.length, FIELDS.length);
  });
});

describe('FIELD_DOCS texts', () => {
  const texts: [string, Text][] = [['DOCUMENT_OVERVIEW.meaning', DOCUMENT_OVERVIEW.meaning], ...FIELD_DOCS.flatMap(textsOf)];
  it('every Text has non-empty en and zh, and zh is Chinese', () => {
    for (const [label, text] of texts) {
      assert.ok(text.en.trim().length > 0, `${label}: empty en`);
      assert.ok(text.zh.trim().length > 0, `${label}: empty zh`);
      assert.match(text.zh, CJK, `${label}: zh has no CJK characters`);
    }
  });

  it('documents every listed enum value of a field that has value docs', () => {
    for (const doc of FIELD_DOCS) {
      const values = fieldFact(doc.path)?.values;
      if (!values || !doc.values) continue;
      for (const value of values) assert.ok(doc.values[value], `${doc.path}: value ${value} undocumented`);
    }
  });
});

describe('FIELD_DOCS links and versions', () => {
  it('every docs is an https URL', () => {
    for (const docs of [DOCUMENT_OVERVIEW.docs, ...FIELD_DOCS.map((doc) => doc.docs)]) {
      const url = new URL(docs);
      assert.equal(url.protocol, 'https:', docs);
    }
  });

  it('every version note uses supported minors, since ≤ until', () => {
    for (const doc of FIELD_DOCS) {
      for (const n of allNotes(doc)) {
        if (n.since !== undefined) assert.ok(isSupportedMinor(n.since), `${doc.path}: since ${n.since}`);
        if (n.until !== undefined) assert.ok(isSupportedMinor(n.until), `${doc.path}: until ${n.until}`);
        if (n.since && n.until)
          assert.ok(Number(n.since.split('.')[1]) <= Number(n.until.split('.')[1]), `${doc.path}: ${n.since} > ${n.until}`);
      }
    }
  });
});

describe('FIELD_DOCS recommendations', () => {
  it('recommended values typecheck against the field type', () => {
    for (const doc of FIELD_DOCS) {
      if (!doc.recommended) continue;
      const fact = fieldFact(doc.path)!;
      const value = doc.recommended.value;
      switch (fact.type) {
        case 'bool':
          assert.equal(typeof value, 'boolean', doc.path);
          break;
        case 'int32':
        case 'uint32':
          assert.ok(typeof value === 'number' && Number.isInteger(value), doc.path);
          break;
        case 'float32':
          assert.equal(typeof value, 'number', doc.path);
          break;
        case 'duration':
        case 'durationPtr':
          assert.equal(typeof value, 'string', doc.path);
          assert.ok(parseGoDuration(value as string).ok, `${doc.path}: ${String(value)} is not a Go duration`);
          break;
        case 'timeOrDuration':
          assert.ok(typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && parseGoDuration(value).ok, doc.path);
          break;
        case 'string':
          assert.equal(typeof value, 'string', doc.path);
          if (fact.values)
            assert.ok(fact.values.includes(value as string), `${doc.path}: ${String(value)} not among ${fact.values.join(', ')}`);
          break;
        default:
          assert.fail(`${doc.path}: no recommendation expected for type ${fact.type}`);
      }
    }
  });

  it("carries the seed's large-cluster values", () => {
    const rec = (path: string) => FIELD_DOCS.find((doc) => doc.path === path)?.recommended?.value;
    assert.equal(rec('clientConnection.qps'), 50);
    assert.equal(rec('clientConnection.burst'), 100);
    assert.equal(rec('ipvs.syncPeriod'), '30s');
    assert.equal(rec('conntrack.maxPerCore'), 32768);
    assert.equal(rec('conntrack.min'), 131072);
    assert.equal(rec('conntrack.tcpEstablishedTimeout'), '24h');
    assert.equal(rec('conntrack.tcpCloseWaitTimeout'), '1h');
    assert.equal(rec('enableProfiling'), false);
    assert.equal(rec('metricsBindAddress'), '0.0.0.0:10249');
    assert.equal(rec('ipvs.strictARP'), true);
    assert.equal(rec('mode'), 'nftables');
  });
});
