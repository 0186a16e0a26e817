/**
 * Which Kubernetes minor to check against: the setting (unless `auto`), else the
 * ClusterConfiguration.kubernetesVersion of the same file, else another hint in the file (a kind
 * node image, a kube-proxy image, kubeadm's stored ClusterConfiguration: versionHints.ts), else the
 * newest supported minor.
 * Labels such as `stable-1.33` name their minor; `stable` or `latest` need a network lookup that
 * kubeadm does and we do not, so they fall back to the newest minor.
 */
import { isSupportedMinor, minorNumber, NEWEST_MINOR, OLDEST_MINOR, SUPPORTED_MINORS, type Minor } from '../knowledge/versions.ts';
import type { MessageKey } from '../knowledge/messages.ts';
import type { RoutedDocument } from './route.ts';
import type { AnalyzeOptions, ResolvedVersion } from './types.ts';
import type { VersionHint } from './versionHints.ts';

/** The minor a kubernetesVersion value names, if it names one ("v1.33.2", "1.33", "stable-1.33"). */
export function minorFromVersionText(text: string): number | undefined {
  const semantic = /^v?1\.(\d+)(?:\.\d+)?(?:[-+.][\w.+-]*)?$/.exec(text.trim());
  if (semantic) return Number(semantic[1]);
  const label = /^(?:release\/|ci\/)?(?:stable|latest)-1\.(\d+)$/.exec(text.trim());
  if (label) return Number(label[1]);
  return undefined;
}

function clamp(minorNo: number, requested: string, source: ResolvedVersion['source'], from?: string): ResolvedVersion {
  const candidate = `1.${minorNo}`;
  const named = from === undefined ? {} : { from };
  if (isSupportedMinor(candidate)) return { minor: candidate, source, ...named };
  const minor: Minor = minorNo < minorNumber(OLDEST_MINOR) ? OLDEST_MINOR : NEWEST_MINOR;
  return { minor, source, requested, ...named };
}

export function clusterConfigurationVersion(documents: RoutedDocument[]): unknown {
  for (const document of documents) {
    if (document.role !== 'kubeadm' || document.kind !== 'ClusterConfiguration') continue;
    const value = document.decoded?.value as Record<string, unknown> | undefined;
    if (value && value.kubernetesVersion !== undefined) return value.kubernetesVersion;
  }
  return undefined;
}

export function resolveVersion(
  options: Pick<AnalyzeOptions, 'kubernetesVersion' | 'kubernetesVersionOrigin'>,
  documents: RoutedDocument[],
  hints: readonly VersionHint[] = [],
): ResolvedVersion {
  const setting = options.kubernetesVersion;
  if (setting && setting !== 'auto') {
    const minorNo = minorFromVersionText(setting);
    const origin = options.kubernetesVersionOrigin ?? { source: 'setting' };
    if (minorNo !== undefined) return clamp(minorNo, setting, origin.source, origin.from);
  }
  const fromFile = clusterConfigurationVersion(documents);
  if (fromFile !== undefined && fromFile !== null) {
    const text = String(fromFile);
    const minorNo = minorFromVersionText(text);
    if (minorNo !== undefined) return clamp(minorNo, text, 'file');
  }
  for (const hint of hints) {
    const minorNo = minorFromVersionText(hint.version);
    if (minorNo !== undefined) return clamp(minorNo, hint.version, 'file', hint.from);
  }
  return { minor: NEWEST_MINOR, source: 'default' };
}

export { SUPPORTED_MINORS };

/**
 * What to tell the user about a version outside the supported minors: newer ones are checked as the
 * newest minor (its sources are not tagged yet, so its own changes are not known), older ones as the oldest.
 */
export function versionNote(
  version: ResolvedVersion,
): { key: 'version.newer' | 'version.older'; args: Record<string, string> } | undefined {
  if (!version.requested) return undefined;
  const key = version.minor === NEWEST_MINOR && version.minor !== OLDEST_MINOR ? 'version.newer' : 'version.older';
  return { key, args: { requested: version.requested, minor: version.minor, oldest: OLDEST_MINOR, newest: NEWEST_MINOR } };
}

/**
 * With no version from the setting or the file, the one a kube-proxy scrape shows (its
 * kubernetes_build_info): the configuration is checked against the kube-proxy that runs.
 */
export function versionFromScrape(version: ResolvedVersion, scrapes: readonly { gitVersion?: string; name: string }[]): ResolvedVersion {
  if (version.source !== 'default') return version;
  for (const scrape of scrapes) {
    const minorNo = scrape.gitVersion ? minorFromVersionText(scrape.gitVersion) : undefined;
    if (minorNo !== undefined) return clamp(minorNo, scrape.gitVersion!, 'metrics', scrape.name);
  }
  return version;
}

/** Where the version came from, in the user's language: the setting, the file (and what in it), or the default. */
export function versionSourceText(
  version: ResolvedVersion,
  t: (key: MessageKey, args?: Record<string, string | number>) => string,
): string {
  if (version.source === 'file' && version.from !== undefined) return t('version.source.hint', { from: version.from });
  if (version.source === 'metrics') return t('version.source.metrics', { from: version.from ?? '' });
  if (version.source === 'config') return t('version.source.config', { from: version.from ?? '.kube-proxy-tuner.yaml' });
  if (version.source === 'setting' && version.from !== undefined) return t('version.source.flag', { from: version.from });
  return t(`version.source.${version.source}`);
}
