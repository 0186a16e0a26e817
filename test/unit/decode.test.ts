/** Decoding as upstream's strict, then lenient, decoder does: types, durations, YAML quirks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KPC, covered, errors, findings } from './helpers.ts';

const one = (text: string, minor = '1.34') => {
  const found = errors(text, { kubernetesVersion: minor });
  assert.equal(found.length, 1, found.map((f) => `${f.rule} ${f.path}: ${f.message}`).join('\n') || 'no errors');
  return found[0];
};

describe('durations', () => {
  it('rejects a bare number with a fix to seconds', () => {
    const text = `${KPC}iptables:\n  syncPeriod: 30\n`;
    const error = one(text);
    assert.equal(error.rule, 'invalid-type');
    assert.equal(covered(text, error), '30');
    assert.match(
      error.message,
      /cannot unmarshal number into Go struct field KubeProxyIPTablesConfiguration\.iptables\.syncPeriod of type string/,
    );
  });
  it('rejects a quoted bare number: missing unit', () => {
    const error = one(`${KPC}iptables:\n  syncPeriod: "30"\n`);
    assert.equal(error.rule, 'invalid-duration');
    assert.match(error.message, /time: missing unit in duration "30"/);
    assert.deepEqual(error.fixes, [{ intent: { kind: 'setValue', value: '30s' }, applicability: 'safe' }]);
  });
  it('rejects days with a fix to hours', () => {
    const error = one(`${KPC}conntrack:\n  tcpEstablishedTimeout: 1d\n`);
    assert.match(error.message, /time: unknown unit "d" in duration "1d"/);
    assert.deepEqual(error.fixes, [{ intent: { kind: 'setValue', value: '24h' }, applicability: 'safe' }]);
  });
  it('accepts "0", 1m30s, 1.5h, 300ms and negative durations parse (then validation speaks)', () => {
    assert.deepEqual(
      errors(`${KPC}iptables:\n  syncPeriod: "0"\n  minSyncPeriod: 300ms\nconfigSyncPeriod: 1.5h\nipvs:\n  syncPeriod: 1m30s\n`),
      [],
    );
  });
  it('rejects an empty non-pointer duration but accepts an empty pointer duration', () => {
    assert.equal(one(`${KPC}iptables:\n  syncPeriod:\n`).rule, 'invalid-duration');
    assert.deepEqual(errors(`${KPC}conntrack:\n  tcpEstablishedTimeout: null\n`), []);
  });
  it('takes integer nanoseconds for logging.flushFrequency, but not a float', () => {
    assert.deepEqual(errors(`${KPC}logging:\n  flushFrequency: 5000000000\n`), []);
    assert.equal(one(`${KPC}logging:\n  flushFrequency: 1.5\n`).rule, 'invalid-type');
  });
});

describe('types', () => {
  it('flags YAML 1.1 booleans given to string fields and suggests quoting', () => {
    const text = `${KPC}hostnameOverride: yes\n`;
    const error = one(text);
    assert.equal(error.rule, 'invalid-type');
    assert.match(error.message, /YAML 1\.1 reads yes as a boolean/);
    assert.match(error.message, /cannot unmarshal bool into Go struct field KubeProxyConfiguration\.hostnameOverride of type string/);
  });
  it('flags quoted numbers in integer fields', () => {
    const error = one(`${KPC}iptables:\n  masqueradeBit: "14"\n`);
    assert.equal(error.rule, 'invalid-type');
    assert.match(error.message, /remove the quotes/);
  });
  it('flags integers that do not fit int32', () => {
    assert.equal(one(`${KPC}oomScoreAdj: 3000000000\n`).rule, 'invalid-type');
  });
  it('flags a scalar where a list belongs', () => {
    assert.equal(one(`${KPC}nodePortAddresses: 10.0.0.0/8\n`).rule, 'invalid-type');
  });
  it('flags non-boolean feature gate values', () => {
    assert.equal(one(`${KPC}featureGates:\n  LoggingAlphaOptions: "true"\n`).rule, 'invalid-type');
  });
  it('accepts null sections and null scalars as upstream does', () => {
    assert.deepEqual(errors(`${KPC}ipvs:\nconntrack:\n  maxPerCore:\nhostnameOverride: null\n`), []);
  });
});

describe('strict decoding', () => {
  it('reports case-mismatched keys at the key, with a rename', () => {
    const text = `${KPC}Mode: ipvs\n`;
    const error = one(text);
    assert.equal(error.rule, 'unknown-field');
    assert.equal(covered(text, error), 'Mode');
    assert.deepEqual(error.fixes, [
      { intent: { kind: 'renameKey', to: 'mode' }, applicability: 'safe' },
      { intent: { kind: 'removeKey' }, applicability: 'unsafe' },
    ]);
  });
  it('reports duplicate keys; the last value is the one validated', () => {
    const text = `${KPC}mode: foo\nmode: ipvs\n`;
    const found = errors(text);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['duplicate-field'],
    );
    assert.equal(found[0].range.start.line, 3);
    assert.match(found[0].message, /line 4: key "mode" already set in map/);
  });
  it("knows each minor's surface", () => {
    assert.equal(one(`${KPC}nftables:\n  masqueradeBit: 14\n`, '1.28').path, 'nftables');
    assert.deepEqual(errors(`${KPC}nftables:\n  masqueradeBit: 14\n`, { kubernetesVersion: '1.29' }), []);
    assert.equal(one(`${KPC}conntrack:\n  tcpBeLiberal: true\n`, '1.28').path, 'conntrack.tcpBeLiberal');
    assert.match(one(`${KPC}windowsRunAsService: false\n`, '1.30').message, /exists from Kubernetes 1\.31/);
    assert.deepEqual(errors(`${KPC}windowsRunAsService: false\n`, { kubernetesVersion: '1.31' }), []);
    assert.equal(one(`${KPC}logging:\n  options:\n    text:\n      splitStream: false\n`, '1.29').path, 'logging.options.text');
  });
  it('names internal-only fields as such', () => {
    assert.match(one(`${KPC}syncPeriod: 30s\n`).message, /internal configuration/);
  });
});

describe('YAML features', () => {
  it('resolves anchors, aliases and merge keys before validating', () => {
    const text = `${KPC}iptables: &base\n  syncPeriod: 30s\n  minSyncPeriod: 1s\nnftables:\n  <<: *base\n  masqueradeBit: 40\nmode: nftables\n`;
    const found = errors(text);
    assert.deepEqual(
      found.map((f) => `${f.rule} ${f.path}`),
      ['masquerade-bit nftables.masqueradeBit'],
    );
    assert.equal(covered(text, found[0]), '40');
  });
  it('gives exact ranges in CRLF files', () => {
    const text = `${KPC}mode: foo\n`.replace(/\n/g, '\r\n');
    const error = one(text);
    assert.deepEqual(error.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
  });
  it('reports tab indentation as a syntax error and still checks the other documents', () => {
    const text = `${KPC}ipvs:\n\tsyncPeriod: 30s\n---\n${KPC}mode: foo\n`;
    const found = errors(text);
    assert.ok(found.some((f) => f.rule === 'yaml-syntax' && f.document === 0));
    assert.ok(found.some((f) => f.rule === 'proxy-mode' && f.document === 1));
  });
  it('reads JSON-style documents', () => {
    assert.equal(
      one('{"apiVersion": "kubeproxy.config.k8s.io/v1alpha1", "kind": "KubeProxyConfiguration", "mode": "foo"}').rule,
      'proxy-mode',
    );
  });
  it('ignores empty and comment-only documents outside kubeadm files', () => {
    assert.deepEqual(findings(`---\n# nothing\n---\n${KPC}`), []);
  });
  it('says nothing about other YAML', () => {
    assert.deepEqual(findings('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: "x"\n\tbad: [\n'), []);
  });
  it('survives an alias bomb', () => {
    let text = `${KPC}a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < 9; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const found = findings(text);
    assert.ok(found.some((f) => f.rule === 'yaml-syntax'));
  });
  it('rejects an unknown kube-proxy API version', () => {
    const error = one('apiVersion: kubeproxy.config.k8s.io/v1alpha2\nkind: KubeProxyConfiguration\n');
    assert.equal(error.rule, 'unsupported-api-version');
    assert.match(error.message, /no kind "KubeProxyConfiguration" is registered for version "kubeproxy\.config\.k8s\.io\/v1alpha2"/);
  });
});
