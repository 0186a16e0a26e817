/** mode: the proxy modes the targeted Linux kube-proxy accepts, which depend on feature gates. */
import { gateEnabled } from '../../knowledge/featureGates.ts';
import { minorNumber, type Minor } from '../../knowledge/versions.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyContext, type KubeProxyRule } from './rule.ts';
import { safe } from '../fixIntent.ts';

/** Modes validation.go accepts on Linux, sorted as upstream prints them. */
export function validModes(minor: Minor, gates: Record<string, boolean>): string[] {
  const modes = ['iptables'];
  const ipvsAllowed = minorNumber(minor) < 37 || gateEnabled(minor, 'KubeProxyIPVS', gates);
  if (ipvsAllowed) modes.push('ipvs');
  const n = minorNumber(minor);
  if (n >= 33 || (n >= 29 && gateEnabled(minor, 'NFTablesProxyMode', gates))) modes.push('nftables');
  return modes;
}

function hintFor(ctx: KubeProxyContext, mode: string): string {
  const n = minorNumber(ctx.minor);
  const lower = mode.toLowerCase();
  if (lower === 'userspace') return ctx.t('proxy-mode.hintUserspace');
  if (lower === 'kernelspace') return ctx.t('proxy-mode.hintWindows');
  if (lower === 'nftables') {
    if (n < 29) return ctx.t('proxy-mode.hintNftablesLater');
    if (mode === 'nftables' && n <= 30) return ctx.t('proxy-mode.hintNftablesGate', { minor: ctx.minor });
    if (mode === 'nftables') return ctx.t('proxy-mode.hintNftablesOff');
  }
  if (mode === 'ipvs') return ctx.t('proxy-mode.hintIpvsOff');
  if (['iptables', 'ipvs', 'nftables'].includes(lower)) return ctx.t('proxy-mode.hintCase', { suggestion: lower });
  return '';
}

export const proxyMode: KubeProxyRule = {
  id: 'proxy-mode',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-ProxyMode`,
  description: { en: 'The proxy mode must be one the targeted kube-proxy supports.', zh: '代理模式必须是目标版本 kube-proxy 支持的模式。' },
  check(ctx) {
    const mode = ctx.config.mode;
    const modes = validModes(ctx.minor, ctx.config.featureGates);
    if (modes.includes(mode)) return;
    const detail = `must be ${modes.join(', ')} or blank (blank means the best-available proxy [currently iptables])`;
    const lower = mode.toLowerCase();
    ctx.report({
      path: 'mode',
      message: ctx.refuse(
        ctx.t('proxy-mode', { value: mode, minor: ctx.minor, accepted: modes.join(', '), hint: hintFor(ctx, mode) }),
        invalid(goPath(ctx.minor, 'mode'), mode, detail),
      ),
      fixes: modes.includes(lower)
        ? [safe({ kind: 'setValue', value: lower })]
        : lower === 'userspace'
          ? [safe({ kind: 'setValue', value: 'iptables' })]
          : undefined,
    });
  },
};
