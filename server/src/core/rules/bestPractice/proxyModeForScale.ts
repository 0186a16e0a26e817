/**
 * Proxy mode by version, as upstream sees it. From 1.33 nftables is GA and upstream's mode for the
 * future (KEP-3866; ipvs deprecated from 1.35, KEP-5495): iptables and ipvs users hear about it,
 * with the migration checklist in the rationale. Before 1.33 nothing is suggested: iptables mode
 * has synced only what changed since 1.28 and upstream does not steer users to ipvs, and a quick fix
 * never moves a cluster onto a deprecated mode.
 */
import { minorNumber } from '../../../knowledge/versions.ts';
import { validModes } from '../proxyMode.ts';
import type { KubeProxyRule } from '../rule.ts';
import { rationale } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';
import { framed, sizingNote } from './sizing.ts';

export const proxyModeForScale: KubeProxyRule = {
  id: 'proxy-mode-for-scale',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  since: '1.33',
  docs: 'https://kubernetes.io/docs/reference/networking/virtual-ips/#migrating-from-iptables-mode-to-nftables',
  description: {
    en: "nftables, GA from 1.33, for large clusters on iptables or ipvs (with upstream's migration checklist).",
    zh: '对使用 iptables 或 ipvs 的大规模集群，建议使用 1.33 起 GA 的 nftables（附上游迁移清单）。',
  },
  check(ctx) {
    if (ctx.profile.scale !== 'large') return;
    const mode = ctx.config.mode;
    if (mode === 'nftables' || !validModes(ctx.minor, ctx.config.featureGates).includes(mode)) return;
    // ipvs from 1.35 has its own warning (ipvs-deprecated), which says the same and more.
    if (mode === 'ipvs' && minorNumber(ctx.minor) >= 35) return;
    ctx.report({
      path: 'mode',
      at: ctx.has('mode') ? 'value' : 'key',
      message: framed(
        ctx,
        ctx.t('proxy-mode-for-scale', { minor: ctx.minor, mode }),
        rationale('mode', ctx.locale),
        sizingNote(ctx, ['nodes', 'services', 'endpoints'], 'bp.what.size'),
      ),
      fixes: [unsafe({ kind: 'setValue', value: 'nftables' })],
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
    en: 'kube-proxy 1.37 warns when the proxy mode is not set explicitly (kubeadm sets it for you).',
    zh: 'kube-proxy 1.37 在未明确设置代理模式时会告警（kubeadm 会替你设置）。',
  },
  check(ctx) {
    // kubeadm 1.37 writes `mode: iptables` into the kube-proxy ConfigMap when the mode is empty
    // (kubernetes#139777), so a kube-proxy deployed by kubeadm never sees an unset mode.
    if (ctx.kubeadmManaged) return;
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
