/// <reference types="mocha" />
/** Runs only in a window whose display language is zh-CN (KPT_EDITOR_SUITE=zh, code-server --locale zh-cn). */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, errors, hoverText, open, waitForDiagnostics } from './helpers.ts';

suite('zh-CN display language', () => {
  test('VS Code runs in zh-CN', () => {
    assert.match(vscode.env.language, /^zh/i, `display language is ${vscode.env.language}`);
  });

  test('diagnostics, hovers and quick fixes are in Chinese', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => errors(d).length > 0, "the guide's diagnostics");
    const [error] = errors(diagnostics);
    assert.equal(codeOf(error), 'unknown-field');
    assert.match(error.message, /[\u4e00-\u9fff]/, error.message);
    const hover = await hoverText(uri, new vscode.Position(9, 4));
    assert.match(hover, /令牌桶|限流/, hover);
    const titles = (await codeActions(uri, error.range)).map((action) => action.title);
    assert.ok(titles.includes('将 logging.json 移到 logging.options.json'), JSON.stringify(titles));
  });
});
