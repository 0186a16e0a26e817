/**
 * The `metrics` summary of a checked file: what each scrape showed (version, mode, cores, age, the
 * window figures come from) and what could not be judged, and why. Computed from the evidence alone,
 * so it reads the same whatever the configuration says.
 */
import { message, type MessageKey } from '../../knowledge/messages.ts';
import { TUNING } from '../../knowledge/tuning.ts';
import type { Locale, MetricsSummary } from '../types.ts';
import type { Evidence } from './evidence.ts';

export function summarizeEvidence(evidence: Evidence, locale: Locale): MetricsSummary {
  const t = (key: MessageKey, args: Record<string, string | number> = {}): string => message(locale, key, args);
  const summary: MetricsSummary = { kubeProxy: [], nodes: [], notJudged: [], refused: [] };
  for (const process of evidence.kubeProxy) {
    const { latest } = process;
    const entry: MetricsSummary['kubeProxy'][number] = { files: process.files };
    if (latest.gitVersion) entry.version = latest.gitVersion;
    if (latest.mode) entry.mode = latest.mode;
    if (latest.modeFrom) entry.modeFrom = latest.modeFrom;
    if (latest.cores) entry.cores = latest.cores;
    if (latest.takenAt !== undefined && latest.startTime !== undefined) entry.uptimeSeconds = Math.round(latest.takenAt - latest.startTime);
    if (process.window) entry.window = process.window;
    summary.kubeProxy.push(entry);
    const file = latest.name;
    if (!process.window) summary.notJudged.push({ rule: 'tuning-min-sync-period', reason: t('tuning.notJudged.noWindow', { file }) });
    const syncs = (process.partialSync ?? process.sync)?.count ?? 0;
    if (syncs < TUNING.minSyncs.value)
      summary.notJudged.push({
        rule: 'tuning-min-sync-period',
        reason: t('tuning.notJudged.fewSyncs', { file, count: syncs, needed: TUNING.minSyncs.value }),
      });
    if ((process.throttling?.count ?? 0) < TUNING.minRequests.value)
      summary.notJudged.push({
        rule: 'tuning-client-throttling',
        reason: t('tuning.notJudged.fewRequests', { file, count: process.throttling?.count ?? 0 }),
      });
    if (latest.minor !== undefined && latest.minor < 29)
      summary.notJudged.push({ rule: 'tuning-config-mismatch', reason: t('tuning.notJudged.mode128', { file }) });
    if (!process.networkProgramming)
      summary.notJudged.push({ rule: 'tuning-network-programming', reason: t('tuning.notJudged.noNetworkProgramming', { file }) });
  }
  for (const node of evidence.nodes) {
    const { latest } = node;
    const entry: MetricsSummary['nodes'][number] = { files: node.files };
    if (latest.nodename) entry.nodename = latest.nodename;
    if (latest.cores) entry.cores = latest.cores;
    if (node.entries !== undefined) entry.conntrackEntries = node.entries;
    if (node.limit !== undefined) entry.conntrackLimit = node.limit;
    if (node.window) entry.window = node.window;
    summary.nodes.push(entry);
    if (!node.window)
      summary.notJudged.push({
        rule: 'tuning-conntrack',
        reason: t('tuning.notJudged.onePerBoot', { node: latest.nodename ?? latest.name }),
      });
  }
  if (evidence.kubeProxy.length === 0)
    summary.notJudged.push({ rule: 'tuning-min-sync-period', reason: t('tuning.notJudged.noKubeProxy') });
  if (evidence.nodes.length === 0) summary.notJudged.push({ rule: 'tuning-conntrack', reason: t('tuning.notJudged.noNode') });
  for (const refused of evidence.refused)
    summary.refused.push({ file: refused.name, reason: t(`tuning.refused.${refused.reason}`, { detail: refused.detail }) });
  return summary;
}
