/** mode: ipvs on 1.35+: still accepted, but deprecated upstream in favour of nftables. */
import type { KubeProxyRule } from './rule.ts';
import { validModes } from './proxyMode.ts';
import { unsafe } from '../fixIntent.ts';

export const ipvsDeprecated: KubeProxyRule = {
  id: 'ipvs-deprecated',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'warning',
  since: '1.35',
  docs: 'https://github.com/kubernetes/enhancements/issues/5495',
  description: { en: 'The ipvs proxy mode is deprecated since Kubernetes 1.35.', zh: 'ipvs 代理模式自 Kubernetes 1.35 起已弃用。' },
  check(ctx) {
    if (ctx.config.mode !== 'ipvs' || !validModes(ctx.minor, ctx.config.featureGates).includes('ipvs')) return;
    const extra = ctx.minor === '1.37' ? ctx.t('ipvs-deprecated.extra137') : '';
    ctx.report({
      path: 'mode',
      message: ctx.t('ipvs-deprecated', { minor: ctx.minor, extra }),
      fixes: [unsafe({ kind: 'setValue', value: 'nftables' })],
    });
  },
};
