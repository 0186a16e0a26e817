/** `kube-proxy-tuner check` as CI runs it: the built dist/cli.js, its output formats and exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const guide = join(root, 'examples/guide-kube-proxy.yaml');
const example = join(root, 'examples/kubeadm-config.yaml');

function check(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd: root });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kube-proxy-tuner check', () => {
  it('exits 0 on the shipped example and names the version it used', () => {
    const { code, stdout } = check(['check', example]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Kubernetes 1\.34 \(from ClusterConfiguration\.kubernetesVersion in this file\)/);
    assert.match(stdout, /0 error\(s\)/);
  });

  it('exits 1 on the guide example with file:line:col and the rule id', () => {
    const { code, stdout } = check(['check', '--kubernetes-version', '1.33', guide]);
    assert.equal(code, 1);
    assert.match(stdout, /guide-kube-proxy\.yaml:47:4: error \[unknown-field\] logging\.json: Unknown field "logging\.json"/);
  });

  it('prints exactly one JSON value in the documented shape', () => {
    const { code, stdout } = check(['check', '--format', 'json', '--kubernetes-version', '1.34', guide]);
    assert.equal(code, 1);
    const parsed = JSON.parse(stdout);
    assert.equal(parsed.files.length, 1);
    const [file] = parsed.files;
    assert.equal(file.kubernetesVersion, '1.34');
    assert.equal(file.versionSource, 'setting');
    const error = file.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    assert.equal(file.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length, 1);
    assert.deepEqual(Object.keys(error).sort(), ['category', 'document', 'message', 'path', 'range', 'rule', 'severity']);
    assert.deepEqual(error, {
      rule: 'unknown-field',
      category: 'schema',
      severity: 'error',
      path: 'logging.json',
      document: 0,
      range: { start: { line: 46, character: 3 }, end: { line: 46, character: 7 } },
      message: error.message,
    });
  });

  it('checks the kube-proxy ConfigMap: outer line and column, the string it is in, --fix inside config.conf', () => {
    const configMap = join(root, 'test/fixtures/embedded/hand-written-mistakes.yaml');
    const text = check(['check', configMap]);
    assert.equal(text.code, 1);
    assert.match(
      text.stdout,
      /hand-written-mistakes\.yaml:14:11: error \[proxy-mode\] data\["config\.conf"\] › mode: mode "IPVS" is not valid/,
    );
    const json = JSON.parse(check(['check', '--format', 'json', configMap]).stdout);
    const proxyMode = json.files[0].diagnostics.find((d: { rule: string }) => d.rule === 'proxy-mode');
    assert.deepEqual(
      { path: proxyMode.path, document: proxyMode.document, embeddedIn: proxyMode.embeddedIn, start: proxyMode.range.start },
      { path: 'mode', document: 0, embeddedIn: 'data["config.conf"]', start: { line: 13, character: 10 } },
    );
    const sarif = JSON.parse(check(['check', '--format', 'sarif', configMap]).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'proxy-mode');
    assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, 'data["config.conf"]/mode');
    const dir = mkdtempSync(join(tmpdir(), 'kpt-cm-'));
    const copy = join(dir, 'kube-proxy-cm.yaml');
    copyFileSync(configMap, copy);
    const fixed = check(['check', '--fix', copy]);
    assert.equal(fixed.code, 0, fixed.stdout);
    const after = readFileSync(copy, 'utf8');
    assert.match(after, /\n {4}mode: "ipvs"\n/);
    assert.match(after, /\n {6}syncPeriod: 30s\n/);
    assert.equal(
      after.slice(after.indexOf('  kubeconfig.conf')),
      readFileSync(configMap, 'utf8').slice(readFileSync(configMap, 'utf8').indexOf('  kubeconfig.conf')),
    );
  });

  it('checks a kind config against its node image version', () => {
    const { code, stdout } = check(['check', '--format', 'json', join(root, 'test/fixtures/embedded/kind-top-level.yaml')]);
    assert.equal(code, 1);
    const [file] = JSON.parse(stdout).files;
    assert.equal(file.kubernetesVersion, '1.33');
    assert.equal(file.versionFrom, 'kindest/node:v1.33.1');
    assert.deepEqual(
      file.diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { rule: string }) => d.rule),
      ['kind-feature-gates', 'invalid-type'],
    );
  });

  it('--metrics: tuning findings with evidence and suggested values, and the metrics summary in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-metrics-'));
    const scrape = join(dir, 'kube-proxy.prom');
    const real = readFileSync(join(root, 'test/fixtures/metrics/kube-proxy-1.29-iptables-kind.prom'), 'utf8');
    // Derived from the real scrape: 20 syncs of 3 s in every sync histogram.
    const slow = real.replace(
      /^(kubeproxy_sync(?:_full|_partial)?_proxy_rules_duration_seconds)_(bucket\{le="([^"]+)"\}|sum|count) \S+$/gm,
      (_, family, part, le) =>
        `${family}_${part} ${part === 'sum' ? 60 : part === 'count' ? 20 : Number(le === '+Inf' ? Infinity : le) >= 3 ? 20 : 0}`,
    );
    writeFileSync(scrape, slow);
    const config = join(dir, 'kube-proxy.yaml');
    writeFileSync(config, 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\n');
    const { code, stdout } = check(['check', '--format', 'json', '--kubernetes-version', '1.29', '--metrics', scrape, config]);
    assert.equal(code, 0, stdout);
    const [file] = JSON.parse(stdout).files;
    const tuning = file.diagnostics.find((d: { rule: string }) => d.rule === 'tuning-min-sync-period');
    assert.equal(tuning.category, 'tuning');
    assert.equal(tuning.path, 'iptables.minSyncPeriod');
    assert.equal(tuning.suggested, '6s');
    assert.deepEqual(
      tuning.evidence.find((e: { stat: string }) => e.stat === 'mean'),
      {
        metric: 'kubeproxy_sync_partial_proxy_rules_duration_seconds',
        stat: 'mean',
        value: 3,
        unit: 'seconds',
        files: [scrape],
        window: tuning.evidence[0].window,
      },
    );
    assert.equal(file.metrics.kubeProxy[0].version, 'v1.29.0');
    assert.equal(file.metrics.kubeProxy[0].mode, 'iptables');
    const text = check(['check', '--kubernetes-version', '1.29', '--metrics', scrape, config]).stdout;
    assert.match(text, /metrics: .*kube-proxy\.prom: kube-proxy v1\.29\.0, iptables, 16 CPUs/);
    // --fix alone leaves the tuned value; --unsafe-fixes applies it and says so.
    check(['check', '--fix', '--kubernetes-version', '1.29', '--metrics', scrape, config]);
    assert.doesNotMatch(readFileSync(config, 'utf8'), /minSyncPeriod/);
    const applied = check(['check', '--fix', '--unsafe-fixes', '--kubernetes-version', '1.29', '--metrics', scrape, config]);
    assert.match(applied.stderr, /kube-proxy\.yaml: Set iptables\.minSyncPeriod to 6s \(tuning-min-sync-period\)/);
    assert.match(readFileSync(config, 'utf8'), /\n {2}minSyncPeriod: 6s\n/);
  });

  it('--metrics refuses what is not a kube-proxy or node_exporter scrape, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-metrics-'));
    const bad = join(dir, 'apiserver.prom');
    writeFileSync(bad, '# TYPE apiserver_request_total counter\napiserver_request_total{code="200"} 5\n');
    const empty = join(dir, 'empty.prom');
    writeFileSync(empty, '');
    const { code, stderr, stdout } = check(['check', '--metrics', bad, '--metrics', empty, example]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(
      stderr,
      /apiserver\.prom is not a kube-proxy or node_exporter scrape: a scrape of another component \(apiserver_request_total\)/,
    );
    assert.match(stderr, /empty\.prom is not a kube-proxy or node_exporter scrape: the file is empty/);
    assert.equal(check(['check', '--metrics', join(dir, 'missing.prom'), example]).code, 2);
    assert.equal(check(['check', '--unsafe-fixes', example]).code, 2);
    assert.equal(check(['check', '--services', 'many', example]).code, 2);
  });

  it('alerts: rules for the file, exit 2 when it holds no KubeProxyConfiguration', () => {
    const { code, stdout } = check(['alerts', '--format', 'rules', example]);
    assert.equal(code, 0);
    assert.match(stdout, /^groups:\n {2}- name: kube-proxy-tuner\n/m);
    assert.match(stdout, /alert: KubeProxyRuleSyncSlow/);
    const none = check(['alerts', join(root, 'test/fixtures/embedded/other-configmap.yaml')]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /holds no KubeProxyConfiguration to derive alerts from/);
    assert.equal(check(['alerts', example, guide]).code, 2);
  });

  it('writes SARIF 2.1.0 with rules and results', () => {
    const { stdout } = check(['check', '--format', 'sarif', guide]);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.some((rule: { id: string }) => rule.id === 'unknown-field'));
    const error = run.results.find((result: { level: string }) => result.level === 'error');
    assert.equal(error.ruleId, 'unknown-field');
    assert.deepEqual(error.locations[0].physicalLocation.region, { startLine: 47, startColumn: 4, endLine: 47, endColumn: 8 });
  });

  it('reads standard input with -', () => {
    const { code, stdout } = check(
      ['check', '--format', 'json', '-'],
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: foo\n',
    );
    assert.equal(code, 1);
    assert.ok(
      JSON.parse(stdout).files[0].diagnostics.some(
        (d: { rule: string; severity: string }) => d.rule === 'proxy-mode' && d.severity === 'error',
      ),
    );
  });

  it('localizes messages with --locale zh-cn', () => {
    const { stdout } = check(['check', '--locale', 'zh-cn', guide]);
    assert.match(stdout, /没有字段 "logging\.json"/);
  });

  it('exits 2 with a clear message on an unreadable file', () => {
    const { code, stderr } = check(['check', join(root, 'does-not-exist.yaml')]);
    assert.equal(code, 2);
    assert.match(stderr, /cannot read .*does-not-exist\.yaml: no such file/);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(check(['check', '--kubernetes-version', '1.27', guide]).code, 2);
    assert.equal(check(['check', '--format', 'xml', guide]).code, 2);
    assert.equal(check(['lint', guide]).code, 2);
    assert.equal(check(['check']).code, 2);
  });

  it('does not crash on binary junk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-'));
    const junk = join(dir, 'junk.yaml');
    writeFileSync(junk, Buffer.from([0, 255, 254, 7, 10, 107, 105, 110, 100, 58, 32, 75, 117, 98, 101, 80, 114, 111, 120, 121, 0]));
    const { code, stderr } = check(['check', junk]);
    assert.ok(code === 0 || code === 1, stderr);
    assert.equal(stderr, '');
  });

  it('--fix writes the safe fixes back, says so, and exits by what is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-fix-'));
    const file = join(dir, 'seed.yaml');
    copyFileSync(guide, file);
    const { code, stderr, stdout } = check(['check', '--fix', '--kubernetes-version', '1.33', file]);
    assert.equal(code, 0, stdout);
    assert.match(stderr, /applied 1 fix\(es\)/);
    const fixed = readFileSync(file, 'utf8');
    assert.match(fixed, /   options:\n      json:\n         infoBufferSize: "0"/);
    assert.match(fixed, /# tcpBeLiberal: true/);
    assert.equal(check(['check', '--fix', '-'], 'x: 1').code, 2);
  });
});
