/**
 * Proxy mode for a large cluster, by version: the seed's ipvs up to 1.32; nftables from 1.33 (GA),
 * where ipvs is on its way out (deprecated in 1.35, see ipvs-deprecated).
 */
import { minorNumber } from '../../../knowledge/versions.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { validModes } from '../proxyMode.ts';
import { rationale } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';

export const proxyModeForScale: KubeProxyRule = {
  id: 'proxy-mode-for-scale',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-ProxyMode`,
  description: { en: 'A proxy mode that scales for large clusters on the targeted version.', zh: '在目标版本上适合大规模集群的代理模式。' },
  check(ctx) {
    if (ctx.profile.scale !== 'large') return;
    const mode = ctx.config.mode;
    if (!validModes(ctx.minor, ctx.config.featureGates).includes(mode)) return;
    const n = minorNumber(ctx.minor);
    const suggest = n >= 33 ? 'nftables' : 'ipvs';
    if (mode === suggest || (n >= 35 && mode === 'ipvs')) return;
    const summary = ctx.t(n >= 33 ? 'proxy-mode-for-scale.nftables' : 'proxy-mode-for-scale.ipvs', { minor: ctx.minor, mode });
    ctx.report({
      path: 'mode',
      message: ctx.t('bp.frame', { summary, rationale: rationale('mode', ctx.locale) }),
      fixes: [unsafe({ kind: 'setValue', value: suggest })],
    });
  },
};

export const explicitProxyMode: KubeProxyRule = {
  id: 'explicit-proxy-mode',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'warning',
  since: '1.37',
  docs: 'https://github.com/kubernetes/kubernetes/pull/139957',
  description: {
    en: 'kube-proxy 1.37 warns when the proxy mode is not set explicitly.',
    zh: 'kube-proxy 1.37 在未明确设置代理模式时会告警。',
  },
  check(ctx) {
    const mode = ctx.raw.mode;
    if (typeof mode === 'string' && mode !== '') return;
    ctx.report({
      path: 'mode',
      at: 'key',
      message: ctx.t('explicit-proxy-mode', { minor: ctx.minor }),
      fixes: [unsafe({ kind: 'setValue', value: 'iptables' })],
    });
  },
};
