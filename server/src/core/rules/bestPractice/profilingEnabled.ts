/** enableProfiling: pprof on the metrics port is a debugging aid, not a production setting. */
import { KUBE_PROXY_DOCS, type KubeProxyRule } from '../rule.ts';
import { rationale } from './knowledge.ts';
import { unsafe } from '../../fixIntent.ts';

export const profilingEnabled: KubeProxyRule = {
  id: 'profiling-enabled',
  scope: 'kubeproxy',
  category: 'best-practice',
  severity: 'warning',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'Profiling endpoints switched on.', zh: '开启了性能分析端点。' },
  check(ctx) {
    if (!ctx.config.enableProfiling) return;
    ctx.report({
      path: 'enableProfiling',
      message: ctx.t('bp.frame', { summary: ctx.t('profiling-enabled'), rationale: rationale('enableProfiling', ctx.locale) }),
      fixes: [unsafe({ kind: 'setValue', value: false })],
    });
  },
};
