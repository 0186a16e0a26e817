/**
 * kubeadm does not use a YAML parser to find documents: it cuts the text at lines that start with
 * `---` (k8s.io/apimachinery YAMLReader) and reads apiVersion/kind of each piece. This module
 * reproduces that cut so that the kubeadm rules see the same pieces kubeadm sees, including the
 * pieces a YAML parser would call empty (a comment header before the first `---`).
 */
import type { Span } from './types.ts';

export interface KubeadmChunk {
  span: Span;
  /** True when the piece holds nothing but blank lines and comments. */
  blank: boolean;
}

export interface SeparatorProblem {
  span: Span;
  rest: string;
}

export function splitLikeKubeadm(text: string): { chunks: KubeadmChunk[]; separatorProblems: SeparatorProblem[] } {
  const chunks: KubeadmChunk[] = [];
  const separatorProblems: SeparatorProblem[] = [];
  let chunkStart = -1;
  let chunkEnd = 0;
  let blank = true;
  let offset = 0;
  const flush = (): void => {
    if (chunkStart >= 0) chunks.push({ span: { start: chunkStart, end: chunkEnd }, blank });
    chunkStart = -1;
    blank = true;
  };
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(offset, lineEnd);
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && !rest.startsWith('#'))
        separatorProblems.push({ span: { start: offset, end: offset + line.replace(/\r?\n$/, '').length }, rest });
      flush();
    } else {
      if (chunkStart < 0) chunkStart = offset;
      chunkEnd = lineEnd;
      const trimmed = line.trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) blank = false;
    }
    offset = lineEnd;
  }
  flush();
  return { chunks, separatorProblems };
}
