/**
 * The cluster the advice is for. The user's numbers (settings `kubeProxyTuner.cluster`, CLI flags)
 * decide the scale when they include a size; `clusterScale` (large|small) is the shorthand used
 * when they do not, and large is the default.
 */
import type { AnalyzeOptions, ClusterNumbers, ClusterProfile } from './types.ts';

/**
 * kube-proxy's own line for a large cluster: above 1,000 endpoints its iptables proxier switches to
 * "large cluster mode" (largeClusterEndpointsThreshold, pkg/proxy/iptables/proxier.go). More than
 * 1,000 Services means at least as many endpoints in practice.
 */
export const LARGE_CLUSTER_ENDPOINTS = 1000;
export const LARGE_CLUSTER_SOURCE = 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/pkg/proxy/iptables/proxier.go';

function hasSize(numbers: ClusterNumbers | undefined): numbers is ClusterNumbers {
  return numbers?.endpoints !== undefined || numbers?.services !== undefined;
}

export function clusterProfile(options: AnalyzeOptions): ClusterProfile {
  const numbers = options.cluster;
  const profile: ClusterProfile = { scale: options.clusterScale ?? 'large', monitoring: options.monitoring ?? true };
  if (numbers && Object.keys(numbers).length > 0) profile.numbers = numbers;
  if (hasSize(numbers))
    profile.scale =
      (numbers.endpoints ?? 0) > LARGE_CLUSTER_ENDPOINTS || (numbers.services ?? 0) > LARGE_CLUSTER_ENDPOINTS ? 'large' : 'small';
  return profile;
}

/** A key for caches: profiles that give the same findings give the same key. */
export function profileKey(profile: ClusterProfile): string {
  return `${profile.scale}|${profile.monitoring}|${JSON.stringify(profile.numbers ?? {})}`;
}
