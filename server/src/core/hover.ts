/**
 * Hover text for a KubeProxyConfiguration: what a field does, its type and default, the
 * large-cluster recommendation and why, version notes for the targeted minor, kubeadm notes, the
 * upstream link, and a footer naming the Kubernetes version in use and where it came from.
 * Built only from the knowledge base; Markdown for editors, plain text for clients that ask.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { DOCUMENT_OVERVIEW, fieldExistsIn, fieldFact, type Field, type Text, type VersionNote } from '../knowledge/fields.ts';
import { message, type MessageKey } from '../knowledge/messages.ts';
import { inRange, type Minor } from '../knowledge/versions.ts';
import { joinPath } from './fieldPath.ts';
import { parseFile } from './parse.ts';
import { routeDocument } from './route.ts';
import { factPath } from './schemaCheck.ts';
import type { AnalyzeOptions, Locale, ResolvedVersion, Span } from './types.ts';
import { resolveVersion, versionSourceText } from './version.ts';
import { versionHints } from './versionHints.ts';
import { findEmbeddings, isKindCluster } from './embedded/hosts.ts';
import { routeEmbedded } from './embedded/analyzeEmbedded.ts';

export interface HoverResult {
  markdown: string;
  plaintext: string;
  span: Span;
}

interface Target {
  path: string;
  span: Span;
  onValue: boolean;
  value?: unknown;
}

/** The path under the cursor, and whether the cursor is on the key or on the value. */
function targetAt(node: Node | null, offset: number, path: string): Target | undefined {
  if (isMap(node)) {
    for (const item of node.items as Pair[]) {
      const key = item.key as Node | null;
      const value = item.value as Node | null;
      if (!isScalar(key) || !key.range) continue;
      const childPath = joinPath(path, String(key.value));
      if (offset >= key.range[0] && offset <= key.range[1])
        return { path: childPath, span: { start: key.range[0], end: key.range[1] }, onValue: false };
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
        if (isScalar(value))
          return { path: childPath, span: { start: value.range[0], end: value.range[1] }, onValue: true, value: value.value };
        return targetAt(value, offset, childPath);
      }
    }
  }
  if (isSeq(node)) {
    for (const [i, item] of (node.items as Node[]).entries()) {
      if (!item?.range || offset < item.range[0] || offset > item.range[1]) continue;
      if (isScalar(item))
        return { path: joinPath(path, i), span: { start: item.range[0], end: item.range[1] }, onValue: true, value: item.value };
      return targetAt(item, offset, joinPath(path, i));
    }
  }
  return undefined;
}

const TYPE_LABEL: Record<Field['type'], MessageKey> = {
  object: 'type.map',
  objectList: 'type.list',
  string: 'type.string',
  bool: 'type.boolean',
  int32: 'type.integer',
  uint32: 'type.integer',
  float32: 'type.number',
  duration: 'type.duration',
  durationPtr: 'type.duration',
  timeOrDuration: 'type.durationOrInteger',
  quantity: 'type.string',
  stringList: 'type.list',
  boolMap: 'type.map',
};

function noteRange(note: VersionNote): string {
  if (note.since && note.until) return `${note.since}–${note.until}`;
  if (note.since) return `${note.since}+`;
  if (note.until) return `≤ ${note.until}`;
  return '';
}

function textOf(text: Text, locale: Locale): string {
  return locale === 'zh-cn' ? text.zh : text.en;
}

/** Each note with its version range (the ones that apply to `minor` in bold) and a link to its source. */
function versionLines(notes: VersionNote[] | undefined, minor: Minor, locale: Locale): string[] {
  return (notes ?? []).map((note) => {
    const applies = inRange(minor, note.since, note.until);
    const range = noteRange(note);
    const line = `${range ? `${range}: ` : ''}${textOf(note.note, locale)}`;
    return `${applies ? `**${line}**` : line} ([${message(locale, 'hover.source')}](${note.source}))`;
  });
}

