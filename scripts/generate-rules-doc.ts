/**
 * Writes docs/rules.md from the rule registry, so the documentation cannot drift from the code.
 * `npm run generate:docs`; a unit test fails while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
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

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  writeFileSync(join(import.meta.dirname, '../docs/rules.md'), renderRulesDoc());
  console.log('wrote docs/rules.md');
}
