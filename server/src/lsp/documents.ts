import type { TextDocument } from 'vscode-languageserver-textdocument';

/** YAML by language id, or by file name for clients that send another id (any URI scheme). */
export function isYamlDocument(document: TextDocument): boolean {
  if (document.languageId === 'yaml') return true;
  const path = document.uri.replace(/[?#].*$/, '').toLowerCase();
  return path.endsWith('.yaml') || path.endsWith('.yml');
}
