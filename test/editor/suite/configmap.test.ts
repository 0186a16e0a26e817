/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, errors, open, waitForDiagnostics } from './helpers.ts';

suite('kube-proxy ConfigMap', () => {
  test('the error inside config.conf is on its line of the ConfigMap, and the quick fix keeps the ConfigMap valid', async () => {
    const editor = await open('kube-proxy-cm.yaml');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => errors(d).some((e) => codeOf(e) === 'proxy-mode'), 'the proxy-mode error');
    const modeLine = editor.document
      .getText()
      .split('\n')
      .findIndex((line) => line === '    mode: "IPVS"');
    const error = diagnostics.find((d) => codeOf(d) === 'proxy-mode')!;
    assert.equal(error.range.start.line, modeLine);
    assert.equal(editor.document.getText(error.range), '"IPVS"');
    assert.deepEqual(
      errors(diagnostics)
        .map((d) => codeOf(d))
        .sort(),
      ['invalid-type', 'proxy-mode'],
    );
    const actions = await codeActions(uri, error.range);
    const fix = actions.find((action) => action.title === 'Set mode to ipvs');
    assert.ok(fix?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(fix.isPreferred, true);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const text = editor.document.getText();
    assert.match(text, /\n {2}config\.conf: \|\n {4}apiVersion: kubeproxy\.config\.k8s\.io\/v1alpha1\n/);
    assert.match(text, /\n {4}# switched to IPVS for the load balancer\n {4}mode: "ipvs"\n/);
    assert.match(text, /\n {2}kubeconfig\.conf: \|-\n {4}apiVersion: v1\n/, 'the other data key is untouched');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'proxy-mode'), 'the proxy-mode error to go away');
    // Fix-all then repairs the unitless duration inside the block, with the block's indentation.
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const [fixAll] = (await codeActions(uri, whole, 'source.fixAll')).filter(
      (action) => action.kind?.value === 'source.fixAll.kubeProxyTuner',
    );
    assert.ok(fixAll?.edit);
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    assert.match(editor.document.getText(), /\n {4}iptables:\n {6}syncPeriod: 30s\n {2}kubeconfig\.conf/);
    await waitForDiagnostics(uri, (d) => errors(d).length === 0, 'no error after fix-all');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
