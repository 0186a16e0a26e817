/** detectLocal.bridgeInterface / interfaceNamePrefix are required by their detectLocalMode. */
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const detectLocalInterface: KubeProxyRule = {
  id: 'detect-local-interface',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-DetectLocalConfiguration`,
  description: {
    en: 'The interface setting of the chosen detectLocalMode must be set.',
    zh: '所选 detectLocalMode 对应的接口设置必须填写。',
  },
  check(ctx) {
    const mode = ctx.config.detectLocalMode;
    const field = mode === 'BridgeInterface' ? 'bridgeInterface' : mode === 'InterfaceNamePrefix' ? 'interfaceNamePrefix' : undefined;
    if (!field || ctx.config.detectLocal[field] !== '') return;
    const path = `detectLocal.${field}`;
    ctx.report({
      path,
      message: ctx.refuse(ctx.t('detect-local-interface', { path, mode }), invalid(goPath(ctx.minor, path), '', 'must not be empty')),
    });
  },
};
