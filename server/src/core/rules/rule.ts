/**
 * The shape of a rule: a small descriptor (id, category, default severity, versions, docs) and a
 * check. Rules are listed in rules/index.ts. The id is the name used by settings, SARIF,
 * translations, suppression and tests.
 */
import type { MessageKey } from '../../knowledge/messages.ts';
import type { Minor } from '../../knowledge/versions.ts';
import type { EffectiveConfig } from '../effective.ts';
import type { ParsedFile } from '../parse.ts';
import type { Category, ClusterProfile, EvidenceItem, Locale, Severity, Span } from '../types.ts';
import type { Evidence } from '../metrics/evidence.ts';
import type { FixSuggestion } from '../fixIntent.ts';
import type { KubeadmChunk, SeparatorProblem } from '../kubeadmSplit.ts';
import type { RoutedDocument } from '../route.ts';
import type { Placement } from '../placement.ts';
import type { Embedding } from '../embedded/hosts.ts';

export interface Report {
  path: string;
  /** Point at the key instead of the value (unknown or misplaced fields). */
  at?: 'key' | 'value';
  /** An explicit span, when the finding is not about a decoded node. */
  span?: Span;
  message: string;
  /** What can be done about it, best first. */
  fixes?: FixSuggestion[];
  severity?: Severity;
  /** Tuning: the measured figures behind the finding, and the value they suggest. */
  evidence?: EvidenceItem[];
  suggested?: string | number | boolean;
}

interface BaseContext {
  minor: Minor;
  locale: Locale;
  t(key: MessageKey, args?: Record<string, string | number>): string;
}

export interface KubeProxyContext extends BaseContext {
  document: RoutedDocument;
  config: EffectiveConfig;
  /** The cluster the best-practice rules assume. */
  profile: ClusterProfile;
  /** kubeadm (directly, or run by kind) hands the configuration to kube-proxy, not the user. */
  kubeadmManaged: boolean;
  /** Where the document sits: a file of its own, a ConfigMap's data, a kind patch. */
  placement: Placement;
  /** The user's decoded values, without those the decoder rejected. */
  raw: Record<string, unknown>;
  /** What the user's metrics scrapes show (tuning rules), when any were given. */
  evidence?: Evidence;
  /** Whether the user wrote this path. */
  has(path: string): boolean;
  /** A localized "kube-proxy refuses to start" message. */
  refuse(summary: string, upstream: string): string;
  report(report: Report): void;
}

export interface FileContext extends BaseContext {
  file: ParsedFile;
  documents: RoutedDocument[];
  chunks: KubeadmChunk[];
  separatorProblems: SeparatorProblem[];
  /** Whether the file is a kubeadm configuration (holds a kubeadm.k8s.io document). */
  isKubeadmFile: boolean;
  /** KubeProxyConfigurations inside the file's other objects (ConfigMaps, kind patches). */
  embeddings: readonly Embedding[];
  report(document: number, report: Report): void;
}

interface RuleBase {
  id: string;
  category: Category;
  severity: Severity;
  since?: Minor;
  until?: Minor;
  description: { en: string; zh: string };
  /** Upstream documentation for what the rule checks. */
  docs: string;
}

export interface KubeProxyRule extends RuleBase {
  scope: 'kubeproxy';
  check(ctx: KubeProxyContext): void;
}
export interface FileRule extends RuleBase {
  scope: 'file';
  check(ctx: FileContext): void;
}
/** Rules whose findings the analyzer itself produces (parsing, decoding). */
export interface BuiltInRule extends RuleBase {
  scope: 'builtin';
}

export type Rule = KubeProxyRule | FileRule | BuiltInRule;

export const KUBE_PROXY_DOCS = 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/';
export const KUBEADM_DOCS = 'https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/';
export const YAML_DOCS = 'https://yaml.org/spec/1.1/';
