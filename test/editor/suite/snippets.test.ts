/// <reference types="mocha" />
/**
 * Snippet insertion and completion. Written ahead of the feature: while the extension contributes no
 * snippets (package.json contributes.snippets) or the server offers no completion, these tests skip
 * with that reason (reported in the summary); once present they must pass.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { errors, extension, openUntitledAnalysed, ours, setVersion, skipWithReason, workspaceUri } from './helpers.ts';

interface SnippetContribution {
  language?: string;
  path: string;
}

function contributedSnippets(): { language: string; name: string; body: string }[] {
  const ext = extension();
  const contributions = ((ext.packageJSON as any).contributes?.snippets ?? []) as SnippetContribution[];
  return contributions.flatMap((contribution) => {
    const raw = readFileSync(join(ext.extensionPath, contribution.path), 'utf8');
    const file = JSON.parse(raw.replace(/^\s*\/\/.*$/gm, '')) as Record<string, { body: string | string[] }>;
    return Object.entries(file).map(([name, snippet]) => ({
      language: contribution.language ?? 'yaml',
      name,
      body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
    }));
  });
}

const HEADER = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n';

/** Opens a workspace file and resolves with our diagnostics from the first analysis published for it. */
async function openAndAnalyse(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const first = new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for the analysis of ${uri.path}`)), 30_000);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        clearTimeout(timer);
        resolve(ours(uri));
      }
    });
  });
  try {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    return await first;
  } finally {
    subscription?.dispose();
  }
}

suite('Snippets', () => {
  test('every contributed snippet expands to a configuration with no error', async function () {
    const snippets = contributedSnippets().filter((s) => s.language === 'yaml');
    if (snippets.length === 0) skipWithReason(this, 'the extension contributes no YAML snippets yet (package.json contributes.snippets)');
    await setVersion('auto');
    try {
      let index = 0;
      for (const snippet of snippets) {
        // Whole-file snippets go into an empty file; section snippets below a KubeProxyConfiguration header.
        const start = /^apiVersion:/m.test(snippet.body) ? '' : HEADER;
        const scratch = await vscode.workspace.openTextDocument({ language: 'yaml', content: start });
        const editor = await vscode.window.showTextDocument(scratch);
        editor.selection = new vscode.Selection(scratch.positionAt(start.length), scratch.positionAt(start.length));
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: snippet.name });
        await vscode.commands.executeCommand('leaveSnippet');
        const text = scratch.getText();
        assert.ok(text.length > start.length, `snippet "${snippet.name}" inserted nothing`);
        assert.match(text, /KubeProxyConfiguration/);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        // Analyse the expansion as a file of its own, so the first diagnostics published are for exactly this text.
        const uri = workspaceUri(`snippet-${index++}.yaml`);
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        const diagnostics = await openAndAnalyse(uri);
        assert.deepEqual(
          errors(diagnostics).map((d) => `${d.range.start.line + 1}: ${d.message}`),
          [],
          `snippet "${snippet.name}" has errors:\n${text}`,
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    } finally {
      await setVersion('1.33');
    }
  });
});

suite('Completion', () => {
  test('completion inside a KubeProxyConfiguration offers its fields', async function () {
    const content = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n\n';
    const { document } = await openUntitledAnalysed(content);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(3, 0),
    );
    const items = list?.items ?? [];
    // VS Code's word-based suggestions come as kind Text; anything else comes from a language provider.
    const fromProvider = items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
    const label = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
    if (fromProvider.length === 0)
      skipWithReason(this, `the language server offers no completion yet (only ${items.length} word-based item(s))`);
    const labels = fromProvider.map(label);
    assert.ok(
      labels.some((l) => /^conntrack\b/.test(l)),
      `no "conntrack" among ${JSON.stringify(labels.slice(0, 40))}`,
    );
    assert.ok(!labels.some((l) => /^mode\b/.test(l)), 'a field already present is offered again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
