/**
 * Where a KubeProxyConfiguration text sits, which decides who reads it and what fills in what the
 * user left out: a file of its own (a `--config` file or a kubeadm configuration), the text of a
 * ConfigMap's data value (kube-proxy reads it as it is), or a kind `kubeadmConfigPatches` entry
 * (merged by kind into the document it generates, then handed to kubeadm).
 */
import { KUBE_PROXY_API_VERSION } from './route.ts';
import type { KindCluster } from './embedded/hosts.ts';

/** Why kind never applies a KubeProxyConfiguration patch, whatever it says. */
export type KindPatchIgnored = 'notBootstrapNode' | 'proxyModeNone';

export type Placement =
  | { kind: 'file' }
  | {
      kind: 'configmap';
      /** kubeadm wrote it: zeros and nulls are its serialisation of "default", and kubeadm manages the mode. */
      writtenByKubeadm: boolean;
    }
  | {
      kind: 'kind-patch';
      /** The document kind generates before the patch is merged in (pkg/cluster/internal/kubeadm/config.go). */
      base: Record<string, unknown>;
      /** networking.kubeProxyMode as written (undefined when absent). */
      proxyMode: unknown;
      ignored: KindPatchIgnored | undefined;
    };

export const FILE_PLACEMENT: Placement = { kind: 'file' };

/** A key for caches: placements that give the same findings give the same key. */
export function placementKey(placement: Placement): string {
  switch (placement.kind) {
    case 'file':
      return 'file';
    case 'configmap':
      return `configmap:${placement.writtenByKubeadm}`;
    case 'kind-patch':
      return `kind:${placement.ignored ?? ''}:${JSON.stringify(placement.proxyMode)}:${JSON.stringify(placement.base)}`;
  }
}

/**
 * The KubeProxyConfiguration kind generates for a cluster, before patches (the same block in every
 * kind release since v0.23.0): the mode from `networking.kubeProxyMode` (default iptables), the
 * cluster's feature gates, `iptables.minSyncPeriod: 1s`, `conntrack.maxPerCore: 0`, and for nftables
 * `conntrack.tcpBeLiberal: true` (rootless providers differ; a config file does not say which).
 */
export function kindBase(cluster: KindCluster): Record<string, unknown> {
  const mode = typeof cluster.proxyMode === 'string' ? cluster.proxyMode : 'iptables';
  const conntrack: Record<string, unknown> = { maxPerCore: 0 };
  if (mode === 'nftables') conntrack.tcpBeLiberal = true;
  const base: Record<string, unknown> = {
    apiVersion: KUBE_PROXY_API_VERSION,
    kind: 'KubeProxyConfiguration',
    mode,
    iptables: { minSyncPeriod: '1s' },
    conntrack,
  };
  if (cluster.featureGates) base.featureGates = { ...cluster.featureGates };
  return base;
}

/** RFC 7386 merge patch, as kind applies `kubeadmConfigPatches`: maps merge, anything else replaces, null deletes. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result = Object.create(null) as Record<string, unknown>;
  if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.assign(result, target);
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
