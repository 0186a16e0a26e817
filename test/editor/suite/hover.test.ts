/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { errors, hoverText, open, waitForDiagnostics } from './helpers.ts';

suite('Hover', () => {
  test('hovering clientConnection.qps explains the field and the value recommended for large clusters', async () => {
    const editor = await open('seed-kube-proxy.yaml');
    await waitForDiagnostics(editor.document.uri, (d) => errors(d).length > 0, 'the seed to be analysed');
    assert.equal(editor.document.lineAt(9).text.trim(), 'qps: 50');
    const text = await hoverText(editor.document.uri, new vscode.Position(9, 4));
    assert.match(text, /Recommended for large clusters\*\*: `50`/, text);
    assert.match(text, /1\.33/, 'the hover names the Kubernetes version in use');
  });

  test('hovering mode explains the proxy modes for the version in use', async () => {
    const editor = await open('seed-kube-proxy.yaml');
    assert.equal(editor.document.lineAt(18).text, 'mode: "ipvs"');
    const text = await hoverText(editor.document.uri, new vscode.Position(18, 1));
    assert.match(text, /nftables/, text);
  });
});
