/**
 * Shared pieces of the editor (end-to-end) runners: where the cached editor lives, building the
 * extension-host suite, a throwaway workspace, starting code-server in its own process group and
 * always killing that group, and launching headless chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { realScrape, times, withObservations } from '../../test/fixtures/metrics/derive.ts';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CACHE = process.env.KPT_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kube-proxy-tuner-e2e');
export const NODE24 = join(CACHE, 'node/bin/node');
export const CODE_SERVER = join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.KPT_E2E_CHROMIUM ?? '/usr/bin/chromium';
// Outside dist/ (which every `npm run build` wipes), gitignored, and CommonJS by the root package.json.
export const SUITE_OUT = join(ROOT, 'test-results/editor-suite');
export const RESULTS = join(ROOT, 'test-results/editor');

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
  skips: string[];
}
export const emptyCounts = (): Counts => ({ passed: 0, failed: 0, skipped: 0, failures: [], skips: [] });
export function add(into: Counts, from: Counts): void {
  into.passed += from.passed;
  into.failed += from.failed;
  into.skipped += from.skipped;
  into.failures.push(...from.failures);
  into.skips.push(...from.skips);
}

export function log(message: string): void {
  console.log(`[editor] ${message}`);
}

/** Checks that scripts/editor/install.sh has run. */
export function assertInstalled(): void {
  for (const file of [NODE24, CODE_SERVER, CHROMIUM]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/editor/install.sh first (npm run test:editor does)`);
  }
}

/** Bundles test/editor/suite/*.ts into CommonJS files under test-results/editor-suite (mocha and vscode stay external). */
export async function buildSuite(): Promise<string> {
  const esbuild = await import('esbuild');
  const dir = join(ROOT, 'test/editor/suite');
  const entryPoints = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(SUITE_OUT, 'index.js');
}

/**
 * A private copy of the built extension (what the .vsix ships: bundles, manifest, localizations, schemas,
 * snippets), so that a rebuild of dist/ while the tests run cannot change what is under test.
 */
export function stageExtension(base: string): string {
  const dir = join(base, 'extension');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  for (const file of ['dist/extension.js', 'dist/server.js']) cpSync(join(ROOT, file), join(dir, file));
  for (const name of readdirSync(ROOT)) {
    if (/^package(\.nls.*)?\.json$/.test(name) || ['l10n', 'schemas', 'snippets', 'README.md', 'LICENSE'].includes(name)) {
      cpSync(join(ROOT, name), join(dir, name), { recursive: true });
    }
  }
  return dir;
}

/** A throwaway workspace with the guide example, the kubeadm example, a kube-proxy ConfigMap and files that are none of ours. */
export function makeWorkspace(base: string, settings: Record<string, unknown> = { 'kubeProxyTuner.kubernetesVersion': '1.33' }): string {
  const folder = join(base, 'workspace');
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(
    join(folder, '.vscode/settings.json'),
    JSON.stringify(
      {
        ...settings,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'redhat.telemetry.enabled': false,
        'chat.disableAIFeatures': true,
        // VS Code in a browser saves after a delay by default: the tests save explicitly.
        'files.autoSave': 'off',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  const seed = join(ROOT, 'examples/guide-kube-proxy.yaml');
  cpSync(seed, join(folder, 'guide-kube-proxy.yaml'));
  for (const copy of ['quickfix.yaml', 'silence.yaml']) cpSync(seed, join(folder, copy));
  cpSync(join(ROOT, 'examples/kubeadm-config.yaml'), join(folder, 'kubeadm-config.yaml'));
  // A kube-proxy ConfigMap written by hand, with mistakes inside config.conf (the README's screenshot).
  cpSync(join(ROOT, 'test/fixtures/embedded/hand-written-mistakes.yaml'), join(folder, 'kube-proxy-cm.yaml'));
  // A configuration and a scrape (derived from the real 1.29 one: 20 syncs of 3 s) to tune it from.
  writeFileSync(
    join(folder, 'tuning.yaml'),
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables # measured\n',
  );
  let scrape = realScrape('kube-proxy-1.29-iptables-kind');
  for (const family of [
    'kubeproxy_sync_proxy_rules_duration_seconds',
    'kubeproxy_sync_full_proxy_rules_duration_seconds',
    'kubeproxy_sync_partial_proxy_rules_duration_seconds',
  ])
    scrape = withObservations(scrape, family, times(20, 3));
  writeFileSync(join(folder, 'kube-proxy.prom'), scrape);
  // A project with its .kube-proxy-tuner.yaml (shared with CI): its rules apply, the workspace's version setting wins.
  mkdirSync(join(folder, 'project'));
  writeFileSync(join(folder, 'project/.kube-proxy-tuner.yaml'), 'kubernetesVersion: 1.30\nrules:\n  unknown-field: warning\n');
  cpSync(seed, join(folder, 'project/kube-proxy.yaml'));
  for (const name of ['fixall.yaml', 'fixall-command.yaml'])
    writeFileSync(
      join(folder, name),
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nMode: IPVS # keep\nipvs:\n  syncPeriod: 30\n',
    );
  writeFileSync(
    join(folder, 'fixonsave.yaml'),
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs # keep\nipvs:\n  syncPeriod: 30s\n',
  );
  writeFileSync(
    join(folder, 'deployment.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      '  json:',
      '    qps: 5',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.27',
      '',
    ].join('\n'),
  );
  writeFileSync(join(folder, 'notes.txt'), 'mode: ipvs\nlogging:\n  json: {}\n');
  return folder;
}

export interface CodeServer {
  port: number;
  child: ChildProcess;
  stop(): void;
  output(): string;
}

const running = new Set<ChildProcess>();
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || (child.exitCode !== null && child.signalCode !== null)) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  running.delete(child);
}
// Whatever happens to this process, the code-server process groups it started go with it.
process.on('exit', () => {
  for (const child of running) killGroup(child);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    process.exit(130);
  });
}

/**
 * This process's environment without what an outer `npm run` exported (npm_* variables, NODE): the
 * editor, its extension host and vsce then run the same whether `npm test` or a person started the
 * runner (install.sh does the same for the installs, see clean-env.sh).
 */
export function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|NODE$|INIT_CWD$)/.test(name)) env[name] = value;
  }
  return env;
}

/** Throwaway user-data, extensions and XDG folders under `base`. */
export function codeServerDirs(base: string): { userData: string; extensions: string; env: NodeJS.ProcessEnv } {
  const userData = join(base, 'user-data');
  const extensions = join(base, 'extensions');
  const xdgConfig = join(base, 'xdg-config');
  const xdgData = join(base, 'xdg-data');
  for (const dir of [userData, extensions, xdgConfig, xdgData]) mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...plainEnv(),
    XDG_CONFIG_HOME: xdgConfig,
    XDG_DATA_HOME: xdgData,
    // code-server's own Node 24, also for the extension host and so for our language server.
    PATH: `${join(CACHE, 'node/bin')}:${process.env.PATH}`,
  };
  delete env.NODE_OPTIONS;
  delete env.VSCODE_IPC_HOOK_CLI;
  return { userData, extensions, env };
}

/** Runs code-server once to completion (e.g. --install-extension). */
export async function codeServerCli(args: string[], base: string): Promise<string> {
  const { userData, extensions, env } = codeServerDirs(base);
  const child = spawn(NODE24, [CODE_SERVER, '--user-data-dir', userData, '--extensions-dir', extensions, ...args], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
  killGroup(child);
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`);
  return out;
}

