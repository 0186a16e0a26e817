/**
 * Writes schemas/kubeproxy-config-<minor>.json for every supported minor from the field facts.
 * `npm run generate:schemas` after changing server/src/knowledge/fields.ts; a unit test fails
 * while the checked-in files differ from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from '../server/src/core/schema.ts';
import { SUPPORTED_MINORS } from '../server/src/knowledge/versions.ts';

export const schemaFileName = (minor: string): string => `kubeproxy-config-${minor}.json`;
export const renderSchema = (minor: (typeof SUPPORTED_MINORS)[number]): string => `${JSON.stringify(buildSchema(minor), null, 2)}\n`;

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = join(import.meta.dirname, '../schemas');
  for (const minor of SUPPORTED_MINORS) writeFileSync(join(dir, schemaFileName(minor)), renderSchema(minor));
  console.log(`wrote ${SUPPORTED_MINORS.length} schemas to ${dir}`);
}
