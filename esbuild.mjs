// Bundles the extension client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--dev]   (--dev: no minification, inline sourcemaps; never used for the .vsix)
import * as esbuild from 'esbuild';
import { rmSync, chmodSync } from 'node:fs';

const dev = process.argv.includes('--dev');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code's extension host may run an older Node than the toolchain's 24.
  target: 'node20',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

/**
 * The server bundles yaml-language-server for completion only. Two things it drags in are never
 * run there and are replaced by stubs: prettier (its formatter, ~440 KiB) and ajv-i18n (messages
 * for invalid schemas, ~90 KiB; ours are generated and valid).
 */
const unusedInServer = {
  name: 'unused-in-server',
  setup(build) {
    build.onResolve({ filter: /^(prettier(\/.*)?|ajv-i18n)$/ }, (args) => ({ path: args.path, namespace: 'unused-in-server' }));
    build.onLoad({ filter: /.*/, namespace: 'unused-in-server' }, (args) => ({
      contents:
        args.path === 'ajv-i18n'
          ? 'const en = () => {}; export default { en, default: { en } };'
          : 'export function format() { throw new Error("formatting is not offered by kube-proxy Tuner"); }',
      loader: 'js',
    }));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // mainFields: prefer packages' ESM builds; jsonc-parser's `main` is a UMD file whose dynamic
  // require('./impl/format') esbuild cannot follow (the bundle would crash at start-up).
  // Both are commands of the npm package (bin): kube-proxy-tuner, kube-proxy-tuner-language-server.
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    mainFields: ['module', 'main'],
    plugins: [unusedInServer],
    banner: { js: '#!/usr/bin/env node' },
  },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

rmSync('dist', { recursive: true, force: true });

let failed = false;
for (const entry of entries) {
  try {
    const result = await esbuild.build({ ...common, ...entry });
    if (result.errors.length > 0 || result.warnings.length > 0) {
      // esbuild already printed them (logLevel); warnings in our own bundles are treated as errors.
      if (result.warnings.length > 0) console.error(`esbuild: ${result.warnings.length} warning(s) in ${entry.outfile}`);
      failed = true;
    }
    const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
    console.log(`${entry.outfile}  ${(bytes / 1024).toFixed(1)} KiB`);
  } catch (error) {
    // esbuild has printed the detailed errors; make the failure unmistakable and the exit code non-zero.
    console.error(`esbuild: failed to build ${entry.outfile}: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    failed = true;
  }
}

if (!failed) for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
if (failed) {
  console.error('build FAILED');
  process.exit(1);
}
