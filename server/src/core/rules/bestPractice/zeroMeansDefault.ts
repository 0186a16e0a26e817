/**
 * A zero that reads like "off" but is replaced by a default before kube-proxy runs (the seed's
 * own `configSyncPeriod: 0s`, meant as "no resync", is 15 minutes in fact).
 */
import { fieldFact } from '../../../knowledge/fields.ts';
import { valueAt } from '../../effective.ts';
import { parseGoDuration } from '../../goDuration.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { unsafe } from '../../fixIntent.ts';

const DEFAULTED_WHEN_ZERO = [
  'configSyncPeriod',
  'iptables.syncPeriod',
  'iptables.minSyncPeriod',
  'ipvs.syncPeriod',
  'nftables.syncPeriod',
  'nftables.minSyncPeriod',
  'clientConnection.qps',
  'clientConnection.burst',
  'logging.flushFrequency',
];

export const zeroMeansDefault: KubeProxyRule = {
  id: 'zero-means-default',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'A zero that kube-proxy replaces with a default.', zh: '会被 kube-proxy 替换为默认值的 0。' },
  check(ctx) {
    for (const path of DEFAULTED_WHEN_ZERO) {
      const value = valueAt(ctx.raw, path);
      const parsed = typeof value === 'string' ? parseGoDuration(value) : undefined;
      const zero = value === 0 || (parsed?.ok === true && parsed.nanos === 0n);
      const fallback = fieldFact(path)?.default;
      if (!zero || fallback === undefined || fallback === null) continue;
      ctx.report({
        path,
        message: ctx.t('zero-means-default', { path, value: String(value), default: String(fallback) }),
        fixes: [unsafe({ kind: 'setValue', value: fallback })],
      });
    }
  },
};
