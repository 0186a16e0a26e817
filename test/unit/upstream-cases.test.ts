/**
 * Runs every upstream-derived case (test/fixtures/upstream/*.json, ported from kube-proxy's and
 * component-base's own tests) on every minor it names and compares the error findings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { SUPPORTED_MINORS, minorNumber } from '../../server/src/knowledge/versions.ts';

interface Expectation {
  rule: string;
  path: string;
  contains: string;
}
interface UpstreamCase {
  name: string;
  source: string;
  versions: [string, string];
  yaml: string;
  expect: Expectation[];
}

const dir = join(import.meta.dirname, '../fixtures/upstream');
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as UpstreamCase[];
  describe(`upstream cases: ${file}`, () => {
    for (const testCase of cases) {
      const [from, to] = testCase.versions.map(minorNumber);
      for (const minor of SUPPORTED_MINORS.filter((m) => minorNumber(m) >= from && minorNumber(m) <= to)) {
        it(`${minor} ${testCase.name}`, () => {
          const errors = analyze(testCase.yaml, { kubernetesVersion: minor }).findings.filter((f) => f.severity === 'error');
          const shown = errors.map((f) => `${f.rule} ${f.path}: ${f.message}`).join('\n');
          for (const expected of testCase.expect) {
            assert.ok(
              errors.some((f) => f.rule === expected.rule && f.path === expected.path && f.message.includes(expected.contains)),
              `expected ${expected.rule} at ${expected.path} containing ${JSON.stringify(expected.contains)}; got:\n${shown || '(no errors)'}`,
            );
          }
          for (const finding of errors) {
            assert.ok(
              testCase.expect.some((e) => e.rule === finding.rule && e.path === finding.path),
              `unexpected ${finding.rule} at ${finding.path}: ${finding.message}`,
            );
          }
        });
      }
    }
  });
}
