/**
 * What the .vsix holds (vsce's own list, the files `npm run package` packs): what the extension runs
 * and shows, every file its README links to, and nothing else (not the CLI, not the sources).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packaged(): string[] {
  const listed = spawnSync(join(root, 'node_modules/.bin/vsce'), ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  return listed.stdout.split('\n').filter(Boolean).sort();
}

test('the .vsix holds what the extension runs and shows, and nothing else', () => {
  assert.deepEqual(packaged(), [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/extension.js',
    'dist/server.js',
    'docs/ARCHITECTURE.md',
    'docs/editors/eglot.el',
    'docs/editors/neovim.lua',
    'docs/images/configmap.png',
    'docs/images/hover.png',
    'docs/images/problems-panel.png',
    'docs/rules.md',
    'docs/upstream-facts.md',
    'images/icon.png',
    'l10n/bundle.l10n.zh-cn.json',
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'snippets/kubeadm.json',
  ]);
});

test('every file the README links to, and every file the manifest names, is in the .vsix', () => {
  const files = new Set(packaged());
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]).filter((link) => !/^[a-z]+:/i.test(link));
  assert.ok(links.length > 0);
  for (const link of links) assert.ok(files.has(link), `README links to ${link}, which the .vsix does not hold`);
  const named = [
    manifest.main.replace(/^\.\//, ''),
    manifest.icon,
    ...manifest.contributes.snippets.map((snippet: { path: string }) => snippet.path.replace(/^\.\//, '')),
  ];
  for (const file of named) assert.ok(files.has(file) && existsSync(join(root, file)), file);
  assert.ok(manifest.categories.includes('Snippets'));
  // No placeholder addresses: until the project has a public home, none is claimed.
  for (const key of ['repository', 'bugs', 'homepage']) {
    const value = manifest[key] === undefined ? undefined : JSON.stringify(manifest[key]);
    if (value !== undefined) assert.doesNotMatch(value, /example|placeholder|todo|your-?org|invalid/i, key);
  }
});

test('the icon is a 256×256 PNG, drawn by scripts/generate-icon.ts', async () => {
  const { renderIcon } = await import('../../scripts/generate-icon.ts');
  const icon = readFileSync(join(root, 'images/icon.png'));
  assert.deepEqual(icon, renderIcon());
  assert.equal(icon.readUInt32BE(16), 256);
  assert.equal(icon.readUInt32BE(20), 256);
});
