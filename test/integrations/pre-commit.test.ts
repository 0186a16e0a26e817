/**
 * The pre-commit hook as a user gets it: real pre-commit installs this repository (npm install, npm
 * pack with its build, npm install -g) in an empty PRE_COMMIT_HOME and runs the hook on a commit's files.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');

test('pre-commit try-repo installs the hook from this repository and fails a commit with an error, passes a clean one', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string }[];
  assert.deepEqual(
    hooks.map((hook) => [hook.id, hook.language, hook.entry]),
    [['kube-proxy-tuner', 'node', 'kube-proxy-tuner check']],
  );
  const preCommit = execFileSync('bash', [join(root, 'scripts/integrations/ensure-pre-commit.sh')], { encoding: 'utf8' }).trim();
  const repo = mkdtempSync(join(tmpdir(), 'kpt-pre-commit-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: repo });
  git('init', '-q');
  mkdirSync(join(repo, 'clusters'));
  copyFileSync(join(root, 'examples/guide-kube-proxy.yaml'), join(repo, 'clusters/kube-proxy.yaml'));
  copyFileSync(join(root, 'examples/kubeadm-config.yaml'), join(repo, 'clusters/kubeadm-config.yaml'));
  writeFileSync(join(repo, 'values.yaml'), 'replicas: 3\n');
  git('add', '.');
  const env = { ...process.env, PRE_COMMIT_HOME: join(repo, '.pre-commit-home') };
  const run = (...files: string[]) =>
    spawnSync(preCommit, ['try-repo', root, 'kube-proxy-tuner', '--files', ...files], { cwd: repo, env, encoding: 'utf8' });

  const failing = run('clusters/kube-proxy.yaml', 'values.yaml');
  assert.equal(failing.status, 1, failing.stdout + failing.stderr);
  assert.match(failing.stdout, /kube-proxy Tuner\.+Failed/);
  assert.match(failing.stdout, /clusters\/kube-proxy\.yaml:47:4: error \[unknown-field\]/);

  const passing = run('clusters/kubeadm-config.yaml', 'values.yaml');
  assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  assert.match(passing.stdout, /kube-proxy Tuner\.+Passed/);
});
