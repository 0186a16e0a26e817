/** The workspace folders as paths: where a relative setting starts, and how a path is shown. */
import { dirname, isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export class WorkspaceFolders {
  /** Longest first, so that a nested folder wins. */
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = uris
      .filter((uri) => uri.startsWith('file:'))
      .map((uri) => fileURLToPath(uri))
      .sort((a, b) => b.length - a.length);
  }

  /** Where a relative path in the settings of `documentUri` starts from: its workspace folder, else its own folder. */
  base(documentUri: string): string | undefined {
    if (!documentUri.startsWith('file:')) return this.folders[this.folders.length - 1];
    const path = fileURLToPath(documentUri);
    return this.folders.find((folder) => path === folder || path.startsWith(`${folder}/`)) ?? dirname(path);
  }

  /** A path as the user sees it in the workspace: relative to the folder that holds it, else as it is. */
  shown(path: string): string {
    for (const folder of this.folders) {
      const inside = relative(folder, path);
      if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) return inside;
    }
    return path;
  }
}
