/**
 * docs/editors/neovim.lua, as a user has it: copied verbatim to init.lua of a fresh Neovim (0.12, from
 * scripts/other-editors/install.sh), `kube-proxy-tuner-language-server` on PATH. Headless Neovim opens
 * kube-proxy.yaml, and test/other-editors/neovim-harness.lua writes what Neovim then shows (diagnostics,
 * the hover float of K, the code actions of gra) as JSON, which the tests check.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeRun, editorEnv, installEditors, makeProject, REPO, runEditor, STEP_TIMEOUT_MS, TEST_TIMEOUT_MS } from './common.ts';

const DOC = join(REPO, 'docs/editors/neovim.lua');
const HARNESS = join(REPO, 'test/other-editors/neovim-harness.lua');

interface NeovimDiagnostic {
  line: number;
  column: number;
  severity: string;
  source?: string;
  code?: string;
  message: string;
}

interface NeovimResult {
  steps: string[];
  error?: string;
  filetype?: string;
  clients?: { name: string; cmd: string[]; root_dir?: string; init_options?: unknown; initialized?: boolean }[];
  diagnosticsArrived?: boolean;
  diagnostics?: NeovimDiagnostic[];
  hover?: string;
  codeActions?: string[];
  configurationAnswers: { items: unknown; answer: unknown }[];
  versions: { minor: string; source: string }[];
  messages?: string;
  lspLog?: string;
}

/** Starts Neovim with the doc file as init.lua; `override` goes to vim.lsp.config() before the file is opened. */
async function runNeovim(override?: Record<string, unknown>) {
  const nvim = join(installEditors(), 'bin/nvim');
  const project = makeProject('nvim');
  try {
    const config = join(project.root, 'config');
    mkdirSync(join(config, 'nvim'), { recursive: true });
    copyFileSync(DOC, join(config, 'nvim/init.lua'));
    const out = join(project.root, 'result.json');
    const params = {
      file: project.file,
      out,
      timeoutMs: STEP_TIMEOUT_MS,
      override,
      hover: { line: 2, character: 0 }, // `mode`
      codeAction: { line: 2, character: 6 }, // `foo`, under the proxy-mode diagnostic
    };
    const env = editorEnv({
      PATH: project.path,
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: join(project.root, 'data'),
      XDG_STATE_HOME: join(project.root, 'state'),
      XDG_CACHE_HOME: join(project.root, 'cache'),
      NVIM_LOG_FILE: join(project.root, 'nvim.log'),
      KPT_NVIM_HARNESS: JSON.stringify(params),
    });
    const run = await runEditor(nvim, ['--headless', '-c', `lua dofile(${JSON.stringify(HARNESS)})`], env, project.dir);
    const nvimLog = existsSync(join(project.root, 'nvim.log')) ? readFileSync(join(project.root, 'nvim.log'), 'utf8') : '';
    if (!existsSync(out)) {
      throw new Error(
        `Neovim wrote no result: it crashed, or was killed before the harness finished\n${describeRun('nvim', run)}\n--- nvim.log ---\n${nvimLog}`,
      );
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
    const log = [
      describeRun('nvim', run),
      `--- steps reached --- ${result.steps.join(' > ')}`,
      `--- :messages ---\n${result.messages ?? ''}`,
      `--- lsp.log ---\n${result.lspLog ?? ''}`,
      `--- nvim.log ---\n${nvimLog}`,
    ].join('\n');
    assert.equal(result.error, undefined, `the harness failed: ${result.error}\n${log}`);
    assert.ok(result.diagnosticsArrived, `no diagnostics within ${STEP_TIMEOUT_MS / 1000} s of opening ${project.file}\n${log}`);
    return { result, log, project: project.dir };
  } finally {
    project.remove();
  }
}

function find(result: NeovimResult, code: string, log: string): NeovimDiagnostic {
  const found = result.diagnostics?.find((d) => d.code === code);
  assert.ok(found, `no ${code} diagnostic among ${JSON.stringify(result.diagnostics, null, 1)}\n${log}`);
  return found;
}

test(
  'Neovim with docs/editors/neovim.lua as written: diagnostics, the hover of K and the code actions of gra',
  { timeout: TEST_TIMEOUT_MS },
  async () => {
    const { result, log, project } = await runNeovim();
    assert.equal(result.filetype, 'yaml');
    // The client the doc file configures, started by the command on PATH, rooted at the marker's folder.
    assert.equal(result.clients?.length, 1, `clients: ${JSON.stringify(result.clients)}\n${log}`);
    const [client] = result.clients!;
    assert.equal(client.name, 'kube_proxy_tuner');
    assert.deepEqual(client.cmd, ['kube-proxy-tuner-language-server', '--stdio']);
    assert.equal(client.root_dir, project);
    assert.deepEqual(client.init_options, { locale: 'en' });

    const mode = find(result, 'proxy-mode', log);
    assert.deepEqual([mode.line, mode.column, mode.severity, mode.source], [3, 7, 'ERROR', 'kube-proxy-tuner']);
    assert.match(mode.message, /mode "foo" is not valid/);
    const json = find(result, 'unknown-field', log);
    assert.deepEqual([json.line, json.column, json.severity, json.source], [5, 3, 'ERROR', 'kube-proxy-tuner']);
    assert.match(json.message, /^Unknown field "logging\.json"/);
    for (const d of result.diagnostics!) assert.equal(d.source, 'kube-proxy-tuner');

    // The doc file's settings are what Neovim answers the server's workspace/configuration with.
    assert.ok(result.configurationAnswers.length > 0, `the server never asked for settings\n${log}`);
    for (const { answer } of result.configurationAnswers) assert.deepEqual(answer, [{ kubernetesVersion: 'auto' }]);
    assert.equal(result.versions.at(-1)?.source, 'default', 'auto: no version in the file or settings, so the newest supported');

    assert.ok(result.hover, `K opened no hover window\n${log}`);
    assert.match(result.hover, /^\*\*mode\*\*/);
    assert.match(result.hover, /nftables/);

    assert.ok(result.codeActions && result.codeActions.length > 0, `gra offered no code actions\n${log}`);
    assert.ok(
      result.codeActions.some((title) => title.includes('proxy-mode')),
      `no code action for proxy-mode among ${JSON.stringify(result.codeActions)}`,
    );
  },
);

test('a kubernetesVersion set over the doc file with vim.lsp.config reaches the server', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { result, log } = await runNeovim({ settings: { kubeProxyTuner: { kubernetesVersion: '1.30' } } });
  assert.match(find(result, 'unknown-field', log).message, /for Kubernetes 1\.30 /);
  assert.match(find(result, 'proxy-mode', log).message, /not valid on Kubernetes 1\.30/);
  assert.deepEqual(result.configurationAnswers.at(-1)?.answer, [{ kubernetesVersion: '1.30' }]);
  assert.deepEqual({ minor: result.versions.at(-1)?.minor, source: result.versions.at(-1)?.source }, { minor: '1.30', source: 'setting' });
  // vim.lsp.config merged the override: the rest of the doc file's configuration is still there.
  assert.deepEqual(result.clients?.[0]?.cmd, ['kube-proxy-tuner-language-server', '--stdio']);
});

test('init_options locale zh-cn over the doc file gives Chinese diagnostics and hovers', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { result, log } = await runNeovim({ init_options: { locale: 'zh-cn' } });
  assert.match(find(result, 'unknown-field', log).message, /没有字段 "logging\.json"/);
  assert.match(find(result, 'proxy-mode', log).message, /无效/);
  assert.match(result.hover ?? '', /类型/, `hover: ${result.hover}`);
});
