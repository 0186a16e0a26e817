/**
 * `.kube-proxy-tuner.yaml` for the language server: the nearest one from a document's folder upwards,
 * found by the CLI's own search (cli/projectFiles.ts), read from disk so that the editor and CI see the same
 * file. Which folder holds one is remembered until a config file is created, deleted or saved (the
 * server is told through watched-file events or the save of an open config file); the file itself is
 * re-read when its size or time changes.
 */
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_INPUT_BYTES } from '../cli/files.ts';
import { findProjectConfig } from '../cli/projectFiles.ts';
import { readProjectConfig, type ProjectSettings } from '../core/projectConfig.ts';
import type { Finding, Locale } from '../core/types.ts';

export interface ProjectConfig {
  /** The config file's path on disk. */
  path: string;
  settings: ProjectSettings;
  /** Its problems (they are shown on the config file itself, not on the documents it applies to). */
  findings: Finding[];
}

interface Entry extends ProjectConfig {
  mtimeMs: number;
  size: number;
}

export class ProjectConfigFiles {
  /** Folder → the config file that applies there (null: none up to the root). */
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, Entry>();

  /** The config file that applies to a document; none for documents that are not files (untitled, virtual). */
  forDocument(uri: string, locale: Locale): ProjectConfig | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const found = findProjectConfig(dirname(path), this.byDir);
    return found ? this.read(found, locale) : undefined;
  }

  /** A config file was created, deleted or changed: look again. */
  invalidate(): void {
    this.byDir.clear();
    this.byFile.clear();
  }

  private read(path: string, locale: Locale): ProjectConfig | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch {
      // Deleted since it was found.
      this.invalidate();
      return undefined;
    }
    const cached = this.byFile.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    if (!stat.isFile() || stat.size > MAX_INPUT_BYTES) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const entry: Entry = { path, mtimeMs: stat.mtimeMs, size: stat.size, ...readProjectConfig(text, locale) };
    this.byFile.set(path, entry);
    return entry;
  }
}
