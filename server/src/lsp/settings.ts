/**
 * The `kubeProxyTuner` settings as the server sees them, and a per-document cache of them.
 * Editor-independent: the LSP plumbing that fetches them is passed in.
 */
import type { AnalyzeOptions, ClusterScale, Severity } from '../core/types.ts';

export const SETTINGS_SECTION = 'kubeProxyTuner';

export interface ServerSettings {
  kubernetesVersion?: string;
  clusterScale?: ClusterScale;
  monitoring?: boolean;
  rules?: Record<string, Severity | 'off'>;
}

const RULE_LEVELS: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

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
    const rules: Record<string, Severity | 'off'> = {};
    for (const [rule, level] of Object.entries(raw.rules)) {
      if (typeof level === 'string' && RULE_LEVELS.has(level.toLowerCase())) rules[rule] = level.toLowerCase() as Severity | 'off';
    }
    settings.rules = rules;
  }
  return settings;
}

/** `override` wins field by field; a field it leaves out keeps the base value. */
export function mergeSettings(base: ServerSettings, override: ServerSettings): ServerSettings {
  return {
    kubernetesVersion: override.kubernetesVersion ?? base.kubernetesVersion,
    clusterScale: override.clusterScale ?? base.clusterScale,
    monitoring: override.monitoring ?? base.monitoring,
    rules: override.rules ?? base.rules,
  };
}

export function toAnalyzeOptions(settings: ServerSettings, locale: AnalyzeOptions['locale']): AnalyzeOptions {
  return {
    kubernetesVersion: settings.kubernetesVersion ?? 'auto',
    locale,
    rules: settings.rules ?? {},
    clusterScale: settings.clusterScale ?? 'large',
    monitoring: settings.monitoring ?? true,
  };
}

/**
 * Settings per document URI. With a client that supports `workspace/configuration` they are asked for
 * once per URI and cached until the configuration changes; otherwise the global settings (from
 * `initializationOptions.settings` or the last `didChangeConfiguration` payload) apply everywhere.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private readonly fetch: ((uri: string) => Promise<unknown>) | undefined;
  private readonly onError: (error: unknown) => void;
  /** Settings from initializationOptions or didChangeConfiguration; the fallback for every URI. */
  global: ServerSettings;

  constructor(global: ServerSettings, fetch: ((uri: string) => Promise<unknown>) | undefined, onError: (error: unknown) => void) {
    this.global = global;
    this.fetch = fetch;
    this.onError = onError;
  }

  get(uri: string): Promise<ServerSettings> {
    const fetch = this.fetch;
    if (!fetch) return Promise.resolve(this.global);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = fetch(uri).then(
        (raw) => mergeSettings(this.global, normalizeSettings(raw)),
        (error: unknown) => {
          this.onError(error);
          this.cache.delete(uri);
          return this.global;
        },
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
