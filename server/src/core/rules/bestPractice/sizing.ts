/**
 * What size-dependent advice says about the cluster it was judged for: the numbers the user gave
 * (settings `kubeProxyTuner.cluster`, CLI flags), or, with none and no scrape, what would change it.
 */
import type { MessageKey } from '../../../knowledge/messages.ts';
import { count } from '../../metrics/format.ts';
import type { ClusterNumbers } from '../../types.ts';
import type { KubeProxyContext } from '../rule.ts';

const ORDER: (keyof ClusterNumbers)[] = ['nodes', 'services', 'endpoints', 'coresPerNode', 'churnPerMinute'];

/** "(Judged for the cluster you describe: 3,000 Services, 45,000 endpoints.)", or what would change the advice. */
export function sizingNote(ctx: KubeProxyContext, uses: readonly (keyof ClusterNumbers)[], what: MessageKey): string {
  const numbers = ctx.profile.numbers;
  const given = ORDER.filter((key) => uses.includes(key) && numbers?.[key] !== undefined);
  if (numbers && given.length > 0) {
    const parts = given.map((key) => ctx.t(`bp.numbers.${key}`, { count: count(numbers[key]!) }));
    return ctx.t('bp.forCluster', { numbers: parts.join(ctx.locale === 'zh-cn' ? '、' : ', ') });
  }
  if (ctx.evidence && (ctx.evidence.kubeProxy.length > 0 || ctx.evidence.nodes.length > 0)) return '';
  return ctx.t('bp.wouldChange', { what: ctx.t(what) });
}

/** A best-practice message: what, why, and for which cluster (left out when there is nothing to say). */
export function framed(ctx: KubeProxyContext, summary: string, rationale: string, sizing: string): string {
  return sizing ? ctx.t('bp.frameSized', { summary, rationale, sizing }) : ctx.t('bp.frame', { summary, rationale });
}
