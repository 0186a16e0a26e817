/**
 * Both languages are first-class: every message, manifest string, client string and rule
 * description exists in English and Simplified Chinese, with the same placeholders.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/index.ts';
import { MESSAGES } from '../../server/src/knowledge/messages.ts';

const root = join(import.meta.dirname, '../..');
const CJK = /[\u4e00-\u9fff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('localization', () => {
  for (const [key, [en, zh]] of Object.entries(MESSAGES)) {
    it(`message ${key} has English and Chinese with the same placeholders`, () => {
      assert.ok(en.trim().length > 0, 'English is empty');
      assert.ok(zh.trim().length > 0, 'Chinese is empty');
      if (/[a-z]{3}/.test(en.replace(/\{\w+\}/g, '')) && !['hover.kubeadm', 'bp.frame', 'hover.footer'].includes(key))
        assert.match(zh, CJK, 'Chinese text has no Chinese characters');
      assert.deepEqual(placeholders(zh), placeholders(en));
    });
  }
  it('every rule describes itself in both languages', () => {
    for (const rule of RULES) {
      assert.ok(rule.description.en.length > 0 && CJK.test(rule.description.zh), rule.id);
    }
  });
  it('the manifest has every %key% in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8'));
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const key of keys) {
      assert.ok(en[key], `package.nls.json lacks ${key}`);
      assert.ok(zh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const key of Object.keys(zh)) if (key !== 'extension.displayName') assert.match(zh[key], CJK, key);
  });
  it('every vscode.l10n.t string of the client has a Chinese translation', () => {
    const client = readFileSync(join(root, 'client/src/extension.ts'), 'utf8');
    const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
    const strings = [...client.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    assert.ok(strings.length > 0);
    for (const text of strings) assert.match(bundle[text] ?? '', CJK, `l10n/bundle.l10n.zh-cn.json lacks "${text}"`);
  });
});
