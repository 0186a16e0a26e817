/**
 * Everything about one KubeProxyConfiguration document: apiVersion/kind, strict decoding
 * (unknown and duplicate fields), type decoding, then the validation rules on the defaulted
 * configuration. Produces findings through the `emit` callback given by the analyzer.
 */
import type { MessageKey } from '../knowledge/messages.ts';
import type { Minor } from '../knowledge/versions.ts';
import { buildEffective } from './effective.ts';
import type { DecodedDocument } from './decode.ts';
import { LineIndex } from './text.ts';
import { KUBE_PROXY_API_VERSION, type RoutedDocument } from './route.ts';
import { KUBE_PROXY_RULES } from './rules/index.ts';
import type { KubeProxyContext, Report } from './rules/rule.ts';
import { checkSchema, type SchemaIssue } from './schemaCheck.ts';
import { unknownFieldHint } from './unknownFieldHint.ts';
import { inRange } from '../knowledge/versions.ts';
import type { ClusterProfile, Locale } from './types.ts';
import { lastSegment, splitPath } from './fieldPath.ts';
import { safe, unsafe, type FixSuggestion } from './fixIntent.ts';
import { unquotedNumber } from './scalar.ts';
import { mergePatch, type KindPatchIgnored, type Placement } from './placement.ts';
import type { Evidence } from './metrics/evidence.ts';

type Translate = (key: MessageKey, args?: Record<string, string | number>) => string;
export type Emit = (rule: string, report: Report) => void;

function removePath(root: unknown, path: string): void {
  const segments = splitPath(path);
  let current = root as Record<string, unknown> | unknown[] | null;
  for (let i = 0; i < segments.length - 1; i++) {
    if (current === null || typeof current !== 'object') return;
    const segment = segments[i];
    current = (
      typeof segment === 'number' ? (current as unknown[])[segment] : (current as Record<string, unknown>)[segment]
    ) as typeof current;
  }
  if (current === null || typeof current !== 'object') return;
  const last = segments[segments.length - 1];
  if (last === undefined) return;
  if (typeof last === 'number') (current as unknown[])[last] = null;
  else delete (current as Record<string, unknown>)[last];
}

function describeValue(t: Translate, value: unknown): string {
  if (typeof value === 'string') return t('type.string');
  if (typeof value === 'boolean') return t('type.boolean');
  if (typeof value === 'number') return Number.isInteger(value) ? t('type.integer') : t('type.number');
  if (Array.isArray(value)) return t('type.list');
  if (value === null || value === undefined) return t('type.null');
  return t('type.map');
}

function expectedOf(t: Translate, issue: SchemaIssue, path: string): string {
  const field = issue.field;
  if (!field) return t('type.string');
  const element = path.replace(/\[\d+\]$/, '') !== path || (field.type === 'boolMap' && path !== field.path);
  if (element) return field.type === 'boolMap' ? t('type.boolean') : t('type.string');
  switch (field.type) {
    case 'bool':
      return t('type.boolean');
    case 'int32':
    case 'uint32':
      return t('type.integer');
    case 'float32':
      return t('type.number');
    case 'duration':
    case 'durationPtr':
      return t('type.duration');
    case 'timeOrDuration':
      return t('type.durationOrInteger');
    case 'stringList':
    case 'objectList':
      return t('type.list');
    case 'boolMap':
    case 'object':
      return t('type.map');
    default:
      return t('type.string');
  }
}

export interface DocumentEnv {
  minor: Minor;
  text: string;
  lines: LineIndex;
  t: Translate;
  locale: Locale;
  profile: ClusterProfile;
  /** Whether kubeadm (directly, or run by kind) writes the ConfigMap kube-proxy reads. */
  kubeadmManaged: boolean;
  placement: Placement;
  evidence?: Evidence;
}

