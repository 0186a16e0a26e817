/**
 * What the VS Code client and the server say to each other beyond LSP: one typed definition, used by
 * both sides (as vscode-eslint shares its protocol), so that a renamed field fails to compile.
 */
import type { VersionSource } from './core/types.ts';

/** Server → client, after each analysis: the Kubernetes minor used for a document and where it came from. */
export const VERSION_NOTIFICATION = 'kubeProxyTuner/version';

export interface VersionInfo {
  uri: string;
  minor: string;
  source: VersionSource;
  requested?: string;
  /** What named the version: a file's `kindest/node:v1.33.1`, the config file's path, a scrape. */
  from?: string;
  /** Why the version in use differs from the one requested, in the user's language. */
  note?: string;
  /** False for YAML without kube-proxy or kubeadm documents: no status item there. */
  applies: boolean;
  /** The scrapes the findings were tuned from, and those that could not be used (in the user's language). */
  metricsFiles?: string[];
  metricsProblems?: string[];
}

/** Client → server: Prometheus alerting rules for a document's (first) KubeProxyConfiguration. */
export const ALERTS_REQUEST = 'kubeProxyTuner/alerts';

export interface AlertsParams {
  uri: string;
  format?: 'prometheus-rule' | 'rules';
}

export interface AlertsResult {
  text?: string;
  warning?: string;
  error?: string;
}

/** The options the server takes in `initialize` (any LSP client can send them). */
export interface InitializationOptions {
  /** `en` or `zh-cn` (default: the client's locale). */
  locale?: string;
  /** Settings for clients without workspace/configuration, with the keys of .kube-proxy-tuner.yaml. */
  settings?: unknown;
  /** False when the client shows the snippets itself (VS Code, from package.json). */
  snippets?: boolean;
  /** False in an untrusted workspace: scrape paths from .kube-proxy-tuner.yaml are then not read. */
  workspaceTrusted?: boolean;
}
