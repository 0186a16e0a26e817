/**
 * Finding and reading `.kube-proxy-tuner.yaml` for the CLI: the nearest one from each checked file's
 * folder upwards (or the one --config names), read once per file.
 */
import * as fs from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_CONFIG_NAMES, readProjectConfig, type ReadConfig } from '../core/projectConfig.ts';
import type { Locale } from '../core/types.ts';
import { readInput } from './files.ts';

export interface LoadedConfig extends ReadConfig {
  path: string;
  text: string;
}

/**
 * The nearest config file from `start` up to the root, shared by the CLI and the language server.
 * `byDir` remembers the answer for every folder passed on the way (null: none), so files of one
 * project cost one walk.
 */
export function findProjectConfig(start: string, byDir: Map<string, string | null>): string | undefined {
  const visited: string[] = [];
  let dir = start;
  let found: string | null = null;
  for (;;) {
    const known = byDir.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(dir);
    const here = PROJECT_CONFIG_NAMES.map((name) => join(dir, name)).find((path) => fs.statSync(path, { throwIfNoEntry: false })?.isFile());
    if (here) {
      found = here;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const each of visited) byDir.set(each, found);
  return found ?? undefined;
}

export class ProjectConfigs {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byDir = new Map<string, string | null>();
  private readonly locale: Locale;

  constructor(locale: Locale) {
    this.locale = locale;
  }

  /** The config file that applies to a checked file (standard input: the current folder). */
  find(checked: string): string | undefined {
    return findProjectConfig(checked === '-' ? resolve('.') : dirname(resolve(checked)), this.byDir);
  }

  /** Reads a config file once (a FileProblem when it cannot be read). */
  load(path: string): LoadedConfig {
    const cached = this.byFile.get(path);
    if (cached) return cached;
    const text = readInput(path).bytes.toString('utf8');
    const loaded = { path, text, ...readProjectConfig(text, this.locale) };
    this.byFile.set(path, loaded);
    return loaded;
  }
}
