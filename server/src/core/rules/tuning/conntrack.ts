/**
 * conntrack use from node_exporter: a table over 75 % full (node-mixin's alert) or entries the kernel
 * failed to insert or dropped. kube-proxy sets nf_conntrack_max to max(maxPerCore × CPUs, min), capped
 * at 1,048,576 from 1.36 (kubernetes#137002): the suggestion sizes the table half full at the
 * measured use (derived), through maxPerCore when the CPU count is known, else through min.
 */
import { TUNING } from '../../../knowledge/tuning.ts';
import { minorNumber } from '../../../knowledge/versions.ts';
import { unsafe, type FixSuggestion } from '../../fixIntent.ts';
import { count, percent } from '../../metrics/format.ts';
import type { NodeEvidence } from '../../metrics/evidence.ts';
import type { EvidenceItem } from '../../types.ts';
import type { KubeProxyContext, KubeProxyRule } from '../rule.ts';
import { item, whereNode } from './common.ts';

interface Sizing {
  path: string;
  advice: string;
  suggested?: number;
  fixes?: FixSuggestion[];
}

/** How to make room for `needed` entries with this configuration on this node. */
function sizing(ctx: KubeProxyContext, needed: number, cores: number | undefined): Sizing {
  const target = Math.ceil(needed / 1024) * 1024;
  if (minorNumber(ctx.minor) >= 36 && target > TUNING.conntrackCap.value) {
    return {
      path: 'conntrack.maxPerCore',
      advice: ctx.t('tuning-conntrack.cap', { cap: count(TUNING.conntrackCap.value), target: count(target) }),
      suggested: 0,
      fixes: [unsafe({ kind: 'setValue', value: 0 })],
    };
  }
  if (cores && cores > 0) {
    const perCore = Math.ceil(target / cores / 1024) * 1024;
    return {
      path: 'conntrack.maxPerCore',
      advice: ctx.t('tuning-conntrack.perCore', { cores, suggested: count(perCore), target: count(perCore * cores) }),
      suggested: perCore,
      fixes: [unsafe({ kind: 'setValue', value: perCore })],
    };
  }
  return {
    path: 'conntrack.min',
    advice: ctx.t('tuning-conntrack.min', { suggested: count(target) }),
    suggested: target,
    fixes: [unsafe({ kind: 'setValue', value: target })],
  };
}

function coresOf(ctx: KubeProxyContext, node: NodeEvidence): number | undefined {
  if (node.latest.cores) return node.latest.cores;
  // One kube-proxy scrape and one node: taken together, they are of the same node.
  const processes = ctx.evidence?.kubeProxy ?? [];
  if (processes.length === 1 && ctx.evidence?.nodes.length === 1 && processes[0].latest.cores) return processes[0].latest.cores;
  return ctx.profile.numbers?.coresPerNode;
}

export const tuningConntrack: KubeProxyRule = {
  id: 'tuning-conntrack',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConntrackConfiguration',
  description: { en: 'conntrack table use measured by node_exporter.', zh: 'node_exporter 测得的 conntrack 表用量。' },
  check(ctx) {
    for (const node of ctx.evidence?.nodes ?? []) {
      const name = node.latest.nodename ?? node.latest.name;
      const needed = node.entries !== undefined ? node.entries / TUNING.conntrackTargetFill.value : undefined;
      const size = needed !== undefined ? sizing(ctx, needed, coresOf(ctx, node)) : undefined;
      const report = (message: string, evidence: EvidenceItem[]): void => {
        const target: Sizing = size ?? { path: 'conntrack.maxPerCore', advice: '' };
        ctx.report({
          path: target.path,
          at: ctx.has(target.path) ? 'value' : 'key',
          message,
          evidence,
          ...(target.suggested !== undefined ? { suggested: target.suggested } : {}),
          ...(target.fixes ? { fixes: target.fixes } : {}),
        });
      };
      const rising = node.pressure.filter((stat) => stat.increase > 0);
      if (rising.length > 0) {
        report(
          ctx.t('tuning-conntrack.pressure', {
            node: name,
            stats: rising.map((stat) => `${stat.metric.replace('node_nf_conntrack_stat_', '')} +${count(stat.increase)}`).join(', '),
            window: whereNode(ctx, node),
            advice: size?.advice ?? '',
          }),
          rising.map((stat) => item(stat.metric, 'increase', stat.increase, 'count', node.files, node.window)),
        );
        continue;
      }
      if (node.entries === undefined || !node.limit) continue;
      const fill = node.entries / node.limit;
      if (fill <= TUNING.conntrackFill.value) continue;
      report(
        ctx.t('tuning-conntrack.fill', {
          node: name,
          fill: percent(fill),
          entries: count(node.entries),
          limit: count(node.limit),
          file: node.latest.name,
          alert: percent(TUNING.conntrackFill.value),
          advice: size?.advice ?? '',
        }),
        [
          item('node_nf_conntrack_entries', 'value', node.entries, 'entries', [node.latest.name]),
          item('node_nf_conntrack_entries_limit', 'value', node.limit, 'entries', [node.latest.name]),
        ],
      );
    }
  },
};
