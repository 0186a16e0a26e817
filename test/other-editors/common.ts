/**
 * Shared by the Neovim and Emacs tests: the editors' install (scripts/other-editors/install.sh), a
 * project folder whose PATH gives `kube-proxy-tuner-language-server` (this checkout's dist/server.js,
 * as `npm install --global` would), and running an editor with a deadline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SERVER = join(REPO, 'dist/server.js');
export const INSTALL = join(REPO, 'scripts/other-editors/install.sh');

/** The file a user opens: a wrong proxy mode (line 3) and a field that is not there (line 5, `json`). */
export const KUBE_PROXY_YAML = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: foo
logging:
  json: true
`;

/** How long the harnesses wait for each answer of the server, and the whole editor run at most. */
export const STEP_TIMEOUT_MS = 20_000;
export const RUN_TIMEOUT_MS = 90_000;
/** For node:test: the install (minutes on an empty cache) and one editor run. */
export const TEST_TIMEOUT_MS = 15 * 60_000;

let cache: string | undefined;

/** Runs the installer (a no-op when the cache is verified) and returns the cache folder it prints last. */
export function installEditors(): string {
  if (cache) return cache;
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const run = spawnSync('bash', [INSTALL], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: TEST_TIMEOUT_MS - 60_000 });
  const printed = (run.stdout ?? '').trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !printed || !existsSync(printed)) {
    throw new Error(
      `bash ${INSTALL} failed (exit ${run.status}, ${run.signal ?? 'no signal'}${run.error ? `, ${run.error.message}` : ''}):\n${run.stderr}`,
    );
  }
  cache = printed;
  return cache;
}

export interface Project {
  /** The temporary folder: bin/, the editor's own folders, and proj/. */
  root: string;
  /** The project: kube-proxy.yaml and .kube-proxy-tuner.yaml (a root marker, with no settings). */
  dir: string;
  file: string;
  /** PATH with bin/kube-proxy-tuner-language-server first. */
  path: string;
  remove(): void;
}

export function makeProject(editor: string): Project {
  const root = realpathSync(mkdtempSync(join(tmpdir(), `kpt-${editor}-`)));
  const bin = join(root, 'bin');
  const dir = join(root, 'proj');
  mkdirSync(bin);
  mkdirSync(dir);
  const file = join(dir, 'kube-proxy.yaml');
  writeFileSync(file, KUBE_PROXY_YAML);
  writeFileSync(join(dir, '.kube-proxy-tuner.yaml'), '# kube-proxy Tuner project settings: none here, the editor settings apply\n');
  // What `npm install --global kube-proxy-tuner` puts on PATH, run by the Node running this test.
  const shim = join(bin, 'kube-proxy-tuner-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(SERVER)} "$@"\n`);
  chmodSync(shim, 0o755);
  return {
    root,
    dir,
    file,
    path: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The environment an editor starts with: this one, without what would change how it or the server runs. */
export function editorEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'NVIM', 'NVIM_APPNAME', 'VIMINIT', 'MYVIMRC', 'EMACSLOADPATH', 'EMACSDATA'])
    delete env[name];
  return env;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/**
 * Runs an editor until it exits, or kills it (with the language server it started: its own process
 * group) after timeoutMs. Never rejects: the caller reports what happened.
 */
export function runEditor(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs = RUN_TIMEOUT_MS): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    };
    child.on('error', (error) => {
      stderr += `\n${command}: ${error.message}`;
      done(null, null);
    });
    child.on('close', done);
  });
}

/** What a failure message shows of a run: how it ended, and the end of what the editor wrote. */
export function describeRun(editor: string, run: Run): string {
  const tail = (text: string) => (text.length > 6000 ? `…${text.slice(-6000)}` : text);
  const ended = run.timedOut
    ? `was killed after ${Math.round(run.ms / 1000)} s (timeout)`
    : `exited with ${run.code ?? run.signal} after ${Math.round(run.ms / 1000)} s`;
  return `${editor} ${ended}\n--- stdout ---\n${tail(run.stdout)}\n--- stderr ---\n${tail(run.stderr)}`;
}
