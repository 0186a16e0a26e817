/** Best-practice findings: what upstream would change in a large cluster, with the rationale, per version. */
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
const TUNED = `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`;

describe('best-practice rules', () => {
  it('are silent on a tuned file', () => {
    assert.deepEqual(rules(TUNED, { kubernetesVersion: '1.34' }), []);
  });
  it("leave client qps and burst at upstream's defaults: no nudge without evidence of throttling", () => {
    // Changes reach kube-proxy through watches, which client-go does not rate-limit (rest/request.go).
    const text = `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`;
    assert.deepEqual(rules(text, { kubernetesVersion: '1.34' }), []);
    assert.deepEqual(rules(text, { kubernetesVersion: '1.34', clusterScale: 'small' }), []);
  });
  it("suggest nftables from 1.33 only, never ipvs, with upstream's migration checklist", () => {
    const iptables = TUNED.replace('mode: nftables', 'mode: iptables');
    for (const minor of ['1.28', '1.30', '1.32']) assert.deepEqual(rules(iptables, { kubernetesVersion: minor }), [], minor);
    const on134 = advice(iptables, { kubernetesVersion: '1.34' });
    assert.deepEqual(
      on134.map((f) => f.fixes),
      [[{ intent: { kind: 'setValue', value: 'nftables' }, applicability: 'unsafe' }]],
    );
    assert.match(on134[0].message, /nftables is GA/);
    for (const item of [/primary/, /firewall accept rules/, /before 6\.1/, /tcpBeLiberal/, /network plugin/])
      assert.match(on134[0].message, item);
    // 1.31–1.32 with nftables: nothing claims that ipvs scales better (the old advice did).
    assert.deepEqual(rules(TUNED, { kubernetesVersion: '1.31' }), []);
    // ipvs on 1.33–1.34 hears about nftables; from 1.35 the deprecation warning says it instead.
    const ipvs = `${TUNED.replace('mode: nftables', 'mode: ipvs')}ipvs:\n  minSyncPeriod: 1s\n  strictARP: true\n`;
    assert.deepEqual(rules(ipvs, { kubernetesVersion: '1.32' }), []);
    assert.deepEqual(rules(ipvs, { kubernetesVersion: '1.34' }), ['proxy-mode-for-scale mode']);
    assert.deepEqual(rules(ipvs, { kubernetesVersion: '1.35' }), []);
  });
  it('warn on 1.37 when the mode is not set explicitly, except where kubeadm sets it', () => {
    const found = advice(TUNED.replace('mode: nftables\n', ''), { kubernetesVersion: '1.37' });
    assert.ok(found.some((f) => f.rule === 'explicit-proxy-mode' && f.severity === 'warning'));
    assert.ok(!advice(TUNED.replace('mode: nftables\n', ''), { kubernetesVersion: '1.36' }).some((f) => f.rule === 'explicit-proxy-mode'));
    // kubeadm 1.37 writes mode: iptables when the mode is empty (kubernetes#139777).
    const kubeadm = `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.37.0\n---\n${TUNED.replace('mode: nftables\n', '')}`;
    assert.ok(!advice(kubeadm).some((f) => f.rule === 'explicit-proxy-mode'), 'kubeadm-managed');
  });
  it('say what the 1.36 cap on the conntrack table means for maxPerCore and min', () => {
    const raised = `${TUNED}conntrack:\n  maxPerCore: 65536\n  min: 2000000\n`;
    const on136 = advice(raised, { kubernetesVersion: '1.36' }).filter((f) => f.rule === 'conntrack-sizing');
    assert.deepEqual(
      on136.map((f) => f.path),
      ['conntrack.maxPerCore', 'conntrack.min'],
    );
    assert.match(
      on136[0].message,
      /caps maxPerCore × CPUs at 1,048,576: with 65536 per CPU a node reaches the cap at 16 CPUs, and the default does at 32/,
    );
    assert.match(on136[1].message, /ignores min/);
    assert.deepEqual(
      advice(raised, { kubernetesVersion: '1.35' }).filter((f) => f.rule === 'conntrack-sizing'),
      [],
      'no cap before 1.36',
    );
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
  it('explain that a zero is replaced by the default (configSyncPeriod: 0s is 15 minutes)', () => {
    const found = advice(`${TUNED}configSyncPeriod: 0s\n`, { kubernetesVersion: '1.34' });
    assert.deepEqual(
      found.map((f) => f.rule),
      ['zero-means-default'],
    );
    assert.match(found[0].message, /replaces a zero with the default 15m/);
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
