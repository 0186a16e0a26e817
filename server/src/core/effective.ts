/**
 * The configuration kube-proxy validates: the user's values (minus those the decoder rejected)
 * with upstream's v1alpha1 defaulting (defaults.go) and Linux platform defaults
 * (platformApplyDefaults) applied, per minor. Validation rules read this, never the raw YAML,
 * because upstream validates after defaulting: `syncPeriod: 0s` becomes 30s and passes.
 */
import { defaultOf } from '../knowledge/fields.ts';
import { inRange, type Minor } from '../knowledge/versions.ts';
import { ipFamily, splitHostPort } from './goNet.ts';
import { parseGoDuration } from './goDuration.ts';

/** A duration default from the field table, in nanoseconds. */
function defaultNanos(path: string): bigint {
  const parsed = parseGoDuration(String(defaultOf(path)));
  if (!parsed.ok) throw new Error(`knowledge: the default of ${path} is not a duration`);
  return parsed.nanos;
}

/** Upstream's defaults, from the one field table (knowledge/fields), read once. */
const DEFAULTS = {
  qps: Number(defaultOf('clientConnection.qps')),
  burst: Number(defaultOf('clientConnection.burst')),
  contentType: String(defaultOf('clientConnection.contentType')),
  format: String(defaultOf('logging.format')),
  flushFrequency: defaultNanos('logging.flushFrequency'),
  bindAddress: String(defaultOf('bindAddress')),
  mode: String(defaultOf('mode')),
  iptablesMasqueradeBit: Number(defaultOf('iptables.masqueradeBit')),
  iptablesSyncPeriod: defaultNanos('iptables.syncPeriod'),
  iptablesMinSyncPeriod: defaultNanos('iptables.minSyncPeriod'),
  ipvsSyncPeriod: defaultNanos('ipvs.syncPeriod'),
  nftablesMasqueradeBit: Number(defaultOf('nftables.masqueradeBit')),
  nftablesSyncPeriod: defaultNanos('nftables.syncPeriod'),
  nftablesMinSyncPeriod: defaultNanos('nftables.minSyncPeriod'),
  detectLocalMode: String(defaultOf('detectLocalMode')),
  oomScoreAdj: Number(defaultOf('oomScoreAdj')),
  maxPerCore: Number(defaultOf('conntrack.maxPerCore')),
  conntrackMin: Number(defaultOf('conntrack.min')),
  tcpEstablishedTimeout: defaultNanos('conntrack.tcpEstablishedTimeout'),
  tcpCloseWaitTimeout: defaultNanos('conntrack.tcpCloseWaitTimeout'),
  configSyncPeriod: defaultNanos('configSyncPeriod'),
};

export interface EffectiveConfig {
  featureGates: Record<string, boolean>;
  clientConnection: { kubeconfig: string; qps: number; burst: number; contentType: string };
  logging: {
    format: string;
    flushFrequency: bigint;
    verbosity: number;
    vmodule: { filePattern: string; verbosity: number }[];
    options: {
      json: { splitStream: boolean; infoBufferSize: string | number };
      text: { splitStream: boolean; infoBufferSize: string | number };
    };
  };
  bindAddress: string;
  healthzBindAddress: string;
  metricsBindAddress: string;
  enableProfiling: boolean;
  showHiddenMetricsForVersion: string;
  /** After platform defaulting: '' becomes 'iptables'. */
  mode: string;
  iptables: { masqueradeBit: number; syncPeriod: bigint; minSyncPeriod: bigint };
  ipvs: {
    syncPeriod: bigint;
    minSyncPeriod: bigint;
    scheduler: string;
    excludeCIDRs: string[];
    strictARP: boolean;
    tcpTimeout: bigint;
    tcpFinTimeout: bigint;
    udpTimeout: bigint;
  };
  nftables: { masqueradeBit: number; syncPeriod: bigint; minSyncPeriod: bigint };
  detectLocalMode: string;
  detectLocal: { bridgeInterface: string; interfaceNamePrefix: string };
  clusterCIDR: string;
  nodePortAddresses: string[];
  oomScoreAdj: number;
  conntrack: {
    maxPerCore: number;
    min: number;
    tcpEstablishedTimeout: bigint;
    tcpCloseWaitTimeout: bigint;
    udpTimeout: bigint;
    udpStreamTimeout: bigint;
  };
  configSyncPeriod: bigint;
  portRange: string;
}

/** Reads a value from the cleaned user JSON by dotted path. */
export function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

