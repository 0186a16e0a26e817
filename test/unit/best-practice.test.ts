/** Best-practice findings: what a large cluster should change, with the rationale, per version. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixesFor } from '../../server/src/core/fixes.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import type { AnalyzeOptions } from '../../server/src/core/types.ts';
import { KPC } from './helpers.ts';

const advice = (text: string, options: AnalyzeOptions = {}) =>
  analyze(text, options).findings.filter((f) => f.category === 'best-practice' || f.rule === 'explicit-proxy-mode');
const rules = (text: string, options: AnalyzeOptions = {}) =>
  advice(text, options)
    .map((f) => `${f.rule} ${f.path}`)
    .sort();
const TUNED = `${KPC}mode: nftables\nclientConnection:\n  qps: 50\n  burst: 100\nmetricsBindAddress: 0.0.0.0:10249\n`;

describe('best-practice rules', () => {
  it('are silent on a tuned file', () => {
    assert.deepEqual(rules(TUNED, { kubernetesVersion: '1.34' }), []);
  });
  it('ask a large cluster for higher client qps and burst, adding the block when missing', () => {
    const text = `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`;
    const found = advice(text, { kubernetesVersion: '1.34' });
    assert.deepEqual(found.map((f) => f.path).sort(), ['clientConnection.burst', 'clientConnection.qps']);
    const qps = found.find((f) => f.path === 'clientConnection.qps')!;
    assert.equal(qps.severity, 'information');
    assert.match(qps.message, /clientConnection\.qps is 5; a large cluster needs about 50/);
    assert.match(qps.message, /EndpointSlice/);
    const after = applyEdits(text, fixesFor(text, qps)[0].edits);
    assert.equal(after, `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\nclientConnection:\n  qps: 50\n`);
  });
  it('say nothing about client limits for a small cluster', () => {
    assert.deepEqual(
      rules(`${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`, { kubernetesVersion: '1.34', clusterScale: 'small' }),
      [],
    );
  });
  it('recommend ipvs up to 1.32 and nftables from 1.33, by version', () => {
    const text = TUNED.replace('mode: nftables', 'mode: iptables');
    const on128 = advice(text, { kubernetesVersion: '1.28' });
    assert.deepEqual(
      on128.map((f) => f.fixes),
      [[{ intent: { kind: 'setValue', value: 'ipvs' }, applicability: 'unsafe' }]],
    );
    const on134 = advice(text, { kubernetesVersion: '1.34' });
    assert.deepEqual(
      on134.map((f) => f.fixes),
      [[{ intent: { kind: 'setValue', value: 'nftables' }, applicability: 'unsafe' }]],
    );
    assert.match(on134[0].message, /GA since 1\.33/);
    assert.deepEqual(
      rules(`${TUNED.replace('mode: nftables', 'mode: ipvs')}ipvs:\n  minSyncPeriod: 1s\n  strictARP: true\n`, {
        kubernetesVersion: '1.32',
      }),
      [],
    );
  });
  it('warn on 1.37 when the mode is not set explicitly', () => {
    const found = advice(TUNED.replace('mode: nftables\n', ''), { kubernetesVersion: '1.37' });
    assert.ok(found.some((f) => f.rule === 'explicit-proxy-mode' && f.severity === 'warning'));
    assert.ok(!advice(TUNED.replace('mode: nftables\n', ''), { kubernetesVersion: '1.36' }).some((f) => f.rule === 'explicit-proxy-mode'));
  });
  it('flag profiling, loopback metrics when monitoring is expected, and zero conntrack sizing', () => {
    const text = `${TUNED.replace('metricsBindAddress: 0.0.0.0:10249\n', '')}enableProfiling: true\nconntrack:\n  maxPerCore: 0\n`;
    assert.deepEqual(rules(text, { kubernetesVersion: '1.34' }), [
      'conntrack-sizing conntrack.maxPerCore',
      'metrics-loopback metricsBindAddress',
      'profiling-enabled enableProfiling',
    ]);
    assert.ok(!rules(text, { kubernetesVersion: '1.34', monitoring: false }).some((r) => r.startsWith('metrics-loopback')));
  });
  it("explain that a zero is replaced by the default (the seed's configSyncPeriod: 0s is 15 minutes)", () => {
    const found = advice(`${TUNED}configSyncPeriod: 0s\n`, { kubernetesVersion: '1.34' });
    assert.deepEqual(
      found.map((f) => f.rule),
      ['zero-means-default'],
    );
    assert.match(found[0].message, /replaces a zero with the default 15m0s/);
  });
  it('suggest batching syncs and strictARP in ipvs mode', () => {
    const text = TUNED.replace('mode: nftables', 'mode: ipvs');
    assert.deepEqual(rules(`${text}ipvs:\n  minSyncPeriod: 1s\n  strictARP: true\n`, { kubernetesVersion: '1.32' }), []);
    const untuned = `${text}ipvs:\n  minSyncPeriod: 0s\n  strictARP: false\n`;
    assert.deepEqual(rules(untuned, { kubernetesVersion: '1.32' }), ['min-sync-period ipvs.minSyncPeriod', 'strict-arp ipvs.strictARP']);
    const [hint] = advice(untuned, { kubernetesVersion: '1.32' }).filter((f) => f.rule === 'strict-arp');
    assert.equal(hint.severity, 'hint');
    assert.equal(applyEdits(untuned, fixesFor(untuned, hint)[0].edits), untuned.replace('strictARP: false', 'strictARP: true'));
  });
  it('can be switched off or re-graded by rule id', () => {
    const text = `${TUNED}enableProfiling: true\n`;
    assert.deepEqual(rules(text, { kubernetesVersion: '1.34', rules: { 'profiling-enabled': 'off' } }), []);
    assert.equal(advice(text, { kubernetesVersion: '1.34', rules: { 'profiling-enabled': 'error' } })[0].severity, 'error');
  });
  it('speak Chinese', () => {
    const [finding] = advice(`${TUNED}enableProfiling: true\n`, { kubernetesVersion: '1.34', locale: 'zh-cn' });
    assert.match(finding.message, /性能分析|pprof/);
    assert.match(finding.message, /[\u4e00-\u9fff]/);
  });
});
