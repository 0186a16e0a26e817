/**
 * The Prometheus text reader on what kube-proxy and node_exporter really emit (the real scrapes in
 * test/fixtures/metrics), on the format's corners, and on garbage: it reads what it can and never throws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { histogramSeries, quantile, sumSeries } from '../../server/src/core/metrics/histogram.ts';
import { parseExposition } from '../../server/src/core/metrics/promText.ts';
import { readScrape } from '../../server/src/core/metrics/scrape.ts';
import { realScrape } from '../fixtures/metrics/derive.ts';

const REAL = [
  'kube-proxy-1.28-iptables-kind',
  'kube-proxy-1.29-iptables-kind',
  'kube-proxy-1.30-iptables-minikube',
  'node-exporter-e2e',
] as const;

describe('reading real scrapes', () => {
  for (const name of REAL) {
    it(`${name}: every line read, one family per # TYPE, every histogram consistent`, () => {
      const text = realScrape(name);
      const parsed = parseExposition(text);
      assert.deepEqual(parsed.problems, []);
      const typed = text.split('\n').filter((line) => line.startsWith('# TYPE ')).length;
      const sampleLines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length;
      assert.equal(parsed.sampleCount, sampleLines);
      assert.equal([...parsed.families.values()].filter((family) => family.samples.length > 0 || family.type !== 'untyped').length, typed);
      for (const family of parsed.families.values()) {
        for (const series of histogramSeries(family)) {
          const counts = series.buckets.map((bucket) => bucket.count);
          assert.deepEqual(
            counts,
            [...counts].sort((a, b) => a - b),
            `${family.name}: buckets rise`,
          );
          assert.equal(series.buckets[series.buckets.length - 1].le, Infinity, family.name);
          assert.equal(series.buckets[series.buckets.length - 1].count, series.count, `${family.name}: +Inf is the count`);
        }
      }
    });
  }

  it('a labelled histogram keeps its series apart, with buckets in numeric order (60 after 0.5)', () => {
    const parsed = parseExposition(realScrape('kube-proxy-1.29-iptables-kind'));
    const series = histogramSeries(parsed.families.get('rest_client_rate_limiter_duration_seconds'));
    assert.deepEqual(series.map((s) => s.labels.verb).sort(), ['GET', 'POST']);
    const get = series.find((s) => s.labels.verb === 'GET')!;
    assert.equal(get.count, 4);
    assert.deepEqual(
      get.buckets.map((bucket) => bucket.le),
      [0.005, 0.025, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, Infinity],
    );
    assert.equal(sumSeries(series)!.count, 5);
  });

  it('quantiles as histogram_quantile gives them', () => {
    const parsed = parseExposition(realScrape('kube-proxy-1.29-iptables-kind'));
    const sync = sumSeries(histogramSeries(parsed.families.get('kubeproxy_sync_proxy_rules_duration_seconds')))!;
    // 4 syncs: 1 ≤ 0.032, 2 ≤ 0.064, 4 ≤ 0.128. The median (rank 2) is the top of the 0.064 bucket.
    assert.equal(quantile(0.5, sync)!.value, 0.064);
    // p99: rank 3.96 in (0.064, 0.128], 1.96 of 2 observations in: 0.064 + 0.064 × 0.98.
    assert.ok(Math.abs(quantile(0.99, sync)!.value - (0.064 + 0.064 * 0.98)) < 1e-12);
    const saturated = parseExposition('# TYPE h histogram\nh_bucket{le="1"} 0\nh_bucket{le="+Inf"} 3\nh_sum 30\nh_count 3\n');
    assert.deepEqual(quantile(0.99, histogramSeries(saturated.families.get('h'))[0]), { value: 1, saturated: true });
  });

  it('tells kube-proxy from node_exporter, and says what else a file is', () => {
    const kubeProxy = readScrape({ name: 'kp', text: realScrape('kube-proxy-1.30-iptables-minikube') });
    assert.ok(kubeProxy.ok && kubeProxy.scrape.kind === 'kube-proxy' && kubeProxy.scrape.gitVersion === 'v1.30.0');
    assert.ok(kubeProxy.ok && kubeProxy.scrape.kind === 'kube-proxy' && kubeProxy.scrape.mode === 'iptables');
    const node = readScrape({ name: 'node', text: realScrape('node-exporter-e2e') });
    assert.ok(node.ok && node.scrape.kind === 'node-exporter' && node.scrape.cores === 8);
    const apiserver =
      '# TYPE apiserver_request_total counter\napiserver_request_total{code="200",verb="GET"} 12\n# TYPE kubeproxy_x gauge\nkubeproxy_x 1\n';
    assert.deepEqual(readScrape({ name: 'a', text: apiserver }), {
      ok: false,
      reason: 'otherComponent',
      detail: 'apiserver_request_total',
    });
    assert.deepEqual(readScrape({ name: 'e', text: ' \n' }), { ok: false, reason: 'empty', detail: '' });
    assert.equal((readScrape({ name: 'b', text: 'PK\u0003\u0004\u0000\u0000binary' }) as { reason: string }).reason, 'binary');
    assert.equal((readScrape({ name: 'y', text: 'apiVersion: v1\nkind: ConfigMap\n' }) as { reason: string }).reason, 'notExposition');
  });

  it('1.28 registers every mode: the scrape does not name one', () => {
    const scrape = readScrape({ name: 'kp', text: realScrape('kube-proxy-1.28-iptables-kind') });
    assert.ok(scrape.ok && scrape.scrape.kind === 'kube-proxy' && scrape.scrape.mode === undefined);
  });
});

describe('the format', () => {
  it('escapes, +Inf/NaN, exponents, timestamps, no final newline', () => {
    const parsed = parseExposition(
      '# HELP m a \\\\ help\\nline\n# TYPE m gauge\nm{path="C:\\\\x",q="say \\"hi\\"",n="a\\nb"} 1.5e+3 1700000000000\nm{path="y"} +Inf\nm{path="z"} NaN',
    );
    const family = parsed.families.get('m')!;
    assert.equal(family.help, 'a \\ help\nline');
    assert.deepEqual(
      family.samples.map((s) => [s.labels.path, s.value]),
      [
        ['C:\\x', 1500],
        ['y', Infinity],
        ['z', Number.NaN],
      ],
    );
    assert.equal(family.samples[0].labels.q, 'say "hi"');
    assert.equal(family.samples[0].labels.n, 'a\nb');
  });

  it('OpenMetrics: counters with _total and _created, exemplars, # EOF', () => {
    const parsed = parseExposition(
      '# TYPE c counter\nc_total 3 # {trace_id="x"} 1\nc_created 1.7e9\n# TYPE h histogram\nh_bucket{le="1"} 1\nh_bucket{le="+Inf"} 2\nh_count 2\nh_sum 3\n# EOF\njunk after eof\n',
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.families.get('c')!.samples.map((s) => s.name),
      ['c_total', 'c_created'],
    );
    assert.equal(histogramSeries(parsed.families.get('h'))[0].count, 2);
  });

  it('a bad line is a problem with its line number; the rest is read', () => {
    const parsed = parseExposition('# TYPE a gauge\na 1\nb{x="unterminated} 2\nc 3 4 5\n{} 1\nd{x="1",x="2"} 1\ne 7\n');
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [3, 4, 5, 6],
    );
    assert.equal(parsed.families.get('e')!.samples[0].value, 7);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) => {
        const parsed = parseExposition(text);
        assert.ok(parsed.sampleCount >= 0);
        readScrape({ name: 'x', text });
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('reads back what it is given: generated families, labels and values', () => {
    const labelValue = fc.string({ maxLength: 8 }).map((v) => [...v].filter((c) => c.charCodeAt(0) >= 0x20).join(''));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ labels: fc.dictionary(fc.constantFrom('a', 'b', 'ip_family'), labelValue), value: fc.double({ noNaN: true }) }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (samples) => {
          const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
          const text = `# TYPE g gauge\n${samples
            .map(
              (s) =>
                `g{${Object.entries(s.labels)
                  .map(([k, v]) => `${k}="${escape(v)}"`)
                  .join(',')}} ${Object.is(s.value, -0) ? '0' : String(s.value).replace('Infinity', 'Inf')}`,
            )
            .join('\n')}`;
          const parsed = parseExposition(text);
          assert.deepEqual(parsed.problems, [], text);
          const read = parsed.families.get('g')!.samples;
          assert.deepEqual(
            read.map((s) => ({ labels: { ...s.labels }, value: s.value })),
            samples.map((s) => ({ labels: { ...s.labels }, value: Object.is(s.value, -0) ? 0 : s.value })),
          );
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});
