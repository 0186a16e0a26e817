/**
 * Tuning from scrapes: each rule before (a real, healthy scrape: no finding) and after (a scrape
 * derived from a real one, showing the problem: the finding on the right field, with its evidence and
 * suggested value), for each mode and for the metric shapes of 1.28, 1.29–1.32 and 1.33+ (ip_family).
 * Derived scrapes are made by test/fixtures/metrics/derive.ts from the real ones.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { fixesFor } from '../../server/src/core/fixes.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import type { Finding } from '../../server/src/core/types.ts';
import { asMinor, asMode, realScrape, times, withAge, withFamily, withObservations, withValue } from '../fixtures/metrics/derive.ts';

const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';
const config = (mode: string, extra = ''): string => `${KPC}mode: ${mode}\n${extra}`;

type Shape = { label: string; minor: number; mode: 'iptables' | 'nftables' | 'ipvs'; scrape: () => string };

/** A kube-proxy scrape of each metric shape: real for 1.28–1.30, derived for 1.33+ and other modes. */
const SHAPES: Shape[] = [
  { label: '1.28 iptables (real)', minor: 28, mode: 'iptables', scrape: () => realScrape('kube-proxy-1.28-iptables-kind') },
  { label: '1.29 iptables (real)', minor: 29, mode: 'iptables', scrape: () => realScrape('kube-proxy-1.29-iptables-kind') },
  { label: '1.30 iptables (real)', minor: 30, mode: 'iptables', scrape: () => realScrape('kube-proxy-1.30-iptables-minikube') },
  {
    label: '1.31 nftables (derived)',
    minor: 31,
    mode: 'nftables',
    scrape: () => asMode(asMinor(realScrape('kube-proxy-1.30-iptables-minikube'), 31), 'nftables', 31),
  },
  {
    label: '1.34 iptables (derived, ip_family)',
    minor: 34,
    mode: 'iptables',
    scrape: () => asMinor(realScrape('kube-proxy-1.30-iptables-minikube'), 34),
  },
  {
    label: '1.34 nftables (derived, ip_family)',
    minor: 34,
    mode: 'nftables',
    scrape: () => asMode(asMinor(realScrape('kube-proxy-1.30-iptables-minikube'), 34), 'nftables', 34),
  },
  {
    label: '1.34 ipvs (derived, ip_family)',
    minor: 34,
    mode: 'ipvs',
    scrape: () => asMode(asMinor(realScrape('kube-proxy-1.30-iptables-minikube'), 34), 'ipvs', 34),
  },
];

function tuning(text: string, scrapes: Record<string, string>, minor: number, extra: { cluster?: object } = {}): Finding[] {
  return analyze(text, {
    kubernetesVersion: `1.${minor}`,
    metrics: Object.entries(scrapes).map(([name, body]) => ({ name, text: body })),
    ...extra,
  }).findings.filter((finding) => finding.category === 'tuning');
}

const brief = (found: Finding[]): string[] =>
  found.map((f) => `${f.severity} ${f.rule} ${f.path}${f.suggested !== undefined ? ` -> ${f.suggested}` : ''}`);

/** The same observations in every sync histogram the scrape has (combined, full, partial). */
function syncs(scrape: string, values: number[]): string {
  let out = withObservations(scrape, 'kubeproxy_sync_proxy_rules_duration_seconds', values);
  for (const family of ['kubeproxy_sync_full_proxy_rules_duration_seconds', 'kubeproxy_sync_partial_proxy_rules_duration_seconds'])
    if (out.includes(`${family}_bucket`)) out = withObservations(out, family, values);
  return out;
}

describe('healthy real scrapes give no tuning warning', () => {
  for (const shape of SHAPES.filter((s) => s.label.includes('real'))) {
    it(shape.label, () => {
      const found = tuning(
        config(shape.mode),
        { 'kube-proxy.prom': shape.scrape(), 'node.prom': realScrape('node-exporter-e2e') },
        shape.minor,
      );
      assert.deepEqual(brief(found.filter((f) => f.severity !== 'information')), []);
    });
  }
});

