/** metricsBindAddress on loopback (the default) cannot be scraped by cluster monitoring. */
import { splitHostPort } from '../../goNet.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale, recommendation } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';

export const metricsLoopback: KubeProxyRule = {
  id: 'metrics-loopback',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'Metrics reachable by cluster monitoring.', zh: '指标可被集群监控抓取。' },
  check(ctx) {
    if (!ctx.profile.monitoring) return;
    const value = ctx.config.metricsBindAddress;
    const split = splitHostPort(value);
    if ('error' in split || !(/^127\./.test(split.host) || split.host === '::1')) return;
    const recommended = recommendation('metricsBindAddress')?.value ?? '0.0.0.0:10249';
    ctx.report({
      path: 'metricsBindAddress',
      at: ctx.has('metricsBindAddress') ? 'value' : 'key',
      message: ctx.t('bp.frame', { summary: ctx.t('metrics-loopback', { value }), rationale: rationale('metricsBindAddress', ctx.locale) }),
      fixes: [unsafe({ kind: 'setValue', value: recommended })],
    });
  },
};
