/**
 * networking.kubeProxyMode: kind accepts iptables, ipvs, nftables and none, case-sensitive
 * (pkg/internal/apis/config/validate.go), and writes it as the mode of the KubeProxyConfiguration it
 * generates, with the cluster's feature gates; kube-proxy of the node image's version then validates
 * it like any mode. kind does not check the version itself (nftables needs 1.29 with its gate, or 1.31+).
 */
import { minorNumber } from '../../../knowledge/versions.ts';
import { isKindCluster, KIND_PROXY_MODES, readKindCluster } from '../../embedded/hosts.ts';
import { safe, unsafe } from '../../fixIntent.ts';
import { goPath, invalid } from '../../upstreamText.ts';
import { validModes } from '../proxyMode.ts';
import type { FileRule } from '../rule.ts';
import { KIND_DOCS } from './kindDocs.ts';
import { isMap, type Node } from 'yaml';

export const kindProxyMode: FileRule = {
  id: 'kind-proxy-mode',
  scope: 'file',
  category: 'validation',
  severity: 'error',
  docs: `${KIND_DOCS}#kube-proxy-mode`,
  description: {
    en: "kind's networking.kubeProxyMode must be a mode kind accepts and the node image's kube-proxy runs.",
    zh: 'kind 的 networking.kubeProxyMode 必须是 kind 接受、且节点镜像中 kube-proxy 支持的模式。',
  },
  check(ctx) {
    for (const document of ctx.documents) {
      const root = document.parsed.doc.contents as Node | null;
      if (!isKindCluster(document) || !isMap(root)) continue;
      const cluster = readKindCluster(root);
      const mode = cluster.proxyMode;
      if (mode === undefined || mode === null) continue;
      const index = document.parsed.index;
      const path = 'networking.kubeProxyMode';
      if (typeof mode !== 'string' || !(KIND_PROXY_MODES as readonly string[]).includes(mode)) {
        const lower = String(mode).toLowerCase();
        ctx.report(index, {
          path,
          message: ctx.t('frame.kindRefuses', {
            summary: ctx.t('kind-proxy-mode', { value: String(mode), accepted: KIND_PROXY_MODES.join(', ') }),
            upstream: `invalid kubeProxyMode: ${String(mode)}`,
          }),
          fixes: (KIND_PROXY_MODES as readonly string[]).includes(lower) ? [safe({ kind: 'setValue', value: lower })] : undefined,
        });
        continue;
      }
      if (mode === 'none') continue;
      const gates: Record<string, boolean> = {};
      for (const [name, value] of Object.entries(cluster.featureGates ?? {})) if (typeof value === 'boolean') gates[name] = value;
      const modes = validModes(ctx.minor, gates);
      if (!modes.includes(mode)) {
        const detail = `must be ${modes.join(', ')} or blank (blank means the best-available proxy [currently iptables])`;
        ctx.report(index, {
          path,
          message: ctx.t('frame.refuse', {
            summary: ctx.t('proxy-mode', { value: mode, minor: ctx.minor, accepted: modes.join(', '), hint: '' }),
            minor: ctx.minor,
            upstream: invalid(goPath(ctx.minor, 'mode'), mode, detail),
          }),
        });
      } else if (mode === 'ipvs' && minorNumber(ctx.minor) >= 35) {
        ctx.report(index, {
          path,
          severity: 'warning',
          message: ctx.t('ipvs-deprecated', { minor: ctx.minor, extra: ctx.minor === '1.37' ? ctx.t('ipvs-deprecated.extra137') : '' }),
          fixes: [unsafe({ kind: 'setValue', value: 'nftables' })],
        });
      }
    }
  },
};
