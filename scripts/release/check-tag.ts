/**
 * `npm run release:check-tag -- v0.1.0`: refuses a release whose tag does not name the version in
 * package.json (the .vsix, the npm package and the SARIF tool version all come from there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
const tag = process.argv[2];
if (!tag) {
  console.error('usage: npm run release:check-tag -- vX.Y.Z');
  process.exit(2);
}
if (tag !== `v${version}`) {
  console.error(`the tag ${tag} does not match package.json version ${version} (expected v${version})`);
  process.exit(1);
}
console.log(`tag ${tag} matches package.json ${version}`);
