/**
 * `.kube-proxy-tuner.yaml`: the project's settings, shared by the CLI and the editor, with the keys of
 * the `kubeProxyTuner.*` settings without the prefix. Found from the checked file upwards (the nearest
 * one wins). Reading it is pure: text in, settings and problems out (each problem with its place in
 * the file, so the editor shows them on the config file and the CLI prints them like findings).
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { message, type MessageKey } from '../knowledge/messages.ts';
import { isSupportedMinor, NEWEST_MINOR, OLDEST_MINOR } from '../knowledge/versions.ts';
import { RULES_BY_ID } from './rules/index.ts';
import { LineIndex } from './text.ts';
import type { ClusterNumbers, ClusterScale, Finding, Locale, Severity, Span } from './types.ts';

export const PROJECT_CONFIG_NAMES = ['.kube-proxy-tuner.yaml', '.kube-proxy-tuner.yml'] as const;

/** What a config file (or the editor's settings) can set. */
export interface ProjectSettings {
  kubernetesVersion?: string;
  rules?: Record<string, Severity | 'off'>;
  clusterScale?: ClusterScale;
  monitoring?: boolean;
  cluster?: ClusterNumbers;
  /** Scrape paths, relative to the folder of the file that names them. */
  metrics?: string[];
}

export const RULE_LEVELS: readonly (Severity | 'off')[] = ['error', 'warning', 'information', 'hint', 'off'];
export const CLUSTER_KEYS: readonly (keyof ClusterNumbers)[] = ['nodes', 'services', 'endpoints', 'coresPerNode', 'churnPerMinute'];
const KEYS = ['kubernetesVersion', 'rules', 'clusterScale', 'monitoring', 'cluster', 'metrics'] as const;

export function isProjectConfigName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (PROJECT_CONFIG_NAMES as readonly string[]).includes(name);
}

/** A `kubernetesVersion` as the settings and the CLI take it: auto, 1.30, 1.30.2, v1.30 (normalized to the minor). */
export function normalizeVersion(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === 'auto') return 'auto';
  const minor = /^v?1\.(\d+)(?:\.\d+)?$/.exec(trimmed);
  if (!minor) return undefined;
  const candidate = `1.${Number(minor[1])}`;
  return isSupportedMinor(candidate) ? candidate : undefined;
}

