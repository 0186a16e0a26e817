/**
 * Writes what lists the rules from the rule registry, so that none can drift from the code:
 * docs/rules.md, and the `kubeProxyTuner.rules` setting in package.json (one property per rule id, so
 * settings completion offers them and a misspelt id is flagged) with its descriptions in
 * package.nls*.json. `npm run generate:docs`; unit tests fail while a checked-in file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/core/rules/index.ts';
import { NEWEST_MINOR, OLDEST_MINOR } from '../server/src/knowledge/versions.ts';

export function renderRulesDoc(): string {
  const lines = [
    '# Rules',
    '',
    'Generated from `server/src/core/rules/index.ts` by `npm run generate:docs`. The id is what',
    "settings (`kubeProxyTuner.rules`), SARIF `ruleId` and the CLI's JSON `rule` use.",
    '',
    '| id | category | default severity | Kubernetes | what it checks | 检查内容 |',
    '|---|---|---|---|---|---|',
  ];
  for (const rule of RULES) {
    const versions = `${rule.since ?? OLDEST_MINOR}–${rule.until ?? NEWEST_MINOR}`;
    lines.push(
      `| <a id="${rule.id}"></a>\`${rule.id}\` | ${rule.category} | ${rule.severity} | ${versions} | ${rule.description.en}${rule.docs ? ` [upstream](${rule.docs})` : ''} | ${rule.description.zh} |`,
    );
  }
  lines.push('', `${RULES.length} rules.`, '');
  return lines.join('\n');
}

const LEVELS = ['off', 'error', 'warning', 'information', 'hint'];
const ROOT = join(import.meta.dirname, '..');

/** The `kubeProxyTuner.rules` setting: every rule id with its levels; nothing else is allowed. */
export function rulesSetting(): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    properties: Object.fromEntries(
      RULES.map((rule) => [rule.id, { type: 'string', enum: LEVELS, markdownDescription: `%config.rules.${rule.id}%` }]),
    ),
    additionalProperties: false,
    markdownDescription: '%config.rules%',
    scope: 'resource',
  };
}

/** package.json with the generated setting, formatted as prettier formats it. */
export function renderManifest(text: string): string {
  const manifest = JSON.parse(text);
  manifest.contributes.configuration.properties['kubeProxyTuner.rules'] = rulesSetting();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** A package.nls file with one description per rule (its default severity and versions said). */
export function renderNls(text: string, language: 'en' | 'zh'): string {
  const nls = JSON.parse(text) as Record<string, string>;
  for (const key of Object.keys(nls)) if (key.startsWith('config.rules.')) delete nls[key];
  for (const rule of RULES) {
    const versions = `${rule.since ?? OLDEST_MINOR}–${rule.until ?? NEWEST_MINOR}`;
    nls[`config.rules.${rule.id}`] =
      language === 'en'
        ? `${rule.description.en} Default: \`${rule.severity}\`; Kubernetes ${versions}.`
        : `${rule.description.zh}默认：\`${rule.severity}\`；Kubernetes ${versions}。`;
  }
  return `${JSON.stringify(nls, null, 2)}\n`;
}

export const GENERATED = {
  'docs/rules.md': () => renderRulesDoc(),
  'package.json': () => renderManifest(readFileSync(join(ROOT, 'package.json'), 'utf8')),
  'package.nls.json': () => renderNls(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'), 'en'),
  'package.nls.zh-cn.json': () => renderNls(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'), 'zh'),
} as const;

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [file, render] of Object.entries(GENERATED)) {
    writeFileSync(join(ROOT, file), render());
    console.log(`wrote ${file}`);
  }
}
