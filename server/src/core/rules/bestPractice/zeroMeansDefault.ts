/**
 * A zero that reads like "off" but is replaced by a default before kube-proxy runs (a widely copied
 * guide's `configSyncPeriod: 0s`, meant as "no resync", is 15 minutes in fact).
 */
import { DEFAULTED_WHEN_ZERO } from '../../../knowledge/fields.ts';
import { valueAt } from '../../effective.ts';
import { parseGoDuration } from '../../goDuration.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { unsafe } from '../../fixIntent.ts';

export const zeroMeansDefault: KubeProxyRule = {
  id: 'zero-means-default',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'information',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'A zero that kube-proxy replaces with a default.', zh: '会被 kube-proxy 替换为默认值的 0。' },
  check(ctx) {
    // kubeadm writes every field, unset ones as zeros (`qps: 0`, `syncPeriod: 0s`): that is its way of saying "default".
    if (ctx.placement.kind === 'configmap' && ctx.placement.writtenByKubeadm) return;
    // The fields upstream defaults when 0 (knowledge/fields: `defaultWhen: zero`); strings are not zero.
    for (const { path, default: fallback } of DEFAULTED_WHEN_ZERO) {
      const value = valueAt(ctx.raw, path);
      const parsed = typeof value === 'string' ? parseGoDuration(value) : undefined;
      const zero = value === 0 || (parsed?.ok === true && parsed.nanos === 0n);
      if (!zero || fallback === undefined || fallback === null) continue;
      ctx.report({
        path,
        message: ctx.t('zero-means-default', { path, value: String(value), default: String(fallback) }),
        fixes: [unsafe({ kind: 'setValue', value: fallback })],
      });
    }
  },
};
