/**
 * clusterCIDR: one CIDR or a dual-stack pair. Up to 1.30 it is checked whenever set; from 1.31
 * only when detectLocalMode is ClusterCIDR, entry by entry (the internal ClusterCIDRs list).
 */
import { minorNumber } from '../../knowledge/versions.ts';
import { cidrFamily } from '../goNet.ts';
import { goPath, invalid } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

const EXAMPLE_ONE = 'must be a valid CIDR block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)';

function isDualStack(cidrs: string[]): boolean {
  const families = cidrs.map(cidrFamily);
  return !families.includes(undefined) && families.includes(4) && families.includes(6);
}

export const clusterCidr: KubeProxyRule = {
  id: 'cluster-cidr',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#kubeproxy-config-k8s-io-v1alpha1-KubeProxyConfiguration`,
  description: { en: 'clusterCIDR must be one CIDR or an IPv4/IPv6 pair.', zh: 'clusterCIDR 必须是一个 CIDR 或一对 IPv4/IPv6 CIDR。' },
  check(ctx) {
    const value = ctx.config.clusterCIDR;
    if (value === '') return;
    const cidrs = value.split(',');
    const summary = ctx.t('cluster-cidr', { value });
    const path = goPath(ctx.minor, 'clusterCIDR');
    const report = (upstream: string): void => ctx.report({ path: 'clusterCIDR', message: ctx.refuse(summary, upstream) });
    if (minorNumber(ctx.minor) < 31) {
      if (cidrs.length > 2)
        report(invalid(path, value, 'only one CIDR allowed or a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)'));
      else if (cidrs.length === 2 && !isDualStack(cidrs))
        report(invalid(path, value, 'must be a valid DualStack CIDR (e.g. 10.100.0.0/16,fde4:8dba:82e1::/48)'));
      else if (cidrs.length === 1 && cidrFamily(value) === undefined) report(invalid(path, value, EXAMPLE_ONE));
      return;
    }
    if (ctx.config.detectLocalMode !== 'ClusterCIDR') return;
    const bad = cidrs.map((cidr, i) => ({ cidr, i })).filter(({ cidr }) => cidrFamily(cidr) === undefined);
    if (bad.length > 0) {
      report(bad.map(({ cidr, i }) => invalid(`${path}[${i}]`, cidr, EXAMPLE_ONE)).join(', '));
      return;
    }
    if (cidrs.length > 2 || (cidrs.length === 2 && !isDualStack(cidrs))) {
      report(
        `${path}: Invalid value: []string{${cidrs.map((c) => JSON.stringify(c)).join(', ')}}: must be a either a single CIDR or dual-stack pair of CIDRs (e.g. [10.100.0.0/16, fde4:8dba:82e1::/48]`,
      );
    }
  },
};
