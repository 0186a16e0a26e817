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

export class ProjectConfigs {
  private readonly byFile = new Map<string, LoadedConfig>();
  private readonly byDir = new Map<string, string | undefined>();
  private readonly locale: Locale;

  constructor(locale: Locale) {
    this.locale = locale;
  }

  /** The config file that applies to a checked file (standard input: the current folder). */
  find(checked: string): string | undefined {
    let dir = checked === '-' ? resolve('.') : dirname(resolve(checked));
    const visited: string[] = [];
    for (;;) {
      if (this.byDir.has(dir)) {
        const found = this.byDir.get(dir);
        for (const each of visited) this.byDir.set(each, found);
        return found;
      }
      visited.push(dir);
      const found = PROJECT_CONFIG_NAMES.map((name) => join(dir, name)).find((path) =>
        fs.statSync(path, { throwIfNoEntry: false })?.isFile(),
      );
      if (found) {
        for (const each of visited) this.byDir.set(each, found);
        return found;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        for (const each of visited) this.byDir.set(each, undefined);
        return undefined;
      }
      dir = parent;
    }
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
