/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, open, waitForDiagnostics, workspaceUri } from './helpers.ts';

const encoder = new TextEncoder();

suite('.kube-proxy-tuner.yaml and the commands', () => {
  test('the config file sets the rules, settings the user set win over it, VS Code defaults do not', async () => {
    const editor = await open('project/kube-proxy.yaml');
    const uri = editor.document.uri;
    const unknownField = (severity: vscode.DiagnosticSeverity) => (d: vscode.Diagnostic[]) =>
      d.some((x) => codeOf(x) === 'unknown-field' && x.severity === severity);
    // The file says warning (the default is error); the workspace sets kubernetesVersion 1.33, which wins over its 1.30.
    const diagnostics = await waitForDiagnostics(uri, unknownField(vscode.DiagnosticSeverity.Warning), 'the config file rule level');
    assert.match(diagnostics.find((d) => codeOf(d) === 'unknown-field')!.message, /for Kubernetes 1\.33/);

    const settings = vscode.workspace.getConfiguration('kubeProxyTuner', uri);
    await settings.update('rules', { 'unknown-field': 'hint' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, unknownField(vscode.DiagnosticSeverity.Hint), 'the workspace setting to win');
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, unknownField(vscode.DiagnosticSeverity.Warning), 'the config file again');

    // Changed on disk (a git pull): applies without reopening anything.
    const config = workspaceUri('project/.kube-proxy-tuner.yaml');
    const before = await vscode.workspace.fs.readFile(config);
    await vscode.workspace.fs.writeFile(config, encoder.encode('kubernetesVersion: 1.30\nrules:\n  unknown-field: information\n'));
    try {
      await waitForDiagnostics(uri, unknownField(vscode.DiagnosticSeverity.Information), 'the changed config file');
    } finally {
      await vscode.workspace.fs.writeFile(config, before);
    }
    await waitForDiagnostics(uri, unknownField(vscode.DiagnosticSeverity.Warning), 'the restored config file');
  });

  test('a mistake in the config file is shown on it as it is typed', async () => {
    const editor = await open('project/.kube-proxy-tuner.yaml');
    const uri = editor.document.uri;
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '  unknown-feild: off\n'));
    try {
      const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'config-file'), 'the config file problem');
      const problem = diagnostics.find((d) => codeOf(d) === 'config-file')!;
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
      assert.match(problem.message, /did you mean "unknown-field"\?/);
      assert.equal(problem.range.start.line, 3);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no problem once reverted');
  });

  test('Fix All Problems in This File applies the safe fixes, and the other commands are there', async () => {
    const editor = await open('fixall-command.yaml');
    try {
      await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'unknown-field'), 'the findings');
      await vscode.commands.executeCommand('kubeProxyTuner.fixAll');
      assert.match(editor.document.getText(), /^mode: ipvs # keep$/m);
      assert.match(editor.document.getText(), /syncPeriod: 30s/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['kubeProxyTuner.pickKubernetesVersion', 'kubeProxyTuner.showServerLog', 'kubeProxyTuner.fixAll'])
      assert.ok(commands.includes(command), command);
    await vscode.commands.executeCommand('kubeProxyTuner.showServerLog');
  });
});