describe('tuning-min-sync-period', () => {
  for (const shape of SHAPES) {
    it(`${shape.label}: syncs of 3 s on average with the default minimum suggest 6s on the active section`, () => {
      const section = shape.mode;
      const found = tuning(config(shape.mode), { 'kp.prom': syncs(shape.scrape(), times(20, 3)) }, shape.minor);
      const finding = found.find((f) => f.rule === 'tuning-min-sync-period');
      assert.ok(finding, brief(found).join('\n'));
      assert.equal(finding.path, `${section}.minSyncPeriod`);
      assert.equal(finding.suggested, '6s');
      assert.match(finding.message, /take 3\.00 s on average/);
      assert.ok(finding.evidence!.some((e) => e.stat === 'mean' && e.value === 3 && e.files[0] === 'kp.prom'));
      assert.equal(finding.evidence![0].window?.kind, 'since-start');
      // The real scrape (a handful of fast syncs) says nothing.
      assert.ok(!tuning(config(shape.mode), { 'kp.prom': shape.scrape() }, shape.minor).some((f) => f.rule === 'tuning-min-sync-period'));
    });
  }
  it('1.30 iptables with a legacy 10s minimum and fast partial syncs: back toward the 1s default (information)', () => {
    const scrape = syncs(realScrape('kube-proxy-1.30-iptables-minikube'), times(30, 0.05));
    const found = tuning(config('iptables', 'iptables:\n  minSyncPeriod: 10s\n'), { 'kp.prom': scrape }, 30);
    assert.deepEqual(brief(found), ['information tuning-min-sync-period iptables.minSyncPeriod -> 1s']);
  });
  it('two scrapes of one process: the rate between them, not the start-up average', () => {
    const base = realScrape('kube-proxy-1.30-iptables-minikube');
    const early = withAge(syncs(base, times(20, 4)), 600);
    const late = withAge(syncs(base, [...times(20, 4), ...times(40, 0.2)]), 1800);
    // One scrape alone: 20 start-up syncs of 4 s weigh in (mean 1.47 s) and the rule fires.
    assert.deepEqual(brief(tuning(config('iptables'), { 'late.prom': late }, 30)), [
      'warning tuning-min-sync-period iptables.minSyncPeriod -> 3s',
    ]);
    // Both: the 40 syncs between them take 0.2 s: nothing to change.
    const both = analyze(config('iptables'), {
      kubernetesVersion: '1.30',
      metrics: [
        { name: 'late.prom', text: late },
        { name: 'early.prom', text: early },
      ],
    });
    assert.deepEqual(brief(both.findings.filter((f) => f.category === 'tuning')), []);
    assert.deepEqual(both.metrics!.kubeProxy[0].window, { kind: 'between', seconds: 1200, files: ['early.prom', 'late.prom'] });
  });
});

describe('tuning-sync-duration', () => {
  it('syncs beyond the histogram on 1.34 iptables: nftables suggested on mode', () => {
    const scrape = syncs(SHAPES[4].scrape(), times(20, 30));
    const found = tuning(config('iptables'), { 'kp.prom': scrape }, 34).filter((f) => f.rule === 'tuning-sync-duration');
    assert.deepEqual(brief(found), ['warning tuning-sync-duration mode -> nftables']);
    assert.match(found[0].message, /above 16\.4 s/);
  });
  it('on 1.30 the same says so without a mode suggestion (nftables is not GA there)', () => {
    const found = tuning(config('iptables'), { 'kp.prom': syncs(SHAPES[2].scrape(), times(20, 30)) }, 30).filter(
      (f) => f.rule === 'tuning-sync-duration',
    );
    assert.deepEqual(brief(found), ['warning tuning-sync-duration mode']);
  });
  it('full syncs of 12 s with syncPeriod 5s: /healthz would flap; syncPeriod raised past them', () => {
    const found = tuning(config('nftables', 'nftables:\n  syncPeriod: 5s\n'), { 'kp.prom': syncs(SHAPES[5].scrape(), times(20, 12)) }, 34);
    // p99 interpolates inside the (8.192 s, 16.384 s] bucket, as histogram_quantile does: 16.3 s, rounded up.
    assert.ok(brief(found).includes('warning tuning-sync-duration nftables.syncPeriod -> 17s'), brief(found).join('\n'));
  });
});

