/**
 * nodePortAddresses: CIDRs; from 1.31 also the keyword `primary` as the only entry. 1.37 adds the
 * keywords `localhost` and `all`, combinable with each other and with CIDRs (#138427); its error
 * text for a bad entry is not verified, so 1.37 reuses the 1.36 detail for a non-CIDR entry.
 */
import { minorNumber } from '../../knowledge/versions.ts';
import { isValidCIDR } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

const KEYWORDS_137 = ['primary', 'localhost', 'all'];

export const nodePortAddresses: KubeProxyRule = {
  id: 'node-port-addresses',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: {
    en: 'nodePortAddresses entries must be CIDRs or supported keywords.',
    zh: 'nodePortAddresses 的条目必须是 CIDR 或支持的关键字。',
  },
  check(ctx) {
    const n = minorNumber(ctx.minor);
    const entries = ctx.raw.nodePortAddresses;
    if (!Array.isArray(entries)) return;
    const list = entries.map((entry) => (typeof entry === 'string' ? entry : ''));
    for (let i = 0; i < list.length; i++) {
      const value = list[i];
      const path = `nodePortAddresses[${i}]`;
      const go = goPath(ctx.minor, path);
      if (n >= 37) {
        if (KEYWORDS_137.includes(value) || isValidCIDR(value)) continue;
        ctx.report({
          path,
          message: ctx.refuse(
            ctx.t('node-port-addresses.entry', { path, value, keywords: KEYWORDS_137.join(', ') }),
            invalid(go, value, 'must be a valid CIDR'),
          ),
        });
        continue;
      }
      if (n >= 31 && value === 'primary') {
        if (i !== 0 || list.length !== 1) {
          ctx.report({
            path,
            message: ctx.refuse(ctx.t('node-port-addresses.primary'), invalid(go, value, "can't use both 'primary' and CIDRs")),
          });
        }
        // Upstream stops looking at the list once it meets `primary`.
        break;
      }
      if (isValidCIDR(value)) continue;
      const summary =
        value === 'primary'
          ? ctx.t('node-port-addresses.keywordLater', { value, since: '1.31', minor: ctx.minor })
          : value === 'localhost' || value === 'all'
            ? ctx.t('node-port-addresses.keywordLater', { value, since: '1.37', minor: ctx.minor })
            : ctx.t('common.cidr', { path, value });
      ctx.report({ path, message: ctx.refuse(summary, invalid(go, value, 'must be a valid CIDR')) });
    }
  },
};
