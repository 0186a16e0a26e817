/**
 * Upstream's error texts: apimachinery field errors (`<path>: Invalid value: <v>: <detail>`) and
 * the Go field paths kube-proxy's validation.go uses, which changed with the 1.31 refactor of the
 * internal configuration. 1.37 keeps the 1.36 style here: the switch to v1alpha1 JSON paths exists
 * on upstream's main branch but is not verified in a 1.37 release (docs/upstream-facts.md).
 */
import { minorNumber, type Minor } from '../knowledge/versions.ts';
import { formatGoDuration } from './goDuration.ts';

/** Go's %v / %q / %#v rendering of a field error value. */
export function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return formatGoDuration(value);
  if (Array.isArray(value)) return `[]string{${value.map((item) => JSON.stringify(item)).join(', ')}}`;
  if (value && typeof value === 'object') {
    return `map[string]bool{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
      .join(', ')}}`;
  }
  return String(value);
}

export const invalid = (path: string, value: unknown, detail: string): string => `${path}: Invalid value: ${goValue(value)}: ${detail}`;
export const unsupported = (path: string, value: string, supported: string[]): string =>
  `${path}: Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((item) => JSON.stringify(item)).join(', ')}`;
export const forbidden = (path: string, detail: string): string => `${path}: Forbidden: ${detail}`;
export const required = (path: string, detail: string): string => `${path}: Required value: ${detail}`;

const ROOT = 'KubeProxyConfiguration';

/** Go field paths for kube-proxy's validation errors, by v1alpha1 path, for one minor. */
export function goPath(minor: Minor, jsonPath: string): string {
  const refactored = minorNumber(minor) >= 31;
  const conntrack = refactored
    ? `${ROOT}.KubeProxyLinuxConfiguration.KubeProxyConntrackConfiguration`
    : `${ROOT}.KubeProxyConntrackConfiguration`;
  const [head, ...rest] = jsonPath.split('.');
  const tail = rest.join('.');
  const upper = (name: string): string =>
    name
      .replace(/^[a-z]/, (c) => c.toUpperCase())
      .replace(/^TcpE/, 'TCPE')
      .replace(/^TcpC/, 'TCPC')
      .replace(/^TcpF/, 'TCPF')
      .replace(/^TcpT/, 'TCPT')
      .replace(/^UdpT/, 'UDPT')
      .replace(/^UdpS/, 'UDPS');
  switch (head) {
    case 'iptables':
      return `${ROOT}.KubeProxyIPTablesConfiguration.${upper(tail)}`;
    case 'nftables':
      return `${ROOT}.KubeProxyNFTablesConfiguration.${upper(tail)}`;
    case 'ipvs':
      return tail.startsWith('excludeCIDRs')
        ? `${ROOT}.KubeProxyIPVSConfiguration.${tail.replace('excludeCIDRs', 'ExcludeCidrs')}`
        : `${ROOT}.KubeProxyIPVSConfiguration.${upper(tail)}`;
    case 'conntrack':
      return `${conntrack}.${upper(tail)}`;
    case 'oomScoreAdj':
      return refactored ? `${ROOT}.KubeProxyLinuxConfiguration.OOMScoreAdj` : `${ROOT}.OOMScoreAdj`;
    case 'mode':
      return `${ROOT}.Mode.ProxyMode`;
    case 'clientConnection':
      return `${ROOT}.ClientConnection.${upper(tail)}`;
    case 'clusterCIDR':
      return refactored ? `${ROOT}.DetectLocalConfiguration.ClusterCIDRs${tail}` : `${ROOT}.ClusterCIDR`;
    case 'detectLocal': {
      const name = tail === 'bridgeInterface' ? 'InterfaceName' : 'InterfacePrefix';
      return refactored ? `${ROOT}.DetectLocalConfiguration.${name}` : `${ROOT}.${name}`;
    }
    case 'logging':
    case 'featureGates':
      return `${ROOT}.${jsonPath}`;
    default:
      return `${ROOT}.${upper(head)}${tail ? `.${tail}` : ''}`;
  }
}

/** The internal top-level sync period paths used from 1.31 on (the active mode's section). */
export function activeSyncGoPath(minor: Minor, section: string, field: 'syncPeriod' | 'minSyncPeriod'): string {
  if (minorNumber(minor) >= 31) return `${ROOT}.${field === 'syncPeriod' ? 'SyncPeriod' : 'MinSyncPeriod'}`;
  return goPath(minor, `${section}.${field}`);
}