describe('tuning-network-programming', () => {
  it('p99 over 30 s with a 20s minimum and fast syncs: lower the minimum', () => {
    let scrape = syncs(SHAPES[1].scrape(), times(20, 0.5));
    scrape = withObservations(scrape, 'kubeproxy_network_programming_duration_seconds', times(20, 45));
    const found = tuning(config('iptables', 'iptables:\n  minSyncPeriod: 20s\n'), { 'kp.prom': scrape }, 29).filter(
      (f) => f.rule === 'tuning-network-programming',
    );
    assert.deepEqual(brief(found), ['warning tuning-network-programming iptables.minSyncPeriod -> 1s']);
    assert.match(found[0].message, /over the 30\.0 s upstream's scale tests/);
  });
  it('p99 under 30 s: nothing', () => {
    const scrape = withObservations(SHAPES[1].scrape(), 'kubeproxy_network_programming_duration_seconds', times(20, 5));
    assert.ok(!tuning(config('iptables'), { 'kp.prom': scrape }, 29).some((f) => f.rule === 'tuning-network-programming'));
  });
});

describe('tuning-sync-failures', () => {
  it('iptables-restore failures on 1.29: a warning on mode, with the counter', () => {
    const scrape = withValue(SHAPES[1].scrape(), 'kubeproxy_sync_proxy_rules_iptables_restore_failures_total', 3);
    const found = tuning(config('iptables'), { 'kp.prom': scrape }, 29).filter((f) => f.rule === 'tuning-sync-failures');
    assert.deepEqual(brief(found), ['warning tuning-sync-failures mode']);
    assert.deepEqual(found[0].evidence![0].metric, 'kubeproxy_sync_proxy_rules_iptables_restore_failures_total');
  });
  it('nftables sync failures on 1.34 (a labelled counter, present once it counts)', () => {
    const scrape = withFamily(SHAPES[5].scrape(), 'kubeproxy_sync_proxy_rules_nftables_sync_failures_total', 'counter', [
      'kubeproxy_sync_proxy_rules_nftables_sync_failures_total{ip_family="IPv4"} 2',
    ]);
    const found = tuning(config('nftables'), { 'kp.prom': scrape }, 34).filter((f) => f.rule === 'tuning-sync-failures');
    assert.deepEqual(brief(found), ['warning tuning-sync-failures mode']);
  });
  it('partial-restore failures in one scrape are information (upstream: not zero now and then, never rising)', () => {
    const scrape = withValue(SHAPES[1].scrape(), 'kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total', 1);
    assert.deepEqual(brief(tuning(config('iptables'), { 'kp.prom': scrape }, 29).filter((f) => f.rule === 'tuning-sync-failures')), [
      'information tuning-sync-failures mode',
    ]);
  });
});

describe('tuning-client-throttling', () => {
  it('waits of 2 s for the rate limiter: qps and burst, each with a suggestion', () => {
    const scrape = withObservations(SHAPES[4].scrape(), 'rest_client_rate_limiter_duration_seconds', times(10, 2));
    const found = tuning(config('iptables'), { 'kp.prom': scrape }, 34).filter((f) => f.rule === 'tuning-client-throttling');
    assert.deepEqual(brief(found), [
      'warning tuning-client-throttling clientConnection.qps -> 10',
      'warning tuning-client-throttling clientConnection.burst -> 20',
    ]);
    assert.match(found[0].message, /watches, which the limit does not slow/);
  });
  it('microsecond waits (the real scrapes): nothing', () => {
    for (const shape of SHAPES)
      assert.ok(!tuning(config(shape.mode), { 'kp.prom': shape.scrape() }, shape.minor).some((f) => f.rule === 'tuning-client-throttling'));
  });
});

describe('tuning-conntrack', () => {
  const node = realScrape('node-exporter-e2e');
  it('a table 92% full on an 8-CPU node: maxPerCore for half full', () => {
    const full = withValue(node, 'node_nf_conntrack_entries', 60_000);
    const found = tuning(config('iptables'), { 'node.prom': full }, 34).filter((f) => f.rule === 'tuning-conntrack');
    assert.deepEqual(brief(found), ['warning tuning-conntrack conntrack.maxPerCore -> 15360']);
    assert.match(found[0].message, /92% full: 60,000 of 65,536 entries/);
  });
  it('without a CPU count, min is sized instead', () => {
    const full = withValue(node, 'node_nf_conntrack_entries', 60_000).replace(/^node_cpu_seconds_total.*\n/gm, '');
    assert.deepEqual(brief(tuning(config('iptables'), { 'node.prom': full }, 34).filter((f) => f.rule === 'tuning-conntrack')), [
      'warning tuning-conntrack conntrack.min -> 120832',
    ]);
  });
  it('from 1.36, above the 1,048,576 cap: maxPerCore 0 and the sysctl set by hand', () => {
    const full = withValue(withValue(node, 'node_nf_conntrack_entries', 900_000), 'node_nf_conntrack_entries_limit', 1_048_576);
    assert.deepEqual(brief(tuning(config('nftables'), { 'node.prom': full }, 36).filter((f) => f.rule === 'tuning-conntrack')), [
      'warning tuning-conntrack conntrack.maxPerCore -> 0',
    ]);
  });
  it('insert failures between two scrapes of one boot', () => {
    // A node_exporter with the uname and time collectors (the e2e fixture runs without them).
    const at = (time: number): string =>
      withFamily(withFamily(node, 'node_uname_info', 'gauge', ['node_uname_info{nodename="worker-1"} 1']), 'node_time_seconds', 'gauge', [
        `node_time_seconds ${time}`,
      ]);
    const first = at(1_700_000_000);
    const second = withValue(at(1_700_000_600), 'node_nf_conntrack_stat_insert_failed', 42);
    const found = tuning(config('iptables'), { 'a.prom': first, 'b.prom': second }, 34).filter((f) => f.rule === 'tuning-conntrack');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /on worker-1: insert_failed \+42 rose over 10\.0 min between a\.prom and b\.prom/);
  });
  it('a table with room: nothing', () => {
    assert.ok(!tuning(config('iptables'), { 'node.prom': node }, 34).some((f) => f.rule === 'tuning-conntrack'));
  });
});

