/**
 * One list of supported minors (server/src/knowledge/versions.ts): the manifest, the schemas, the
 * feature-gate tables, the CLI's usage and the README follow it, so adding a minor is one data change
 * plus its facts (docs/ARCHITECTURE.md, "Adding a Kubernetes minor"). A newer minor than the list
 * knows is checked as the newest, and the user is told so.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { versionNote } from '../../server/src/core/version.ts';
import { usage } from '../../server/src/cli/args.ts';
import { gatesOf } from '../../server/src/knowledge/featureGates.ts';
import gateTables from '../../server/src/knowledge/feature-gates.json' with { type: 'json' };
import { message } from '../../server/src/knowledge/messages.ts';
import { NEWEST_MINOR, OLDEST_MINOR, SUPPORTED_MINORS } from '../../server/src/knowledge/versions.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('the supported minors', () => {
  it('are a continuous run from the oldest to the newest', () => {
    SUPPORTED_MINORS.forEach((minor, i) => assert.equal(minor, `1.${Number(OLDEST_MINOR.split('.')[1]) + i}`));
    assert.equal(NEWEST_MINOR, SUPPORTED_MINORS.at(-1));
  });

  it('are exactly what the manifest offers for kubeProxyTuner.kubernetesVersion', () => {
    const setting = JSON.parse(read('package.json')).contributes.configuration.properties['kubeProxyTuner.kubernetesVersion'];
    assert.deepEqual(setting.enum, ['auto', ...SUPPORTED_MINORS]);
    const pattern = new RegExp(setting.pattern);
    for (const value of setting.enum) assert.match(value, pattern);
    const outside = [`1.${Number(OLDEST_MINOR.split('.')[1]) - 1}`, `1.${Number(NEWEST_MINOR.split('.')[1]) + 1}`, '2.0', 'latest'];
    for (const value of outside) assert.doesNotMatch(value, pattern, value);
  });

  it('each have a schema and a feature-gate table, and nothing else does', () => {
    const schemas = readdirSync(new URL('schemas/', root)).filter((name) => name.endsWith('.json'));
    assert.deepEqual(
      schemas.sort(),
      SUPPORTED_MINORS.map((minor) => `kubeproxy-config-${minor}.json`),
    );
    assert.deepEqual(Object.keys(gateTables).sort(), [...SUPPORTED_MINORS]);
    for (const minor of SUPPORTED_MINORS) assert.ok(Object.keys(gatesOf(minor)).length > 100, minor);
  });

  it('are the range the CLI usage and the README state', () => {
    assert.match(usage('en'), new RegExp(`else the newest, ${NEWEST_MINOR.replace('.', '\\.')}\\)`));
    assert.ok(usage('zh-cn').includes(`否则取最新的 ${NEWEST_MINOR}）`), 'Chinese usage');
    const readme = read('README.md');
    assert.ok(readme.includes(`(${OLDEST_MINOR} – ${NEWEST_MINOR})`), 'README intro');
    assert.ok(readme.includes(`a minor from \`${OLDEST_MINOR}\` to \`${NEWEST_MINOR}\``), 'README settings table');
    assert.ok(readme.includes(`the newest supported minor, ${NEWEST_MINOR}.`), 'README version resolution');
  });
});

describe('a version outside the list', () => {
  const NEXT = `1.${Number(NEWEST_MINOR.split('.')[1]) + 1}`;
  it('newer: checked as the newest minor, and the user is told that its own changes are not known yet', () => {
    const version = analyze(`apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v${NEXT}.0\n`).version;
    assert.deepEqual(version, { minor: NEWEST_MINOR, source: 'file', requested: `v${NEXT}.0` });
    const note = versionNote(version)!;
    assert.match(
      message('en', note.key, note.args),
      new RegExp(
        `is newer than the minors this checker knows .*: it is checked as ${NEWEST_MINOR.replace('.', '\\.')}, so what changed after`,
      ),
    );
    assert.match(message('zh-cn', note.key, note.args), /尚未涵盖/);
  });
  it('older: checked as the oldest minor', () => {
    const version = analyze('kind: KubeProxyConfiguration\napiVersion: kubeproxy.config.k8s.io/v1alpha1\n', {
      kubernetesVersion: '1.20',
    }).version;
    assert.deepEqual(version, { minor: OLDEST_MINOR, source: 'setting', requested: '1.20' });
    const note = versionNote(version)!;
    assert.match(message('en', note.key, note.args), /is older than the minors this checker knows/);
  });
});
