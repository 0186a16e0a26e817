/**
 * textDocument/completion: yaml-language-server's completion engine over our per-minor schemas,
 * for KubeProxyConfiguration documents only, plus our snippets where a new document starts.
 *
 * How it is wired (and what is deliberately *not* used of yaml-language-server):
 * - Only `doComplete` is called. No YLS validation, hover, formatting or schema store: our own
 *   diagnostics and hovers stay the only ones, so nothing is reported twice.
 * - YLS sees a virtual copy of the file in which every line outside the KubeProxyConfiguration
 *   document under the cursor is blank (positions stay the same), so per-document association works
 *   in multi-document kubeadm files and other documents never get completion from us.
 * - The virtual URI names the Kubernetes minor (resolved exactly like diagnostics) and the locale; a
 *   custom schema provider maps it to `kube-proxy-tuner-schema://…` and the schema request service
 *   serves only those, built in memory from the same buildSchema() the checked-in schemas/ come from,
 *   localized and enriched from the knowledge base. Every other schema URI (modelines, `$schema`,
 *   meta-schemas) is refused: there is no network access.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type Range,
  MarkupKind,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from 'yaml-language-server';
import { decodeDocument } from '../core/decode.ts';
import { parseFile } from '../core/parse.ts';
import { routeDocument } from '../core/route.ts';
import { routeFile, type AnalysisCache, type RoutedFile } from '../core/analyze.ts';
import { resolveVersion } from '../core/version.ts';
import { versionHints } from '../core/versionHints.ts';
import { findEmbeddings, mayEmbed } from '../core/embedded/hosts.ts';
import { embeddedCursor } from '../core/embedded/cursor.ts';
import { LineIndex } from '../core/text.ts';
import { buildSchema } from '../core/schema.ts';
import { validModes } from '../core/rules/proxyMode.ts';
import type { AnalyzeOptions, Locale, ResolvedVersion } from '../core/types.ts';
import { fieldFact } from '../knowledge/fields.ts';
import { isSupportedMinor, type Minor } from '../knowledge/versions.ts';
import { isDocumentSnippet, isHostSnippet, localizedDescription, SNIPPET_DEFINITIONS, snippetClaims } from './snippets.ts';

const WARM_UP_IDLE_MS = 1000;
const VIRTUAL_SCHEME = 'kube-proxy-tuner-completion';
const SCHEMA_SCHEME = 'kube-proxy-tuner-schema';
const SEPARATOR = /^(?:---|\.\.\.)(?=\s|$)/;
const MODELINE = /^\s*#\s*yaml-language-server\s*:/;
/** A line that holds nothing but (part of) a bare word at column 0: where a snippet prefix is typed. */
const PREFIX_AT_LINE_START = /^[\w.-]*$/;

type Json = Record<string, unknown>;

// ── schema variants for completion ──────────────────────────────────────────────────────────────

function text(value: { en: string; zh: string }, locale: Locale): string {
  return locale === 'zh-cn' ? value.zh : value.en;
}

function yamlValue(value: unknown): string {
  return typeof value === 'string' ? (value === '' ? '""' : value) : String(value);
}

/** Values offered after `key: ` on one minor; undefined keeps the schema's examples. */
function valuesFor(path: string, minor: Minor): string[] | undefined {
  if (path === 'apiVersion') return ['kubeproxy.config.k8s.io/v1alpha1'];
  if (path === 'kind') return ['KubeProxyConfiguration'];
  // Modes this minor's kube-proxy accepts without extra feature gates (no nftables on 1.28–1.30).
  if (path === 'mode') return validModes(minor, {});
  return undefined;
}