describe('the scrape against the configuration', () => {
  it('an iptables scrape and a configuration that says nftables: the configuration is not what runs', () => {
    const found = tuning(config('nftables'), { 'kp.prom': SHAPES[1].scrape() }, 29).filter((f) => f.rule === 'tuning-config-mismatch');
    assert.deepEqual(brief(found), ['warning tuning-config-mismatch mode']);
    assert.match(found[0].message, /runs in iptables mode \(kubeproxy_sync_proxy_rules_iptables_total is registered\)/);
  });
  it('a 1.29 scrape checked as 1.34', () => {
    const found = tuning(config('iptables'), { 'kp.prom': SHAPES[1].scrape() }, 34).filter((f) => f.rule === 'tuning-config-mismatch');
    assert.deepEqual(brief(found), ['warning tuning-config-mismatch apiVersion']);
    assert.match(found[0].message, /set kubeProxyTuner\.kubernetesVersion \(or --kubernetes-version\) to 1\.29/);
  });
  it('nftables and ipvs told apart on 1.34, where their failure counters are absent until they count', () => {
    assert.ok(!tuning(config('nftables'), { 'kp.prom': SHAPES[5].scrape() }, 34).some((f) => f.rule === 'tuning-config-mismatch'));
    assert.ok(!tuning(config('ipvs'), { 'kp.prom': SHAPES[6].scrape() }, 34).some((f) => f.rule === 'tuning-config-mismatch'));
    assert.ok(tuning(config('ipvs'), { 'kp.prom': SHAPES[5].scrape() }, 34).some((f) => f.rule === 'tuning-config-mismatch'));
  });
});

