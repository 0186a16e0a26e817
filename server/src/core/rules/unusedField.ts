/** portRange: accepted but unused from 1.31 on (dropped from the internal configuration). */
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

export const unusedField: KubeProxyRule = {
  id: 'unused-field',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'warning',
  since: '1.31',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'A field kube-proxy accepts but no longer uses.', zh: 'kube-proxy 接受但不再使用的字段。' },
  check(ctx) {
    const value = ctx.raw.portRange;
    if (typeof value !== 'string' || value.trim() === '') return;
    ctx.report({
      path: 'portRange',
      at: 'key',
      message: ctx.t('unused-field', { path: 'portRange', minor: ctx.minor }),
      fixes: [unsafe({ kind: 'removeKey' })],
    });
  },
};
