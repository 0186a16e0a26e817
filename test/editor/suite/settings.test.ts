/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { codeOf, errors, open, setVersion, waitForDiagnostics } from './helpers.ts';

suite('Settings', () => {
  test('changing kubeProxyTuner.kubernetesVersion re-validates open documents', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    const uri = editor.document.uri;
    const on133 = await waitForDiagnostics(uri, (d) => errors(d).some((e) => /1\.33/.test(e.message)), 'diagnostics for 1.33');
    assert.ok(!on133.some((d) => codeOf(d) === 'ipvs-deprecated'), 'ipvs is not deprecated on 1.33');
    try {
      await setVersion('1.37');
      const on137 = await waitForDiagnostics(
        uri,
        (d) => d.some((x) => codeOf(x) === 'ipvs-deprecated'),
        'the ipvs deprecation warning on 1.37',
      );
      assert.ok(
        errors(on137).some((e) => /1\.37/.test(e.message)),
        'messages name the new version',
      );
    } finally {
      await setVersion('1.33');
    }
    await waitForDiagnostics(
      uri,
      (d) => !d.some((x) => codeOf(x) === 'ipvs-deprecated') && errors(d).some((e) => /1\.33/.test(e.message)),
      'diagnostics for 1.33 again',
    );
  });

  test('a rule set to off in kubeProxyTuner.rules disappears', async () => {
    const editor = await open('guide-kube-proxy.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'zero-means-default'), 'the zero-means-default notes');
    const { workspace, ConfigurationTarget } = await import('vscode');
    const rules = workspace.getConfiguration('kubeProxyTuner');
    try {
      await rules.update('rules', { 'zero-means-default': 'off' }, ConfigurationTarget.Workspace);
      await waitForDiagnostics(
        uri,
        (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'zero-means-default'),
        'the rule to be switched off',
      );
    } finally {
      await rules.update('rules', undefined, ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'zero-means-default'), 'the rule to come back');
  });
});
