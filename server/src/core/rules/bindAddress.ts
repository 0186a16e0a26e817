/** bindAddress must be an IP address. */
import { isValidIP } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

export const bindAddress: KubeProxyRule = {
  id: 'bind-address',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'bindAddress must be an IP address.', zh: 'bindAddress 必须是 IP 地址。' },
  check(ctx) {
    const value = ctx.config.bindAddress;
    if (isValidIP(value)) return;
    ctx.report({
      path: 'bindAddress',
      message: ctx.refuse(
        ctx.t('bind-address', { value }),
        invalid(goPath(ctx.minor, 'bindAddress'), value, 'not a valid textual representation of an IP address'),
      ),
      fixes: [unsafe({ kind: 'setValue', value: '0.0.0.0' })],
    });
  },
};
