/**
 * Runs the editor tests in a real VS Code: code-server (VS Code 1.139 with a Node extension host, from the
 * npm registry, installed by scripts/editor/install.sh into a cache outside the clone) on 127.0.0.1,
 * driven by headless chromium through playwright-core.
 *
 *   node scripts/editor/run-code-server.ts [--only en|zh|ui]...
 *
 * en  the extension-host suite (test/editor/suite, mocha, `exports.run()`) against a copy of this checkout's dist/
 * zh  the same host with the display language zh-CN, running the Chinese tests
 * ui  the UI-level test (test/editor/ui/workbench.ui.ts) against the packaged dist/kube-proxy-tuner.vsix
 *
 * Expects `npm run package` to have run. Ends with `N passed, N failed, N skipped` and exits non-zero on any
 * failure. Every code-server it starts runs in its own process group, which is killed on every path out.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  RESULTS,
  add,
  assertInstalled,
  buildSuite,
  emptyCounts,
  installZhLanguagePack,
  launchBrowser,
  log,
  makeWorkspace,
  removeQuietly,
  stageExtension,
  startCodeServer,
  tempBase,
  type Counts,
} from './common.ts';
import { runUiTest } from '../../test/editor/ui/workbench.ui.ts';

const SUITE_TIMEOUT_MS = 5 * 60_000;
/** Workbench chatter forwarded with the extension host's output that says nothing about our tests. */
const NOISE =
  /ENOTFOUND open-vsx\.org|authentication provider 'github'|^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/;

async function runSuite(mode: 'en' | 'zh', suiteIndex: string): Promise<Counts> {
  const base = tempBase(`suite-${mode}`);
  const resultsFile = join(base, 'results.json');
  const folder = makeWorkspace(base);
  const extension = stageExtension(base);
  const extra = mode === 'zh' ? ['--locale', 'zh-cn'] : [];
  if (mode === 'zh') await installZhLanguagePack(base);
  const started = Date.now();
  const server = await startCodeServer(base, folder, extra, { KPT_EDITOR_SUITE: mode, KPT_EDITOR_RESULTS: resultsFile });
  let context: any;
  try {
    log(`${mode}: code-server on 127.0.0.1:${server.port}`);
    context = await launchBrowser(base, { locale: mode === 'zh' ? 'zh-CN' : 'en-US' });
    const page = context.pages()[0] ?? (await context.newPage());
    const exitCode = new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`)), SUITE_TIMEOUT_MS);
      void page.exposeFunction('codeAutomationExit', (code: number) => {
        clearTimeout(timer);
        done(code);
      });
      server.child.on('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`code-server exited (${code}) during the suite`));
      });
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = (Array.isArray(args) ? args : [args]).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
      // Strip the %c styling markers the extension host adds when it forwards console output.
      const clean = text
        .replace(/%c/g, '')
        .replace(/\s*(color|font-weight|background)[^;]*;?\s*/g, ' ')
        .trimEnd();
      if (NOISE.test(clean)) return;
      console.log(`  [${mode}${type === 'error' ? ' !' : ''}] ${clean}`);
    });
    page.on('pageerror', (error: Error) => console.log(`  [${mode} page error] ${error.message}`));
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(suiteIndex)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const code = await exitCode;
    if (!existsSync(resultsFile)) {
      const counts = emptyCounts();
      counts.failed = 1;
      counts.failures.push(`${mode}: the suite wrote no results (exit code ${code})`);
      return counts;
    }
    const counts = JSON.parse(readFileSync(resultsFile, 'utf8')) as Counts;
    if (code !== 0 && counts.failed === 0) {
      counts.failed = 1;
      counts.failures.push(`${mode}: the extension host exited with ${code}`);
    }
    log(
      `${mode}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return counts;
  } finally {
    await context?.close().catch(() => undefined);
    server.stop();
    removeQuietly(base);
  }
}

async function main(): Promise<number> {
  const only = process.argv.flatMap((arg, i, all) => (all[i - 1] === '--only' ? [arg] : []));
  const wanted = (name: string): boolean => only.length === 0 || only.includes(name);
  assertInstalled();
  mkdirSync(RESULTS, { recursive: true });
  const total = emptyCounts();
  const started = Date.now();
  // Take the packaged extension now: a rebuild of dist/ during the run must not change what is tested.
  const vsix = join(RESULTS, 'kube-proxy-tuner.vsix');
  if (wanted('ui') && existsSync(join(ROOT, 'dist/kube-proxy-tuner.vsix'))) copyFileSync(join(ROOT, 'dist/kube-proxy-tuner.vsix'), vsix);
  if (wanted('en') || wanted('zh')) {
    if (!existsSync(join(ROOT, 'dist/server.js'))) throw new Error('dist/ is missing: run npm run build (or npm run package) first');
    const index = await buildSuite();
    for (const mode of ['en', 'zh'] as const) {
      if (!wanted(mode)) continue;
      try {
        add(total, await runSuite(mode, index));
      } catch (error) {
        total.failed++;
        total.failures.push(`${mode}: ${error instanceof Error ? error.message : error}`);
        console.log(`[editor] ${mode}: FAILED: ${error instanceof Error ? error.stack : error}`);
      }
    }
  }
  if (wanted('ui')) {
    try {
      add(total, await runUiTest(vsix));
    } catch (error) {
      total.failed++;
      total.failures.push(`ui: ${error instanceof Error ? error.message : error}`);
      console.log(`[editor] ui: FAILED: ${error instanceof Error ? error.stack : error}`);
    }
  }
  for (const skip of total.skips) log(`skipped: ${skip}`);
  for (const failure of total.failures) log(`FAILED: ${failure}`);
  log(`all editor tests in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${RESULTS}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
