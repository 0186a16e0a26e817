/**
 * The `kubeProxyTuner` settings as the server sees them, and a per-document cache of them.
 * Editor-independent: the LSP plumbing that fetches them is passed in.
 */
import type { AnalyzeOptions, ClusterNumbers, Severity } from '../core/types.ts';
import { CLUSTER_KEYS, mergeProjectSettings, RULE_LEVELS, type ProjectSettings } from '../core/projectConfig.ts';
import type { ProjectConfig } from './projectConfigFiles.ts';

export const SETTINGS_SECTION = 'kubeProxyTuner';

/** The editor's settings have the keys of .kube-proxy-tuner.yaml (one shape, core/projectConfig.ts). */
export type ServerSettings = ProjectSettings;

const LEVELS: ReadonlySet<string> = new Set(RULE_LEVELS);

/** Accepts whatever a client sent (object, null, junk) and keeps only well-formed settings. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const settings: ServerSettings = {};
  if (!isObject(raw)) return settings;
  if (typeof raw.kubernetesVersion === 'string' && raw.kubernetesVersion.trim() !== '') {
    settings.kubernetesVersion = raw.kubernetesVersion.trim();
  }
  if (raw.clusterScale === 'large' || raw.clusterScale === 'small') settings.clusterScale = raw.clusterScale;
  if (typeof raw.monitoring === 'boolean') settings.monitoring = raw.monitoring;
  if (isObject(raw.rules)) {
    // Keys come from the user's settings: no prototype, so `__proto__` is a (misspelt) rule id like any other.
    const rules = Object.create(null) as Record<string, Severity | 'off'>;
    for (const [rule, level] of Object.entries(raw.rules)) {
      if (typeof level === 'string' && LEVELS.has(level.toLowerCase())) rules[rule] = level.toLowerCase() as Severity | 'off';
    }
    settings.rules = rules;
  }
  if (isObject(raw.cluster)) {
    const cluster: ClusterNumbers = {};
    for (const field of CLUSTER_KEYS) {
      const value = raw.cluster[field];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) cluster[field] = value;
    }
    settings.cluster = cluster;
  }
  if (Array.isArray(raw.metrics))
    settings.metrics = raw.metrics.filter((path): path is string => typeof path === 'string' && path.trim() !== '');
  return settings;
}

/**
 * A document's settings: its .kube-proxy-tuner.yaml, overridden key by key (rule by rule) by what the
 * user set in the editor. In an untrusted workspace the config file's scrape paths are not used: like
 * the restricted kubeProxyTuner.metrics setting, a workspace must not make the server read files.
 */
export interface DocumentSettings {
  settings: ServerSettings;
  /** The config file that applied, if any. */
  config?: ProjectConfig;
  /** Where the version came from when the config file set it. */
  versionOrigin?: AnalyzeOptions['kubernetesVersionOrigin'];
  /** Whether the scrape paths are the config file's (relative to its folder) rather than the editor's. */
  metricsFromConfig: boolean;
}

export function documentSettings(editor: ServerSettings, config: ProjectConfig | undefined, trusted: boolean): DocumentSettings {
  if (!config) return { settings: editor, metricsFromConfig: false };
  const fromFile: ServerSettings = { ...config.settings };
  if (!trusted) delete fromFile.metrics;
  const settings = mergeProjectSettings(fromFile, editor);
  const versionFromFile = editor.kubernetesVersion === undefined && fromFile.kubernetesVersion !== undefined;
  return {
    settings,
    config,
    ...(versionFromFile ? { versionOrigin: { source: 'config' as const, from: config.path } } : {}),
    metricsFromConfig: editor.metrics === undefined && fromFile.metrics !== undefined,
  };
}

/** `metrics`: the text of the scrapes the settings name (read by the caller: the core does no I/O). */
export function toAnalyzeOptions(
  settings: ServerSettings,
  locale: AnalyzeOptions['locale'],
  metrics: { name: string; text: string }[] = [],
  versionOrigin?: AnalyzeOptions['kubernetesVersionOrigin'],
): AnalyzeOptions {
  return {
    kubernetesVersion: settings.kubernetesVersion ?? 'auto',
    ...(versionOrigin ? { kubernetesVersionOrigin: versionOrigin } : {}),
    locale,
    rules: settings.rules ?? {},
    clusterScale: settings.clusterScale ?? 'large',
    monitoring: settings.monitoring ?? true,
    ...(settings.cluster && Object.keys(settings.cluster).length > 0 ? { cluster: settings.cluster } : {}),
    ...(metrics.length > 0 ? { metrics } : {}),
  };
}

export interface SettingsCacheOptions {
  onError?: (error: unknown) => void;
  /** Called once, the first time the client takes longer than `timeoutMs` to answer. */
  onSlow?: () => void;
  /** A late answer arrived for a document that was analysed with the fallback: analyse it again. */
  onLateAnswer?: (uri: string) => void;
  timeoutMs?: number;
}

/**
 * Settings per document URI. With a client that supports `workspace/configuration` they are asked for
 * once per URI and cached until the configuration changes; otherwise the global settings (from
 * `initializationOptions.settings` or the last `didChangeConfiguration` payload) apply everywhere.
 *
 * A client that never answers must not stall the server: after `timeoutMs` a request goes on with
 * the settings last known for the document (else the global ones), and keeps them until the client
 * answers, when the document is analysed again with the real ones.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  /** The last settings the client gave for each document, the fallback while it is slow. */
  private readonly known = new Map<string, ServerSettings>();
  private readonly fetch: ((uri: string) => Promise<unknown>) | undefined;
  private readonly options: SettingsCacheOptions;
  private warned = false;
  /** Settings from initializationOptions or didChangeConfiguration; the fallback for every URI. */
  global: ServerSettings;

  constructor(global: ServerSettings, fetch: ((uri: string) => Promise<unknown>) | undefined, options: SettingsCacheOptions = {}) {
    this.global = global;
    this.fetch = fetch;
    this.options = options;
  }

  get(uri: string): Promise<ServerSettings> {
    const fetch = this.fetch;
    if (!fetch) return Promise.resolve(this.global);
    const cached = this.cache.get(uri);
    if (cached) return cached;
    let timedOut = false;
    const asked = fetch(uri).then(
      (raw) => {
        const settings = mergeProjectSettings(this.global, normalizeSettings(raw));
        this.known.set(uri, settings);
        if (timedOut && this.cache.get(uri) === answer) {
          this.cache.set(uri, Promise.resolve(settings));
          this.options.onLateAnswer?.(uri);
        }
        return settings;
      },
      (error: unknown) => {
        this.options.onError?.(error);
        if (this.cache.get(uri) === answer) this.cache.delete(uri);
        return this.fallback(uri);
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<ServerSettings>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        if (!this.warned) {
          this.warned = true;
          this.options.onSlow?.();
        }
        resolve(this.fallback(uri));
      }, this.options.timeoutMs ?? 1_500);
    });
    const answer: Promise<ServerSettings> = Promise.race([asked, late]).finally(() => clearTimeout(timer));
    this.cache.set(uri, answer);
    return answer;
  }

  private fallback(uri: string): ServerSettings {
    return this.known.get(uri) ?? this.global;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
    this.known.delete(uri);
  }

  /** The configuration changed: ask again (the last answers stay as the fallback). */
  clear(): void {
    this.cache.clear();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
