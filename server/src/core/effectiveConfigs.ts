/**
 * The configuration kube-proxy would run with, for each KubeProxyConfiguration in a file (its own
 * documents, then those inside ConfigMaps and kind patches, merged onto kind's generated document):
 * what the alert generator derives its thresholds from. Documents that do not decode give none.
 */
import { routeFile } from './analyze.ts';
import { buildEffective, type EffectiveConfig } from './effective.ts';
import { placementOf, routeEmbedded } from './embedded/analyzeEmbedded.ts';
import { findEmbeddings } from './embedded/hosts.ts';
import { mergePatch } from './placement.ts';
import type { RoutedDocument } from './route.ts';
import type { AnalyzeOptions, ResolvedVersion } from './types.ts';
import { resolveVersion } from './version.ts';
import { versionHints } from './versionHints.ts';

export interface EffectiveOf {
  config: EffectiveConfig;
  /** Where it is: the document index, and the string it is in for an embedded one. */
  document: number;
  embeddedIn?: string;
}

function valueOf(document: RoutedDocument): Record<string, unknown> | undefined {
  const decoded = document.decoded;
  if (document.role !== 'kube-proxy' || !decoded || decoded.problems.length > 0) return undefined;
  const value = decoded.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (structuredClone(value) as Record<string, unknown>)
    : undefined;
}

export function effectiveConfigs(text: string, options: AnalyzeOptions = {}): { version: ResolvedVersion; configs: EffectiveOf[] } {
  const routed = routeFile(text);
  const version = resolveVersion(options, routed.documents, versionHints(routed.documents));
  const configs: EffectiveOf[] = [];
  for (const document of routed.documents) {
    const value = valueOf(document);
    if (value) configs.push({ config: buildEffective(value, version.minor), document: document.parsed.index });
  }
  for (const embedding of findEmbeddings(text, routed.documents)) {
    const placement = placementOf(embedding);
    if (placement.kind === 'kind-patch' && placement.ignored) continue;
    for (const document of routeEmbedded(embedding.scalar.text).documents) {
      const value = valueOf(document);
      if (!value) continue;
      const merged = placement.kind === 'kind-patch' ? (mergePatch(placement.base, value) as Record<string, unknown>) : value;
      configs.push({ config: buildEffective(merged, version.minor), document: embedding.document, embeddedIn: embedding.hostPath });
    }
  }
  return { version, configs };
}
