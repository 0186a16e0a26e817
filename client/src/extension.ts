/** VS Code extension: starts the language server, shows the Kubernetes version in use. Thin. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/processFlags.ts';

interface VersionInfo {
  uri: string;
  minor: string;
  source: 'setting' | 'file' | 'default';
  requested?: string;
  /** What in the file named the version, when not a ClusterConfiguration (`kindest/node:v1.33.1`). */
  from?: string;
  /** Why the version in use differs from the one requested, in the user's language (from the server). */
  note?: string;
  /** False for YAML without kube-proxy or kubeadm documents: no status item there. */
  applies: boolean;
}

function tooltip(info: VersionInfo): string {
  const where =
    info.source === 'setting'
      ? vscode.l10n.t('Kubernetes {0}: from the setting kubeProxyTuner.kubernetesVersion', info.minor)
      : info.source === 'file' && info.from
        ? vscode.l10n.t('Kubernetes {0}: from {1} in this file', info.minor, info.from)
        : info.source === 'file'
          ? vscode.l10n.t('Kubernetes {0}: from the kubernetesVersion of the ClusterConfiguration in this file', info.minor)
          : vscode.l10n.t(
              'Kubernetes {0}: neither the file nor the settings name a version, so the newest supported one is used',
              info.minor,
            );
  const requested = info.note ? `\n${info.note}` : info.requested ? `\n${vscode.l10n.t('Requested: {0}', info.requested)}` : '';
  return `${where}${requested}\n${vscode.l10n.t('Click to change the setting')}`;
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
