/** The checked-in schemas are exactly what the generator makes from the field facts. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderSchema, schemaFileName } from '../../scripts/generate-schemas.ts';
import { SUPPORTED_MINORS } from '../../server/src/knowledge/versions.ts';

describe('schemas/', () => {
  for (const minor of SUPPORTED_MINORS) {
    it(`${schemaFileName(minor)} is current (run npm run generate:schemas)`, () => {
      assert.equal(readFileSync(join(import.meta.dirname, '../../schemas', schemaFileName(minor)), 'utf8'), renderSchema(minor));
    });
  }
  it('has nftables from 1.29 and windowsRunAsService from 1.31', () => {
    const props = (minor: (typeof SUPPORTED_MINORS)[number]) => Object.keys(JSON.parse(renderSchema(minor)).properties);
    assert.ok(!props('1.28').includes('nftables') && props('1.29').includes('nftables'));
    assert.ok(!props('1.30').includes('windowsRunAsService') && props('1.31').includes('windowsRunAsService'));
  });
});

describe('docs/rules.md', () => {
  it('is current (run npm run generate:docs)', async () => {
    const { renderRulesDoc } = await import('../../scripts/generate-rules-doc.ts');
    assert.equal(readFileSync(join(import.meta.dirname, '../../docs/rules.md'), 'utf8'), renderRulesDoc());
  });
});
