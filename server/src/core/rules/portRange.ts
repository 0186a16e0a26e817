/**
 * portRange: validated by 1.28–1.30 (utilnet.ParsePortRange); from 1.31 it is dropped from the
 * internal configuration and never checked (see unused-field).
 */
import { goAtoi } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

/** apimachinery's PortRange.Set: whether the text parses as a port range. */
export function isPortRange(input: string): boolean {
  const value = input.trim();
  if (value === '') return true;
  const hyphen = value.indexOf('-');
  const plus = value.indexOf('+');
  let low: number | undefined;
  let high: number | undefined;
  if (hyphen < 0 && plus < 0) {
    low = high = goAtoi(value);
  } else if (hyphen >= 0 && plus < 0) {
    low = goAtoi(value.slice(0, hyphen));
    high = goAtoi(value.slice(hyphen + 1));
  } else if (plus >= 0 && hyphen < 0) {
    low = goAtoi(value.slice(0, plus));
    const offset = goAtoi(value.slice(plus + 1));
    high = low === undefined || offset === undefined ? undefined : low + offset;
  } else {
    return false;
  }
  if (low === undefined || high === undefined) return false;
  return low <= 65535 && high <= 65535 && high >= low;
}

export const portRange: KubeProxyRule = {
  id: 'port-range',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  until: '1.30',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'portRange must be a port range (checked up to 1.30).', zh: 'portRange 必须是端口范围（1.30 及之前检查）。' },
  check(ctx) {
    const value = ctx.config.portRange;
    if (value === '' || isPortRange(value)) return;
    ctx.report({
      path: 'portRange',
      message: ctx.refuse(
        ctx.t('port-range', { value }),
        invalid(goPath(ctx.minor, 'portRange'), value, 'must be a valid port range (e.g. 300-2000)'),
      ),
      fixes: [unsafe({ kind: 'setValue', value: '' })],
    });
  },
};
