/**
 * A kind patch that sets `mode` wins over networking.kubeProxyMode for kube-proxy (the patch is
 * merged into the document kind generated from it), but kind makes its own choices from
 * networking.kubeProxyMode only: with nftables it also sets conntrack.tcpBeLiberal (kubernetes#117924),
 * with none it skips kube-proxy. Two places that disagree, or nftables set only in the patch, are
 * worth a word; the same mode in both is fine.
 */
import { KIND_PROXY_MODES } from '../../embedded/hosts.ts';
import { unsafe } from '../../fixIntent.ts';
import type { KubeProxyRule } from '../rule.ts';
import { KIND_DOCS } from './kindDocs.ts';

export const kindPatchMode: KubeProxyRule = {
  id: 'kind-patch-mode',
  scope: 'kubeproxy',
  category: 'kubeadm',
  severity: 'warning',
  docs: `${KIND_DOCS}#kube-proxy-mode`,
  description: {
    en: "A kind patch's mode that disagrees with networking.kubeProxyMode, which kind itself acts on.",
    zh: 'kind 补丁中的 mode 与 networking.kubeProxyMode 不一致（kind 自身依据后者行事）。',
  },
  check(ctx) {
    const placement = ctx.placement;
    if (placement.kind !== 'kind-patch' || !ctx.has('mode')) return;
    const patchMode = ctx.raw.mode;
    const clusterMode = placement.proxyMode;
    if (typeof patchMode !== 'string' || patchMode === '') return;
    if (clusterMode === undefined || clusterMode === null) {
      if (patchMode !== 'nftables') return;
      ctx.report({ path: 'mode', message: ctx.t('kind-patch-mode.nftablesOnlyHere'), fixes: [unsafe({ kind: 'removeKey' })] });
      return;
    }
    // An invalid networking.kubeProxyMode is kind-proxy-mode's error; a comparison with it would add nothing.
    if (patchMode === clusterMode || !(KIND_PROXY_MODES as readonly unknown[]).includes(clusterMode)) return;
    ctx.report({
      path: 'mode',
      message: ctx.t('kind-patch-mode', { patch: patchMode, cluster: String(clusterMode) }),
      fixes: [unsafe({ kind: 'removeKey' })],
    });
  },
};
