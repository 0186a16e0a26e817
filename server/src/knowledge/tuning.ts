/**
 * The numbers tuning rules judge a scrape by, each with where it comes from. Where upstream gives a
 * number it is used as is; where the rule derives one (marked `derived`), the derivation is written
 * beside it and the message says so. Rules read these, never a literal of their own.
 */

export interface Threshold<T = number> {
  value: T;
  /** Upstream page, PR, KEP or code at a tag. */
  source: string;
  /** How the number follows from the source, when it is not written there as such. */
  derived?: string;
}

const VIRTUAL_IPS = 'https://kubernetes.io/docs/reference/networking/virtual-ips/';

export const TUNING = {
  /** "if sync_proxy_rules_duration_seconds indicates an average time much larger than 1 second, bumping up minSyncPeriod may make updates more efficient". */
  slowSyncMean: { value: 1, source: `${VIRTUAL_IPS}#minsyncperiod` },
  /** minSyncPeriod about twice the time a sync takes: thockin's reasoning for the old 10 s (syncs of 4–5 s). */
  minSyncPerSync: {
    value: 2,
    source: 'https://github.com/kubernetes/kubernetes/pull/92836',
    derived: 'syncs of 4–5 s led upstream to a 10 s minimum: the minimum is set to twice the mean sync, rounded up to whole seconds',
  },
  /** From 1.28 iptables syncs only what changed: an old raised minSyncPeriod should come back down toward the 1s default. */
  legacyMinSync: {
    value: 5,
    source: `${VIRTUAL_IPS}#minimize-iptables-restore`,
    derived: 'a minimum of 5 s or more with partial syncs well under a second',
  },
  fastPartialSync: { value: 0.5, source: `${VIRTUAL_IPS}#minimize-iptables-restore`, derived: 'half a second: a tenth of the 5 s minimum' },
  /** The network programming latency clusterloader2 holds kube-proxy to (CL2_NETWORK_PROGRAMMING_LATENCY_THRESHOLD). */
  networkProgrammingP99: {
    value: 30,
    source: 'https://github.com/kubernetes/perf-tests/blob/master/clusterloader2/testing/load/modules/measurements.yaml',
  },
  /** The top finite bucket of kube-proxy's sync histograms (ExponentialBuckets(0.001, 2, 15)). */
  syncHistogramTop: { value: 16.384, source: 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/pkg/proxy/metrics/metrics.go' },
  /** /healthz fails when a queued sync has not finished within twice syncPeriod. */
  healthzSyncPeriods: { value: 2, source: 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/cmd/kube-proxy/app/server.go' },
  /** client-go logs a wait for its rate limiter over 50 ms (at V(3)), and over 1 s at default verbosity (rate-limited). */
  throttleLogged: { value: 0.05, source: 'https://github.com/kubernetes/client-go/blob/v0.33.0/rest/request.go' },
  throttleWarned: { value: 1, source: 'https://github.com/kubernetes/client-go/blob/v0.33.0/rest/request.go' },
  /** node-mixin's NodeHighNumberConntrackEntriesUsed fires above 75 % of the table. */
  conntrackFill: {
    value: 0.75,
    source: 'https://github.com/prometheus/node_exporter/blob/master/docs/node-mixin/alerts/alerts.libsonnet',
  },
  /** What a resized table should hold at the measured peak. */
  conntrackTargetFill: {
    value: 0.5,
    source: 'https://github.com/prometheus/node_exporter/blob/master/docs/node-mixin/alerts/alerts.libsonnet',
    derived: 'half full at the measured use, well under the 75 % alert',
  },
  /** From 1.36 kube-proxy caps maxPerCore × CPUs at this. */
  conntrackCap: { value: 1_048_576, source: 'https://github.com/kubernetes/kubernetes/pull/137002' },
  /** A sync queued this long without finishing means kube-proxy is not keeping up (at least a minute, or twice syncPeriod). */
  stalenessFloor: {
    value: 60,
    source: 'https://github.com/kubernetes/kubernetes/blob/v1.33.0/pkg/proxy/metrics/metrics.go',
    derived: 'the larger of a minute and the /healthz limit of twice syncPeriod',
  },
  /** Too little to judge: fewer syncs than this in the window. */
  minSyncs: {
    value: 10,
    source: `${VIRTUAL_IPS}#minsyncperiod`,
    derived: 'averages of a few syncs after a start are the start-up full syncs',
  },
  /** Sample of rate-limited requests needed before throttling is judged. */
  minRequests: {
    value: 5,
    source: 'https://github.com/kubernetes/client-go/blob/v0.33.0/rest/request.go',
    derived: 'a handful of requests',
  },
} as const satisfies Record<string, Threshold>;

/** Where upstream says how to move from iptables to nftables (what the migration needs). */
export const NFTABLES_MIGRATION = `${VIRTUAL_IPS}#migrating-from-iptables-mode-to-nftables`;
