/**
 * The editor-test install (scripts/editor/install.sh) run the way `npm test` runs it: under an outer
 * npm on another Node, whose `npm_config_*` variables the script inherits. Once, code-server's
 * postinstall read "node/v20" from the inherited user agent and refused, on every new machine, while
 * CI passed on a warm cache. These tests run the mechanism itself, in about a second.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const CLEAN_ENV = join(ROOT, 'scripts/editor/clean-env.sh');
const INSTALL = join(ROOT, 'scripts/editor/install.sh');

/** What an outer `npm run` on the image's Node 20 exports into its scripts (seen with `npm run env`). */
const OUTER_NPM: NodeJS.ProcessEnv = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  npm_config_cache: '/root/.npm',
  npm_config_registry: 'https://registry.example.test/',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test',
  npm_package_name: 'kube-proxy-tuner',
  NODE: '/usr/bin/node',
  INIT_CWD: ROOT,
  NPM_CONFIG_FETCH_RETRIES: '5',
};

function bash(script: string, env: NodeJS.ProcessEnv): string {
  return execFileSync('bash', ['-c', script], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('clean-env.sh removes what the outer npm exported and keeps how to reach the registry', () => {
  const path = `${ROOT}/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:${process.env.PATH}`;
  const out = bash(`source ${JSON.stringify(CLEAN_ENV)}; kpt_clean_npm_env; env`, { ...process.env, ...OUTER_NPM, PATH: path });
  const env = new Map(
    out
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  for (const name of [
    'npm_config_user_agent',
    'npm_config_node_gyp',
    'npm_config_nodedir',
    'npm_config_cache',
    'npm_node_execpath',
    'npm_execpath',
    'npm_lifecycle_event',
    'npm_package_name',
    'NODE',
    'INIT_CWD',
  ]) {
    assert.equal(env.get(name), undefined, `${name} is still set`);
  }
  assert.equal(env.get('npm_config_registry'), 'https://registry.example.test/');
  assert.equal(env.get('NPM_CONFIG_FETCH_RETRIES'), '5', 'a setting only the user can have made stays');
  const entries = env.get('PATH')!.split(':');
  assert.ok(!entries.some((entry) => entry.endsWith('/node_modules/.bin') || entry.endsWith('/node-gyp-bin')), env.get('PATH'));
  assert.ok(entries.includes('/usr/bin'), 'the rest of PATH stays');
});

test('a nested npm tells install scripts the Node that runs it, not the outer one', () => {
  // The check code-server's postinstall makes: which Node does npm_config_user_agent name?
  const node = dirname(process.execPath);
  const version = process.version;
  assert.notEqual(version, 'v20.20.2', 'this test needs a Node other than the outer one it pretends');
  const cwd = mkdtempSync(join(tmpdir(), 'kpt-npm-env-'));
  const ask = `cd ${JSON.stringify(cwd)} && export PATH=${JSON.stringify(node)}:"$PATH" && npm exec --offline -c 'echo "$npm_config_user_agent"'`;
  const inherited = bash(ask, { ...process.env, ...OUTER_NPM });
  assert.match(inherited, /node\/v20\.20\.2/, 'without cleaning, the nested npm passes the outer agent on (the bug)');
  const cleaned = bash(`source ${JSON.stringify(CLEAN_ENV)}; kpt_clean_npm_env; ${ask}`, { ...process.env, ...OUTER_NPM });
  assert.match(cleaned, new RegExp(`node/${version.replace(/\./g, '\\.')} `));
});

test('a cache installed by hand does not count for `npm test`, and a changed script counts for nothing', () => {
  const byHand = bash(`bash ${JSON.stringify(INSTALL)} --fingerprint`, { ...process.env, npm_config_user_agent: '' });
  const underNpm = bash(`bash ${JSON.stringify(INSTALL)} --fingerprint`, { ...process.env, ...OUTER_NPM });
  const otherNpm = bash(`bash ${JSON.stringify(INSTALL)} --fingerprint`, {
    ...process.env,
    ...OUTER_NPM,
    npm_config_user_agent: 'npm/10.9.0 node/v22.1.0 linux x64 workspaces/false',
  });
  assert.match(byHand, /^[0-9a-f]{16}\n$/);
  assert.notEqual(byHand, underNpm);
  assert.notEqual(underNpm, otherNpm);
  assert.equal(
    bash(`bash ${JSON.stringify(INSTALL)} --fingerprint`, { ...process.env, ...OUTER_NPM }),
    underNpm,
    'the same start gives the same fingerprint',
  );
});