function localizeNode(node: Json, path: string, minor: Minor, locale: Locale): void {
  const zh = node['x-description-zh-cn'];
  if (locale === 'zh-cn' && typeof zh === 'string') node.description = zh;
  delete node['x-description-zh-cn'];
  // Offer values, not `null`: the decoder accepts null, but nobody wants it suggested.
  if (Array.isArray(node.type)) {
    const types = node.type.filter((type) => type !== 'null');
    node.type = types.length === 1 ? types[0] : types;
  }
  const doc = path === '' ? undefined : fieldFact(path);
  if (doc) {
    const lines = [text(doc.meaning, locale)];
    if (doc.recommended) {
      const when = doc.recommended.when ? ` (${text(doc.recommended.when, locale)})` : '';
      lines.push(`${locale === 'zh-cn' ? '推荐值' : 'Recommended'}: \`${yamlValue(doc.recommended.value)}\`${when}`);
    }
    if (node.default !== undefined) lines.push(`${locale === 'zh-cn' ? '默认值' : 'Default'}: \`${yamlValue(node.default)}\``);
    node.markdownDescription = lines.join('\n\n');
  }
  const values =
    valuesFor(path, minor) ??
    (Array.isArray(node.examples) && node.examples.every((v) => typeof v === 'string') ? (node.examples as string[]) : undefined);
  if (values) {
    node.enum = values;
    delete node.examples;
    if (doc?.values) {
      node.markdownEnumDescriptions = values.map((value) => {
        const meaning = doc.valueNotes?.[value]?.meaning;
        return meaning ? text(meaning, locale) : ((node.markdownDescription as string | undefined) ?? '');
      });
    }
  } else if (node.format === 'go-duration') {
    // Duration examples: the recommended value, then the default.
    const examples = [doc?.recommended?.value, node.default].filter((v): v is string => typeof v === 'string' && v !== '');
    if (examples.length > 0) node.examples = [...new Set(examples)];
  }
  const properties = node.properties as Record<string, Json> | undefined;
  if (properties) {
    for (const [name, child] of Object.entries(properties)) localizeNode(child, path === '' ? name : `${path}.${name}`, minor, locale);
  }
  const items = node.items as Json | undefined;
  if (items && typeof items === 'object') localizeNode(items, `${path}[]`, minor, locale);
}

/** The completion schema of one minor and locale: buildSchema()'s output, localized and enriched. */
export function completionSchema(minor: Minor, locale: Locale): Json {
  const schema = structuredClone(buildSchema(minor)) as Json;
  delete schema.$schema; // no meta-schema to look up (it would be a request we refuse anyway)
  delete schema.$id;
  localizeNode(schema, '', minor, locale);
  return schema;
}

function schemaUri(minor: Minor, locale: Locale): string {
  return `${SCHEMA_SCHEME}://schemas/kubeproxy-config-${minor}.${locale}.json`;
}

/** The few texts yaml-language-server itself puts into our items, for zh-cn clients. */
const YLS_ZH: Record<string, string> = { 'Default value': '默认值' };

function translateYlsText(item: CompletionItem): CompletionItem {
  if (item.detail && YLS_ZH[item.detail]) item.detail = YLS_ZH[item.detail];
  if (YLS_ZH[item.label]) item.label = YLS_ZH[item.label];
  return item;
}

/** Whether a document aliases more than go-yaml's limit (decode.ts `AliasBudget`). */
function expandsTooMuch(doc: Parameters<typeof decodeDocument>[0]): boolean {
  return decodeDocument(doc).problems.some((problem) => problem.message === 'alias-limit');
}

// ── the adapter ─────────────────────────────────────────────────────────────────────────────────

interface Segment {
  /** Offsets of the document's content: after its `---` line, up to the next separator line. */
  start: number;
  end: number;
}

/** The textual document (between separator lines) that holds `offset`. */
export function segmentAt(text: string, offset: number): Segment {
  let start = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const next = newline < 0 ? text.length + 1 : newline + 1;
    if (SEPARATOR.test(text.slice(lineStart, lineEnd))) {
      if (offset <= lineEnd && offset >= lineStart) return { start: lineStart, end: lineStart }; // on the separator line itself
      if (lineStart > offset) return { start, end: lineStart };
      start = Math.min(next, text.length);
    }
    lineStart = next;
  }
  return { start, end: text.length };
}

export interface CompletionOptions {
  /** Offer our snippets as completion items (off for the VS Code client, which has them from package.json). */
  snippets: boolean;
  /** Called with every schema URI refused (tests and logs). */
  onRefused?: (uri: string) => void;
}

export class KubeProxyCompletion {
  private service: Promise<LanguageService> | undefined;
  private readonly capabilities: ClientCapabilities;
  private readonly snippetSupport: boolean;
  private readonly options: CompletionOptions;
  private readonly schemas = new Map<string, string>();
  private version = 0;
  private readonly warmed = new Set<string>();
  private warmUpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(capabilities: ClientCapabilities, options: CompletionOptions) {
    this.capabilities = capabilities;
    this.options = options;
    this.snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
  }

