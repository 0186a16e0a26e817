/** oomScoreAdj must lie in [-1000, 1000]. */
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';
import { defaultOf } from '../../knowledge/fields.ts';

export const oomScoreAdj: KubeProxyRule = {
  id: 'oom-score-adj',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'oomScoreAdj must be between -1000 and 1000.', zh: 'oomScoreAdj 必须在 -1000 到 1000 之间。' },
  check(ctx) {
    const value = ctx.config.oomScoreAdj;
    if (value >= -1000 && value <= 1000) return;
    ctx.report({
      path: 'oomScoreAdj',
      message: ctx.refuse(
        ctx.t('common.range', { path: 'oomScoreAdj', value, min: -1000, max: 1000 }),
        invalid(goPath(ctx.minor, 'oomScoreAdj'), value, 'must be within the range [-1000, 1000]'),
      ),
      fixes: [unsafe({ kind: 'setValue', value: defaultOf('oomScoreAdj') })],
    });
  },
};