/**
 * VS Code uses a display language only when a language pack for it is installed, and none can be
 * downloaded here. A stub pack (the `localizations` contribution with an empty translation file) is
 * enough (with its languagepacks.json entry) for `--locale zh-cn` to take effect: `vscode.env.language` becomes `zh-cn` while the
 * workbench's own strings stay English. Packaged with vsce and installed into the throwaway folders.
 */
export async function installZhLanguagePack(base: string): Promise<void> {
  const dir = join(base, 'zh-hans-stub');
  mkdirSync(join(dir, 'translations'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'zh-hans-stub',
        displayName: 'zh-CN language pack stub for tests',
        publisher: 'kube-proxy-tuner-tests',
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '*' },
        categories: ['Language Packs'],
        contributes: {
          localizations: [
            {
              languageId: 'zh-cn',
              languageName: 'Chinese Simplified',
              localizedLanguageName: '中文(简体)',
              translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
            },
          ],
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'translations/main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(dir, 'README.md'), 'Test stub.\n');
  writeFileSync(join(dir, 'LICENSE'), 'MIT\n');
  const vsix = join(base, 'zh-hans-stub.vsix');
  await new Promise<void>((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--allow-missing-repository', '--skip-license', '--out', vsix], {
      cwd: dir,
      env: { ...plainEnv(), PATH: `${join(CACHE, 'node/bin')}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`vsce package (language pack stub) exited ${code}:\n${out}`))));
  });
  await codeServerCli(['--install-extension', vsix], base);
  // The server builds its language-pack index (languagepacks.json) lazily, after the first page has
  // already been served in English: write the entry the page needs up front.
  const { userData, extensions } = codeServerDirs(base);
  const id = 'kube-proxy-tuner-tests.zh-hans-stub';
  writeFileSync(
    join(userData, 'languagepacks.json'),
    JSON.stringify({
      'zh-cn': {
        hash: 'a0000000000000000000000000000000',
        extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
        translations: { vscode: join(extensions, `${id}-0.0.1`, 'translations/main.i18n.json') },
        label: '中文(简体)',
      },
    }),
  );
}

/** Starts code-server on 127.0.0.1 (a free port) in its own process group. */
export async function startCodeServer(
  base: string,
  folder: string,
  extraArgs: string[] = [],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<CodeServer> {
  const { userData, extensions, env } = codeServerDirs(base);
  const args = [
    CODE_SERVER,
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option',
    'enable-smoke-test-driver',
    ...extraArgs,
    folder,
  ];
  const child = spawn(NODE24, args, { env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not report its port within 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk;
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`code-server exited (${code}) before listening:\n${out}`));
    });
  });
  return { port, child, stop: () => killGroup(child), output: () => out };
}

/** Headless chromium through playwright-core from the cache (no browser download). */
export async function launchBrowser(base: string, options: { locale?: string } = {}): Promise<any> {
  const require = createRequire(join(CACHE, 'playwright/package.json'));
  const { chromium } = require('playwright-core');
  const profile = join(base, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: options.locale,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export function tempBase(name: string): string {
  return mkdtempSync(join(tmpdir(), `kpt-editor-${name}-`));
}

export function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}