  /**
   * yaml-language-server is loaded on first use, not at server start: loading it compiles four ajv
   * meta-schema validators (~0.3 s of CPU). `scheduleWarmUp()` does it once a file of ours has had
   * its diagnostics and the server has been idle for a second, and resolves that file's schema, so that
   * the first Ctrl+Space is as fast as the next ones without delaying diagnostics while the user types.
   */
  scheduleWarmUp(minor: Minor, locale: Locale): void {
    if (this.warmed.has(`${minor}/${locale}`)) return;
    clearTimeout(this.warmUpTimer);
    this.warmUpTimer = setTimeout(() => this.warmUp(minor, locale), WARM_UP_IDLE_MS);
    this.warmUpTimer.unref?.();
  }

  warmUp(minor: Minor, locale: Locale): void {
    if (this.warmed.has(`${minor}/${locale}`)) return;
    this.warmed.add(`${minor}/${locale}`);
    const text = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n\n';
    void this.languageService()
      .then((service) =>
        service.doComplete(this.virtualDocument(text, { start: 0, end: text.length }, minor, locale), { line: 2, character: 0 }, false),
      )
      .catch(() => undefined);
  }

  private languageService(): Promise<LanguageService> {
    this.service ??= import('yaml-language-server').then(({ getLanguageService }) => this.createService(getLanguageService));
    return this.service;
  }

  private createService(getLanguageService: typeof import('yaml-language-server').getLanguageService): LanguageService {
    const capabilities = this.capabilities;
    const service = getLanguageService({
      schemaRequestService: (uri) => this.serveSchema(uri),
      workspaceContext: { resolveRelativePath: (relativePath) => relativePath },
      clientCapabilities: capabilities,
    });
    service.configure({
      validate: false,
      hover: false,
      format: false,
      completion: true,
      isKubernetes: false,
      schemas: [],
      yamlVersion: '1.1',
      indentation: '  ',
      // Picking `clientConnection` inserts the key only, not every child with upstream's defaults
      // (qps 5 …), which would contradict the values we recommend.
      disableDefaultProperties: true,
    });
    service.registerCustomSchemaProvider(async (uri) => {
      const match = new RegExp(`^${VIRTUAL_SCHEME}://kube-proxy/(1\\.\\d+)/(en|zh-cn)/`).exec(uri);
      return match && isSupportedMinor(match[1]) ? schemaUri(match[1], match[2] as Locale) : [];
    });
    return service;
  }

  private serveSchema(uri: string): Promise<string> {
    const cached = this.schemas.get(uri);
    if (cached) return Promise.resolve(cached);
    const match = new RegExp(`^${SCHEMA_SCHEME}://schemas/kubeproxy-config-(1\\.\\d+)\\.(en|zh-cn)\\.json$`).exec(uri);
    if (!match || !isSupportedMinor(match[1])) {
      this.options.onRefused?.(uri);
      return Promise.reject(new Error(`kube-proxy Tuner serves only its bundled schemas; refused ${uri}`));
    }
    const content = JSON.stringify(completionSchema(match[1], match[2] as Locale));
    this.schemas.set(uri, content);
    return Promise.resolve(content);
  }

