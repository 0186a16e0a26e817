/**
 * What `check` is asked to check: files as given, directories walked for YAML files (`.git`,
 * `node_modules` and symbolic links to directories skipped), and globs the shell did not expand
 * (quoted: `'clusters/**\/*.yaml'`), matched here so that the same command works in every shell and CI.
 */
import * as fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isProjectConfigName } from '../core/projectConfig.ts';

const SKIPPED = new Set(['.git', 'node_modules']);
const YAML_FILE = /\.ya?ml$/i;
const GLOB = /[*?[{]/;

export interface Expanded {
  files: string[];
  /** Targets that named nothing to check (a directory without YAML, a glob that matched nothing). */
  empty: string[];
}

/** A glob as a regular expression over `/`-separated paths: `**` crosses folders, `*` and `?` do not. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((part) => part.replace(/[.+^$()|\\[\]]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Every YAML file under a folder, sorted. */
function walk(dir: string, into: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(join(dir, entry.name), into);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && YAML_FILE.test(entry.name) && !isProjectConfigName(entry.name)) {
      // The project's settings file is read as settings (its problems are reported then), not checked as a target.
      const path = join(dir, entry.name);
      // A link to a directory is not followed (no loops); a link to a file is checked.
      if (entry.isFile() || fs.statSync(path, { throwIfNoEntry: false })?.isFile()) into.push(path);
    }
  }
}

function isDirectory(path: string): boolean {
  return fs.statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

export function expandTargets(targets: readonly string[]): Expanded {
  const files: string[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };
  for (const target of targets) {
    if (target === '-' || (!GLOB.test(target) && !isDirectory(target))) {
      add(target);
      continue;
    }
    const found: string[] = [];
    if (!GLOB.test(target)) walk(target, found);
    else {
      // Walk from the part before the first wildcard, then keep the paths the pattern matches.
      const pattern = target.split(sep).join('/');
      const cut = pattern.slice(0, pattern.search(GLOB));
      const base = cut.includes('/') ? cut.slice(0, cut.lastIndexOf('/')) || '/' : '.';
      const matcher = globToRegExp(pattern.replace(/^\.\//, ''));
      const candidates: string[] = [];
      walk(base, candidates);
      for (const candidate of candidates) {
        const path = (base === '.' ? relative('.', candidate) : candidate).split(sep).join('/');
        if (matcher.test(path)) found.push(candidate);
      }
    }
    if (found.length === 0) empty.push(target);
    for (const file of found) add(file);
  }
  return { files, empty };
}
