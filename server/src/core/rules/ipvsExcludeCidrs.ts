/** ipvs.excludeCIDRs: every entry must be a CIDR (checked in ipvs mode). */
import { isValidCIDR } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const ipvsExcludeCidrs: KubeProxyRule = {
  id: 'ipvs-exclude-cidrs',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPVSConfiguration`,
  description: { en: 'ipvs.excludeCIDRs entries must be CIDRs.', zh: 'ipvs.excludeCIDRs 的条目必须是 CIDR。' },
  check(ctx) {
    if (ctx.config.mode !== 'ipvs') return;
    ctx.config.ipvs.excludeCIDRs.forEach((cidr, i) => {
      if (isValidCIDR(cidr)) return;
      const path = `ipvs.excludeCIDRs[${i}]`;
      ctx.report({
        path,
        message: ctx.refuse(ctx.t('common.cidr', { path, value: cidr }), invalid(goPath(ctx.minor, path), cidr, 'must be a valid CIDR')),
      });
    });
  },
};
