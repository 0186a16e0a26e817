/**
 * Prometheus alerting rules that watch what the tuning rules judge, with thresholds taken from the
 * configuration itself: sync time against the active mode's syncPeriod (/healthz fails at twice it)
 * and minSyncPeriod, write failures of the running mode, network programming latency (upstream's
 * 30 s scale-test threshold), a sync backlog, client-side throttling, conntrack fill (node-mixin's
 * 75 %). kubernetes-mixin already alerts on kube-proxy being down and ships the "Kubernetes / Proxy"
 * dashboard; these complete it. Output as a PrometheusRule (kube-prometheus / Prometheus Operator) or
 * a plain rules file.
 */
import { Document } from 'yaml';
import { message, type MessageKey } from '../../knowledge/messages.ts';
import { TUNING } from '../../knowledge/tuning.ts';
import type { Minor } from '../../knowledge/versions.ts';
import type { EffectiveConfig } from '../effective.ts';
import type { Locale } from '../types.ts';

export type AlertsFormat = 'prometheus-rule' | 'rules';

export interface AlertsOptions {
  format: AlertsFormat;
  /** The Prometheus job that scrapes kube-proxy (kube-prometheus: kube-proxy). */
  job: string;
  locale: Locale;
}

interface Rule {
  alert: string;
  expr: string;
  for: string;
  severity: 'warning' | 'critical' | 'info';
  summary: string;
  description: string;
}

const seconds = (nanos: bigint): number => Number(nanos) / 1e9;

/** A number as PromQL and YAML write it (no exponent, no trailing zeros). */
function num(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3)));
}

export const MIXIN_DASHBOARD = 'https://github.com/kubernetes-monitoring/kubernetes-mixin/blob/master/dashboards/proxy.libsonnet';

/** Whether Prometheus on another host can scrape kube-proxy with this metricsBindAddress. */
export function scrapeable(config: EffectiveConfig): boolean {
  const host = config.metricsBindAddress.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return !(host.startsWith('127.') || host === '::1' || host === 'localhost');
}