export function analyzeKubeProxyDocument(document: RoutedDocument, decoded: DecodedDocument, env: DocumentEnv, emitAll: Emit): void {
  const { minor, text, lines, t, locale, profile, kubeadmManaged, placement } = env;
  const refuse = (summary: string, upstream: string): string => t('frame.refuse', { summary, minor, upstream });
  let emit = emitAll;
  let base: Record<string, unknown> | undefined;
  if (placement.kind === 'kind-patch') {
    if (kindPatchIgnored(document, placement.ignored, t, emit)) return;
    base = placement.base;
    // What kind generated and the patch left alone is reported where it was set (networking.kubeProxyMode,
    // featureGates) or not at all (kind's own template): only what the patch writes is reported here.
    emit = (rule, report) => {
      if (report.span || decoded.locations.has(report.path)) emitAll(rule, report);
    };
  }
  const apiVersionMissing =
    placement.kind === 'kind-patch' && (document.apiVersion === undefined || document.apiVersion === null || document.apiVersion === '');
  if ((document.apiVersion !== KUBE_PROXY_API_VERSION && !apiVersionMissing) || document.kind !== 'KubeProxyConfiguration') {
    const wrongKind = document.kind !== 'KubeProxyConfiguration' && document.apiVersion === KUBE_PROXY_API_VERSION;
    const upstream =
      typeof document.apiVersion !== 'string' || document.apiVersion === ''
        ? `Object 'apiVersion' is missing`
        : typeof document.kind !== 'string' || document.kind === ''
          ? `Object 'Kind' is missing`
          : `no kind ${JSON.stringify(document.kind)} is registered for version ${JSON.stringify(String(document.apiVersion ?? ''))}`;
    emit('unsupported-api-version', {
      path: wrongKind ? 'kind' : 'apiVersion',
      message: refuse(
        wrongKind ? t('unsupported-api-version.kind', { kind: String(document.kind ?? '') }) : t('unsupported-api-version', { minor }),
        upstream,
      ),
      fixes: wrongKind
        ? typeof document.kind === 'string' && document.kind.toLowerCase() === 'kubeproxyconfiguration'
          ? [unsafe({ kind: 'setValue', value: 'KubeProxyConfiguration' })]
          : undefined
        : [unsafe({ kind: 'setValue', value: KUBE_PROXY_API_VERSION })],
    });
    return;
  }
  const value = decoded.value as Record<string, unknown>;
  const raw = cloneDecoded(value) as Record<string, unknown>;
  // Strict decoding: `kubeadm config validate` rejects unknown and duplicate fields in a kubeadm or
  // --config file. A ConfigMap's text goes to kube-proxy alone, and kind hands a patch to `kubeadm
  // init`, which only warns: kube-proxy then decodes leniently and runs without them (a warning).
  const lenient = placement.kind !== 'file';
  const lenientSeverity = lenient ? { severity: 'warning' as const } : {};

  for (const duplicate of decoded.duplicates) {
    const key = String(lastSegment(duplicate.path));
    const line = lines.position(duplicate.key.start).line + 1;
    emit('duplicate-field', {
      path: duplicate.path,
      span: duplicate.key,
      ...lenientSeverity,
      message: t(lenient ? 'duplicate-field.lenient' : 'duplicate-field', {
        path: duplicate.path,
        upstream: `strict decoding error: yaml: unmarshal errors:\n  line ${line}: key ${JSON.stringify(key)} already set in map`,
      }),
      fixes: [safe({ kind: 'removeDuplicate', firstKeyAt: duplicate.firstKey.start })],
    });
  }

  for (const issue of checkSchema(value, minor)) {
    removePath(raw, issue.path);
    // kind's own template carries `metadata: {name: config}` and kind deletes exactly that text after
    // merging (removeMetadata in pkg/cluster/internal/create/actions/config/config.go): a patch that
    // copies it is fine.
    if (placement.kind === 'kind-patch' && issue.path === 'metadata' && isKindTemplateMetadata(value.metadata)) continue;
    if (issue.kind === 'unknown-field') {
      const hint = unknownFieldHint(issue.path, minor, value);
      emit('unknown-field', {
        path: issue.path,
        at: 'key',
        ...lenientSeverity,
        message: t(lenient ? 'unknown-field.lenient' : 'unknown-field', {
          path: issue.path,
          minor,
          hint: hint ? t(hint.key, hint.args) : '',
          upstream: issue.upstream,
        }),
        fixes: [...(hint?.fixes ?? []), unsafe({ kind: 'removeKey' })],
      });
      continue;
    }
    const source = sourceText(decoded, issue.path, text);
    if (issue.kind === 'duration') {
      const bare = /^[+-]?[0-9.]+$/.test(String(issue.value));
      const days = /[0-9]d/.test(String(issue.value));
      const hint =
        issue.value === null
          ? t('invalid-duration.hintEmpty')
          : bare
            ? t('invalid-duration.hintBare')
            : days
              ? t('invalid-duration.hintDays')
              : '';
      const fixed = bare && Number(issue.value) > 0 ? `${issue.value}s` : days ? daysToHours(String(issue.value)) : undefined;
      emit('invalid-duration', {
        path: issue.path,
        message: refuse(
          t('invalid-duration', { path: issue.path, value: issue.value === null ? '""' : JSON.stringify(issue.value), hint }),
          issue.upstream,
        ),
        fixes: fixed ? [safe({ kind: 'setValue', value: fixed })] : undefined,
      });
      continue;
    }
    if (issue.kind === 'quantity') {
      emit('invalid-type', { path: issue.path, message: refuse(t('invalid-type.quantity', { path: issue.path }), issue.upstream) });
      continue;
    }
    if (issue.kind === 'overflow') {
      emit('invalid-type', {
        path: issue.path,
        message: refuse(
          t('invalid-type.overflow', { path: issue.path, value: String(issue.value), goType: issue.field?.goType ?? 'int32' }),
          issue.upstream,
        ),
      });
      continue;
    }
    const expected = expectedOf(t, issue, issue.path);
    let hint = '';
    let fixes: FixSuggestion[] | undefined;
    const expectsString = expected === t('type.string') || expected === t('type.duration');
    const isDuration = issue.field?.type === 'duration' || issue.field?.type === 'durationPtr';
    if (isDuration && typeof issue.value === 'number' && Number.isInteger(issue.value) && issue.value >= 0) {
      hint = t('invalid-duration.hintBare');
      fixes = [safe({ kind: 'setValue', value: `${issue.value}s` })];
    } else if (typeof issue.value === 'boolean' && expectsString && source && !/^(true|false)$/i.test(source)) {
      hint = t('invalid-type.hintYaml11', { source });
      fixes = [safe({ kind: 'quoteValue' })];
    } else if (typeof issue.value === 'number' && expectsString && source) {
      hint = t('invalid-type.hintQuote', { source });
      fixes = [safe({ kind: 'quoteValue' })];
    } else if (typeof issue.value === 'string' && !expectsString && /^["'].*["']$/.test(source ?? '')) {
      if (unquotedNumber(issue.value) !== undefined) {
        hint = t('invalid-type.hintUnquote');
        fixes = [safe({ kind: 'unquoteValue' })];
      } else if (/^-?[0-9]+$/.test(issue.value)) {
        // `"010"`: unquoted, YAML 1.1 reads it as octal 8. Which number was meant is the user's call.
        const decimal = Number.parseInt(issue.value, 10);
        hint = t('invalid-type.hintLeadingZero', { source: issue.value, decimal });
        fixes = [unsafe({ kind: 'setValue', value: decimal })];
      }
    }
    emit('invalid-type', {
      path: issue.path,
      message: refuse(t('invalid-type', { path: issue.path, expected, actual: describeValue(t, issue.value), hint }), issue.upstream),
      fixes,
    });
  }

  const merged = base ? (mergePatch(base, raw) as Record<string, unknown>) : raw;
  const config = buildEffective(merged, minor);
  const ctx: KubeProxyContext = {
    minor,
    locale,
    t,
    document,
    config,
    raw: merged,
    profile,
    kubeadmManaged,
    placement,
    evidence: env.evidence,
    has: (path) => decoded.locations.has(path),
    refuse,
    report: () => undefined,
  };
  for (const rule of KUBE_PROXY_RULES) {
    if (!inRange(minor, rule.since, rule.until)) continue;
    ctx.report = (report) => emit(rule.id, report);
    rule.check(ctx);
  }
}

/**
 * kind applies a merge patch only to the document whose kind it names and whose apiVersion it
 * names exactly, if it names one (pkg/internal/patch/resource.go), and only the first control-plane
 * node's configuration reaches kube-proxy. A patch kind never applies gets one finding, nothing else.
 */
function kindPatchIgnored(document: RoutedDocument, ignored: KindPatchIgnored | undefined, t: Translate, emit: Emit): boolean {
  const apiVersion = document.apiVersion;
  if (apiVersion !== undefined && apiVersion !== null && apiVersion !== '' && apiVersion !== KUBE_PROXY_API_VERSION) {
    emit('kind-patch-ignored', {
      path: 'apiVersion',
      message: t('kind-patch-ignored.apiVersion', { apiVersion: String(apiVersion), expected: KUBE_PROXY_API_VERSION }),
      fixes: [safe({ kind: 'setValue', value: KUBE_PROXY_API_VERSION })],
    });
    return true;
  }
  if (!ignored) return false;
  emit('kind-patch-ignored', { path: 'kind', message: t(`kind-patch-ignored.${ignored}`) });
  return true;
}

function isKindTemplateMetadata(metadata: unknown): boolean {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return false;
  const keys = Object.keys(metadata);
  return keys.length === 1 && (metadata as Record<string, unknown>).name === 'config';
}

/**
 * A deep copy of a decoded value. Maps stay without a prototype, so that a user's `__proto__` key
 * stays an ordinary key (structuredClone would give the copy Object.prototype back).
 */
function cloneDecoded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneDecoded);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = cloneDecoded((value as Record<string, unknown>)[key]);
  return copy;
}

function sourceText(decoded: DecodedDocument, path: string, text: string): string | undefined {
  const location = decoded.locations.get(path);
  if (!location) return undefined;
  return text.slice(location.value.start, location.value.end);
}

function daysToHours(value: string): string | undefined {
  const match = /^(\d+)d$/.exec(value);
  return match ? `${Number(match[1]) * 24}h` : undefined;
}
