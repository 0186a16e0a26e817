/**
 * kubeadm's document split: each piece between `---` lines needs apiVersion and kind, separator
 * lines may only carry a comment, and a kind may appear once. kubeadm refuses the file otherwise.
 */
import { groupOf } from '../route.ts';
import { lastAtOrBefore } from '../text.ts';
import { KUBEADM_DOCS, type FileContext, type FileRule } from './rule.ts';
import { safe } from '../fixIntent.ts';

/**
 * The index of the last document starting at or before `offset` (0 if none). Documents come in file
 * order, so this is a binary search; a scan over all documents per chunk made the rule quadratic
 * (~4 ms per analysis of a 1,000-document file). Falls back to the scan if the order ever differs.
 */
function documentLocator(ctx: FileContext): (offset: number) => number {
  const documents = ctx.documents;
  const starts = documents.map((document) => document.parsed.span.start);
  const ordered = starts.every((start, i) => i === 0 || starts[i - 1] <= start);
  return (offset) => {
    if (!ordered) {
      let index = 0;
      for (const document of documents) {
        if (document.parsed.span.start <= offset) index = document.parsed.index;
      }
      return index;
    }
    return documents.length === 0 ? 0 : documents[lastAtOrBefore(starts, offset)].parsed.index;
  };
}

/** The document with that index: normally at that position in the list. */
function documentWithIndex(ctx: FileContext, index: number): FileContext['documents'][number] | undefined {
  const atPosition = ctx.documents[index];
  return atPosition?.parsed.index === index ? atPosition : ctx.documents.find((d) => d.parsed.index === index);
}

function gvkText(apiVersion: unknown, kind: unknown): string {
  const version = typeof apiVersion === 'string' ? apiVersion : '';
  const group = groupOf(version) ?? '';
  const versionPart = version.includes('/') ? version.slice(version.indexOf('/') + 1) : version;
  return `${group}/${versionPart}, Kind=${typeof kind === 'string' ? kind : ''}`;
}

export const kubeadmMissingGvk: FileRule = {
  id: 'kubeadm-missing-gvk',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: KUBEADM_DOCS,
  description: { en: 'Every kubeadm document needs apiVersion and kind.', zh: '每个 kubeadm 文档都需要 apiVersion 和 kind。' },
  check(ctx) {
    if (!ctx.isKubeadmFile) return;
    const documentAt = documentLocator(ctx);
    for (const chunk of ctx.chunks) {
      const index = documentAt(chunk.span.start);
      const document = documentWithIndex(ctx, index);
      if (chunk.blank) {
        const upstream = `invalid configuration for GroupVersionKind ${gvkText(undefined, undefined)}: kind and apiVersion is mandatory information that must be specified`;
        // Removing the `---` that follows makes the comments part of the next document.
        const separatorFollows = ctx.file.text.startsWith('---', chunk.span.end);
        ctx.report(index, {
          path: '',
          span: chunk.span,
          message: ctx.t('frame.kubeadmRefuses', { summary: ctx.t('kubeadm-missing-gvk.commentOnly'), upstream }),
          fixes: separatorFollows ? [safe({ kind: 'removeSeparatorLine', at: chunk.span.end })] : undefined,
        });
        continue;
      }
      if (!document || document.parsed.syntaxErrors.length > 0) continue;
      const hasVersion = typeof document.apiVersion === 'string' && document.apiVersion !== '';
      const hasKind = typeof document.kind === 'string' && document.kind !== '';
      if (hasVersion && hasKind && (groupOf(document.apiVersion) ?? '') !== '') continue;
      const missing = [!hasVersion || groupOf(document.apiVersion) === '' ? 'apiVersion (group/version)' : '', !hasKind ? 'kind' : '']
        .filter(Boolean)
        .join(', ');
      const upstream = `invalid configuration for GroupVersionKind ${gvkText(document.apiVersion, document.kind)}: kind and apiVersion is mandatory information that must be specified`;
      const rootSpan = document.decoded?.locations.get('')?.value ?? document.parsed.span;
      ctx.report(index, {
        path: '',
        span: { start: rootSpan.start, end: Math.min(rootSpan.end, lineEndOf(ctx.file.text, rootSpan.start)) },
        message: ctx.t('frame.kubeadmRefuses', { summary: ctx.t('kubeadm-missing-gvk', { missing }), upstream }),
      });
    }
  },
};

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

export const kubeadmDocumentSeparator: FileRule = {
  id: 'kubeadm-document-separator',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: KUBEADM_DOCS,
  description: { en: 'kubeadm document separators may carry only a comment.', zh: 'kubeadm 文档分隔行只能带注释。' },
  check(ctx) {
    if (!ctx.isKubeadmFile) return;
    const documentAt = documentLocator(ctx);
    for (const problem of ctx.separatorProblems) {
      ctx.report(documentAt(problem.span.start), {
        path: '',
        span: problem.span,
        message: ctx.t('frame.kubeadmRefuses', {
          summary: ctx.t('kubeadm-document-separator'),
          upstream: `invalid Yaml document separator: ${problem.rest}`,
        }),
      });
    }
  },
};

export const kubeadmDuplicateKind: FileRule = {
  id: 'kubeadm-duplicate-kind',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: KUBEADM_DOCS,
  description: { en: 'A kind may appear only once in a kubeadm file.', zh: 'kubeadm 文件中每种 kind 只能出现一次。' },
  check(ctx) {
    if (!ctx.isKubeadmFile) return;
    const seen = new Set<string>();
    for (const document of ctx.documents) {
      if (typeof document.kind !== 'string' || typeof document.apiVersion !== 'string' || document.kind === '') continue;
      if (!seen.has(document.kind)) {
        seen.add(document.kind);
        continue;
      }
      const upstream = `invalid configuration: kind ${JSON.stringify(document.kind)} is specified twice in YAML file`;
      ctx.report(document.parsed.index, {
        path: 'kind',
        message: ctx.t('frame.kubeadmRefuses', { summary: ctx.t('kubeadm-duplicate-kind', { kind: document.kind }), upstream }),
      });
    }
  },
};
