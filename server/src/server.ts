/**
 * The language server: LSP wiring only. Documents and settings in, the core's findings out as
 * diagnostics. Runs over --stdio, --node-ipc or --socket (vscode-languageserver picks from argv).
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalysisCache } from './core/analyze.ts';
import type { Finding, Locale } from './core/types.ts';
import { APPLY_RECOMMENDATIONS_KIND, codeActions, fixAllEdit, FIX_ALL_KIND, type FixAllData } from './lsp/codeActions.ts';
import { MetricsFiles } from './lsp/metricsFiles.ts';
import { effectiveConfigs } from './core/effectiveConfigs.ts';
import { alertRules, scrapeable } from './core/metrics/alerts.ts';
import { KubeProxyCompletion } from './lsp/completion.ts';
import { toDiagnostic } from './lsp/diagnostics.ts';
import { hover } from './lsp/hover.ts';
import { isYamlDocument } from './lsp/documents.ts';
import { IdleMemoryReclaimer } from './lsp/memory.ts';
import { toLocale } from './lsp/locale.ts';
import { versionNote } from './core/version.ts';
import { message } from './knowledge/messages.ts';
import {
  documentSettings,
  normalizeSettings,
  SETTINGS_SECTION,
  SettingsCache,
  toAnalyzeOptions,
  type ServerSettings,
} from './lsp/settings.ts';
import { ProjectConfigFiles } from './lsp/projectConfigFiles.ts';
import { WorkspaceFolders } from './lsp/workspaceFolders.ts';
import { isProjectConfigName, PROJECT_CONFIG_NAMES, readProjectConfig } from './core/projectConfig.ts';
import { dirname } from 'node:path';
import type { AnalyzeOptions } from './core/types.ts';
import {
  ALERTS_REQUEST,
  VERSION_NOTIFICATION,
  type AlertsParams,
  type AlertsResult,
  type InitializationOptions,
  type VersionInfo,
} from './protocol.ts';
import { exitWhenBroken, keepConsoleOffStdout, transportFrom } from './lsp/transport.ts';

/** After `shutdown`, the only thing left to do is `exit`: other requests get an error (LSP). */
let shutdownReceived = false;
const transport = transportFrom(process.argv.slice(2));
if (transport) {
  exitWhenBroken(transport, () => shutdownReceived);
  if (transport.stdio) keepConsoleOffStdout();
}
const connection = transport
  ? createConnection(ProposedFeatures.all, transport.reader, transport.writer)
  : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** The answer to a request that arrives after `shutdown`. */
const SHUT_DOWN = (): ResponseError<void> => new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
connection.onShutdown(() => {
  shutdownReceived = true;
});

let locale: Locale = 'en';
let settings = new SettingsCache({}, undefined);
/** How long a request waits for the client's settings before going on with the last or default ones. */
const CONFIGURATION_TIMEOUT_MS = 1_500;
let dynamicConfigurationRegistration = false;
/** Whether the client renders Markdown in hovers (else plain text is sent). */
let hoverMarkdown = true;
/** Whether the client resolves code actions' edits lazily (codeAction/resolve). */
let resolveEdits = false;
/** Completion through yaml-language-server (KubeProxyConfiguration documents) and our snippets. */
let completion: KubeProxyCompletion | undefined;
/** Documents with a validation already queued; repeated edits before it runs coalesce into one. */
const pending = new Map<string, NodeJS.Immediate>();
/** Per open document: parses and findings of its unchanged YAML documents, reused on the next edit. */
const caches = new Map<string, AnalysisCache>();
/** Per open document: the tuning findings of its latest analysis (for hovers). */
const tuningFindings = new Map<string, { version: number; findings: Finding[] }>();
/** Returns the heap a large file grew to once the user pauses (see lsp/memory.ts). */
const memory = new IdleMemoryReclaimer();
const folders = new WorkspaceFolders();
/** The scrapes `kubeProxyTuner.metrics` names; a change on disk re-checks every open document. */
const metricsFiles = new MetricsFiles(folders, recheckAll);
/** The project's .kube-proxy-tuner.yaml files, shared with the CLI. */
const projectConfigs = new ProjectConfigFiles();
/** False when the client says the workspace is not trusted: the config file's scrape paths are then not read. */
let workspaceTrusted = true;
/** Whether settings are pulled with workspace/configuration (then didChangeConfiguration payloads are ignored). */
let pullSettings = false;
/** Whether the client watches .kube-proxy-tuner.yaml files for us. */
let watchConfigFiles = false;

