/**
 * Entry of the extension-host suite: `exports.run()`, the contract @vscode/test-electron and VS Code's
 * smoke-test driver (code-server here) both use. Runs mocha inside the extension host.
 *
 * KPT_EDITOR_SUITE=en (default) runs every *.test.js but the Chinese one; zh runs only zh.test.js (the
 * window must then use the zh-CN display language). KPT_EDITOR_RESULTS, when set, receives the counts as
 * JSON for the runner. Prints `N passed, N failed, N skipped` at the end.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mode = process.env.KPT_EDITOR_SUITE === 'zh' ? 'zh' : 'en';
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: LineReporter as any });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => (mode === 'zh') === (name === 'zh.test.js'))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const file of files) mocha.addFile(join(__dirname, file));
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] as string[], skips: [] as string[] };
  await new Promise<void>((done) => {
    const runner = mocha.run(() => done());
    runner.on('pass', () => {
      counts.passed++;
    });
    runner.on('fail', (test: Mocha.Test | Mocha.Hook, error: Error) => {
      counts.failed++;
      counts.failures.push(`${mode}: ${test.fullTitle()}: ${error.message.split('\n')[0]}`);
    });
    runner.on('pending', (test: Mocha.Test) => {
      counts.skipped++;
      counts.skips.push(`${mode}: ${test.fullTitle()}${skipReasons.get(test.fullTitle()) ? `: ${skipReasons.get(test.fullTitle())}` : ''}`);
    });
  });
  console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (process.env.KPT_EDITOR_RESULTS) writeFileSync(process.env.KPT_EDITOR_RESULTS, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} editor test(s) failed`);
}

/** Activation first: it must see the extension before anything opened a YAML file. */
function order(file: string): number {
  return file === 'activation.test.js' ? 0 : 1;
}

/** Why a test skipped itself (see helpers.skipWithReason), keyed by full title. */
const skipReasons: Map<string, string> = ((globalThis as any).__kptSkipReasons ??= new Map<string, string>());

/** One line per test through console.log (forwarded by the extension host), no colours. */
class LineReporter {
  constructor(runner: Mocha.Runner) {
    const started = new Map<string, number>();
    runner.on('suite', (suite: Mocha.Suite) => {
      if (suite.title) console.log(`${suite.title}`);
    });
    runner.on('test', (test: Mocha.Test) => {
      started.set(test.fullTitle(), Date.now());
    });
    const ms = (test: Mocha.Test): string => `${Date.now() - (started.get(test.fullTitle()) ?? Date.now())} ms`;
    runner.on('pass', (test: Mocha.Test) => console.log(`  ok    ${test.title} (${ms(test)})`));
    runner.on('fail', (test: Mocha.Test, error: Error) => console.log(`  FAIL  ${test.title}\n${indent(error.stack ?? error.message)}`));
    runner.on('pending', (test: Mocha.Test) =>
      console.log(`  skip  ${test.title}${skipReasons.get(test.fullTitle()) ? ` — ${skipReasons.get(test.fullTitle())}` : ''}`),
    );
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .slice(0, 12)
    .map((line) => `        ${line}`)
    .join('\n');
}