describe('what the node shows', () => {
  it('Services with a Local policy and no local endpoint: information on the document', () => {
    const scrape = withValue(SHAPES[1].scrape(), 'kubeproxy_sync_proxy_rules_no_local_endpoints_total', 2, '{traffic_policy="internal"}');
    assert.deepEqual(brief(tuning(config('iptables'), { 'kp.prom': scrape }, 29).filter((f) => f.rule === 'tuning-no-local-endpoints')), [
      'information tuning-no-local-endpoints ',
    ]);
  });
  it('a sync pending for 5 minutes when the scrape was taken: kube-proxy is not keeping up; a quiet cluster is not', () => {
    const start = 1.70489479177e9;
    const at = (queued: number, done: number): string =>
      withValue(
        withValue(withAge(SHAPES[1].scrape(), 2000), 'kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds', start + queued),
        'kubeproxy_sync_proxy_rules_last_timestamp_seconds',
        start + done,
      );
    const backlog = (text: string): string[] =>
      brief(tuning(config('iptables'), { 'kp.prom': text }, 29).filter((f) => f.rule === 'tuning-sync-backlog'));
    assert.deepEqual(backlog(at(1700, 1600)), ['warning tuning-sync-backlog iptables.syncPeriod']);
    // Queued 2 s ago after 20 quiet minutes: a sync on its way, not a backlog.
    assert.deepEqual(backlog(at(1998, 800)), []);
    // The last sync ran after the last queuing: nothing pending.
    assert.deepEqual(backlog(at(800, 1000)), []);
  });
  it('1.31 iptables: localhost NodePorts in use and invalid packets dropped, before moving to nftables', () => {
    let scrape = asMinor(realScrape('kube-proxy-1.30-iptables-minikube'), 31);
    scrape = withFamily(scrape, 'kubeproxy_iptables_localhost_nodeports_accepted_packets_total', 'counter', [
      'kubeproxy_iptables_localhost_nodeports_accepted_packets_total 5',
    ]);
    scrape = withFamily(scrape, 'kubeproxy_iptables_ct_state_invalid_dropped_packets_total', 'counter', [
      'kubeproxy_iptables_ct_state_invalid_dropped_packets_total 7',
    ]);
    assert.deepEqual(brief(tuning(config('iptables'), { 'kp.prom': scrape }, 31).filter((f) => f.rule === 'tuning-nftables-readiness')), [
      'information tuning-nftables-readiness conntrack.tcpBeLiberal',
      'information tuning-nftables-readiness mode',
    ]);
  });
});

describe('applying recommendations', () => {
  const scrape = syncs(SHAPES[1].scrape(), times(20, 3));
  const text = config('iptables', 'iptables:\n  syncPeriod: 30s # keep\n');
  it('fix-all (safe only) never applies a tuning suggestion', () => {
    const fixed = fixAll(text, { kubernetesVersion: '1.29', metrics: [{ name: 'kp.prom', text: scrape }] });
    assert.equal(fixed.text, text);
  });
  it('the quick fix sets the suggested value, keeps the comment, and the finding is gone', () => {
    const finding = tuning(text, { 'kp.prom': scrape }, 29).find((f) => f.rule === 'tuning-min-sync-period')!;
    const [fix] = fixesFor(text, finding);
    assert.equal(fix.applicability, 'unsafe');
    assert.equal(fix.title, 'Set iptables.minSyncPeriod to 6s');
    const after = applyEdits(text, fix.edits);
    assert.equal(after, config('iptables', 'iptables:\n  syncPeriod: 30s # keep\n  minSyncPeriod: 6s\n'));
    assert.ok(!tuning(after, { 'kp.prom': scrape }, 29).some((f) => f.rule === 'tuning-min-sync-period'));
  });
});

describe('the metrics summary', () => {
  it('says what each scrape is, and what could not be judged', () => {
    const result = analyze(config('iptables'), {
      kubernetesVersion: '1.29',
      metrics: [
        { name: 'kp.prom', text: realScrape('kube-proxy-1.29-iptables-kind') },
        { name: 'notes.txt', text: 'apiVersion: v1\n' },
      ],
    });
    const summary = result.metrics!;
    assert.deepEqual(
      { ...summary.kubeProxy[0], window: undefined },
      {
        files: ['kp.prom'],
        version: 'v1.29.0',
        mode: 'iptables',
        modeFrom: 'kubeproxy_sync_proxy_rules_iptables_total',
        cores: 16,
        uptimeSeconds: 2370,
        window: undefined,
      },
    );
    assert.ok(summary.notJudged.some((entry) => entry.rule === 'tuning-min-sync-period' && /only 2 syncs/.test(entry.reason)));
    assert.ok(summary.notJudged.some((entry) => entry.rule === 'tuning-conntrack' && /No node_exporter scrape/.test(entry.reason)));
    assert.deepEqual(summary.refused, [{ file: 'notes.txt', reason: 'not Prometheus text format (line 1: "v1" is not a sample value)' }]);
  });
  it('the scrape age read from the Go runtime agrees with the last GC within a second (real 1.29 scrape)', () => {
    const text = realScrape('kube-proxy-1.29-iptables-kind');
    const start = Number(/^process_start_time_seconds (\S+)$/m.exec(text)![1]);
    const lastGc = Number(/^go_memstats_last_gc_time_seconds (\S+)$/m.exec(text)![1]);
    const summary = analyze(config('iptables'), { kubernetesVersion: '1.29', metrics: [{ name: 'kp.prom', text }] }).metrics!;
    assert.ok(Math.abs(summary.kubeProxy[0].uptimeSeconds! - (lastGc - start)) <= 1.5);
  });
});

