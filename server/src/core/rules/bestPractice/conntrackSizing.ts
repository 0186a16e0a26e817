/**
 * conntrack limits kube-proxy sets on the node: a table below upstream's defaults drops connections
 * under load, and from 1.36 kube-proxy caps maxPerCore × CPUs at 1,048,576 (kubernetes#137002), so
 * raising maxPerCore or min past it changes less than it seems.
 */
import { defaultOf } from '../../../knowledge/fields.ts';
import { minorNumber } from '../../../knowledge/versions.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale, recommendation } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';
import { count } from '../../metrics/format.ts';
import type { KubeProxyContext } from '../rule.ts';
import { framed, sizingNote } from './sizing.ts';

/** nf_conntrack_max as kube-proxy computes it (pkg/proxy/conntrack/sysctls.go): max(maxPerCore × CPUs, min), capped from 1.36. */
export function conntrackLimit(ctx: KubeProxyContext, maxPerCore: number, min: number, cores: number): number {
  const limit = Math.max(maxPerCore * cores, min);
  return minorNumber(ctx.minor) >= 36 ? Math.min(limit, CONNTRACK_MAX_CAP) : limit;
}

/** The cap kube-proxy 1.36+ puts on maxPerCore × CPUs (pkg/proxy/conntrack/sysctls.go). */
export const CONNTRACK_MAX_CAP = 1_048_576;

export const conntrackSizing: KubeProxyRule = {
  id: 'conntrack-sizing',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConntrackConfiguration`,
  description: { en: 'conntrack table sized for a large cluster.', zh: '适合大规模集群的 conntrack 表容量。' },
  check(ctx) {
    const { maxPerCore, min } = ctx.config.conntrack;
    if (minorNumber(ctx.minor) >= 36 && maxPerCore > 0) {
      const defaultPerCore = Number(defaultOf('conntrack.maxPerCore'));
      if (maxPerCore > defaultPerCore) {
        ctx.report({
          path: 'conntrack.maxPerCore',
          message: ctx.t('conntrack-sizing.capPerCore', {
            minor: ctx.minor,
            value: maxPerCore,
            cpus: Math.ceil(CONNTRACK_MAX_CAP / maxPerCore),
            defaultCpus: Math.ceil(CONNTRACK_MAX_CAP / defaultPerCore),
          }),
        });
      }
      if (min > CONNTRACK_MAX_CAP) {
        ctx.report({ path: 'conntrack.min', message: ctx.t('conntrack-sizing.capMin', { minor: ctx.minor, value: min }) });
      }
    }
    if (ctx.profile.scale !== 'large') return;
    for (const field of ['maxPerCore', 'min'] as const) {
      const path = `conntrack.${field}`;
      const recommended = recommendation(path)?.value;
      const value = ctx.config.conntrack[field];
      if (typeof recommended !== 'number' || value < 0 || value >= recommended) continue;
      const summary =
        field === 'maxPerCore' && value === 0
          ? ctx.t('conntrack-sizing.unchanged', { recommended })
          : ctx.t('conntrack-sizing', { path, value, recommended });
      const cores = ctx.profile.numbers?.coresPerNode;
      const computed =
        cores !== undefined && maxPerCore > 0
          ? ctx.t('conntrack-sizing.computed', { cores, limit: count(conntrackLimit(ctx, maxPerCore, min, cores)) })
          : '';
      ctx.report({
        path,
        message: framed(
          ctx,
          summary,
          rationale(path, ctx.locale),
          [computed, sizingNote(ctx, ['coresPerNode'], 'bp.what.conntrack')].filter(Boolean).join(' '),
        ),
        fixes: [unsafe({ kind: 'setValue', value: recommended })],
      });
    }
  },
};
