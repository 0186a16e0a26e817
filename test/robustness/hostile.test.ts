/**
 * Hostile inputs (DESIGN §6): alias bombs, a 10 MB file, 10,000-deep nesting, binary data, invalid
 * UTF-8, a document that is only `---`, very long lines. The core returns a result or a clear
 * diagnostic within a bounded time; the CLI prints a clear message and exits 0, 1 or 2, never crashes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze.ts';
import { assertFindingsInside, checkText } from './invariants.ts';

const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';
const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'kpt-hostile-'));

function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `${KPC}${lines.join('\n')}\nnodePortAddresses: *a${levels - 1}\n`;
}

export const HOSTILE: Record<string, () => string> = {
  'alias bomb (9^9 nodes)': () => aliasBomb(9),
  'alias bomb through a merge key': () =>
    `${KPC}base: &b {qps: 1}\n${Array.from({ length: 200 }, (_, i) => `m${i}: &m${i} {<<: [${i === 0 ? '*b' : `*m${i - 1}, *m${i - 1}`}]}`).join('\n')}\nclientConnection: *m199\n`,
  '10,000-deep flow sequence': () => `${KPC}featureGates: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
  '10,000-deep flow mapping': () => `${KPC}featureGates: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
  // Block nesting costs its indentation: 3,000 levels are already 4.5 MB of spaces.
  '3,000-deep block sequence': () =>
    `${KPC}nodePortAddresses:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`,
  'only ---': () => '---',
  'only --- lines': () => '---\n---\n---\n',
  'binary junk with NUL bytes': () => Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
  'a 2,000,000-character value': () => `${KPC}clusterCIDR: ${'a'.repeat(2_000_000)}\n`,
  'a 1,000,000-character key': () => `${KPC}${'k'.repeat(1_000_000)}: 1\n`,
  'a 1,000,000-character comment line': () => `${KPC}# ${'#'.repeat(1_000_000)}\nmode: ipvs\n`,
  'lone surrogates and a BOM': () => `\uFEFF${KPC}mode: "\uD800"\nbindAddress: \uDC00\n`,
};

for (const [name, make] of Object.entries(HOSTILE)) {
  test(`core: ${name}`, () => {
    const text = make();
    // Multi-megabyte inputs on a loaded 2-core CI machine: a hang still shows, noise does not.
    checkText(text, name, { maxFixedFindings: 2, maxMs: 15_000 });
  });
}

test('core: nesting too deep for the parser is said in plain words, not as a stack overflow', () => {
  for (const name of ['10,000-deep flow sequence', '10,000-deep flow mapping', '3,000-deep block sequence']) {
    for (const locale of ['en', 'zh-cn'] as const) {
      const messages = analyze(HOSTILE[name](), { locale }).findings.map((finding) => finding.message);
      assert.ok(
        messages.some((text) => (locale === 'en' ? /nests too deeply/ : /嵌套过深/).test(text)),
        `${name} (${locale}): ${JSON.stringify(messages)}`,
      );
      assert.ok(
        messages.every((text) => !/call stack/i.test(text)),
        `${name}: ${JSON.stringify(messages)}`,
      );
    }
  }
});

test('core: a huge value or key is quoted shortened, so a message stays readable', () => {
  const inputs: Record<string, string> = {
    'a 2,000,000-character value': HOSTILE['a 2,000,000-character value'](),
    // An explicit key (`? `): an implicit one longer than 1,024 characters is already a syntax error.
    'a 1,000,000-character unknown key': `${KPC}? ${'k'.repeat(1_000_000)}\n: 1\n`,
  };
  for (const [name, text] of Object.entries(inputs)) {
    const findings = analyze(text).findings;
    assert.ok(findings.length > 0, name);
    for (const finding of findings) {
      assert.ok(finding.message.length < 3_000, `${name}: ${finding.rule} message is ${finding.message.length} characters`);
    }
    assert.ok(
      findings.some((finding) => /…\(\d+ characters\)…/.test(finding.message)),
      `${name}: ${findings.map((f) => f.message.slice(0, 300)).join(' | ')}`,
    );
    const zh = analyze(text, { locale: 'zh-cn' }).findings;
    assert.ok(
      zh.some((finding) => /…（省略 \d+ 个字符）…/.test(finding.message)),
      `${name} (zh): ${zh.map((f) => f.message.slice(0, 300)).join(' | ')}`,
    );
  }
});

test('core: alias bombs end in a clear diagnostic, not in an expansion', () => {
  const result = analyze(aliasBomb(9));
  assert.ok(
    result.findings.some((finding) => finding.rule === 'yaml-syntax' && /alias/i.test(finding.message)),
    JSON.stringify(result.findings.map((f) => f.message)),
  );
});

test('core: a 10 MB file is analysed within a bounded time, ranges inside', () => {
  // A real configuration followed by ~10 MB of further documents and comments.
  const filler = Array.from({ length: 100_000 }, (_, i) => `# padding line ${i} ${'-'.repeat(80)}`).join('\n');
  const text = `${KPC}mode: ipvs\n---\n${filler}\n`;
  assert.ok(text.length >= 10_000_000, `${text.length}`);
  const started = performance.now();
  const result = analyze(text);
  assert.ok(performance.now() - started < 30_000);
  assertFindingsInside(text, result.findings, '10 MB');
});

// ── the CLI reading hostile files ──────────────────────────────────────────────────────────────

function runCli(file: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, 'check', file], {
    encoding: 'utf8',
    cwd: root,
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("CLI: invalid UTF-8 is an error finding at its line, like kubeadm's refusal, and --fix leaves the bytes alone", () => {
  const file = join(dir, 'latin1.yaml');
  const bytes = Buffer.concat([Buffer.from(`${KPC}mode: ipvs\n# caf`), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nfoo: 1\n')]);
  writeFileSync(file, bytes);
  const { code, stdout, stderr } = runCli(file);
  assert.equal(code, 1, stderr);
  assert.match(stdout, /latin1\.yaml:4:\d+: error \[yaml-syntax\].*invalid leading UTF-8 octet/);
  spawnSync(process.execPath, [cli, 'check', '--fix', file], { encoding: 'utf8' });
  assert.deepEqual(readFileSync(file), bytes);
});

test('CLI: binary data, a 2 MB file, an only-`---` file and very long lines give a verdict, not a crash', () => {
  const files: Record<string, string | Buffer> = {
    'binary.bin': Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 31) % 128)),
    'dashes.yaml': '---\n',
    'long-line.yaml': `${KPC}clusterCIDR: ${'a'.repeat(1_000_000)}\n`,
    'deep.yaml': HOSTILE['10,000-deep flow mapping'](),
    'bomb.yaml': aliasBomb(9),
    'two-mb.yaml': `${KPC}mode: ipvs\n---\n${Array.from({ length: 20_000 }, (_, i) => `# padding ${i} ${'-'.repeat(90)}`).join('\n')}\n`,
  };
  for (const [name, content] of Object.entries(files)) {
    const file = join(dir, name);
    writeFileSync(file, content);
    const { code, stdout, stderr } = runCli(file);
    assert.ok(code === 0 || code === 1, `${name}: exit ${code}\n${stderr.slice(0, 2000)}`);
    assert.doesNotMatch(stderr, /TypeError|RangeError|at .*\.js:\d+/, `${name}: ${stderr.slice(0, 2000)}`);
    assert.match(stdout, /error\(s\)|Kubernetes|no findings|0 /i, `${name}: ${stdout.slice(0, 500)}`);
  }
});
