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

describe('what lists the rules', () => {
  it('docs/rules.md, the kubeProxyTuner.rules setting and its descriptions are current (run npm run generate:docs)', async () => {
    const { GENERATED } = await import('../../scripts/generate-rules-doc.ts');
    for (const [file, render] of Object.entries(GENERATED)) {
      assert.equal(readFileSync(join(import.meta.dirname, '../..', file), 'utf8'), render(), `${file} is stale`);
    }
  });

  it('the setting offers every rule id, rejects others, and describes each in both languages', async () => {
    const { RULES } = await import('../../server/src/core/rules/index.ts');
    const read = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../..', file), 'utf8'));
    const setting = read('package.json').contributes.configuration.properties['kubeProxyTuner.rules'];
    assert.deepEqual(
      Object.keys(setting.properties),
      RULES.map((rule) => rule.id),
    );
    assert.equal(setting.additionalProperties, false);
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    for (const rule of RULES) {
      assert.deepEqual(setting.properties[rule.id].enum, ['off', 'error', 'warning', 'information', 'hint']);
      assert.ok(en[`config.rules.${rule.id}`].startsWith(rule.description.en), rule.id);
      assert.ok(zh[`config.rules.${rule.id}`].startsWith(rule.description.zh), rule.id);
    }
  });
});
