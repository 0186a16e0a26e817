/**
 * The scrape files named by `kubeProxyTuner.metrics`, read for the analysis of a document: paths
 * relative to the document's workspace folder (else to its own folder), read with the CLI's size cap,
 * kept until they change on disk (a watcher re-reads them and re-checks open documents). The core
 * stays free of I/O: it gets their text.
 *
 * In VS Code the setting is a restricted configuration (package.json): in an untrusted workspace its
 * workspace value is not given to the server, so a workspace cannot make it read files.
 */
import * as fs from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { WorkspaceFolders } from './workspaceFolders.ts';
import { MAX_INPUT_BYTES } from '../cli/files.ts';

export interface LoadedScrape {
  name: string;
  text: string;
}

export interface MetricsLoad {
  scrapes: LoadedScrape[];
  /** Files that could not be read, with the reason. */
  unreadable: { name: string; reason: string }[];
}

interface Entry {
  mtimeMs: number;
  size: number;
  text: string;
}

export class MetricsFiles {
  private readonly cache = new Map<string, Entry>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly onChange: () => void;
  private readonly folders: WorkspaceFolders;

  constructor(folders: WorkspaceFolders, onChange: () => void) {
    this.folders = folders;
    this.onChange = onChange;
  }

  /**
   * The scrapes named in a document's settings. Relative paths start from `base` (the folder of the
   * .kube-proxy-tuner.yaml that names them), else from the document's workspace folder.
   */
  load(documentUri: string, paths: readonly string[], base = this.folders.base(documentUri)): MetricsLoad {
    const load: MetricsLoad = { scrapes: [], unreadable: [] };
    for (const name of paths) {
      const path = isAbsolute(name) ? name : base ? resolve(base, name) : undefined;
      if (!path) {
        load.unreadable.push({ name, reason: 'no workspace folder to resolve the path against' });
        continue;
      }
      try {
        load.scrapes.push({ name, text: this.read(path) });
      } catch (error) {
        load.unreadable.push({ name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return load;
  }

  private read(path: string): string {
    const stat = fs.statSync(path);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > MAX_INPUT_BYTES) throw new Error(`larger than ${MAX_INPUT_BYTES} bytes`);
    const cached = this.cache.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.text;
    const text = fs.readFileSync(path, 'utf8');
    this.cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, text });
    this.watch(path);
    return text;
  }

  /** A saved scrape replaced on disk re-checks the open documents (no polling: the file system says so). */
  private watch(path: string): void {
    if (this.watchers.has(path)) return;
    try {
      const watcher = fs.watch(path, { persistent: false }, () => {
        this.cache.delete(path);
        this.onChange();
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(path);
      });
      this.watchers.set(path, watcher);
    } catch {
      // Not watchable (a network file system): it is still re-read when its size or time changes.
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
