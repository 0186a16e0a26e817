/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActions, codeOf, errors, open, waitForDiagnostics } from './helpers.ts';

async function unknownField(name: string): Promise<{ editor: vscode.TextEditor; diagnostic: vscode.Diagnostic }> {
  const editor = await open(name);
  const diagnostics = await waitForDiagnostics(
    editor.document.uri,
    (d) => errors(d).some((e) => codeOf(e) === 'unknown-field'),
    'the unknown-field error',
  );
  return { editor, diagnostic: diagnostics.find((d) => codeOf(d) === 'unknown-field')! };
}

suite('Quick fixes', () => {
  test('the preferred quick fix moves logging.json under logging.options and clears the error', async () => {
    const { editor, diagnostic } = await unknownField('quickfix.yaml');
    const actions = await codeActions(editor.document.uri, diagnostic.range);
    const titles = actions.map((action) => action.title);
    const move = actions.find((action) => action.title === 'Move logging.json to logging.options.json');
    assert.ok(move, `no move fix among ${JSON.stringify(titles)}`);
    assert.equal(move.isPreferred, true);
    assert.equal(move.kind?.value, 'quickfix');
    assert.ok(titles.includes('Silence unknown-field on this line'), JSON.stringify(titles));
    assert.ok(move.edit, 'the fix carries an edit');
    assert.equal(await vscode.workspace.applyEdit(move.edit), true);
    const text = editor.document.getText();
    assert.match(text, /\n {3}options:\n {6}json:\n {9}infoBufferSize: "0"\n/);
    assert.match(text, /# tcpBeLiberal: true/, 'comments are kept');
    await waitForDiagnostics(editor.document.uri, (d) => errors(d).length === 0, 'no error after the fix');
  });

  test('"Silence unknown-field on this line" inserts the suppression comment and the error disappears', async () => {
    const { editor, diagnostic } = await unknownField('silence.yaml');
    const actions = await codeActions(editor.document.uri, diagnostic.range);
    const silence = actions.find((action) => action.title === 'Silence unknown-field on this line');
    assert.ok(silence?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(await vscode.workspace.applyEdit(silence.edit), true);
    assert.match(editor.document.getText(), /# kube-proxy-tuner-disable-next-line unknown-field\n {3}json:/);
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => codeOf(x) === 'unknown-field'), 'the silenced error to go away');
  });
});

suite('Fix all', () => {
  const fixAllKind = 'source.fixAll.kubeProxyTuner';

  test('source.fixAll.kubeProxyTuner fixes the whole file in one edit, then offers nothing more', async () => {
    const editor = await open('fixall.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => errors(d).length >= 2, 'the wrong-case key and the unitless duration');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = (await codeActions(uri, whole, 'source.fixAll')).filter((action) => action.kind?.value === fixAllKind);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(await vscode.workspace.applyEdit(actions[0].edit!), true);
    assert.equal(
      editor.document.getText(),
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs # keep\nipvs:\n  syncPeriod: 30s\n',
    );
    await waitForDiagnostics(uri, (d) => errors(d).length === 0, 'no error after fix-all');
    const again = (await codeActions(uri, whole, 'source.fixAll')).filter((action) => action.kind?.value === fixAllKind);
    assert.deepEqual(
      again.map((a) => a.title),
      [],
      'fix-all converges',
    );
  });

  test('with editor.codeActionsOnSave, saving the file applies fix-all and writes the fixed text to disk', async () => {
    const onSave = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await onSave.update('codeActionsOnSave', { [fixAllKind]: 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const editor = await open('fixonsave.yaml');
      const uri = editor.document.uri;
      await waitForDiagnostics(uri, (d) => errors(d).length === 0, 'the clean file');
      // Type the two mistakes fix-all knows how to repair, then save as a user would (Ctrl+S).
      await editor.edit((edit) => {
        edit.replace(new vscode.Range(2, 0, 2, 4), 'Mode');
        edit.replace(new vscode.Range(4, 14, 4, 17), '30');
      });
      await waitForDiagnostics(uri, (d) => errors(d).length >= 2, 'the two new errors');
      await vscode.commands.executeCommand('workbench.action.files.save');
      const fixed =
        'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs # keep\nipvs:\n  syncPeriod: 30s\n';
      assert.equal(editor.document.getText(), fixed);
      assert.equal(editor.document.isDirty, false, 'the fixed text is saved');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), fixed);
    } finally {
      await onSave.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});