export function alertRules(config: EffectiveConfig, minor: Minor, options: AlertsOptions): string {
  const t = (key: MessageKey, args: Record<string, string | number> = {}): string => message(options.locale, key, args);
  const job = `job="${options.job.replace(/["\\]/g, '')}"`;
  const mode = config.mode === 'ipvs' ? 'ipvs' : config.mode === 'nftables' ? 'nftables' : 'iptables';
  const section = config[mode];
  const syncPeriod = seconds(section.syncPeriod);
  const minSync = seconds(section.minSyncPeriod);
  const healthz = TUNING.healthzSyncPeriods.value * syncPeriod;
  const backlog = Math.max(TUNING.stalenessFloor.value, healthz);
  const slowMean = Math.max(TUNING.slowSyncMean.value, minSync / TUNING.minSyncPerSync.value);
  const rules: Rule[] = [
    {
      alert: 'KubeProxyRuleSyncSlow',
      expr: `histogram_quantile(0.99, sum by (instance, le) (rate(kubeproxy_sync_proxy_rules_duration_seconds_bucket{${job}}[15m]))) > ${num(syncPeriod)}`,
      for: '15m',
      severity: 'warning',
      summary: t('alerts.syncSlow.summary'),
      description: t('alerts.syncSlow.description', { path: `${mode}.syncPeriod`, value: num(syncPeriod), healthz: num(healthz) }),
    },
    {
      alert: 'KubeProxySyncsOutgrowMinSyncPeriod',
      expr: `sum by (instance) (rate(kubeproxy_sync_proxy_rules_duration_seconds_sum{${job}}[30m])) / sum by (instance) (rate(kubeproxy_sync_proxy_rules_duration_seconds_count{${job}}[30m])) > ${num(slowMean)}`,
      for: '30m',
      severity: 'info',
      summary: t('alerts.minSync.summary'),
      description: t('alerts.minSync.description', { path: `${mode}.minSyncPeriod`, value: num(minSync), threshold: num(slowMean) }),
    },
    ...failureRules(mode, job, t),
    {
      alert: 'KubeProxyNetworkProgrammingSlow',
      expr: `histogram_quantile(0.99, sum by (instance, le) (rate(kubeproxy_network_programming_duration_seconds_bucket{${job}}[15m]))) > ${num(TUNING.networkProgrammingP99.value)}`,
      for: '15m',
      severity: 'warning',
      summary: t('alerts.networkProgramming.summary'),
      description: t('alerts.networkProgramming.description', { threshold: num(TUNING.networkProgrammingP99.value) }),
    },
    {
      alert: 'KubeProxySyncBacklog',
      // Pending (queued after the last sync finished) and waiting since it was queued.
      expr: `max by (instance) ((time() - kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds{${job}}) and (kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds{${job}} > kubeproxy_sync_proxy_rules_last_timestamp_seconds{${job}})) > ${num(backlog)}`,
      for: '5m',
      severity: 'warning',
      summary: t('alerts.backlog.summary'),
      description: t('alerts.backlog.description', { threshold: num(backlog), path: `${mode}.syncPeriod` }),
    },
    {
      alert: 'KubeProxyClientThrottled',
      expr: `sum by (instance) (rate(rest_client_rate_limiter_duration_seconds_sum{${job}}[15m])) / sum by (instance) (rate(rest_client_rate_limiter_duration_seconds_count{${job}}[15m])) > ${num(TUNING.throttleLogged.value)}`,
      for: '15m',
      severity: 'info',
      summary: t('alerts.throttled.summary'),
      description: t('alerts.throttled.description', {
        qps: num(config.clientConnection.qps),
        burst: num(config.clientConnection.burst),
        threshold: num(TUNING.throttleLogged.value * 1000),
      }),
    },
    {
      alert: 'NodeConntrackTableFilling',
      expr: `(node_nf_conntrack_entries / node_nf_conntrack_entries_limit) > ${num(TUNING.conntrackFill.value)}`,
      for: '15m',
      severity: 'warning',
      summary: t('alerts.conntrack.summary'),
      description: t('alerts.conntrack.description', {
        fill: num(TUNING.conntrackFill.value * 100),
        maxPerCore: num(config.conntrack.maxPerCore),
        min: num(config.conntrack.min),
      }),
    },
  ];
  const group = {
    name: 'kube-proxy-tuner',
    rules: rules.map((rule) => ({
      alert: rule.alert,
      expr: rule.expr,
      for: rule.for,
      labels: { severity: rule.severity },
      annotations: { summary: rule.summary, description: rule.description },
    })),
  };
  const body =
    options.format === 'rules'
      ? { groups: [group] }
      : {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'PrometheusRule',
          metadata: { name: 'kube-proxy-tuner', namespace: 'monitoring', labels: { role: 'alert-rules' } },
          spec: { groups: [group] },
        };
  const doc = new Document(body);
  const header = [
    t('alerts.header', { minor, mode }),
    t('alerts.dashboard', { url: MIXIN_DASHBOARD }),
    ...(scrapeable(config) ? [] : [t('alerts.loopback', { address: config.metricsBindAddress })]),
  ];
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

function failureRules(
  mode: 'iptables' | 'ipvs' | 'nftables',
  job: string,
  t: (key: MessageKey, args?: Record<string, string | number>) => string,
): Rule[] {
  const counters =
    mode === 'nftables'
      ? ['kubeproxy_sync_proxy_rules_nftables_sync_failures_total', 'kubeproxy_sync_proxy_rules_nftables_cleanup_failures_total']
      : ['kubeproxy_sync_proxy_rules_iptables_restore_failures_total'];
  const rules: Rule[] = counters.map((counter) => ({
    alert: counter.includes('cleanup') ? 'KubeProxyRuleCleanupFailing' : 'KubeProxyRuleWriteFailing',
    expr: `sum by (instance) (increase(${counter}{${job}}[15m])) > 0`,
    for: '0m',
    severity: 'warning',
    summary: t('alerts.failures.summary'),
    description: t('alerts.failures.description', { metric: counter }),
  }));
  if (mode === 'iptables') {
    // KEP-3453: partial restores may fail now and then; rising for an hour means they keep failing.
    rules.push({
      alert: 'KubeProxyPartialRestoreFailuresRising',
      expr: `sum by (instance) (increase(kubeproxy_sync_proxy_rules_iptables_partial_restore_failures_total{${job}}[1h])) > 0`,
      for: '1h',
      severity: 'warning',
      summary: t('alerts.partial.summary'),
      description: t('alerts.partial.description'),
    });
  }
  return rules;
}
