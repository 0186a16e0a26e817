/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { errors, extension, hoverText, open, ours, waitForDiagnostics, workspaceUri } from './helpers.ts';

suite('Activation', () => {
  test('stays inactive while only non-YAML files are open', async () => {
    const editor = await open('notes.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    assert.equal(extension().isActive, false, 'the extension activated for a plain-text file');
  });

  test('activates for a kubeadm YAML file and publishes diagnostics for it', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => errors(d).length > 0, "the guide's diagnostics");
    assert.ok(diagnostics.length > 0);
    assert.equal(extension().isActive, true);
  });

  test('gives nothing for YAML that is not kube-proxy configuration', async () => {
    const deployment = await open('deployment.yaml');
    // The server answers documents in order: once a later kubeadm file has its diagnostics, the
    // Deployment opened before it has been analysed too.
    const later = await open('kubeadm-config.yaml');
    await waitForDiagnostics(later.document.uri, () => true, 'the kubeadm example to be analysed');
    const laterHover = await hoverText(
      later.document.uri,
      new vscode.Position(
        later.document
          .getText()
          .split('\n')
          .findIndex((l) => l.startsWith('  qps:')),
        3,
      ),
    );
    assert.match(laterHover, /qps/i, 'the kubeadm example has a hover on clientConnection.qps');
    assert.deepEqual(ours(deployment.document.uri), [], 'a Deployment got kube-proxy-tuner diagnostics');
    const hover = await hoverText(workspaceUri('deployment.yaml'), new vscode.Position(7, 5));
    assert.doesNotMatch(hover, /Recommended|kube-proxy/i, 'a Deployment got a kube-proxy hover');
  });
});
