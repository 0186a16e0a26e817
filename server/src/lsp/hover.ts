/** textDocument/hover over the core's hover text, in the format the client prefers. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/hover.ts';
import type { AnalyzeOptions, Finding } from '../core/types.ts';
import { message } from '../knowledge/messages.ts';

/**
 * `tuning`: the tuning findings of the document's latest analysis, when it is the current version:
 * those on the hovered field are added, with what was measured.
 */
export function hover(
  document: TextDocument,
  params: HoverParams,
  options: AnalyzeOptions,
  markdown: boolean,
  tuning?: { version: number; findings: Finding[] },
): Hover | null {
  const result = hoverAt(document.getText(), document.offsetAt(params.position), options);
  if (!result) return null;
  const measured =
    tuning && tuning.version === document.version
      ? tuning.findings.filter((finding) => finding.span.start <= result.span.end && result.span.start <= finding.span.end)
      : [];
  const heading = message(options.locale ?? 'en', 'hover.measured');
  const extra = measured
    .map((finding) =>
      markdown ? `**${heading}** (${finding.rule}): ${finding.message}` : `${heading} (${finding.rule}): ${finding.message}`,
    )
    .join('\n\n');
  const value = markdown ? result.markdown : result.plaintext;
  return {
    contents: {
      kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText,
      value: extra ? `${extra}\n\n${markdown ? '---\n\n' : ''}${value}` : value,
    },
    range: { start: document.positionAt(result.span.start), end: document.positionAt(result.span.end) },
  };
}
