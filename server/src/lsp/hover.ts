/** textDocument/hover over the core's hover text, in the format the client prefers. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/hover.ts';
import type { AnalyzeOptions } from '../core/types.ts';

export function hover(document: TextDocument, params: HoverParams, options: AnalyzeOptions, markdown: boolean): Hover | null {
  const result = hoverAt(document.getText(), document.offsetAt(params.position), options);
  if (!result) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? result.markdown : result.plaintext },
    range: { start: document.positionAt(result.span.start), end: document.positionAt(result.span.end) },
  };
}
