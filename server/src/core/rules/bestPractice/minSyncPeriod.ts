/** A zero minimum sync period in the active mode: every change triggers a sync on a busy cluster. */
import { formatGoDuration, parseGoDuration } from '../../goDuration.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale, recommendation } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';
import { framed, sizingNote } from './sizing.ts';

export const minSyncPeriod: KubeProxyRule = {
  id: 'min-sync-period',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPVSConfiguration`,
  description: { en: 'A minimum sync period that batches churn in large clusters.', zh: '在大规模集群中合并变更的最小同步周期。' },
  check(ctx) {
    if (ctx.profile.scale !== 'large') return;
    const section = ctx.config.mode === 'ipvs' ? 'ipvs' : ctx.config.mode === 'nftables' ? 'nftables' : 'iptables';
    const path = `${section}.minSyncPeriod`;
    const recommended = recommendation(path)?.value;
    if (typeof recommended !== 'string') return;
    const parsed = parseGoDuration(recommended);
    if (!parsed.ok || parsed.nanos <= 0n) return;
    const value = ctx.config[section].minSyncPeriod;
    if (value !== 0n) return;
    ctx.report({
      path,
      at: ctx.has(path) ? 'value' : 'key',
      message: framed(
        ctx,
        ctx.t('min-sync-period', { path, value: formatGoDuration(value), recommended: String(recommended) }),
        rationale(path, ctx.locale),
        sizingNote(ctx, ['services', 'endpoints', 'churnPerMinute'], 'bp.what.syncs'),
      ),
      fixes: [unsafe({ kind: 'setValue', value: recommended })],
    });
  },
};
