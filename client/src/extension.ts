/** VS Code extension: starts the language server, shows the Kubernetes version in use. Thin. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/processFlags.ts';
import {
  ALERTS_REQUEST,
  VERSION_NOTIFICATION,
  type AlertsParams,
  type AlertsResult,
  type InitializationOptions,
  type VersionInfo,
} from '../../server/src/protocol.ts';
import { explicitSettings } from './explicitSettings.ts';
import { SUPPORTED_MINORS } from '../../server/src/knowledge/versions.ts';

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
  return `${where}${requested}${tuned}\n${vscode.l10n.t('Click to pick the Kubernetes version')}`;
}

let client: LanguageClient | undefined;
let statusItem: vscode.StatusBarItem | undefined;
const versions = new Map<string, VersionInfo>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  statusItem = vscode.window.createStatusBarItem('kubeProxyTuner.version', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'kube-proxy Tuner';
  statusItem.command = { title: vscode.l10n.t('Pick the Kubernetes Version'), command: 'kubeProxyTuner.pickKubernetesVersion' };
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
    vscode.commands.registerCommand('kubeProxyTuner.fixAll', fixAll),
    vscode.commands.registerCommand('kubeProxyTuner.pickKubernetesVersion', pickKubernetesVersion),
    vscode.commands.registerCommand('kubeProxyTuner.showServerLog', () => client?.outputChannel.show(true)),
    // Scrape paths in .kube-proxy-tuner.yaml are read only in a trusted workspace: start again once it is.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (client) await client.restart();
    }),
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
    initializationOptions: (): InitializationOptions => ({
      locale: vscode.env.language,
      snippets: false,
      workspaceTrusted: vscode.workspace.isTrusted,
    }),
    middleware: {
      workspace: {
        // Only what the user set: a default must not hide the project's .kube-proxy-tuner.yaml.
        configuration: (params) =>
          params.items.map((item) =>
            item.section === 'kubeProxyTuner' ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined) : null,
          ),
      },
    },
  };
  client = new LanguageClient('kubeProxyTuner', 'kube-proxy Tuner', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onNotification(VERSION_NOTIFICATION, (info: VersionInfo) => {
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

/** Runs the server's whole-file action of `kind` on the active editor and applies its edit. */
async function applyWholeFileAction(kind: string, nothing: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  // The last argument resolves the actions' edits (the server computes them lazily).
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    editor.document.uri,
    whole,
    kind,
    1,
  );
  const action = actions?.find((candidate) => candidate.kind?.value === kind && candidate.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(nothing);
    return;
  }
  await vscode.workspace.applyEdit(action.edit);
}

/** "Apply all recommendations": the server's explicit action for the whole file, applied as one edit. */
function applyRecommendations(): Promise<void> {
  return applyWholeFileAction(
    'source.kubeProxyTuner.applyRecommendations',
    vscode.l10n.t('kube-proxy Tuner: no recommendation to apply in this file.'),
  );
}

/** "Fix all": the safe fixes of the whole file (what fix-all on save applies). */
function fixAll(): Promise<void> {
  return applyWholeFileAction('source.fixAll.kubeProxyTuner', vscode.l10n.t('kube-proxy Tuner: nothing to fix in this file.'));
}

/**
 * "Pick the Kubernetes version": sets kubeProxyTuner.kubernetesVersion for the file's workspace folder
 * (user settings without one). "auto" removes that setting, so the .kube-proxy-tuner.yaml or the file
 * decides again.
 */
async function pickKubernetesVersion(): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : undefined;
  const current = document ? versions.get(document.uri.toString()) : undefined;
  const items: (vscode.QuickPickItem & { value: string })[] = [
    {
      label: 'auto',
      value: 'auto',
      description: vscode.l10n.t('The version named by .kube-proxy-tuner.yaml or the file, else the newest'),
    },
    ...[...SUPPORTED_MINORS].reverse().map((minor) => ({
      label: minor,
      value: minor,
      description: current?.minor === minor ? vscode.l10n.t('in use for this file') : undefined,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Kubernetes version to check kube-proxy configurations against'),
  });
  if (!picked) return;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  await vscode.workspace
    .getConfiguration('kubeProxyTuner', folder?.uri)
    .update('kubernetesVersion', picked.value === 'auto' ? undefined : picked.value, target);
}

/** "Generate Prometheus Alerts": rules with thresholds from the open configuration, in a new editor. */
async function generateAlerts(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const params: AlertsParams = { uri: editor.document.uri.toString() };
  const answer = await client.sendRequest<AlertsResult>(ALERTS_REQUEST, params);
  if (answer.error || !answer.text) {
    void vscode.window.showWarningMessage(`kube-proxy Tuner: ${answer.error ?? ''}`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: answer.text });
  await vscode.window.showTextDocument(document, { preview: false });
  if (answer.warning) void vscode.window.showWarningMessage(`kube-proxy Tuner: ${answer.warning}`);
}