/** A .kube-proxy-tuner.yaml open in the editor (by the name in its URI, any scheme). */
function isConfigDocument(uri: string): boolean {
  return isProjectConfigName(uri.replace(/[?#].*$/, ''));
}

function recheckAll(): void {
  for (const document of documents.all()) schedule(document.uri);
}

/**
 * The analysis options of a document: the editor's settings over its .kube-proxy-tuner.yaml, and the
 * text of the scrapes they name.
 */
function optionsFor(
  uri: string,
  editor: ServerSettings,
  withMetrics = true,
): { options: AnalyzeOptions; unreadable: { name: string; reason: string }[] } {
  const resolved = documentSettings(editor, projectConfigs.forDocument(uri, locale), workspaceTrusted);
  const origin =
    resolved.versionOrigin && resolved.config ? { ...resolved.versionOrigin, from: folders.shown(resolved.config.path) } : undefined;
  const current = resolved.settings;
  if (!withMetrics || !current.metrics || current.metrics.length === 0)
    return { options: toAnalyzeOptions(current, locale, [], origin), unreadable: [] };
  const base = resolved.metricsFromConfig && resolved.config ? dirname(resolved.config.path) : undefined;
  const load = base ? metricsFiles.load(uri, current.metrics, base) : metricsFiles.load(uri, current.metrics);
  return { options: toAnalyzeOptions(current, locale, load.scrapes, origin), unreadable: load.unreadable };
}

connection.onInitialize((params): InitializeResult => {
  // Typed as sent by our client; other clients may send anything, so each value is checked where used.
  const options = (params.initializationOptions ?? {}) as { [K in keyof InitializationOptions]?: unknown };
  workspaceTrusted = options.workspaceTrusted !== false;
  locale = toLocale(options.locale ?? params.locale);
  const capabilities = params.capabilities;
  const workspace = capabilities.workspace;
  const fetch = workspace?.configuration
    ? (uri: string) => connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) as Promise<unknown>
    : undefined;
  settings = new SettingsCache(normalizeSettings(options.settings), fetch, {
    onError: (error) => connection.console.error(`kube-proxy Tuner: workspace/configuration failed: ${describe(error)}`),
    onSlow: () =>
      connection.console.warn(
        `kube-proxy Tuner: the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the last or default settings until it does`,
      ),
    onLateAnswer: (uri) => schedule(uri),
    timeoutMs: CONFIGURATION_TIMEOUT_MS,
  });
  resolveEdits = capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') ?? false;
  const formats = capabilities.textDocument?.hover?.contentFormat;
  hoverMarkdown = !formats || formats.length === 0 || formats[0] === 'markdown';
  // A client that has the snippets already (VS Code, from package.json) passes `snippets: false`.
  completion = new KubeProxyCompletion(capabilities, {
    snippets: options.snippets !== false,
    onRefused: (uri) => connection.console.log(`kube-proxy Tuner: completion uses bundled schemas only; not fetching ${uri}`),
  });
  dynamicConfigurationRegistration = Boolean(workspace?.configuration && workspace.didChangeConfiguration?.dynamicRegistration);
  pullSettings = Boolean(workspace?.configuration);
  watchConfigFiles = Boolean(workspace?.didChangeWatchedFiles?.dynamicRegistration);
  folders.set((params.workspaceFolders ?? []).map((folder) => folder.uri).concat(params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      // save: an open .kube-proxy-tuner.yaml that is saved applies to the other documents at once.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, APPLY_RECOMMENDATIONS_KIND], resolveProvider: true },
      hoverProvider: true,
      completionProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'kube-proxy-tuner' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfigurationRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
  // Config files created, deleted or changed anywhere in the workspace, also by git or another editor.
  if (watchConfigFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: PROJECT_CONFIG_NAMES.map((name) => ({ globPattern: `**/${name}` })),
    });
  }
});

connection.onDidChangeConfiguration((change) => {
  // A client that answers workspace/configuration is asked again (its answer has only what the user
  // set); the payload of others is the settings themselves.
  const payload = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
  if (payload !== undefined && !pullSettings) settings.global = normalizeSettings(payload);
  settings.clear();
  recheckAll();
});

connection.onDidChangeWatchedFiles(() => {
  projectConfigs.invalidate();
  recheckAll();
});

documents.onDidSave(({ document }) => {
  if (!isConfigDocument(document.uri)) return;
  projectConfigs.invalidate();
  recheckAll();
});

// onDidChangeContent also fires on open. Validation runs on the next turn of the event loop (no
// timer delay), so a burst of edits already queued on the connection is analysed only once.
documents.onDidChangeContent(({ document }) => schedule(document.uri));

documents.onDidClose(({ document }) => {
  cancel(document.uri);
  caches.delete(document.uri);
  tuningFindings.delete(document.uri);
  settings.delete(document.uri);
  memory.noteWork(document.getText().length);
  if (isYamlDocument(document)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params, token) => {
  if (shutdownReceived) return SHUT_DOWN();
  const document = documents.get(params.textDocument.uri);
  if (!document || !isYamlDocument(document)) return [];
  const current = await settings.get(document.uri);
  // Code actions re-analyse the file: give a $/cancelRequest already queued behind this request a
  // turn of the event loop, and skip the work if the client no longer wants the answer.
  await new Promise((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  try {
    memory.noteWork(document.getText().length);
    return codeActions(document, params, optionsFor(document.uri, current).options, resolveEdits, cacheFor(document.uri));
  } catch (error) {
    connection.console.error(`kube-proxy Tuner: code actions for ${document.uri} failed: ${describe(error)}`);
    return [];
  }
});

// Deferred fix-all actions: compute the edit now, on the text as it is, if it is still the same version.
connection.onCodeActionResolve(async (action) => {
  if (shutdownReceived) return SHUT_DOWN();
  const data = action.data as FixAllData | undefined;
  const document = data ? documents.get(data.uri) : undefined;
  if (!data || !document || document.version !== data.version) return action;
  const current = await settings.get(document.uri);
  try {
    const edits = fixAllEdit(document, optionsFor(document.uri, current).options, data.rule, data.mode);
    return edits ? { ...action, edit: { changes: { [document.uri]: edits } } } : action;
  } catch (error) {
    connection.console.error(`kube-proxy Tuner: fix-all for ${document.uri} failed: ${describe(error)}`);
    return action;
  }
});

connection.onHover(async (params) => {
  if (shutdownReceived) return SHUT_DOWN();
  const document = documents.get(params.textDocument.uri);
  if (!document || !isYamlDocument(document)) return null;
  const current = await settings.get(document.uri);
  try {
    return hover(document, params, optionsFor(document.uri, current, false).options, hoverMarkdown, tuningFindings.get(document.uri));
  } catch (error) {
    connection.console.error(`kube-proxy Tuner: hover in ${document.uri} failed: ${describe(error)}`);
    return null;
  }
});

connection.onCompletion(async (params) => {
  if (shutdownReceived) return SHUT_DOWN();
  const document = documents.get(params.textDocument.uri);
  if (!document || !isYamlDocument(document) || !completion) return null;
  const current = await settings.get(document.uri);
  try {
    return await completion.complete(document, params.position, optionsFor(document.uri, current, false).options, cacheFor(document.uri));
  } catch (error) {
    connection.console.error(`kube-proxy Tuner: completion in ${document.uri} failed: ${describe(error)}`);
    return null;
  }
});

/** The client's "Generate Prometheus Alerts" command: the rules for the document's (first) KubeProxyConfiguration. */
connection.onRequest(ALERTS_REQUEST, async (params: AlertsParams): Promise<AlertsResult | ResponseError<void>> => {
  if (shutdownReceived) return SHUT_DOWN();
  const document = documents.get(params.uri);
  if (!document) return { error: message(locale, 'cli.alerts.none', { file: params.uri }) };
  const current = await settings.get(document.uri);
  const { version, configs } = effectiveConfigs(document.getText(), optionsFor(document.uri, current, false).options);
  if (configs.length === 0) return { error: message(locale, 'cli.alerts.none', { file: document.uri }) };
  const config = configs[0].config;
  return {
    text: alertRules(config, version.minor, { format: params.format ?? 'prometheus-rule', job: 'kube-proxy', locale }),
    warning: scrapeable(config) ? undefined : message(locale, 'alerts.loopback', { address: config.metricsBindAddress }),
  };
});

function schedule(uri: string): void {
  if (shutdownReceived || pending.has(uri)) return;
  pending.set(
    uri,
    setImmediate(() => {
      pending.delete(uri);
      void validate(uri);
    }),
  );
}

function cancel(uri: string): void {
  const handle = pending.get(uri);
  if (handle) clearImmediate(handle);
  pending.delete(uri);
}

async function validate(uri: string): Promise<void> {
  const before = documents.get(uri);
  if (!before || !isYamlDocument(before)) return;
  const current = await settings.get(uri);
  // Settings may have taken a round trip: analyse the text as it is now, or nothing if it was closed.
  const document = documents.get(uri);
  if (!document) return;
  // A .kube-proxy-tuner.yaml: its own problems, as the user types (what applies is the saved file).
  if (isConfigDocument(uri)) {
    const { findings } = readProjectConfig(document.getText(), locale);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: findings.map(toDiagnostic) });
    return;
  }
  try {
    const cache = cacheFor(uri);
    const text = document.getText();
    const { options, unreadable } = optionsFor(uri, current);
    const result = analyze(text, options, cache);
    memory.noteWork(text.length);
    // Hovers show the evidence of tuning findings on the field under the cursor.
    tuningFindings.set(uri, { version: document.version, findings: result.findings.filter((finding) => finding.category === 'tuning') });
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: result.findings.map(toDiagnostic) });
    // Said in the user's language: a 1.38 file is checked as 1.37, and what that means.
    const note = versionNote(result.version);
    const info: VersionInfo = {
      uri,
      minor: result.version.minor,
      source: result.version.source,
      requested: result.version.requested,
      from: result.version.from,
      note: note ? message(locale, note.key, note.args) : undefined,
      applies: result.applies,
      // Scrapes that could not be read or are not scrapes: the client says so once.
      metricsProblems: [
        ...unreadable.map((problem) => message(locale, 'cli.io.cannotRead', { file: problem.name, reason: problem.reason })),
        ...(result.metrics?.refused ?? []).map((refused) =>
          message(locale, 'cli.metrics.refused', { file: refused.file, reason: refused.reason }),
        ),
      ],
      metricsFiles: (options.metrics ?? [])
        .map((scrape) => scrape.name)
        .filter((name) => !result.metrics?.refused.some((refused) => refused.file === name)),
    };
    await connection.sendNotification(VERSION_NOTIFICATION, info);
    // A kube-proxy/kubeadm file is open: load the completion engine when idle, not on the first Ctrl+Space.
    if (result.applies) completion?.scheduleWarmUp(result.version.minor, locale);
  } catch (error) {
    connection.console.error(`kube-proxy Tuner: analysis of ${uri} failed: ${describe(error)}`);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] }).catch(() => undefined);
  }
}

function cacheFor(uri: string): AnalysisCache {
  let cache = caches.get(uri);
  if (!cache) caches.set(uri, (cache = new AnalysisCache()));
  return cache;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

documents.listen(connection);
connection.listen();
