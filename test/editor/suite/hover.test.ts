/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { errors, hoverText, open, waitForDiagnostics } from './helpers.ts';

suite('Hover', () => {
  test('hovering clientConnection.qps says what the limit affects and what would justify raising it', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    await waitForDiagnostics(editor.document.uri, (d) => errors(d).length > 0, 'the guide example to be analysed');
    assert.equal(editor.document.lineAt(9).text.trim(), 'qps: 50');
    const text = await hoverText(editor.document.uri, new vscode.Position(9, 4));
    assert.match(text, /Watches are not rate-limited/, text);
    assert.match(text, /rest_client_rate_limiter_duration_seconds/, text);
    assert.match(text, /1\.33/, 'the hover names the Kubernetes version in use');
  });

  test('hovering conntrack.maxPerCore gives the recommendation with its upstream source', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    assert.equal(editor.document.lineAt(37).text.trim(), 'maxPerCore: 32768');
    const text = await hoverText(editor.document.uri, new vscode.Position(37, 5));
    assert.match(text, /Recommended\*\*: `32768`/, text);
    assert.match(text, /\[source\]\(https:\/\/github\.com\/kubernetes\/kubernetes\/blob\/v1\.36\.0\//, text);
  });

  test('hovering mode explains the proxy modes for the version in use', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    assert.equal(editor.document.lineAt(18).text, 'mode: "ipvs"');
    const text = await hoverText(editor.document.uri, new vscode.Position(18, 1));
    assert.match(text, /nftables/, text);
  });
});
