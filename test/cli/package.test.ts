/**
 * The npm package as a user installs it (README "Install"): `npm pack`, then `npm install -g` of the
 * tarball into an empty prefix with an empty cache and no registry, then both commands run from there:
 * everything is bundled, so nothing else is needed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspClient } from '../lsp/lspClient.ts';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  assert.equal(result.status, 0, `npm ${args.join(' ')}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

test('npm pack → npm install -g from the tarball: the CLI and the language server run with nothing else installed', async () => {
  const work = mkdtempSync(join(tmpdir(), 'kpt-pack-'));
  const prefix = join(work, 'prefix');
  mkdirSync(prefix);
  // No registry, an empty cache: the install must not need either. --ignore-scripts: dist/ is built
  // already (prepack would rebuild it under the other tests' feet).
  const env = {
    ...process.env,
    npm_config_cache: join(work, 'cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root, env))[0];
  const files = (packed.files as { path: string }[]).map((file) => file.path).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/cli.js',
    'dist/server.js',
    'docs/ARCHITECTURE.md',
    'docs/editors/eglot.el',
    'docs/editors/neovim.lua',
    'docs/images/configmap.png',
    'docs/images/hover.png',
    'docs/images/problems-panel.png',
    'docs/rules.md',
    'docs/upstream-facts.md',
    'package.json',
  ]);
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies: everything is bundled');
  const tarball = join(work, packed.filename);
  assert.equal(packed.filename, `kube-proxy-tuner-${manifest.version}.tgz`);

  npm(['install', '--global', '--prefix', prefix, tarball], work, env);
  const bin = join(prefix, 'bin');
  for (const command of ['kube-proxy-tuner', 'kube-proxy-tuner-language-server'])
    assert.ok(statSync(join(bin, command)).mode & 0o111, command);
  // The node that runs the installed commands is the first on PATH, as for a user.
  const userEnv = { ...process.env, PATH: [bin, dirname(process.execPath), process.env.PATH].join(delimiter) };

  const version = spawnSync(join(bin, 'kube-proxy-tuner'), ['--version'], { encoding: 'utf8', env: userEnv });
  assert.equal(version.stdout.trim(), manifest.version);
  const check = spawnSync(
    join(bin, 'kube-proxy-tuner'),
    ['check', '--kubernetes-version', '1.33', join(root, 'examples/guide-kube-proxy.yaml')],
    {
      encoding: 'utf8',
      env: userEnv,
      cwd: work,
    },
  );
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stdout, /guide-kube-proxy\.yaml:47:4: error \[unknown-field\]/);

  const client = new LspClient(['--stdio'], process.execPath, [], { path: join(bin, 'kube-proxy-tuner-language-server'), env: userEnv });
  try {
    await client.initialize({ initializationOptions: { locale: 'en' } });
    const uri = pathToFileURL(join(work, 'kube-proxy.yaml')).href;
    client.open(uri, 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: foo\n');
    const published = await client.diagnostics(uri);
    assert.ok(published.diagnostics.some((diagnostic) => diagnostic.code === 'proxy-mode'));
  } finally {
    await client.shutdown();
  }
});
