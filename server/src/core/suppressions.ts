/**
 * Comments that silence rules by id, so a deliberate choice does not stay red:
 *   # kube-proxy-tuner-disable-next-line ipvs-deprecated, unknown-field -- reason
 *   # kube-proxy-tuner-disable ipvs-deprecated          (the whole YAML document)
 * Rule ids, not message text, so they keep working in every language.
 */
import type { ParsedDocument } from './parse.ts';
import type { LineIndex } from './text.ts';
import type { Finding } from './types.ts';

const DIRECTIVE = /(?:^|\s)#\s*kube-proxy-tuner-disable(-next-line)?\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

export function applySuppressions(text: string, findings: Finding[], documents: ParsedDocument[], lines: LineIndex): Finding[] {
  if (!text.includes('kube-proxy-tuner-disable')) return findings;
  const byLine = new Map<number, Set<string>>();
  const byDocument = new Map<number, Set<string>>();
  for (const match of text.matchAll(DIRECTIVE)) {
    const rules = match[2].split(',').map((rule) => rule.trim());
    const offset = match.index + match[0].indexOf('#');
    if (match[1]) {
      const line = lines.position(offset).line + 1;
      byLine.set(line, new Set([...(byLine.get(line) ?? []), ...rules]));
    } else {
      const document = documents.findLast((d) => d.span.start <= offset)?.index ?? 0;
      byDocument.set(document, new Set([...(byDocument.get(document) ?? []), ...rules]));
    }
  }
  return findings.filter(
    (finding) => !byLine.get(finding.range.start.line)?.has(finding.rule) && !byDocument.get(finding.document)?.has(finding.rule),
  );
}
