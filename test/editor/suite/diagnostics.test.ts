/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, errors, open, waitForDiagnostics } from './helpers.ts';

suite('Diagnostics', () => {
  test('the guide example has exactly one error: unknown-field at logging.json, line 47 column 4 (Kubernetes 1.33)', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => errors(d).some((e) => /1\.33/.test(e.message)), "the guide's error on 1.33");
    const found = errors(diagnostics);
    assert.equal(found.length, 1, JSON.stringify(found.map((d) => d.message)));
    const [error] = found;
    assert.equal(codeOf(error), 'unknown-field');
    assert.equal(error.source, 'kube-proxy-tuner');
    assert.equal(error.range.start.line, 46);
    assert.equal(error.range.start.character, 3);
    assert.equal(editor.document.getText(error.range), 'json');
    assert.match(error.message, /logging\.json/);
    assert.match(error.message, /logging\.options\.json/);
    const code = error.code as { value: string; target: vscode.Uri };
    assert.ok(code.target && /^https?:/.test(code.target.toString()), 'the rule id links to its documentation');
    // Best-practice notes come as information/hint, never as errors.
    assert.ok(diagnostics.some((d) => codeOf(d) === 'zero-means-default' && d.severity === vscode.DiagnosticSeverity.Information));
  });

  test('a typing mistake is reported while editing and gone after it is undone', async () => {
    const editor = await open('kubeadm-config.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, () => true, 'the kubeadm example');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  qps:'));
    assert.ok(line > 0);
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 2, line, 5), 'QPS'));
    const diagnostics = await waitForDiagnostics(
      uri,
      (d) => errors(d).some((e) => e.range.start.line === line),
      'an error on the wrong-case key',
    );
    assert.match(errors(diagnostics).find((e) => e.range.start.line === line)!.message, /QPS|qps/);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => !errors(d).some((e) => e.range.start.line === line), 'the error to go away after undo');
  });
});
