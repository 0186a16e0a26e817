/// <reference types="mocha" />
/** Helpers for the extension-host tests: open workspace files, wait on diagnostic events (never fixed sleeps). */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kube-proxy-tuner.kube-proxy-tuner';
export const SOURCE = 'kube-proxy-tuner';
const WAIT_MS = 30_000;

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  if (!found) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return found;
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (the runner opens one)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics for a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function brief(d: vscode.Diagnostic): string {
  return `${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.slice(0, 80)}`;
}

/**
 * Resolves with our diagnostics for `uri` as soon as they satisfy `accept`: now, or on the next
 * onDidChangeDiagnostics event that does. Fails after a generous bound with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const check = (): void => {
      if (settled) return;
      const current = ours(uri);
      if (accept(current)) {
        settled = true;
        subscription.dispose();
        clearTimeout(timer);
        resolve(current);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      reject(
        new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; last seen: ${JSON.stringify(ours(uri).map(brief))}`),
      );
    }, timeoutMs);
    check();
  });
}

export const errors = (diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] =>
  diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .join('\n---\n');
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
  );
  return (actions ?? []).filter(
    (action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'),
  );
}

/** Marks the running test as skipped and records why, so the summary says it (never a silent pass). */
export function skipWithReason(context: Mocha.Context, reason: string): never {
  const title = context.test?.fullTitle() ?? '';
  ((globalThis as any).__kptSkipReasons ??= new Map<string, string>()).set(title, reason);
  console.log(`  (skipping: ${reason})`);
  context.skip();
}

export async function setVersion(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('kubeProxyTuner').update('kubernetesVersion', value, vscode.ConfigurationTarget.Workspace);
}

/**
 * Runs `action` and resolves with our diagnostics at the first diagnostics event for the document after it.
 * The server publishes for every YAML document after each change (an empty list included), so this waits
 * for the analysis of the edited text. Call it only once earlier analyses have arrived.
 */
export function diagnosticsAfter(
  uri: vscode.Uri,
  action: () => Thenable<unknown>,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(ours(uri));
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    Promise.resolve(action()).catch((error) => {
      subscription.dispose();
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Opens an untitled YAML document and resolves once the server has published its first analysis. */
export function openUntitledAnalysed(content: string, timeoutMs = WAIT_MS): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    let editor: vscode.TextEditor | undefined;
    let published = false;
    const seen = new Set<string>();
    const finish = (): void => {
      if (editor && published) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(editor);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      for (const uri of event.uris) seen.add(uri.toString());
      if (editor && seen.has(editor.document.uri.toString())) {
        published = true;
        finish();
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the first analysis of an untitled document`));
    }, timeoutMs);
    vscode.workspace
      .openTextDocument({ language: 'yaml', content })
      .then((document) => vscode.window.showTextDocument(document))
      .then((shown) => {
        editor = shown;
        published = seen.has(shown.document.uri.toString());
        finish();
      }, reject);
  });
}
