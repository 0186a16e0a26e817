/**
 * Workspace trust and virtual workspaces: what the manifest declares, and that the code behaves so.
 * - Untrusted workspaces: supported. The extension only reads the text of open documents and runs
 *   no user code, no tasks, no binaries named by settings; its settings are severities and versions.
 * - Virtual workspaces: supported. The server gets document text over LSP and never touches the file
 *   system for them (checked below: only the scrapes and .kube-proxy-tuner.yaml of file: documents are
 *   read from disk), and the client selects
 *   YAML documents of every URI scheme.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient } from '../lsp/lspClient.ts';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the manifest declares untrusted and virtual workspaces as supported, the metrics paths restricted', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  // The only setting that makes the server read a file: a workspace must not set it unless trusted.
  assert.deepEqual(untrusted.restrictedConfigurations, ['kubeProxyTuner.metrics']);
  assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
  for (const [key, property] of Object.entries(manifest.contributes.configuration.properties as Record<string, { type: string }>)) {
    if (key === 'kubeProxyTuner.metrics') continue;
    assert.doesNotMatch(key, /path|command|executable|binary/i, `${key} would need restrictedConfigurations`);
    assert.ok(['string', 'object', 'boolean'].includes(property.type), key);
  }
  assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml']);
});

test('the client selects YAML documents of every scheme (virtual workspaces included)', () => {
  const source = readFileSync(join(root, 'client/src/extension.ts'), 'utf8');
  const selector = /documentSelector:\s*(\[[^\]]*\])/.exec(source);
  assert.ok(selector, 'documentSelector found');
  assert.doesNotMatch(selector[1], /scheme/, 'no scheme restriction');
  assert.match(selector[1], /language:\s*'yaml'/);
});

test('the core never uses the file system; the server only to read scrapes and .kube-proxy-tuner.yaml', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(root, 'server/src'));
  const offenders = files
    .filter(
      (file) =>
        !file.endsWith('cli.ts') &&
        !file.includes('/cli/') &&
        !file.endsWith('/lsp/metricsFiles.ts') &&
        !file.endsWith('/lsp/projectConfigFiles.ts'),
    )
    .filter((file) => /from ['"](node:)?fs(\/promises)?['"]|require\(['"](node:)?fs/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('a document with a virtual-workspace URI gets diagnostics like a file', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { locale: 'en' } });
    const uri = 'vscode-vfs://github/example/cluster/kubeadm-config.yaml';
    client.open(uri, 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: foo\n');
    const published = await client.diagnostics(uri, 1);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'proxy-mode'));
  } finally {
    await client.shutdown();
  }
});
