/**
 * Runs the same extension-host suite (test/editor/suite) in a desktop VS Code through @vscode/test-electron,
 * for machines that can download VS Code (not these: CI here uses scripts/editor/run-code-server.ts).
 *
 *   npm run build && node scripts/editor/run-electron.ts [--vscode-version 1.139.1] [--zh]
 *
 * --zh runs the Chinese tests with `--locale zh-cn`; a desktop VS Code needs the Chinese language pack
 * installed for that (add it with --install-extension MS-CEINTL.vscode-language-pack-zh-hans beforehand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, buildSuite, makeWorkspace, removeQuietly, tempBase } from './common.ts';

const args = process.argv.slice(2);
const versionAt = args.indexOf('--vscode-version');
const version = versionAt >= 0 && args[versionAt + 1] ? args[versionAt + 1] : 'stable';
const zh = args.includes('--zh');

if (!existsSync(join(ROOT, 'dist/server.js'))) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}
const base = tempBase('electron');
const resultsFile = join(base, 'results.json');
let code: number;
try {
  const extensionTestsPath = await buildSuite();
  const folder = makeWorkspace(base);
  code = await runTests({
    version,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    extensionTestsEnv: { KPT_EDITOR_SUITE: zh ? 'zh' : 'en', KPT_EDITOR_RESULTS: resultsFile },
    launchArgs: [
      folder,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--user-data-dir',
      join(base, 'user-data'),
      ...(zh ? ['--locale', 'zh-cn'] : []),
    ],
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
  if (existsSync(resultsFile)) {
    const counts = JSON.parse(readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number; skipped: number };
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  } else {
    console.log('0 passed, 1 failed');
  }
} finally {
  removeQuietly(base);
}
process.exit(code === 0 ? 0 : 1);