export function buildEffective(raw: Record<string, unknown>, minor: Minor): EffectiveConfig {
  const str = (path: string): string => (typeof valueAt(raw, path) === 'string' ? (valueAt(raw, path) as string) : '');
  const num = (path: string): number | undefined => (typeof valueAt(raw, path) === 'number' ? (valueAt(raw, path) as number) : undefined);
  const bool = (path: string): boolean => valueAt(raw, path) === true;
  const dur = (path: string): bigint => {
    const value = valueAt(raw, path);
    if (typeof value === 'number') return BigInt(Math.trunc(value));
    if (typeof value !== 'string') return 0n;
    const parsed = parseGoDuration(value);
    return parsed.ok ? parsed.nanos : 0n;
  };
  const orDefault = (value: bigint, fallback: bigint): bigint => (value === 0n ? fallback : value);
  const list = (path: string): string[] => {
    const value = valueAt(raw, path);
    return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];
  };
  const quantity = (path: string): string | number => {
    const value = valueAt(raw, path);
    return typeof value === 'string' || typeof value === 'number' ? value : 0;
  };
  // User keys: no prototype, so a gate named __proto__ or constructor is just a name.
  const gates = Object.create(null) as Record<string, boolean>;
  const rawGates = valueAt(raw, 'featureGates');
  if (rawGates && typeof rawGates === 'object' && !Array.isArray(rawGates)) {
    for (const [name, value] of Object.entries(rawGates)) gates[name] = value === true;
  }

  const bindAddress = str('bindAddress') || DEFAULTS.bindAddress;
  const v4 = ipFamily(bindAddress) === 4;
  const withPort = (address: string, fallbackHost: string, port: number): string => {
    if (address === '') return `${fallbackHost}:${port}`;
    return appendPortIfNeeded(address, port);
  };
  const rawVmodule = valueAt(raw, 'logging.vmodule');
  const vmodule = Array.isArray(rawVmodule)
    ? rawVmodule.map((item) => ({
        filePattern: typeof item?.filePattern === 'string' ? item.filePattern : '',
        verbosity: typeof item?.verbosity === 'number' ? item.verbosity : 0,
      }))
    : [];

  const mode = str('mode') || DEFAULTS.mode;
  let nodePortAddresses = list('nodePortAddresses');
  if (inRange(minor, '1.31') && mode === 'nftables' && nodePortAddresses.length === 0) nodePortAddresses = ['primary'];

  return {
    featureGates: gates,
    clientConnection: {
      kubeconfig: str('clientConnection.kubeconfig'),
      qps: num('clientConnection.qps') || DEFAULTS.qps,
      burst: num('clientConnection.burst') || DEFAULTS.burst,
      contentType: str('clientConnection.contentType') || DEFAULTS.contentType,
    },
    logging: {
      format: str('logging.format') || DEFAULTS.format,
      flushFrequency: orDefault(dur('logging.flushFrequency'), DEFAULTS.flushFrequency),
      verbosity: num('logging.verbosity') ?? 0,
      vmodule,
      options: {
        json: { splitStream: bool('logging.options.json.splitStream'), infoBufferSize: quantity('logging.options.json.infoBufferSize') },
        text: { splitStream: bool('logging.options.text.splitStream'), infoBufferSize: quantity('logging.options.text.infoBufferSize') },
      },
    },
    bindAddress,
    healthzBindAddress: withPort(str('healthzBindAddress'), v4 ? '0.0.0.0' : '[::]', 10256),
    metricsBindAddress: withPort(str('metricsBindAddress'), v4 ? '127.0.0.1' : '[::1]', 10249),
    enableProfiling: bool('enableProfiling'),
    showHiddenMetricsForVersion: str('showHiddenMetricsForVersion'),
    mode,
    iptables: {
      masqueradeBit: num('iptables.masqueradeBit') ?? DEFAULTS.iptablesMasqueradeBit,
      syncPeriod: orDefault(dur('iptables.syncPeriod'), DEFAULTS.iptablesSyncPeriod),
      minSyncPeriod: orDefault(dur('iptables.minSyncPeriod'), DEFAULTS.iptablesMinSyncPeriod),
    },
    ipvs: {
      syncPeriod: orDefault(dur('ipvs.syncPeriod'), DEFAULTS.ipvsSyncPeriod),
      minSyncPeriod: dur('ipvs.minSyncPeriod'),
      scheduler: str('ipvs.scheduler'),
      excludeCIDRs: list('ipvs.excludeCIDRs'),
      strictARP: bool('ipvs.strictARP'),
      tcpTimeout: dur('ipvs.tcpTimeout'),
      tcpFinTimeout: dur('ipvs.tcpFinTimeout'),
      udpTimeout: dur('ipvs.udpTimeout'),
    },
    nftables: {
      masqueradeBit: num('nftables.masqueradeBit') ?? DEFAULTS.nftablesMasqueradeBit,
      syncPeriod: orDefault(dur('nftables.syncPeriod'), DEFAULTS.nftablesSyncPeriod),
      minSyncPeriod: orDefault(dur('nftables.minSyncPeriod'), DEFAULTS.nftablesMinSyncPeriod),
    },
    detectLocalMode: str('detectLocalMode') || DEFAULTS.detectLocalMode,
    detectLocal: { bridgeInterface: str('detectLocal.bridgeInterface'), interfaceNamePrefix: str('detectLocal.interfaceNamePrefix') },
    clusterCIDR: str('clusterCIDR'),
    nodePortAddresses,
    oomScoreAdj: num('oomScoreAdj') ?? DEFAULTS.oomScoreAdj,
    conntrack: {
      maxPerCore: num('conntrack.maxPerCore') ?? DEFAULTS.maxPerCore,
      min: num('conntrack.min') ?? DEFAULTS.conntrackMin,
      // Pointer durations: only an absent value is defaulted; an explicit 0s stays 0.
      tcpEstablishedTimeout:
        valueAt(raw, 'conntrack.tcpEstablishedTimeout') == null ? DEFAULTS.tcpEstablishedTimeout : dur('conntrack.tcpEstablishedTimeout'),
      tcpCloseWaitTimeout:
        valueAt(raw, 'conntrack.tcpCloseWaitTimeout') == null ? DEFAULTS.tcpCloseWaitTimeout : dur('conntrack.tcpCloseWaitTimeout'),
      udpTimeout: dur('conntrack.udpTimeout'),
      udpStreamTimeout: dur('conntrack.udpStreamTimeout'),
    },
    configSyncPeriod: orDefault(dur('configSyncPeriod'), DEFAULTS.configSyncPeriod),
    portRange: str('portRange'),
  };
}

/** proxyutil.AppendPortIfNeeded: a bare IP gets the default port; anything else is left alone. */
function appendPortIfNeeded(address: string, port: number): string {
  if (!('error' in splitHostPort(address))) return address;
  const family = ipFamily(address);
  if (family === undefined) return address;
  return family === 4 ? `${address}:${port}` : `[${address}]:${port}`;
}
