/**
 * Sync periods: syncPeriod > 0, minSyncPeriod >= 0, minSyncPeriod <= syncPeriod.
 * Up to 1.30 iptables.* is checked in every mode, ipvs.* in ipvs mode and nftables.* in nftables
 * mode; from 1.31 only the active mode's section is checked (it becomes the internal SyncPeriod).
 */
import { minorNumber } from '../../knowledge/versions.ts';
import { formatGoDuration } from '../goDuration.ts';
import { activeSyncGoPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyContext, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';
import { defaultOf } from '../../knowledge/fields.ts';

type Section = 'iptables' | 'ipvs' | 'nftables';

function sectionsToCheck(ctx: KubeProxyContext): Section[] {
  const mode = ctx.config.mode;
  if (minorNumber(ctx.minor) >= 31) return [mode === 'ipvs' ? 'ipvs' : mode === 'nftables' ? 'nftables' : 'iptables'];
  const sections: Section[] = ['iptables'];
  if (mode === 'ipvs') sections.push('ipvs');
  if (mode === 'nftables' && minorNumber(ctx.minor) >= 29) sections.push('nftables');
  return sections;
}

export const syncPeriod: KubeProxyRule = {
  id: 'sync-period',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPVSConfiguration`,
  description: {
    en: 'Rule sync periods must be positive and not shorter than the minimum sync period.',
    zh: '规则同步周期必须为正，且不短于最小同步周期。',
  },
  check(ctx) {
    for (const section of sectionsToCheck(ctx)) {
      const { syncPeriod: sync, minSyncPeriod: min } = ctx.config[section];
      const syncPath = `${section}.syncPeriod`;
      const minPath = `${section}.minSyncPeriod`;
      const syncGo = activeSyncGoPath(ctx.minor, section, 'syncPeriod');
      const minGo = activeSyncGoPath(ctx.minor, section, 'minSyncPeriod');
      if (sync <= 0n) {
        ctx.report({
          path: syncPath,
          message: ctx.refuse(
            ctx.t('common.positive', { path: syncPath, value: formatGoDuration(sync) }),
            invalid(syncGo, sync, 'must be greater than 0'),
          ),
          fixes: [unsafe({ kind: 'setValue', value: defaultOf(syncPath) })],
        });
      }
      if (min < 0n) {
        ctx.report({
          path: minPath,
          message: ctx.refuse(
            ctx.t('common.nonNegative', { path: minPath, value: formatGoDuration(min) }),
            invalid(minGo, min, 'must be greater than or equal to 0'),
          ),
          fixes: [unsafe({ kind: 'setValue', value: defaultOf(minPath) })],
        });
      }
      if (min > sync) {
        ctx.report({
          path: syncPath,
          message: ctx.refuse(
            ctx.t('sync-period.order', { path: syncPath, sync: formatGoDuration(sync), minPath, min: formatGoDuration(min) }),
            invalid(syncGo, min, `must be greater than or equal to ${minGo}`),
          ),
        });
      }
    }
  },
};