/** Edits between two ids (insertions, deletions, substitutions and swaps of neighbours). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The rule id a misspelt one most likely meant: at most two edits away (case ignored), the closest. */
export function closestRule(id: string): string | undefined {
  let best: { rule: string; distance: number } | undefined;
  for (const rule of RULES_BY_ID.keys()) {
    const distance = editDistance(rule, id.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { rule, distance };
  }
  return best?.rule;
}

export interface ReadConfig {
  settings: ProjectSettings;
  /** Problems as findings (rule `config-file`), on the config file's own text. */
  findings: Finding[];
}

export function readProjectConfig(text: string, locale: Locale): ReadConfig {
  const t = (key: MessageKey, args: Record<string, string | number> = {}): string => message(locale, key, args);
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const settings: ProjectSettings = {};
  const rangeOf = (node: unknown): readonly number[] | undefined => (node as { range?: number[] } | null | undefined)?.range ?? undefined;
  const report = (
    range: readonly number[] | undefined,
    path: string,
    key: MessageKey,
    args: Record<string, string | number> = {},
  ): void => {
    const span: Span = range ? { start: range[0], end: Math.max(range[0], range[1]) } : { start: 0, end: Math.min(text.length, 1) };
    const rule = RULES_BY_ID.get('config-file')!;
    findings.push({
      rule: rule.id,
      category: rule.category,
      severity: 'error',
      document: 0,
      path,
      span,
      range: lines.range(span),
      message: t(key, args),
      docs: rule.docs,
    });
  };
  // YAML 1.2, as people write settings: `off` is the word, not false (it would be in YAML 1.1).
  const doc = parseDocument(text, { prettyErrors: false });
  for (const error of doc.errors) {
    const span = { start: error.pos[0], end: Math.max(error.pos[0] + 1, error.pos[1]) };
    report([span.start, span.end], '', 'config-file.yaml', { detail: error.message.split('\n')[0] });
  }
  if (doc.errors.length > 0) return { settings, findings };
  const root = doc.contents as Node | null;
  if (root === null) return { settings, findings };
  if (!isMap(root)) {
    report(rangeOf(root), '', 'config-file.notMap');
    return { settings, findings };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const value = pair.value as Node | null;
    const scalar = isScalar(value) ? value.value : undefined;
    switch (key) {
      case 'kubernetesVersion': {
        // As written: an unquoted 1.30 is the number 1.3 to YAML, but the minor 30 to the user.
        const written = isScalar(value) && typeof scalar === 'number' ? (value.source ?? String(scalar)) : scalar;
        const version = typeof written === 'string' ? normalizeVersion(written) : undefined;
        if (version) settings.kubernetesVersion = version;
        else report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.version', { oldest: OLDEST_MINOR, newest: NEWEST_MINOR });
        break;
      }
      case 'clusterScale':
        if (scalar === 'large' || scalar === 'small') settings.clusterScale = scalar;
        else report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.oneOf', { key, accepted: 'large, small' });
        break;
      case 'monitoring':
        if (typeof scalar === 'boolean') settings.monitoring = scalar;
        else report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.oneOf', { key, accepted: 'true, false' });
        break;
      case 'rules': {
        if (!isMap(value)) {
          report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.map', { key });
          break;
        }
        const rules: [string, Severity | 'off'][] = [];
        for (const entry of value.items) {
          const id = isScalar(entry.key) ? String(entry.key.value) : '';
          const level = isScalar(entry.value) ? String(entry.value.value).toLowerCase() : '';
          if (!RULES_BY_ID.has(id)) {
            const suggestion = closestRule(id);
            report(rangeOf(entry.key), `rules.${id}`, suggestion ? 'config-file.ruleSimilar' : 'config-file.rule', {
              id,
              suggestion: suggestion ?? '',
            });
          } else if (!(RULE_LEVELS as readonly string[]).includes(level)) {
            report(rangeOf(entry.value) ?? rangeOf(entry.key), `rules.${id}`, 'config-file.oneOf', {
              key: id,
              accepted: RULE_LEVELS.join(', '),
            });
          } else rules.push([id, level as Severity | 'off']);
        }
        // fromEntries defines own properties: an id such as __proto__ cannot reach the prototype.
        settings.rules = Object.fromEntries(rules);
        break;
      }
      case 'cluster': {
        if (!isMap(value)) {
          report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.map', { key });
          break;
        }
        const cluster: ClusterNumbers = {};
        for (const entry of value.items) {
          const name = isScalar(entry.key) ? String(entry.key.value) : '';
          const number = isScalar(entry.value) ? entry.value.value : undefined;
          if (!(CLUSTER_KEYS as readonly string[]).includes(name))
            report(rangeOf(entry.key), `cluster.${name}`, 'config-file.unknownKey', {
              key: `cluster.${name}`,
              accepted: CLUSTER_KEYS.join(', '),
            });
          else if (
            typeof number !== 'number' ||
            !Number.isFinite(number) ||
            number < 0 ||
            (name !== 'churnPerMinute' && !Number.isInteger(number))
          )
            report(rangeOf(entry.value) ?? rangeOf(entry.key), `cluster.${name}`, 'config-file.number', { key: `cluster.${name}` });
          else cluster[name as keyof ClusterNumbers] = number;
        }
        settings.cluster = cluster;
        break;
      }
      case 'metrics': {
        const items = isSeq(value) ? value.items : undefined;
        if (!items || !items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')) {
          report(rangeOf(value) ?? rangeOf(pair.key), key, 'config-file.paths', { key });
          break;
        }
        settings.metrics = items.map((item) => String((item as { value: string }).value));
        break;
      }
      default:
        report(rangeOf(pair.key), key ?? '', 'config-file.unknownKey', { key: key ?? '?', accepted: KEYS.join(', ') });
    }
  }
  return { settings, findings };
}

/** `override` wins key by key (rules merge rule by rule: the config file's other rules stay). */
export function mergeProjectSettings(base: ProjectSettings, override: ProjectSettings): ProjectSettings {
  const merged: ProjectSettings = { ...base };
  for (const key of KEYS) {
    if (override[key] === undefined) continue;
    if (key === 'rules') merged.rules = { ...(base.rules ?? {}), ...override.rules };
    else if (key === 'cluster') merged.cluster = { ...(base.cluster ?? {}), ...override.cluster };
    else (merged as Record<string, unknown>)[key] = override[key];
  }
  return merged;
}
