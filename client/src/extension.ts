/** VS Code extension: starts the language server, shows the Kubernetes version in use. Thin. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/processFlags.ts';

interface VersionInfo {
  uri: string;
  minor: string;
  source: 'setting' | 'config' | 'file' | 'metrics' | 'default';
  requested?: string;
  /** What in the file named the version, when not a ClusterConfiguration (`kindest/node:v1.33.1`). */
  from?: string;
  /** Why the version in use differs from the one requested, in the user's language (from the server). */
  note?: string;
  /** False for YAML without kube-proxy or kubeadm documents: no status item there. */
  applies: boolean;
  /** The scrapes the findings were tuned from, and those that could not be used (in the user's language). */
  metricsFiles?: string[];
  metricsProblems?: string[];
}

/** Warnings about scrapes already shown, so each is said once. */
const shownMetricsProblems = new Set<string>();

function tooltip(info: VersionInfo): string {
  const where =
    info.source === 'setting'
      ? vscode.l10n.t('Kubernetes {0}: from the setting kubeProxyTuner.kubernetesVersion', info.minor)
      : info.source === 'config'
        ? vscode.l10n.t('Kubernetes {0}: from kubernetesVersion in {1}', info.minor, info.from ?? '.kube-proxy-tuner.yaml')
        : info.source === 'metrics'
          ? vscode.l10n.t('Kubernetes {0}: from the kube-proxy version in the metrics scrape {1}', info.minor, info.from ?? '')
          : info.source === 'file' && info.from
            ? vscode.l10n.t('Kubernetes {0}: from {1} in this file', info.minor, info.from)
            : info.source === 'file'
              ? vscode.l10n.t('Kubernetes {0}: from the kubernetesVersion of the ClusterConfiguration in this file', info.minor)
              : vscode.l10n.t(
                  'Kubernetes {0}: neither the file nor the settings name a version, so the newest supported one is used',
                  info.minor,
                );
  const requested = info.note ? `\n${info.note}` : info.requested ? `\n${vscode.l10n.t('Requested: {0}', info.requested)}` : '';
  const tuned = info.metricsFiles?.length ? `\n${vscode.l10n.t('Tuned from: {0}', info.metricsFiles.join(', '))}` : '';
  return `${where}${requested}${tuned}\n${vscode.l10n.t('Click to change the setting')}`;
}

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
const versions = new Map<string, VersionInfo>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem('kubeProxyTuner.version', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'kube-proxy Tuner';
  statusItem.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['kubeProxyTuner.kubernetesVersion'] };
  context.subscriptions.push(
    statusItem,
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.workspace.onDidCloseTextDocument((document) => versions.delete(document.uri.toString())),
    vscode.commands.registerCommand('kubeProxyTuner.restartServer', async () => {
      if (client) await client.restart();
    }),
    vscode.commands.registerCommand('kubeProxyTuner.tuneFromMetrics', tuneFromMetrics),
    vscode.commands.registerCommand('kubeProxyTuner.applyRecommendations', applyRecommendations),
    vscode.commands.registerCommand('kubeProxyTuner.generateAlerts', generateAlerts),
  );

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: the server reads only the text the client sends (never the file system), so
    // documents of virtual workspaces (vscode-vfs://, …) are checked as well; see package.json capabilities.
    documentSelector: [{ language: 'yaml' }],
    synchronize: { configurationSection: 'kubeProxyTuner' },
    // VS Code shows the contributed snippets itself; the server offers them only to other editors.
    initializationOptions: { locale: vscode.env.language, snippets: false },
  };
  client = new LanguageClient('kubeProxyTuner', 'kube-proxy Tuner', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification('kubeProxyTuner/version', (info: VersionInfo) => {
      versions.set(info.uri, info);
      updateStatus(vscode.window.activeTextEditor);
      for (const problem of info.metricsProblems ?? []) {
        if (shownMetricsProblems.has(problem)) continue;
        shownMetricsProblems.add(problem);
        void vscode.window.showWarningMessage(`kube-proxy Tuner: ${problem}`);
      }
    }),
  );
  updateStatus(vscode.window.activeTextEditor);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

function updateStatus(editor: vscode.TextEditor | undefined): void {
  if (!statusItem) return;
  if (!editor || editor.document.languageId !== 'yaml') {
    statusItem.hide();
    return;
  }
  const info = versions.get(editor.document.uri.toString());
  if (!info || !info.applies) {
    statusItem.hide();
    return;
  }
  statusItem.text = `kube-proxy ${info.minor} (${info.source})`;
  statusItem.tooltip = tooltip(info);
  statusItem.show();
}

/**
 * "Tune from a metrics scrape…": pick saved scrapes (kube-proxy's /metrics, node_exporter's) for the
 * open configuration; they are remembered in the workspace folder's settings (kubeProxyTuner.metrics,
 * relative paths) and the server reads them from there, re-reading them when they change.
 */
async function tuneFromMetrics(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const folder = (document && vscode.workspace.getWorkspaceFolder(document.uri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('kube-proxy Tuner reads metrics scrapes only in a trusted workspace.'));
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Tune from these scrapes'),
    defaultUri: folder?.uri,
    filters: { [vscode.l10n.t('Prometheus scrapes')]: ['prom', 'txt', 'metrics'], [vscode.l10n.t('All files')]: ['*'] },
  });
  if (!picked || picked.length === 0) return;
  const root = folder?.uri.fsPath;
  const paths = picked.map((uri) => {
    const relative = root ? path.relative(root, uri.fsPath) : undefined;
    return relative !== undefined && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : uri.fsPath;
  });
  await vscode.workspace
    .getConfiguration('kubeProxyTuner', folder?.uri)
    .update('metrics', paths, folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(vscode.l10n.t('kube-proxy Tuner: tuning from {0}', paths.join(', ')));
}

/** "Apply all recommendations": the server's explicit action for the whole file, applied as one edit. */
async function applyRecommendations(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    editor.document.uri,
    whole,
    'source.kubeProxyTuner.applyRecommendations',
    1,
  );
  const action = actions?.find((candidate) => candidate.kind?.value === 'source.kubeProxyTuner.applyRecommendations' && candidate.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('kube-proxy Tuner: no recommendation to apply in this file.'));
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}

/** "Generate Prometheus Alerts": rules with thresholds from the open configuration, in a new editor. */
async function generateAlerts(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const answer = await client.sendRequest<{ text?: string; warning?: string; error?: string }>('kubeProxyTuner/alerts', {
    uri: editor.document.uri.toString(),
  });
  if (answer.error || !answer.text) {
    void vscode.window.showWarningMessage(`kube-proxy Tuner: ${answer.error ?? ''}`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: answer.text });
  await vscode.window.showTextDocument(document, { preview: false });
  if (answer.warning) void vscode.window.showWarningMessage(`kube-proxy Tuner: ${answer.warning}`);
}
