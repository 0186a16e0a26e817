/** Shapes shared by the core's modules and its front ends (server, CLI). */
import type { Minor } from '../knowledge/versions.ts';
import type { FixSuggestion } from './fixIntent.ts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Category = 'syntax' | 'schema' | 'decode' | 'validation' | 'kubeadm' | 'best-practice' | 'tuning';
export type Locale = 'en' | 'zh-cn';

/** Half-open [start, end) offsets into the file text (UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** 0-based index of the YAML document in the file. */
  document: number;
  /** Dotted YAML path inside the document (`ipvs.excludeCIDRs[1]`), '' for the document itself. */
  path: string;
  span: Span;
  range: Range;
  message: string;
  /** Link to the rule's documentation. */
  docs: string;
  /** What can be done about it, best first (core/fixes.ts turns these into edits). */
  fixes?: FixSuggestion[];
  /**
   * For a KubeProxyConfiguration inside a string of the file (a ConfigMap's `data["config.conf"]`,
   * a kind patch): the path of that string in document `document`, and the index of the YAML
   * document inside the string. `path` and the fixes are then about the inner text.
   */
  embedded?: { in: string; document: number };
  /** Tuning findings: what was measured, in which scrape and over which window. */
  evidence?: EvidenceItem[];
  /** Tuning findings: the value the evidence suggests for `path`. */
  suggested?: string | number | boolean;
}

/** The window a measured figure covers: between two scrapes of one process, or since it started. */
export interface EvidenceWindow {
  kind: 'between' | 'since-start';
  seconds: number;
  files: string[];
}

export interface EvidenceItem {
  /** The Prometheus metric (family) the figure comes from. */
  metric: string;
  /** What is shown: `mean`, `p99`, `increase`, `value`, `ratio` … */
  stat: string;
  value: number;
  /** Seconds, a count, or a ratio. */
  unit: 'seconds' | 'count' | 'ratio' | 'entries';
  /** The scrape files it was read from. */
  files: string[];
  window?: EvidenceWindow;
}

/** Where the version came from: the setting, the file, a metrics scrape's kubernetes_build_info, or the default. */
/**
 * Where the minor in use came from: the editor setting or the CLI flag (`setting`), the project's
 * .kube-proxy-tuner.yaml (`config`), the checked file (`file`), a metrics scrape, or the default.
 */
export type VersionSource = 'setting' | 'config' | 'file' | 'metrics' | 'default';

export interface ResolvedVersion {
  minor: Minor;
  source: VersionSource;
  /** What the file or setting said, when it was not a supported minor as such. */
  requested?: string;
  /** For a version found in the file other than in a ClusterConfiguration: what named it (`kindest/node:v1.33.1`). */
  from?: string;
}

export type ClusterScale = 'small' | 'large';

/** What the user says about the cluster (settings `kubeProxyTuner.cluster`, CLI flags); all optional. */
export interface ClusterNumbers {
  nodes?: number;
  services?: number;
  endpoints?: number;
  coresPerNode?: number;
  /** Service and endpoint changes per minute, at busy times. */
  churnPerMinute?: number;
}

export interface ClusterProfile {
  scale: ClusterScale;
  monitoring: boolean;
  /** The numbers the scale came from, when the user gave them. */
  numbers?: ClusterNumbers;
}

export interface AnalyzeOptions {
  /** `auto` or a minor such as `1.34`. */
  kubernetesVersion?: string;
  /**
   * Where kubernetesVersion was set, shown with the version: a .kube-proxy-tuner.yaml (`config`, its
   * path in `from`), or a setting named in `from` (`--kubernetes-version`); default: the editor setting.
   */
  kubernetesVersionOrigin?: { source: 'setting' | 'config'; from?: string };
  locale?: Locale;
  /** The cluster the best-practice rules assume (default: large). */
  clusterScale?: ClusterScale;
  /** Whether cluster monitoring must scrape kube-proxy's metrics (default: true). */
  monitoring?: boolean;
  /** Severity overrides by rule id; 'off' disables the rule. */
  rules?: Record<string, Severity | 'off'>;
  /** The cluster's numbers; they decide the scale when given (see clusterProfile). */
  cluster?: ClusterNumbers;
  /** Saved metrics scrapes (kube-proxy's /metrics, node_exporter's): tuning findings come from them. */
  metrics?: { name: string; text: string }[];
}

/** What the scrapes showed, for the CLI's JSON and the editor. */
export interface MetricsSummary {
  kubeProxy: {
    files: string[];
    version?: string;
    mode?: string;
    modeFrom?: string;
    cores?: number;
    uptimeSeconds?: number;
    window?: EvidenceWindow;
  }[];
  nodes: {
    files: string[];
    nodename?: string;
    cores?: number;
    conntrackEntries?: number;
    conntrackLimit?: number;
    window?: EvidenceWindow;
  }[];
  /** What could not be judged, and why (in the user's language). */
  notJudged: { rule: string; reason: string }[];
  /** Files that are not a kube-proxy or node_exporter scrape. */
  refused: { file: string; reason: string }[];
}

export interface AnalysisResult {
  version: ResolvedVersion;
  /** False for YAML that holds no KubeProxyConfiguration or kubeadm document (it gets no findings). */
  applies: boolean;
  findings: Finding[];
  /** Present when scrapes were given. */
  metrics?: MetricsSummary;
}
