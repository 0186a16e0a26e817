/**
 * docs/editors/eglot.el, as a user has it: loaded by Emacs 30 (from scripts/other-editors/install.sh)
 * as the init file, with yaml-mode installed and `kube-proxy-tuner-language-server` on PATH. A batch
 * Emacs visits kube-proxy.yaml, and test/other-editors/emacs-harness.el prints what Emacs then shows
 * (Flymake's diagnostics, ElDoc's hover) as JSON, which the tests check.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeRun, editorEnv, installEditors, makeProject, REPO, runEditor, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './common.ts';

const DOC = join(REPO, 'docs/editors/eglot.el');
const HARNESS = join(REPO, 'test/other-editors/emacs-harness.el');
const MARKER = 'KPT-RESULT ';

interface EmacsDiagnostic {
  line: number;
  column: number;
  type: string;
  text: string;
  source?: string;
  code?: string;
}

interface EmacsResult {
  ok: boolean;
  error?: string;
  emacsVersion: string;
  steps: string[];
  majorMode?: string;
  server?: {
    program: string[];
    root: string;
    modes: string[];
    languageIds: string[];
    serverInfo?: string;
    initializationOptions?: unknown;
  };
  diagnosticsArrived?: boolean;
  diagnostics?: EmacsDiagnostic[];
  hover?: string | null;
  configurationAnswers: unknown[];
  versions: { minor: string; source: string }[];
  log: string;
}

/** Emacs with the doc file as its init file; `workspaceConfiguration` replaces its eglot-workspace-configuration. */
async function runEmacs(workspaceConfiguration?: Record<string, unknown>) {
  const emacs = join(installEditors(), 'bin/emacs');
  const project = makeProject('emacs');
  try {
    // An empty home: no ~/.emacs.d, no packages of the user running the tests (Debian's are still found).
    const home = join(project.root, 'home');
    mkdirSync(home);
    const params = { doc: DOC, file: project.file, timeoutMs: STEP_TIMEOUT_MS, hover: { line: 2, character: 0 }, workspaceConfiguration };
    const env = editorEnv({ PATH: project.path, HOME: home, KPT_EMACS_HARNESS: JSON.stringify(params) });
    const run = await runEditor(emacs, ['--batch', '-l', HARNESS], env, project.dir);
    const line = run.stdout.split('\n').find((text) => text.startsWith(MARKER));
    if (!line) throw new Error(`Emacs printed no result\n${describeRun('emacs', run)}`);
    const result = JSON.parse(line.slice(MARKER.length)) as EmacsResult;
    const log = [
      describeRun('emacs', { ...run, stdout: run.stdout.replace(line, '(the result line)') }),
      `--- steps reached --- ${result.steps.join(' > ')}`,
      `--- Emacs's log ---\n${result.log}`,
    ].join('\n');
    assert.ok(result.ok, `the harness failed: ${result.error}\n${log}`);
    assert.ok(
      result.diagnosticsArrived,
      `Flymake showed no diagnostics within ${STEP_TIMEOUT_MS / 1000} s of visiting ${project.file}\n${log}`,
    );
    return { result, log, project: project.dir };
  } finally {
    project.remove();
  }
}

function find(result: EmacsResult, code: string, log: string): EmacsDiagnostic {
  const found = result.diagnostics?.find((d) => d.code === code);
  assert.ok(found, `no ${code} diagnostic among ${JSON.stringify(result.diagnostics, null, 1)}\n${log}`);
  return found;
}

test(
  'Emacs with docs/editors/eglot.el as written: Flymake diagnostics with rule ids and the ElDoc hover',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const { result, log, project } = await runEmacs();
    assert.match(result.emacsVersion, /^(29|[3-9]\d)\./);
    assert.equal(result.majorMode, 'yaml-mode');
    // The server the doc file names, for both YAML modes, with its initializationOptions.
    assert.ok(result.server, `eglot started no server\n${log}`);
    assert.deepEqual(result.server.program, ['kube-proxy-tuner-language-server', '--stdio']);
    assert.deepEqual(result.server.modes, ['yaml-mode', 'yaml-ts-mode']);
    assert.deepEqual(result.server.languageIds, ['yaml', 'yaml']);
    assert.equal(result.server.serverInfo, 'kube-proxy-tuner');
    assert.equal(result.server.root, `${project}/`);
    assert.deepEqual(result.server.initializationOptions, { locale: 'en' });

    // What Flymake shows: "source [rule-id]: message", on the line of the problem.
    const mode = find(result, 'proxy-mode', log);
    assert.deepEqual([mode.line, mode.column, mode.type, mode.source], [3, 7, 'eglot-error', 'kube-proxy-tuner']);
    assert.match(mode.text, /^kube-proxy-tuner \[proxy-mode\]: mode "foo" is not valid/);
    const json = find(result, 'unknown-field', log);
    assert.deepEqual([json.line, json.column, json.type, json.source], [5, 3, 'eglot-error', 'kube-proxy-tuner']);
    assert.match(json.text, /^kube-proxy-tuner \[unknown-field\]: Unknown field "logging\.json"/);

    // The doc file's eglot-workspace-configuration is what eglot answers workspace/configuration with.
    assert.ok(result.configurationAnswers.length > 0, `the server never asked for settings\n${log}`);
    for (const answer of result.configurationAnswers) assert.deepEqual(answer, [{ kubernetesVersion: 'auto' }]);
    assert.equal(result.versions.at(-1)?.source, 'default', 'auto: no version in the file or settings, so the newest supported');

    // eglot asks for plain text hovers (no markdown-mode here): no Markdown marks.
    assert.ok(result.hover, `ElDoc got no hover for mode\n${log}`);
    assert.match(result.hover, /^mode /);
    assert.match(result.hover, /nftables/);
    assert.doesNotMatch(result.hover, /\*\*/);
  },
);

test(
  'a kubernetesVersion in eglot-workspace-configuration set after the doc file reaches the server',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const { result, log } = await runEmacs({ kubeProxyTuner: { kubernetesVersion: '1.30' } });
    assert.match(find(result, 'unknown-field', log).text, /for Kubernetes 1\.30 /);
    assert.match(find(result, 'proxy-mode', log).text, /not valid on Kubernetes 1\.30/);
    assert.deepEqual(result.configurationAnswers.at(-1), [{ kubernetesVersion: '1.30' }]);
    assert.deepEqual(
      { minor: result.versions.at(-1)?.minor, source: result.versions.at(-1)?.source },
      { minor: '1.30', source: 'setting' },
    );
  },
);
