/**
 * Analysis of a KubeProxyConfiguration inside another object: the embedded text goes through the
 * same core as a file of its own (analyzeRouted), and every finding comes back with its span moved
 * into the file through the scalar's offset map. Fixes stay written against the inner text; the
 * finding says where that text is (`embedded`), and core/embedded/edits.ts maps their edits back.
 */
import { analyzeRouted, routeFile, type AnalysisCache, type RoutedFile, type TuningInput } from '../analyze.ts';
import { decodeDocument } from '../decode.ts';
import { kindBase, type Placement } from '../placement.ts';
import { applySuppressions } from '../suppressions.ts';
import { LineIndex } from '../text.ts';
import type { AnalyzeOptions, Finding } from '../types.ts';
import type { Minor } from '../../knowledge/versions.ts';
import type { Embedding } from './hosts.ts';

/** How kube-proxy gets the text, from where it sits in the file. */
export function placementOf(embedding: Embedding): Placement {
  const host = embedding.host;
  if (host.kind === 'configmap') return { kind: 'configmap', writtenByKubeadm: host.writtenByKubeadm };
  const { cluster } = host;
  const ignored =
    cluster.proxyMode === 'none'
      ? 'proxyModeNone'
      : host.node !== undefined && host.node !== cluster.bootstrapNode
        ? 'notBootstrapNode'
        : undefined;
  return { kind: 'kind-patch', base: kindBase(cluster), proxyMode: cluster.proxyMode, ignored };
}

/**
 * The embedded text routed as a file. Inside a ConfigMap or a kind patch, a document whose kind is
 * KubeProxyConfiguration is kube-proxy's whatever its apiVersion says: kube-proxy (or kind) reads
 * it as such and decides, where a kubeadm file would route it by group to kubeadm.
 */
export function routeEmbedded(text: string): RoutedFile {
  const routed = routeFile(text);
  for (const document of routed.documents) {
    if (document.kind !== 'KubeProxyConfiguration' || document.role === 'kube-proxy') continue;
    document.role = 'kube-proxy';
    if (document.parsed.syntaxErrors.length === 0) document.decoded ??= decodeDocument(document.parsed.doc);
  }
  return routed;
}

/** The findings of an embedded text, in its own coordinates. */
export function analyzeEmbeddedText(
  text: string,
  placement: Placement,
  minor: Minor,
  options: AnalyzeOptions,
  tuning?: TuningInput,
): Finding[] {
  const routed = routeEmbedded(text);
  const lines = new LineIndex(text);
  const findings = analyzeRouted(text, lines, routed, minor, options, placement, undefined, [], tuning);
  return applySuppressions(text, findings, routed.file.documents, lines);
}

/** An embedding's findings, placed in the file that holds it. */
export function embeddedFindings(
  outerLines: LineIndex,
  embedding: Embedding,
  minor: Minor,
  options: AnalyzeOptions,
  cache: AnalysisCache | undefined,
  tuning?: TuningInput,
): Finding[] {
  const placement = placementOf(embedding);
  const { text, map, exact } = embedding.scalar;
  const inner = cache
    ? cache.embeddedFindings(text, placement, minor, options, tuning)
    : analyzeEmbeddedText(text, placement, minor, options, tuning);
  return inner.map((finding) => {
    const span = map.toOuter(finding.span);
    const placed: Finding = {
      ...finding,
      document: embedding.document,
      span,
      range: outerLines.range(span),
      embedded: { in: embedding.hostPath, document: finding.document },
    };
    // A coarse map cannot place an edit: no fix is offered rather than a wrong one.
    if (!exact) delete placed.fixes;
    return placed;
  });
}
