/** .kube-proxy-tuner.yaml: what it sets, and what a user sees for each mistake in it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestRule, mergeProjectSettings, normalizeVersion, readProjectConfig } from '../../server/src/core/projectConfig.ts';
import { RULES } from '../../server/src/core/rules/index.ts';

describe('readProjectConfig', () => {
  it('reads every key the editor settings have', () => {
    const { settings, findings } = readProjectConfig(
      [
        'kubernetesVersion: 1.30 # unquoted: the minor 30, not the number 1.3',
        'rules:',
        '  strict-arp: off',
        '  unknown-field: Warning',
        'clusterScale: small',
        'monitoring: false',
        'cluster: { nodes: 300, services: 2000, churnPerMinute: 2.5 }',
        'metrics: [scrapes/a.prom, scrapes/b.prom]',
      ].join('\n'),
      'en',
    );
    assert.deepEqual(findings, []);
    assert.deepEqual(settings, {
      kubernetesVersion: '1.30',
      rules: { 'strict-arp': 'off', 'unknown-field': 'warning' },
      clusterScale: 'small',
      monitoring: false,
      cluster: { nodes: 300, services: 2000, churnPerMinute: 2.5 },
      metrics: ['scrapes/a.prom', 'scrapes/b.prom'],
    });
  });

  it('an empty file or one with comments only sets nothing', () => {
    assert.deepEqual(readProjectConfig('', 'en'), { settings: {}, findings: [] });
    assert.deepEqual(readProjectConfig('# nothing yet\n', 'en'), { settings: {}, findings: [] });
  });

  it('points at each mistake, with a message that says what is accepted', () => {
    const text = [
      'kubernetesVersion: 1.40',
      'rules:',
      '  strictarp: off',
      '  no-such-thing: off',
      '  proxy-mode: loud',
      'clusterScale: huge',
      'monitoring: "yes"',
      'cluster: { nodes: -1, racks: 4, coresPerNode: 1.5 }',
      'metrics: scrape.prom',
      'kubernetes_version: 1.30',
    ].join('\n');
    const { findings } = readProjectConfig(text, 'en');
    const seen = findings.map(
      (finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.path}: ${finding.message}`,
    );
    assert.deepEqual(seen, [
      '1:20 kubernetesVersion: kubernetesVersion must be auto or a minor from 1.28 to 1.37 (1.30, 1.30.2 and v1.30 are taken)',
      '3:3 rules.strictarp: "strictarp" is not a rule id; did you mean "strict-arp"?',
      '4:3 rules.no-such-thing: "no-such-thing" is not a rule id (docs/rules.md lists them)',
      '5:15 rules.proxy-mode: proxy-mode must be one of error, warning, information, hint, off',
      '6:15 clusterScale: clusterScale must be one of large, small',
      '7:13 monitoring: monitoring must be one of true, false',
      '8:19 cluster.nodes: cluster.nodes must be a number of 0 or more',
      '8:23 cluster.racks: Unknown key "cluster.racks"; the keys are nodes, services, endpoints, coresPerNode, churnPerMinute',
      '8:47 cluster.coresPerNode: cluster.coresPerNode must be a number of 0 or more',
      '9:10 metrics: metrics must be a list of file paths',
      '10:1 kubernetes_version: Unknown key "kubernetes_version"; the keys are kubernetesVersion, rules, clusterScale, monitoring, cluster, metrics',
    ]);
    assert.ok(findings.every((finding) => finding.rule === 'config-file' && finding.severity === 'error'));
  });

  it('says it in Chinese', () => {
    const { findings } = readProjectConfig('clusterScale: huge\n', 'zh-cn');
    assert.equal(findings[0].message, 'clusterScale 必须是 large, small 之一');
  });

  it('reports YAML that does not parse, and a file that is not a map', () => {
    const broken = readProjectConfig('rules: [unclosed\n', 'en');
    assert.equal(broken.findings.length, 1);
    assert.match(broken.findings[0].message, /^\.kube-proxy-tuner\.yaml is not valid YAML: /);
    assert.equal(readProjectConfig('- a\n- b\n', 'en').findings[0].message, '.kube-proxy-tuner.yaml must be a map of settings');
  });
});

describe('normalizeVersion', () => {
  it('takes the forms a kubeadm kubernetesVersion takes, for supported minors only', () => {
    assert.equal(normalizeVersion('auto'), 'auto');
    assert.equal(normalizeVersion('1.30'), '1.30');
    assert.equal(normalizeVersion('1.30.2'), '1.30');
    assert.equal(normalizeVersion('v1.30'), '1.30');
    assert.equal(normalizeVersion(' v1.33.1 '), '1.33');
    assert.equal(normalizeVersion('1.27'), undefined);
    assert.equal(normalizeVersion('1.3'), undefined);
    assert.equal(normalizeVersion('latest'), undefined);
  });
});

describe('mergeProjectSettings', () => {
  it('the override wins key by key, and rules and cluster numbers merge entry by entry', () => {
    const merged = mergeProjectSettings(
      { kubernetesVersion: '1.30', rules: { 'strict-arp': 'off', 'proxy-mode': 'warning' }, cluster: { nodes: 10 }, monitoring: false },
      { rules: { 'proxy-mode': 'error' }, cluster: { services: 5 }, kubernetesVersion: '1.33' },
    );
    assert.deepEqual(merged, {
      kubernetesVersion: '1.33',
      rules: { 'strict-arp': 'off', 'proxy-mode': 'error' },
      cluster: { nodes: 10, services: 5 },
      monitoring: false,
    });
  });
});

describe('closestRule', () => {
  it('suggests the rule a typo meant, and nothing for an unrelated word', () => {
    assert.equal(closestRule('unknown-feild'), 'unknown-field');
    assert.equal(closestRule('Proxy-Mode'), 'proxy-mode');
    assert.equal(closestRule('conntrak'), 'conntrack');
    assert.equal(closestRule('banana'), undefined);
    // Every real id is its own closest.
    for (const rule of RULES) assert.equal(closestRule(rule.id), rule.id);
  });
});
