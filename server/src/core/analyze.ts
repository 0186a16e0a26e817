/**
 * The core's entry point: text in, findings out. No I/O and no editor types, so the language
 * server, the CLI and the tests all call exactly this.
 */
import { message, type MessageKey } from '../knowledge/messages.ts';
import { decodeDocument, type DecodedDocument } from './decode.ts';
import { splitLikeKubeadm } from './kubeadmSplit.ts';
import { analyzeKubeProxyDocument } from './kubeProxyDocument.ts';
import { ParseCache, parseFile, type ParsedFile } from './parse.ts';
import type { Document } from 'yaml';
import { routeDocumentWith, type RoutedDocument } from './route.ts';
import { FILE_RULES, RULES_BY_ID } from './rules/index.ts';
import type { FileContext, Report } from './rules/rule.ts';
import { LineIndex } from './text.ts';
import type { AnalysisResult, AnalyzeOptions, ClusterProfile, Finding, Span } from './types.ts';
import { resolveVersion, versionFromScrape } from './version.ts';
import { applySuppressions } from './suppressions.ts';
import { inRange } from '../knowledge/versions.ts';
import { shiftSuggestion } from './fixIntent.ts';
import { parentPath } from './fieldPath.ts';
import { analyzeEmbeddedText, embeddedFindings } from './embedded/analyzeEmbedded.ts';
import { embeddingsOf, findEmbeddings, isKindCluster, movedEmbedding, type Embedding } from './embedded/hosts.ts';
import { FILE_PLACEMENT, placementKey, type Placement } from './placement.ts';
import { versionHints } from './versionHints.ts';
import type { Minor } from '../knowledge/versions.ts';
import { clusterProfile, profileKey } from './profile.ts';
import { gatherEvidence, type Evidence } from './metrics/evidence.ts';
import { summarizeEvidence } from './metrics/summary.ts';

/** The evidence of the user's scrapes, with a key for caches (the scrapes' names and a hash of their text). */
export interface TuningInput {
  evidence: Evidence;
  key: string;
}

