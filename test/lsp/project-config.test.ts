/**
 * .kube-proxy-tuner.yaml through the language server: found from the document upwards, as the CLI
 * finds it, with the same findings; editor settings the user set win; its own mistakes are shown on
 * it; a change on disk applies at once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient.ts';

const root = join(import.meta.dirname, '../..');
const DOCUMENT = [
  'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
  'kind: KubeProxyConfiguration',
  'mode: ipvs',
  'ipvs:',
  '  syncPeriod: 30s',
  'logging:',
  '  json: true',
  '',
].join('\n');

interface Published {
  uri: string;
  diagnostics: { code: string; severity: number; message: string; range: { start: { line: number; character: number } } }[];
}

function project(config: string): { folder: string; uri: string; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'kpt-lsp-project-'));
  writeFileSync(join(folder, '.kube-proxy-tuner.yaml'), config);
  mkdirSync(join(folder, 'clusters', 'prod'), { recursive: true });
  const path = join(folder, 'clusters', 'prod', 'kube-proxy.yaml');
  writeFileSync(path, DOCUMENT);
  return { folder, uri: pathToFileURL(path).href, path };
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

test('the config file above a document sets its version and rules, with the findings the CLI gives', async () => {
  const { folder, uri, path } = project(
    'kubernetesVersion: 1.30\nrules:\n  unknown-field: warning\n  strict-arp: off\nclusterScale: small\n',
  );
  const client = new LspClient();
  try {
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'repo' }] });
    client.open(uri, DOCUMENT);
    const published = (await client.diagnostics(uri)) as unknown as Published;
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.equal(version.minor, '1.30');
    assert.equal(version.source, 'config');
    assert.equal(version.from, '.kube-proxy-tuner.yaml');
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-field');
    assert.equal(unknown?.severity, 2);
    assert.match(unknown.message, /for Kubernetes 1\.30/);
    assert.ok(!published.diagnostics.some((d) => d.code === 'strict-arp'));

    // The CLI, run in CI on the same file, finds the same.
    const cli = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'check', '--format', 'json', path], {
      encoding: 'utf8',
      cwd: folder,
    });
    const [file] = JSON.parse(cli.stdout).files;
    const fromCli = file.diagnostics.map(
      (d: { rule: string; severity: string; range: { start: { line: number; character: number } } }) =>
        `${d.rule} ${d.severity} ${d.range.start.line}:${d.range.start.character}`,
    );
    const fromServer = published.diagnostics.map(
      (d) => `${d.code} ${SEVERITY[d.severity]} ${d.range.start.line}:${d.range.start.character}`,
    );
    assert.deepEqual(fromServer.sort(), fromCli.sort());
    assert.equal(file.kubernetesVersion, '1.30');
  } finally {
    await client.shutdown();
  }
});

test('settings the user set in the editor win over the config file, rule by rule; defaults do not', async () => {
  const { folder, uri } = project('kubernetesVersion: 1.30\nrules:\n  unknown-field: warning\n  strict-arp: off\n');
  const client = new LspClient();
  // What VS Code's client sends: only the values the user set (here one rule), no defaults.
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => ({ rules: { 'unknown-field': 'hint' } })),
  );
  try {
    await client.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'repo' }],
      capabilities: { workspace: { configuration: true } },
    });
    client.open(uri, DOCUMENT);
    const published = await client.diagnostics(uri);
    assert.equal(published.diagnostics.find((d) => d.code === 'unknown-field')?.severity, 4);
    // The config file's other settings still apply.
    assert.ok(!published.diagnostics.some((d) => d.code === 'strict-arp'));
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.equal(version.minor, '1.30');
  } finally {
    await client.shutdown();
  }
});

test('mistakes in the config file are shown on it while it is edited, in the user language', async () => {
  const { folder } = project('kubernetesVersion: 1.30\n');
  const configUri = pathToFileURL(join(folder, '.kube-proxy-tuner.yaml')).href;
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { locale: 'zh-cn' } });
    client.open(configUri, 'kubernetesVersion: 1.30\nrules:\n  unknown-feild: off\n');
    const published = await client.diagnostics(configUri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.message]),
      [['config-file', 1, 2, '"unknown-feild" 不是规则 id；是否想写 "unknown-field"？']],
    );
    client.change(configUri, 2, 'kubernetesVersion: 1.30\nrules:\n  unknown-field: off\n');
    assert.deepEqual((await client.diagnostics(configUri, 2)).diagnostics, []);
  } finally {
    await client.shutdown();
  }
});

test('a config file saved or changed on disk applies to open documents at once', async () => {
  const { folder, uri } = project('rules:\n  unknown-field: warning\n');
  const configPath = join(folder, '.kube-proxy-tuner.yaml');
  const client = new LspClient();
  try {
    await client.initialize({ capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    client.open(uri, DOCUMENT);
    assert.equal((await client.diagnostics(uri)).diagnostics.find((d) => d.code === 'unknown-field')?.severity, 2);
    // Changed on disk (a git checkout): the client reports the watched file.
    writeFileSync(configPath, 'rules:\n  unknown-field: off\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
    await client.waitForNotification<Published>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && !params.diagnostics.some((d) => d.code === 'unknown-field'),
    );
    // Edited and saved in the editor: the save is enough.
    client.open(pathToFileURL(configPath).href, 'rules:\n  unknown-field: off\n');
    writeFileSync(configPath, 'rules:\n  unknown-field: information\n');
    client.notify('textDocument/didSave', { textDocument: { uri: pathToFileURL(configPath).href } });
    await client.waitForNotification<Published>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && params.diagnostics.some((d) => d.code === 'unknown-field' && d.severity === 3),
    );
    // Removed: the defaults again.
    spawnSync('rm', [configPath]);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 3 }] });
    await client.waitForNotification<Published>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && params.diagnostics.some((d) => d.code === 'unknown-field' && d.severity === 1),
    );
  } finally {
    await client.shutdown();
  }
});

test('in an untrusted workspace the config file still sets rules, but its scrape paths are not read', async () => {
  const { folder, uri } = project('rules:\n  unknown-field: warning\nmetrics:\n  - ../../etc/passwd\n');
  const client = new LspClient();
  try {
    await client.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'repo' }],
      initializationOptions: { workspaceTrusted: false },
    });
    client.open(uri, DOCUMENT);
    assert.equal((await client.diagnostics(uri)).diagnostics.find((d) => d.code === 'unknown-field')?.severity, 2);
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.deepEqual(version.metricsFiles, []);
    assert.deepEqual(version.metricsProblems, []);
  } finally {
    await client.shutdown();
  }
});
