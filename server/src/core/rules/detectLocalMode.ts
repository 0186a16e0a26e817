/** detectLocalMode must be one of the four modes (case-sensitive) or empty. */
import { goPath, unsupported } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { safe } from '../fixIntent.ts';

export const DETECT_LOCAL_MODES = ['ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix'];

export const detectLocalMode: KubeProxyRule = {
  id: 'detect-local-mode',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-LocalMode`,
  description: { en: 'detectLocalMode must be a supported mode.', zh: 'detectLocalMode 必须是支持的模式。' },
  check(ctx) {
    const value = ctx.config.detectLocalMode;
    if (DETECT_LOCAL_MODES.includes(value)) return;
    const caseFix = DETECT_LOCAL_MODES.find((mode) => mode.toLowerCase() === value.toLowerCase());
    ctx.report({
      path: 'detectLocalMode',
      message: ctx.refuse(
        ctx.t('detect-local-mode', { value, accepted: DETECT_LOCAL_MODES.join(', ') }),
        unsupported(goPath(ctx.minor, 'detectLocalMode'), value, [...DETECT_LOCAL_MODES, '']),
      ),
      fixes: caseFix ? [safe({ kind: 'setValue', value: caseFix })] : undefined,
    });
  },
};