export function hoverAt(text: string, offset: number, options: AnalyzeOptions = {}): HoverResult | undefined {
  const locale = options.locale ?? 'en';
  const file = parseFile(text);
  const documents = file.documents.map(routeDocument);
  const version = resolveVersion(options, documents, versionHints(documents));
  const kubeadmFile = documents.some((d) => d.role === 'kubeadm');
  const embedding = findEmbeddings(text, documents).find((e) => offset >= e.scalar.outer.start && offset <= e.scalar.outer.end);
  if (embedding) {
    // Inside a ConfigMap's config.conf or a kind patch: the hover of the text it holds, placed back in the file.
    const { map, text: inner } = embedding.scalar;
    const innerOffset = map.toInner(offset);
    if (innerOffset === undefined || !embedding.scalar.exact) return undefined;
    const innerDocuments = routeEmbedded(inner).documents;
    const document = innerDocuments.find(
      (d) => innerOffset >= d.parsed.span.start && innerOffset <= d.parsed.span.end && d.role === 'kube-proxy',
    );
    const target = document && targetAt(document.parsed.doc.contents as Node | null, innerOffset, '');
    const hover = target && hoverFor(target, version, locale, embedding.host.kind === 'kind-patch');
    return hover && { ...hover, span: map.toOuter(hover.span) };
  }
  const document = documents.find((d) => offset >= d.parsed.span.start && offset <= d.parsed.span.end);
  if (!document) return undefined;
  const target = targetAt(document.parsed.doc.contents as Node | null, offset, '');
  if (!target) return undefined;
  if (document.role === 'kube-proxy') return hoverFor(target, version, locale, kubeadmFile);
  // A kind Cluster's own fields that kind writes into kube-proxy's configuration.
  if (!isKindCluster(document)) return undefined;
  const kubeProxyPath = KIND_FIELDS_FOR_KUBE_PROXY[target.path.startsWith('featureGates.') ? 'featureGates' : target.path];
  if (!kubeProxyPath) return undefined;
  return hoverFor({ ...target, path: kubeProxyPath }, version, locale, true, message(locale, 'hover.kindCopies', { path: kubeProxyPath }));
}

/** kind Cluster fields and the KubeProxyConfiguration field kind writes them to. */
const KIND_FIELDS_FOR_KUBE_PROXY: Record<string, string> = {
  'networking.kubeProxyMode': 'mode',
  featureGates: 'featureGates',
};

/** The hover for a path of a KubeProxyConfiguration; `lead`: a sentence to put first (where the value goes). */
function hoverFor(
  target: Target,
  version: ResolvedVersion,
  locale: Locale,
  kubeadmManaged: boolean,
  lead?: string,
): HoverResult | undefined {
  const t = (key: MessageKey, args?: Record<string, string | number>) => message(locale, key, args);
  const minor = version.minor;
  const footer = t('hover.footer', { minor, source: versionSourceText(version, t) });
  const sections: string[] = lead ? [lead] : [];

  if (target.path === 'apiVersion' || target.path === 'kind') {
    sections.push(
      `**KubeProxyConfiguration** · \`kubeproxy.config.k8s.io/v1alpha1\``,
      textOf(DOCUMENT_OVERVIEW.meaning, locale),
      `[${t('hover.docs')}](${DOCUMENT_OVERVIEW.docs})`,
    );
  } else {
    const key = factPath(target.path);
    const fact = fieldFact(key);
    if (!fact) return undefined;
    const header = [`**${key}**`, `${t('hover.type')}: ${t(TYPE_LABEL[fact.type])}`];
    if (fact.default !== undefined && fact.default !== null && fact.type !== 'object')
      header.push(`${t('hover.default')}: \`${String(fact.default)}\``);
    sections.push(header.join(' · '));
    if (!fieldExistsIn(fact, minor)) sections.push(`⚠ ${t('hover.notInVersion', { minor })}`);
    const valueDoc = target.onValue && typeof target.value === 'string' ? fact.valueNotes?.[target.value] : undefined;
    if (valueDoc) {
      sections.push(`**${t('hover.value', { value: `\`${String(target.value)}\`` })}**: ${textOf(valueDoc.meaning, locale)}`);
      const notes = versionLines(valueDoc.versions, minor, locale);
      if (notes.length > 0) sections.push(notes.map((line) => `- ${line}`).join('\n'));
    }
    sections.push(textOf(fact.meaning, locale));
    if (fact.recommended) {
      const when = fact.recommended.when ? ` (${t('hover.when', { when: textOf(fact.recommended.when, locale) })})` : '';
      sections.push(
        `**${t('hover.recommended')}**: \`${String(fact.recommended.value)}\`${when}\n\n${t('hover.why')}: ${textOf(fact.recommended.rationale, locale)} ([${t('hover.source')}](${fact.recommended.source}))`,
      );
    } else if (fact.rationale) {
      sections.push(`${t('hover.why')}: ${textOf(fact.rationale, locale)}`);
    }
    const notes = versionLines(fact.versions, minor, locale);
    if (notes.length > 0) sections.push(`**${t('hover.versions')}**\n${notes.map((line) => `- ${line}`).join('\n')}`);
    if (fact.kubeadm && kubeadmManaged) sections.push(`**${t('hover.kubeadm')}**: ${textOf(fact.kubeadm, locale)}`);
    else if (fact.kubeadm) sections.push(`${t('hover.kubeadm')}: ${textOf(fact.kubeadm, locale)}`);
    sections.push(`[${t('hover.docs')}](${fact.docs})`);
  }
  sections.push(`---\n*${footer}*`);
  const markdown = sections.join('\n\n');
  return { markdown, plaintext: toPlain(markdown), span: target.span };
}

/** Markdown to readable plain text for clients that do not render Markdown. */
function toPlain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1: $2')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^---$/m, '');
}