  /** `cache`: the document's analysis cache (the server's): the version lookup then re-parses nothing unchanged. */
  async complete(document: TextDocument, position: Position, options: AnalyzeOptions, cache?: AnalysisCache): Promise<CompletionList> {
    const text = document.getText();
    const offset = document.offsetAt(position);
    let routed: RoutedFile | undefined;
    const outer = (): RoutedFile => (routed ??= routeFile(text, cache));
    const version = (): ResolvedVersion => resolveVersion(options, outer().documents, versionHints(outer().documents));
    // Inside a ConfigMap's config.conf or a kind patch: complete the text it holds, then place the edits back.
    const cursor = mayEmbed(text) ? embeddedCursor(text, findEmbeddings(text, outer().documents), offset) : undefined;
    if (!cursor) return this.completeIn(text, offset, options, version);
    const list = await this.completeIn(cursor.text, cursor.offset, options, version);
    const inner = new LineIndex(cursor.text);
    const place = (range: Range): Range => ({
      start: document.positionAt(cursor.toOuter(inner.offset(range.start))),
      end: document.positionAt(cursor.toOuter(inner.offset(range.end))),
    });
    for (const item of list.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) edit.range = place(edit.range);
      else if (edit) item.textEdit = { newText: edit.newText, insert: place(edit.insert), replace: place(edit.replace) };
      item.additionalTextEdits = item.additionalTextEdits?.map((extra) => ({ ...extra, range: place(extra.range) }));
      // The editor indents the lines after the first like the cursor's line, which includes the block's indentation.
      item.insertTextMode = InsertTextMode.adjustIndentation;
    }
    return list;
  }

  /** Completion in a text of its own (a file, or an embedded text), with positions in that text. */
  private async completeIn(text: string, offset: number, options: AnalyzeOptions, version: () => ResolvedVersion): Promise<CompletionList> {
    const empty: CompletionList = { isIncomplete: false, items: [] };
    const position = new LineIndex(text).position(offset);
    const segment = segmentAt(text, offset);
    if (segment.start === segment.end && segment.start < offset) return empty; // on a `---` line
    const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
    const locale = options.locale ?? 'en';
    const atLineStart = PREFIX_AT_LINE_START.test(line);
    // Route the document as it is without the word being typed (`kube|` alone is not a document yet).
    const content = atLineStart
      ? text.slice(segment.start, offset - line.length) + text.slice(offset, segment.end)
      : text.slice(segment.start, segment.end);

    const routed = parseFile(content)
      .documents.map(routeDocument)
      .filter((doc) => doc.role !== 'empty');
    if (routed.length === 0) {
      // A new document starts here: offer whole-document snippets (those for the file's version, if it names one).
      if (!atLineStart) return empty;
      const resolved = version();
      // A ConfigMap or a kind cluster is a file of its own: not offered among kubeadm or kube-proxy documents.
      const rest = text.slice(0, segment.start) + text.slice(segment.end);
      const hosts = !/kubeadm\.k8s\.io|kubeproxy\.config\.k8s\.io/.test(rest);
      return {
        isIncomplete: false,
        items: this.snippetItems(position, line, locale, true, resolved.source === 'default' ? undefined : resolved.minor, hosts),
      };
    }
    if (routed.length !== 1 || routed[0].role !== 'kube-proxy') return empty;
    // yaml-language-server resolves aliases with no limit of its own: a document that aliases more
    // than go-yaml allows (which kube-proxy refuses anyway) gets no completion rather than a stall.
    // Decoded here even with syntax errors (routing does not decode those): half-typed text is normal.
    if (expandsTooMuch(routed[0].parsed.doc)) return empty;

    const minor = version().minor;
    const service = await this.languageService();
    const result = await service.doComplete(this.virtualDocument(text, segment, minor, locale), position, false);
    const items = locale === 'zh-cn' ? result.items.map(translateYlsText) : result.items;
    // Parts of a KubeProxyConfiguration (ipvs:, conntrack: …) at its root, for the version in use.
    if (atLineStart) items.push(...this.snippetItems(position, line, locale, false, minor));
    return { isIncomplete: result.isIncomplete, items };
  }

  /** The file with every line outside the segment blanked (and modelines dropped): same positions. */
  private virtualDocument(text: string, segment: Segment, minor: Minor, locale: Locale): TextDocument {
    const blank = (part: string): string => part.replace(/[^\n]/g, '');
    const inside = text
      .slice(segment.start, segment.end)
      .split('\n')
      .map((line) => (MODELINE.test(line) ? '' : line))
      .join('\n');
    const virtual = blank(text.slice(0, segment.start)) + inside + blank(text.slice(segment.end));
    return TextDocument.create(`${VIRTUAL_SCHEME}://kube-proxy/${minor}/${locale}/document.yaml`, 'yaml', ++this.version, virtual);
  }

  private snippetItems(
    position: Position,
    line: string,
    locale: Locale,
    documents: boolean,
    minor: Minor | undefined,
    hosts = false,
  ): CompletionItem[] {
    if (!this.options.snippets || !this.snippetSupport) return [];
    const range = { start: { line: position.line, character: position.character - line.length }, end: position };
    return Object.values(SNIPPET_DEFINITIONS)
      .filter(
        (snippet) =>
          isDocumentSnippet(snippet) === documents && (!minor || snippetClaims(snippet, minor)) && (hosts || !isHostSnippet(snippet)),
      )
      .map((snippet, index): CompletionItem => ({
        label: snippet.prefix,
        kind: CompletionItemKind.Snippet,
        detail: localizedDescription(snippet.description, locale).split(/(?<=[.。])\s*/)[0],
        documentation: {
          kind: MarkupKind.Markdown,
          value: `${localizedDescription(snippet.description, locale)}\n\n\`\`\`yaml\n${snippet.body.join('\n').replace(/\$\{\d+\|([^,|]*)[^}]*\}|\$\{\d+:([^}]*)\}|\$\d+/g, (_, choice, placeholder) => choice ?? placeholder ?? '')}\n\`\`\``,
        },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: snippet.body.join('\n') },
        filterText: snippet.prefix,
        sortText: `~${String(index).padStart(2, '0')}`,
      }));
  }
}
