/**
 * Reads a (multi-document) YAML file with the `yaml` package in YAML 1.1 mode, which resolves
 * scalars as go-yaml v2 does (yes/no/on/off are booleans, 0777 is octal), the library behind
 * sigs.k8s.io/yaml that kube-proxy and kubeadm decode with. Duplicate keys are kept so that the
 * decoder can report them as upstream's strict decoder does.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Span } from './types.ts';

export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  /** The document's content span (without the `---` marker line). */
  span: Span;
  syntaxErrors: { span: Span; message: string; code: string }[];
}

export interface ParsedFile {
  text: string;
  documents: ParsedDocument[];
}

export function parseFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    merge: true,
    prettyErrors: false,
    lineCounter,
    strict: true,
  });
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs.map((doc, index): ParsedDocument => {
    const [start, , end] = doc.range;
    return {
      index,
      doc,
      span: { start, end: Math.max(start, end) },
      syntaxErrors: doc.errors.map((error) => ({
        span: clampSpan({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }, text.length),
        message: error.message.split('\n')[0],
        code: error.code,
      })),
    };
  });
  return { text, documents };
}

export function clampSpan(span: Span, length: number): Span {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