describe("the cluster's numbers", () => {
  const iptables = config('iptables');
  const bp = (text: string, cluster?: object): Finding[] =>
    analyze(text, { kubernetesVersion: '1.34', ...(cluster ? { cluster } : {}) }).findings.filter((f) => f.category === 'best-practice');
  it('a large cluster by its counts: the advice says which numbers it used', () => {
    const found = bp(iptables, { services: 3000, endpoints: 45000, nodes: 120 }).find((f) => f.rule === 'proxy-mode-for-scale');
    assert.ok(found);
    assert.match(found.message, /\(Judged for the cluster you describe: 120 nodes, 3,000 Services, 45,000 endpoints\.\)$/);
  });
  it('a small one (kube-proxy draws the line at 1,000 endpoints): no large-cluster advice', () => {
    assert.ok(!bp(iptables, { services: 40, endpoints: 300 }).some((f) => f.rule === 'proxy-mode-for-scale'));
  });
  it('no numbers and no scrape: the advice says what would change it', () => {
    const found = bp(iptables).find((f) => f.rule === 'proxy-mode-for-scale')!;
    assert.match(
      found.message,
      /\(Judged for a large cluster; the cluster's Service and endpoint counts \(kubeProxyTuner\.cluster, --services, --endpoints\) would tell whether it matters here\.\)$/,
    );
  });
  it('CPUs per node: the conntrack limit this configuration makes kube-proxy set', () => {
    const found = bp(config('iptables', 'conntrack:\n  maxPerCore: 16384\n'), { coresPerNode: 8, endpoints: 5000 }).find(
      (f) => f.rule === 'conntrack-sizing',
    )!;
    assert.match(found.message, /On 8-CPU nodes this configuration makes kube-proxy set nf_conntrack_max to 131,072\./);
    assert.match(found.message, /\(Judged for the cluster you describe: 8 CPUs per node\.\)/);
  });
});

describe('apply all recommendations', () => {
  const scrape = syncs(SHAPES[1].scrape(), times(20, 3));
  const text = config('iptables', 'iptables:\n  syncPeriod: 30s # keep\nmetricsBindAddress: 127.0.0.1:10249\n');
  it('applies measured values (tuning first) and recommended ones, lists each, never the mode', () => {
    const fixed = fixAll(text, { kubernetesVersion: '1.29', metrics: [{ name: 'kp.prom', text: scrape }] }, undefined, 'recommendations');
    assert.match(fixed.text, /minSyncPeriod: 6s/);
    assert.match(fixed.text, /metricsBindAddress: 0\.0\.0\.0:10249/);
    assert.match(fixed.text, /mode: iptables/);
    assert.match(fixed.text, /# keep/);
    assert.deepEqual(fixed.recommendations.map((r) => r.rule).sort(), ['metrics-loopback', 'tuning-min-sync-period']);
    assert.equal(
      fixAll(fixed.text, { kubernetesVersion: '1.29', metrics: [{ name: 'kp.prom', text: scrape }] }, undefined, 'recommendations').applied,
      0,
    );
  });
});

describe('every rule on every metric shape (1.28, 1.29-1.32, 1.33+ with ip_family; iptables, nftables, ipvs)', () => {
  const NPL = 'kubeproxy_network_programming_duration_seconds';
  const LIMITER = 'rest_client_rate_limiter_duration_seconds';
  /** A failure counter of the shape's mode that counted 3 (labelled from 1.33, so added). */
  const failing = (scrape: string, shape: Shape): string => {
    const counter =
      shape.mode === 'nftables'
        ? 'kubeproxy_sync_proxy_rules_nftables_sync_failures_total'
        : 'kubeproxy_sync_proxy_rules_iptables_restore_failures_total';
    return shape.minor >= 33 ? withFamily(scrape, counter, 'counter', [`${counter}{ip_family="IPv4"} 3`]) : withValue(scrape, counter, 3);
  };
  const pending = (scrape: string): string => {
    const start = Number(/^process_start_time_seconds (\S+)$/m.exec(scrape)![1]);
    const aged = withAge(scrape, 2000);
    return withValue(
      withValue(aged, 'kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds', start + 1700),
      'kubeproxy_sync_proxy_rules_last_timestamp_seconds',
      start + 1600,
    );
  };
  const noLocal = (scrape: string, shape: Shape): string =>
    withValue(
      scrape,
      'kubeproxy_sync_proxy_rules_no_local_endpoints_total',
      2,
      shape.minor >= 33 ? '{ip_family="IPv4",traffic_policy="internal"}' : '{traffic_policy="internal"}',
    );
  const PROBLEMS: { rule: string; derive: (scrape: string, shape: Shape) => string; path: (shape: Shape) => string; severity: string }[] = [
    {
      rule: 'tuning-min-sync-period',
      derive: (scrape) => syncs(scrape, times(20, 3)),
      path: (shape) => `${shape.mode}.minSyncPeriod`,
      severity: 'warning',
    },
    { rule: 'tuning-sync-duration', derive: (scrape) => syncs(scrape, times(20, 30)), path: () => 'mode', severity: 'warning' },
    {
      rule: 'tuning-network-programming',
      derive: (scrape) => withObservations(scrape, NPL, times(20, 45)),
      path: (shape) => `${shape.mode}.minSyncPeriod`,
      severity: 'warning',
    },
    { rule: 'tuning-sync-failures', derive: failing, path: () => 'mode', severity: 'warning' },
    {
      rule: 'tuning-client-throttling',
      derive: (scrape) => withObservations(scrape, LIMITER, times(10, 2)),
      path: () => 'clientConnection.qps',
      severity: 'warning',
    },
    { rule: 'tuning-sync-backlog', derive: pending, path: (shape) => `${shape.mode}.syncPeriod`, severity: 'warning' },
    { rule: 'tuning-no-local-endpoints', derive: noLocal, path: () => '', severity: 'information' },
  ];
  for (const shape of SHAPES) {
    for (const problem of PROBLEMS) {
      it(`${problem.rule} on ${shape.label}: not on the plain scrape, on ${problem.path(shape) || 'the document'} with evidence on the derived one`, () => {
        const healthy = tuning(config(shape.mode), { 'kp.prom': shape.scrape() }, shape.minor).filter((f) => f.rule === problem.rule);
        assert.deepEqual(brief(healthy), []);
        const found = tuning(config(shape.mode), { 'kp.prom': problem.derive(shape.scrape(), shape) }, shape.minor).filter(
          (f) => f.rule === problem.rule,
        );
        assert.ok(found.length > 0, `no ${problem.rule}`);
        assert.equal(found[0].path, problem.path(shape));
        assert.equal(found[0].severity, problem.severity);
        assert.ok(
          found[0].evidence && found[0].evidence.length > 0 && found[0].evidence.every((e) => e.files.includes('kp.prom')),
          JSON.stringify(found[0].evidence),
        );
      });
    }
  }
});

describe('the version a scrape shows', () => {
  it('with no version in the setting or the file, the configuration is checked as the scraped kube-proxy', () => {
    const result = analyze(config('iptables'), { metrics: [{ name: 'kp.prom', text: SHAPES[1].scrape() }] });
    assert.deepEqual(result.version, { minor: '1.29', source: 'metrics', from: 'kp.prom' });
    assert.ok(!result.findings.some((f) => f.rule === 'tuning-config-mismatch'));
  });
});
