/** showHiddenMetricsForVersion: empty, or exactly the previous minor of the running binary. */
import { previousMinor } from '../../knowledge/versions.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

export const showHiddenMetrics: KubeProxyRule = {
  id: 'show-hidden-metrics',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: {
    en: 'showHiddenMetricsForVersion must be empty or the previous minor.',
    zh: 'showHiddenMetricsForVersion 必须为空或上一个次版本。',
  },
  check(ctx) {
    const value = ctx.config.showHiddenMetricsForVersion;
    const previous = previousMinor(ctx.minor);
    if (value === '' || value === previous) return;
    const detail = `--show-hidden-metrics-for-version must be omitted or have the value '${previous}'. Only the previous minor version is allowed`;
    ctx.report({
      path: 'showHiddenMetricsForVersion',
      message: ctx.refuse(
        ctx.t('show-hidden-metrics', { previous, minor: ctx.minor }),
        invalid(goPath(ctx.minor, 'showHiddenMetricsForVersion'), value, detail),
      ),
      fixes: [unsafe({ kind: 'setValue', value: previous })],
    });
  },
};
