/**
 * The kubeadm API version must be one the targeted kubeadm reads: v1beta3 up to 1.30 (v1beta4 is
 * experimental there), v1beta4 from 1.31 (v1beta3 deprecated until 1.36, removed in 1.37).
 */
import { minorNumber } from '../../knowledge/versions.ts';
import { KUBEADM_DOCS, type FileRule } from './rule.ts';

export const kubeadmApiVersion: FileRule = {
  id: 'kubeadm-api-version',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: KUBEADM_DOCS,
  description: { en: 'The kubeadm API version must match the targeted kubeadm.', zh: 'kubeadm API 版本必须与目标 kubeadm 匹配。' },
  check(ctx) {
    const n = minorNumber(ctx.minor);
    const current = n >= 31 ? 'kubeadm.k8s.io/v1beta4' : 'kubeadm.k8s.io/v1beta3';
    for (const document of ctx.documents) {
      if (document.role !== 'kubeadm' || typeof document.apiVersion !== 'string') continue;
      const apiVersion = document.apiVersion;
      if (apiVersion === current) continue;
      const kind = typeof document.kind === 'string' ? document.kind : '';
      const spec = `${JSON.stringify(apiVersion)} (kind: ${JSON.stringify(kind)})`;
      const report = (summary: string, upstream: string, severity?: 'warning'): void =>
        ctx.report(document.parsed.index, {
          path: 'apiVersion',
          severity,
          message: severity ? summary : ctx.t('frame.kubeadmRefuses', { summary, upstream }),
        });
      if (apiVersion === 'kubeadm.k8s.io/v1beta3' && n >= 37) {
        report(
          ctx.t('kubeadm-api-version.removed', { apiVersion, minor: ctx.minor }),
          `your configuration file uses an old API spec: ${spec}. Please use kubeadm v1.36 instead and run 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version.`,
        );
      } else if (apiVersion === 'kubeadm.k8s.io/v1beta3') {
        const upstream = `your configuration file uses a deprecated API spec: ${spec}. Please use 'kubeadm config migrate --old-config old-config-file --new-config new-config-file', which will write the new, similar spec using a newer API version.`;
        report(ctx.t('kubeadm-api-version.deprecated', { apiVersion, minor: ctx.minor, upstream }), upstream, 'warning');
      } else if (apiVersion === 'kubeadm.k8s.io/v1beta4' && n <= 30) {
        report(
          ctx.t('kubeadm-api-version.experimental', { apiVersion, minor: ctx.minor }),
          `experimental API spec: ${spec} is not allowed. You can use the --allow-experimental-api flag if the command supports it.`,
        );
      } else {
        report(ctx.t('kubeadm-api-version.unknown', { apiVersion, minor: ctx.minor, current }), `unsupported or unknown API spec: ${spec}`);
      }
    }
  },
};
