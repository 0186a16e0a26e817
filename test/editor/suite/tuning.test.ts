/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, open, waitForDiagnostics } from './helpers.ts';

suite('Tuning from a metrics scrape', () => {
  test('a scrape named in kubeProxyTuner.metrics gives a tuning diagnostic with its evidence, and the recommendation applies', async () => {
    const editor = await open('tuning.yaml');
    const uri = editor.document.uri;
    const settings = vscode.workspace.getConfiguration('kubeProxyTuner', uri);
    const version = settings.inspect<string>('kubernetesVersion')?.workspaceValue;
    await settings.update('kubernetesVersion', '1.29', vscode.ConfigurationTarget.Workspace);
    await settings.update('metrics', ['kube-proxy.prom'], vscode.ConfigurationTarget.Workspace);
    try {
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'tuning-min-sync-period'), 'the tuning finding');
      const finding = diagnostics.find((d) => codeOf(d) === 'tuning-min-sync-period')!;
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(finding.message, /take 3\.00 s on average \(kubeproxy_sync_partial_proxy_rules_duration_seconds, 20 syncs/);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, finding.range.start);
      const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
      assert.match(text, /Measured.*tuning-min-sync-period/);
      await vscode.commands.executeCommand('kubeProxyTuner.applyRecommendations');
      assert.match(editor.document.getText(), /\niptables:\n {2}minSyncPeriod: 6s\n/);
      assert.match(editor.document.getText(), /mode: iptables # measured/, 'the comment is kept');
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'tuning-min-sync-period'), 'the finding to go');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await settings.update('metrics', undefined, vscode.ConfigurationTarget.Workspace);
      await settings.update('kubernetesVersion', version, vscode.ConfigurationTarget.Workspace);
    }
  });
});
