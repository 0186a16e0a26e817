/**
 * kubeadm fills bindAddress, clusterCIDR (from networking.podSubnet) and
 * clientConnection.kubeconfig, and warns when the user's value differs from its own
 * (componentconfigs/kubeproxy.go Default(); the warning prints the recommended value first and the
 * user's second). kubeadm 1.37 no longer warns for the wildcards 0.0.0.0 and ::, compares any other
 * bindAddress with the wildcard of its own IP family, and says when it is not an IP at all
 * (kubernetes#139989).
 */
import { ipFamily } from '../goNet.ts';
import { valueAt } from '../effective.ts';
import { minorNumber } from '../../knowledge/versions.ts';
import { KUBEADM_DOCS, type FileContext, type FileRule } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

export const KUBEADM_KUBE_PROXY_KUBECONFIG = '/var/lib/kube-proxy/kubeconfig.conf';

function kubeadmValue(ctx: FileContext, kind: string, path: string): unknown {
  const document = ctx.documents.find((d) => d.role === 'kubeadm' && d.kind === kind);
  return document ? valueAt(document.decoded?.value, path) : undefined;
}

export const kubeadmOverride: FileRule = {
  id: 'kubeadm-override',
  scope: 'file',
  category: 'kubeadm',
  severity: 'warning',
  docs: `${KUBEADM_DOCS}#kubeadm-k8s-io-v1beta4-ClusterConfiguration`,
  description: { en: 'Values kubeadm sets itself and warns about when they differ.', zh: 'kubeadm 会自行设置、且取值不同时会告警的字段。' },
  check(ctx) {
    if (!ctx.isKubeadmFile) return;
    const advertise = kubeadmValue(ctx, 'InitConfiguration', 'localAPIEndpoint.advertiseAddress');
    const defaultBind = typeof advertise === 'string' && ipFamily(advertise) === 6 ? '::' : '0.0.0.0';
    const podSubnet = kubeadmValue(ctx, 'ClusterConfiguration', 'networking.podSubnet');
    for (const document of ctx.documents) {
      if (document.role !== 'kube-proxy' || !document.decoded) continue;
      const value = document.decoded.value;
      const checks: [string, string | undefined][] = [
        ['bindAddress', defaultBind],
        ['clusterCIDR', typeof podSubnet === 'string' && podSubnet !== '' ? podSubnet : undefined],
        ['clientConnection.kubeconfig', KUBEADM_KUBE_PROXY_KUBECONFIG],
      ];
      for (const [field, advertised] of checks) {
        const actual = valueAt(value, field);
        if (typeof actual !== 'string' || actual === '') continue;
        let recommended = advertised;
        if (field === 'bindAddress' && minorNumber(ctx.minor) >= 37) {
          if (actual === '0.0.0.0' || actual === '::') continue;
          const family = ipFamily(actual);
          if (family === undefined) {
            const upstream = `The bindAddress ${JSON.stringify(actual)} in "KubeProxyConfiguration" is not a valid IP address`;
            ctx.report(document.parsed.index, {
              path: field,
              message: ctx.t('kubeadm-override.notAnIp', { value: actual, minor: ctx.minor, upstream }),
            });
            continue;
          }
          recommended = family === 4 ? '0.0.0.0' : '::';
        }
        if (recommended === undefined || actual === recommended) continue;
        const upstream = `The recommended value for ${JSON.stringify(field)} in "KubeProxyConfiguration" is: ${recommended}; the provided value is: ${actual}`;
        ctx.report(document.parsed.index, {
          path: field,
          message: ctx.t('kubeadm-override', { field, recommended: String(recommended), upstream }),
          fixes: [unsafe({ kind: 'setValue', value: recommended })],
        });
      }
    }
  },
};
