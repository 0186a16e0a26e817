/** iptables.masqueradeBit (always) and nftables.masqueradeBit (nftables mode) must be in [0, 31]. */
import { minorNumber } from '../../knowledge/versions.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';
import { defaultOf } from '../../knowledge/fields.ts';

export const masqueradeBit: KubeProxyRule = {
  id: 'masquerade-bit',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyIPTablesConfiguration`,
  description: { en: 'The masquerade fwmark bit must be between 0 and 31.', zh: '伪装用的 fwmark 位必须在 0 到 31 之间。' },
  check(ctx) {
    const sections: ('iptables' | 'nftables')[] = ['iptables'];
    if (minorNumber(ctx.minor) >= 29 && ctx.config.mode === 'nftables') sections.push('nftables');
    for (const section of sections) {
      const value = ctx.config[section].masqueradeBit;
      if (value >= 0 && value <= 31) continue;
      const path = `${section}.masqueradeBit`;
      ctx.report({
        path,
        message: ctx.refuse(
          ctx.t('common.range', { path, value, min: 0, max: 31 }),
          invalid(goPath(ctx.minor, path), value, 'must be within the range [0, 31]'),
        ),
        fixes: [unsafe({ kind: 'setValue', value: defaultOf(path) })],
      });
    }
  },
};