export function tuningInput(inputs: readonly { name: string; text: string }[]): TuningInput {
  let hash = 0x811c9dc5;
  for (const input of inputs) {
    for (const text of [input.name, input.text]) {
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
  }
  return { evidence: gatherEvidence(inputs), key: `${inputs.length}:${hash.toString(16)}` };
}

/** A file too broken to route is still ours when it names our kinds somewhere. */
const OURS = /kubeproxy\.config\.k8s\.io|KubeProxyConfiguration|kubeadm\.k8s\.io/;

/** V8's and SpiderMonkey's words for a stack overflow, as the `yaml` parser passes them on. */
const STACK_EXHAUSTED = /Maximum call stack size exceeded|too much recursion/;

/** Whether the file is a kube-proxy or kubeadm configuration; other YAML gets no findings at all. */
function isOurs(text: string, documents: RoutedDocument[]): boolean {
  if (documents.some((document) => document.role === 'kube-proxy' || document.role === 'kubeadm')) return true;
  return documents.some((document) => document.parsed.syntaxErrors.length > 0) && OURS.test(text);
}

/** What one KubeProxyConfiguration document reported, replayed while its text and the options stay the same. */
interface CachedReports {
  key: string;
  offset: number;
  reports: { rule: string; report: Report }[];
}

/**
 * Work kept between analyses of successive versions of one text (the language server holds one per
 * open document): the parse of every unchanged document, and the kube-proxy findings of every
 * unchanged KubeProxyConfiguration. A one-line edit in a 1,000-document file then parses and checks
 * one document; the file-wide kubeadm rules, cheap, always run. Results equal an uncached analysis.
 */
export class AnalysisCache {
  readonly parse = new ParseCache();
  /** Keyed by the parsed document, which the parse cache keeps (same object) while its text is unchanged. */
  readonly kubeProxy = new WeakMap<Document.Parsed, CachedReports>();
  /** The decode of every parsed document, at the document's offset when it was made (same key as above). */
  private readonly decoded = new WeakMap<Document.Parsed, { offset: number; decoded: DecodedDocument }>();
  /** The embedded texts of every parsed document, at the document's offset and index when they were found. */
  private readonly embeddings = new WeakMap<Document.Parsed, { offset: number; index: number; embeddings: Embedding[] }>();
  /** Findings of embedded texts (ConfigMap data, kind patches): by everything they depend on but the text, then by text. */
  private embedded = new Map<string, Map<string, Finding[]>>();
  private embeddedNow = new Map<string, Map<string, Finding[]>>();

  /** `embeddingsOf`, looking only at documents not seen before (the others are moved with their document). */
  embeddingsOf(text: string, document: RoutedDocument): Embedding[] {
    const doc = document.parsed.doc;
    const offset = doc.range[0];
    const index = document.parsed.index;
    const entry = this.embeddings.get(doc);
    if (!entry) {
      const embeddings = embeddingsOf(text, document);
      this.embeddings.set(doc, { offset, index, embeddings });
      return embeddings;
    }
    if (entry.offset !== offset || entry.index !== index) {
      entry.embeddings = entry.embeddings.map((embedding) => movedEmbedding(embedding, offset - entry.offset, index));
      entry.offset = offset;
      entry.index = index;
    }
    return entry.embeddings;
  }

  /** The evidence of the latest scrapes, read again only when they change (the editor re-reads them on every edit). */
  private lastTuning: { inputs: readonly { name: string; text: string }[]; tuning: TuningInput } | undefined;

  tuning(inputs: readonly { name: string; text: string }[]): TuningInput {
    const last = this.lastTuning;
    if (
      last &&
      last.inputs.length === inputs.length &&
      last.inputs.every((input, i) => input.name === inputs[i].name && input.text === inputs[i].text)
    )
      return last.tuning;
    const tuning = tuningInput(inputs);
    this.lastTuning = { inputs: [...inputs], tuning };
    return tuning;
  }

  /** `analyzeEmbeddedText`, once per unchanged text; entries the latest analysis did not use are dropped. */
  embeddedFindings(text: string, placement: Placement, minor: Minor, options: AnalyzeOptions, tuning?: TuningInput): Finding[] {
    const key = [
      placementKey(placement),
      minor,
      options.locale ?? 'en',
      profileKey(clusterProfile(options)),
      JSON.stringify(options.rules ?? {}),
      tuning?.key ?? '',
    ].join('|');
    const findings =
      this.embeddedNow.get(key)?.get(text) ??
      this.embedded.get(key)?.get(text) ??
      analyzeEmbeddedText(text, placement, minor, options, tuning);
    let now = this.embeddedNow.get(key);
    if (!now) this.embeddedNow.set(key, (now = new Map()));
    now.set(text, findings);
    return findings;
  }

  /** Ends one analysis: what it did not use is forgotten, so the cache holds one file's worth. */
  settle(): void {
    this.embedded = this.embeddedNow;
    this.embeddedNow = new Map();
  }

  /**
   * `decodeDocument(doc)`, decoding only a syntax tree not seen before: a one-line edit in a
   * 1,000-document file decoded ~750 unchanged documents on every edit. A document the parse cache
   * moved (its offsets shifted in place) gets its spans moved by the same amount.
   */
  decode(doc: Document.Parsed): DecodedDocument {
    const offset = doc.range[0];
    const entry = this.decoded.get(doc);
    if (!entry) {
      const decoded = decodeDocument(doc);
      this.decoded.set(doc, { offset, decoded });
      return decoded;
    }
    if (entry.offset !== offset) {
      entry.decoded = shiftDecoded(entry.decoded, offset - entry.offset);
      entry.offset = offset;
    }
    return entry.decoded;
  }
}

/**
 * A decode moved with its document. New span objects, never shifted in place: cached reports
 * (`CachedReports`) may hold the old ones and are shifted separately.
 */
function shiftDecoded(decoded: DecodedDocument, delta: number): DecodedDocument {
  const shift = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  const locations: DecodedDocument['locations'] = new Map();
  for (const [path, location] of decoded.locations)
    locations.set(path, location.key ? { key: shift(location.key), value: shift(location.value) } : { value: shift(location.value) });
  return {
    value: decoded.value,
    locations,
    duplicates: decoded.duplicates.map((duplicate) => ({
      path: duplicate.path,
      key: shift(duplicate.key),
      firstKey: shift(duplicate.firstKey),
    })),
    problems: decoded.problems.map((problem) => ({ path: problem.path, span: shift(problem.span), message: problem.message })),
  };
}

/** A cached report moved with its document: explicit spans and offsets in its fixes follow the text. */
function shiftReport(report: Report, delta: number): Report {
  if (delta === 0) return report;
  const shifted: Report = { ...report };
  if (report.span) shifted.span = { start: report.span.start + delta, end: report.span.end + delta };
  if (report.fixes) shifted.fixes = report.fixes.map((fix) => shiftSuggestion(fix, delta));
  return shifted;
}

/**
 * The file parsed and its documents routed (kube-proxy and kubeadm ones decoded), through `cache`
 * when given: what analysis and the language server's version lookup both start from.
 */
export interface RoutedFile {
  file: ParsedFile;
  documents: RoutedDocument[];
  decode: (doc: Document.Parsed) => DecodedDocument;
}

export function routeFile(text: string, cache?: AnalysisCache): RoutedFile {
  const file = parseFile(text, cache?.parse);
  const decode = cache ? (doc: Document.Parsed): DecodedDocument => cache.decode(doc) : decodeDocument;
  return { file, documents: file.documents.map((parsed) => routeDocumentWith(parsed, decode)), decode };
}

export function analyze(text: string, options: AnalyzeOptions = {}, cache?: AnalysisCache): AnalysisResult {
  const routed = routeFile(text, cache);
  const embeddings = cache
    ? routed.documents.flatMap((document) => cache.embeddingsOf(text, document))
    : findEmbeddings(text, routed.documents);
  let version = resolveVersion(options, routed.documents, versionHints(routed.documents));
  const kindClusters = routed.documents.filter(isKindCluster);
  if (!isOurs(text, routed.documents) && embeddings.length === 0 && kindClusters.length === 0)
    return { version, applies: false, findings: [] };
  const lines = new LineIndex(text);
  const tuning =
    options.metrics && options.metrics.length > 0 ? (cache?.tuning(options.metrics) ?? tuningInput(options.metrics)) : undefined;
  // With no version from the setting or the file, check against the kube-proxy the scrape shows.
  if (tuning)
    version = versionFromScrape(
      version,
      tuning.evidence.kubeProxy.map((process) => ({ gitVersion: process.latest.gitVersion, name: process.latest.name })),
    );
  const findings = analyzeRouted(text, lines, routed, version.minor, options, FILE_PLACEMENT, cache, embeddings, tuning);
  for (const embedding of embeddings) findings.push(...embeddedFindings(lines, embedding, version.minor, options, cache, tuning));
  cache?.settle();
  findings.sort(byPosition);
  const result: AnalysisResult = { version, applies: true, findings: applySuppressions(text, findings, routed.file.documents, lines) };
  if (tuning) result.metrics = summarizeEvidence(tuning.evidence, options.locale ?? 'en');
  return result;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

/**
 * The findings of a text already routed, against a known minor: a file's own documents, or the text
 * of an embedded KubeProxyConfiguration (`placement` says which, and who fills in what it leaves out).
 */
export function analyzeRouted(
  text: string,
  lines: LineIndex,
  routed: RoutedFile,
  minor: Minor,
  options: AnalyzeOptions,
  placement: Placement,
  cache: AnalysisCache | undefined,
  embeddings: readonly Embedding[] = [],
  tuning?: TuningInput,
): Finding[] {
  const locale = options.locale ?? 'en';
  const t = (key: MessageKey, args?: Record<string, string | number>): string => message(locale, key, args);
  const { file, documents, decode } = routed;
  const findings: Finding[] = [];
  const profile: ClusterProfile = clusterProfile(options);
  // kind builds local clusters for development and CI: large-cluster advice would be noise there.
  if (placement.kind === 'kind-patch') profile.scale = 'small';
  const push = (rule: string, documentIndex: number, report: Report, fallback: Span): void => {
    const descriptor = RULES_BY_ID.get(rule);
    if (!descriptor) throw new Error(`unregistered rule ${rule}`);
    const override = options.rules?.[rule];
    if (override === 'off') return;
    const document = documents[documentIndex];
    const span = report.span ?? locate(document, report, fallback);
    findings.push({
      rule,
      category: descriptor.category,
      severity: override ?? report.severity ?? descriptor.severity,
      document: documentIndex,
      path: report.path,
      span,
      range: lines.range(span),
      message: report.message,
      docs: descriptor.docs,
      fixes: report.fixes,
      ...(report.evidence ? { evidence: report.evidence } : {}),
      ...(report.suggested !== undefined ? { suggested: report.suggested } : {}),
    });
  };

  const isKubeadmFile = placement.kind === 'file' && documents.some((document) => document.role === 'kubeadm');
  const kubeadmManaged = isKubeadmFile || placement.kind === 'kind-patch' || (placement.kind === 'configmap' && placement.writtenByKubeadm);
  for (const document of documents) {
    const index = document.parsed.index;
    for (const error of document.parsed.syntaxErrors) {
      // The parser reports running out of stack (thousands of nesting levels) as an error of its own: say what it means.
      const message = STACK_EXHAUSTED.test(error.message) ? t('yaml-syntax.tooDeep') : t('yaml-syntax', { detail: error.message });
      push('yaml-syntax', index, { path: '', span: error.span, message }, error.span);
    }
    if (document.role !== 'kube-proxy' || !document.decoded) continue;
    const decoded = document.decoded;
    const root = decoded.locations.get('')!.value;
    for (const problem of decoded.problems) {
      const key =
        problem.message === 'alias-limit'
          ? 'yaml-syntax.aliasLimit'
          : problem.message === 'merge-not-map'
            ? 'yaml-syntax.mergeNotMap'
            : 'yaml-syntax.complexKey';
      push('yaml-syntax', index, { path: problem.path, span: problem.span, message: t(key) }, root);
    }
    if (decoded.problems.length > 0) continue;
    const emit = (rule: string, report: Report): void => push(rule, index, report, root);
    const env = { minor, text, lines, t, locale, profile, kubeadmManaged, placement, evidence: tuning?.evidence };
    if (!cache) {
      analyzeKubeProxyDocument(document, decoded, env, emit);
      continue;
    }
    // Everything the document's findings depend on besides its own text; duplicate-key messages
    // quote upstream's absolute line number, so such a document is also keyed by its first line.
    const doc = document.parsed.doc;
    const offset = doc.range[0];
    const key = `${minor}|${locale}|${profileKey(profile)}|${kubeadmManaged}|${placementKey(placement)}|${tuning?.key ?? ''}|${decoded.duplicates.length > 0 ? lines.position(offset).line : ''}`;
    let cached = cache.kubeProxy.get(doc);
    if (!cached || cached.key !== key) {
      cached = { key, offset, reports: [] };
      const reports = cached.reports;
      analyzeKubeProxyDocument(document, decoded, env, (rule, report) => reports.push({ rule, report }));
      cache.kubeProxy.set(doc, cached);
    }
    for (const { rule, report } of cached.reports) emit(rule, shiftReport(report, offset - cached.offset));
  }
  // kubeadm's and kind's rules are about the file as written, not about a text inside it.
  if (placement.kind !== 'file') return findings;

  // kubeadm's rules look at every document of a kubeadm file, kind's at the Cluster: decoded, their findings point at the user's text.
  for (const document of documents) {
    if (document.decoded || document.role !== 'other' || document.parsed.syntaxErrors.length > 0) continue;
    if (isKubeadmFile || isKindCluster(document)) document.decoded = decode(document.parsed.doc);
  }
  const { chunks, separatorProblems } = splitLikeKubeadm(text);
  const fileContext: FileContext = {
    minor,
    locale,
    t,
    file,
    documents,
    chunks,
    separatorProblems,
    isKubeadmFile,
    embeddings,
    report: (documentIndex, report) =>
      push(currentRule, documentIndex, report, documents[documentIndex]?.parsed.span ?? { start: 0, end: 0 }),
  };
  let currentRule = '';
  for (const rule of FILE_RULES) {
    if (!inRange(minor, rule.since, rule.until)) continue;
    currentRule = rule.id;
    rule.check(fileContext);
  }
  return findings;
}

/** The span a report points at: its node, else the nearest enclosing node the user wrote. */
function locate(document: RoutedDocument | undefined, report: Report, fallback: Span): Span {
  const locations = document?.decoded?.locations;
  if (!locations) return fallback;
  let path = report.path;
  let useKey = report.at === 'key';
  while (true) {
    const location = locations.get(path);
    if (location) {
      if (path === '') return firstLine(location.value, fallback);
      return useKey && location.key ? location.key : location.value;
    }
    if (path === '') return fallback;
    // A defaulted value has no node: point at the key of the nearest section the user wrote.
    useKey = true;
    path = parentPath(path);
    if (path === '') {
      const kind = locations.get('kind');
      if (kind) return kind.key ?? kind.value;
    }
  }
}

function firstLine(span: Span, fallback: Span): Span {
  return span.end > span.start ? { start: span.start, end: span.start + 1 } : fallback;
}
