/**
 * Alerting rules derived from a configuration: thresholds follow its values and its mode, the output
 * is a PrometheusRule or a rules file that loads, and a loopback metrics address is called out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { effectiveConfigs } from '../../server/src/core/effectiveConfigs.ts';
import { alertRules, scrapeable } from '../../server/src/core/metrics/alerts.ts';

const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';

interface RuleOut {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

function rulesOf(
  text: string,
  format: 'prometheus-rule' | 'rules' = 'rules',
  locale: 'en' | 'zh-cn' = 'en',
): { yaml: string; rules: RuleOut[] } {
  const { version, configs } = effectiveConfigs(text, { kubernetesVersion: '1.34' });
  const yaml = alertRules(configs[0].config, version.minor, { format, job: 'kube-proxy', locale });
  const parsed = parse(yaml) as { groups?: { rules: RuleOut[] }[]; spec?: { groups: { rules: RuleOut[] }[] } };
  return { yaml, rules: (parsed.groups ?? parsed.spec!.groups)[0].rules };
}

const expr = (rules: RuleOut[], alert: string): string => rules.find((rule) => rule.alert === alert)!.expr;

describe('kube-proxy-tuner alerts', () => {
  it('thresholds come from the active section: syncPeriod 45s, minSyncPeriod 10s', () => {
    const { rules } = rulesOf(
      `${KPC}mode: iptables\niptables:\n  syncPeriod: 45s\n  minSyncPeriod: 10s\nmetricsBindAddress: 0.0.0.0:10249\n`,
    );
    assert.match(expr(rules, 'KubeProxyRuleSyncSlow'), /\[15m\]\)\)\) > 45$/);
    assert.match(expr(rules, 'KubeProxySyncsOutgrowMinSyncPeriod'), / > 5$/);
    assert.match(expr(rules, 'KubeProxySyncBacklog'), / > 90$/);
    assert.match(rules.find((rule) => rule.alert === 'KubeProxySyncBacklog')!.annotations.description, /iptables\.syncPeriod/);
  });
  it('the write-failure counters of the mode that runs', () => {
    const names = (mode: string): string[] =>
      rulesOf(`${KPC}mode: ${mode}\n`)
        .rules.filter((rule) => /Failing|Failures/.test(rule.alert))
        .map((rule) => /kubeproxy_\w+/.exec(rule.expr)![0]);
    assert.deepEqual(names('iptables'), [
      'kubeproxy_sync_proxy_rules_iptables_restore_failures_total',
      'kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total',
    ]);
    assert.deepEqual(names('nftables'), [
      'kubeproxy_sync_proxy_rules_nftables_sync_failures_total',
      'kubeproxy_sync_proxy_rules_nftables_cleanup_failures_total',
    ]);
    assert.deepEqual(names('ipvs'), ['kubeproxy_sync_proxy_rules_iptables_restore_failures_total']);
  });
  it('a PrometheusRule for kube-prometheus, with the dashboard named', () => {
    const { yaml } = rulesOf(`${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`, 'prometheus-rule');
    const parsed = parse(yaml) as { apiVersion: string; kind: string };
    assert.deepEqual([parsed.apiVersion, parsed.kind], ['monitoring.coreos.com/v1', 'PrometheusRule']);
    assert.match(yaml, /^# .*"Kubernetes \/ Proxy" from kubernetes-mixin/m);
    assert.doesNotMatch(yaml, /WARNING/);
  });
  it('says when metricsBindAddress keeps Prometheus out (the default loopback)', () => {
    const { yaml } = rulesOf(`${KPC}mode: nftables\n`);
    assert.match(yaml, /^# WARNING: metricsBindAddress is 127\.0\.0\.1:10249: Prometheus on another host cannot scrape kube-proxy/m);
    const [config] = effectiveConfigs(`${KPC}metricsBindAddress: "[::1]:10249"\n`).configs;
    assert.equal(scrapeable(config.config), false);
  });
  it('annotations in Chinese with the zh-cn locale; Prometheus templates kept', () => {
    const { rules } = rulesOf(`${KPC}mode: nftables\n`, 'rules', 'zh-cn');
    const description = rules.find((rule) => rule.alert === 'KubeProxyRuleSyncSlow')!.annotations.description;
    assert.match(description, /\{\{ \$labels\.instance \}\} 上规则同步的 p99 超过 nftables\.syncPeriod（30 秒）/);
  });
  it('a kube-proxy ConfigMap and a kind patch give their configurations', () => {
    const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-proxy\ndata:\n  config.conf: |\n    ${KPC.replace(/\n/g, '\n    ')}mode: ipvs\n    ipvs:\n      syncPeriod: 20s\n`;
    assert.match(expr(rulesOf(configMap).rules, 'KubeProxyRuleSyncSlow'), / > 20$/);
    const kind =
      'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: nftables\nkubeadmConfigPatches:\n- |\n  kind: KubeProxyConfiguration\n  nftables:\n    syncPeriod: 40s\n';
    const { rules } = rulesOf(kind);
    assert.match(expr(rules, 'KubeProxyRuleSyncSlow'), / > 40$/);
    assert.ok(
      rules.some((rule) => rule.expr.includes('nftables_sync_failures_total')),
      'the mode comes from networking.kubeProxyMode',
    );
  });
});
