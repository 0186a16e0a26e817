/** A widely copied guide's KubeProxyConfiguration block: exactly one error, the misplaced json. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { covered, errors, findings } from './helpers.ts';

const text = readFileSync(join(import.meta.dirname, '../../examples/guide-kube-proxy.yaml'), 'utf8');

describe('guide example', () => {
  for (const minor of ['1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35']) {
    it(`has exactly one error on ${minor}: logging.json is not a field`, () => {
      const found = errors(text, { kubernetesVersion: minor });
      assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
      const [error] = found;
      assert.equal(error.rule, 'unknown-field');
      assert.equal(error.path, 'logging.json');
      assert.equal(covered(text, error), 'json');
      assert.deepEqual(error.range.start, { line: 46, character: 3 });
      assert.match(error.message, /logging\.options\.json/);
      assert.match(error.message, /kubeadm config validate/);
      assert.match(error.message, /Using lenient decoding as strict decoding failed/);
      assert.deepEqual(error.fixes, [
        { intent: { kind: 'moveKey', to: 'logging.options.json' }, applicability: 'safe' },
        { intent: { kind: 'removeKey' }, applicability: 'unsafe' },
      ]);
    });
  }
  it('warns on 1.35 that ipvs is deprecated, and not on 1.34', () => {
    assert.ok(findings(text, { kubernetesVersion: '1.35' }).some((f) => f.rule === 'ipvs-deprecated' && f.severity === 'warning'));
    assert.ok(!findings(text, { kubernetesVersion: '1.34' }).some((f) => f.rule === 'ipvs-deprecated'));
  });
  it('speaks Chinese when asked', () => {
    const [error] = errors(text, { kubernetesVersion: '1.33', locale: 'zh-cn' });
    assert.match(error.message, /没有字段 "logging.json"/);
  });
  it('passes the shipped kubeadm example without errors or warnings', () => {
    const example = readFileSync(join(import.meta.dirname, '../../examples/kubeadm-config.yaml'), 'utf8');
    assert.deepEqual(
      findings(example).map((f) => f.message),
      [],
    );
  });
});
