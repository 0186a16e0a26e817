/**
 * ClusterConfiguration.kubernetesVersion must be a semantic version (v1.33.2) or a label
 * (stable-1.33); kubeadm refuses "1.33" and "v1.33" (util/version.go, same regexes 1.28–1.36).
 */
import { minorNumber } from '../../knowledge/versions.ts';
import { KUBEADM_DOCS, type FileRule } from './rule.ts';
import { safe } from '../fixIntent.ts';

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)([-\w.+]*)?$/;
const LABEL = /^(?:release\/|ci\/)?((latest|stable)+(-[1-9](\.[1-9](\d)?)?)?)$/;

export function isKubeadmVersionText(value: string): boolean {
  return SEMVER.test(value) || LABEL.test(value);
}

export const kubeadmKubernetesVersion: FileRule = {
  id: 'kubeadm-kubernetes-version',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: `${KUBEADM_DOCS}#kubeadm-k8s-io-v1beta4-ClusterConfiguration`,
  description: {
    en: 'kubernetesVersion must be a version or a label kubeadm understands.',
    zh: 'kubernetesVersion 必须是 kubeadm 能识别的版本号或标签。',
  },
  check(ctx) {
    for (const document of ctx.documents) {
      if (document.role !== 'kubeadm' || document.kind !== 'ClusterConfiguration') continue;
      const value = (document.decoded?.value as Record<string, unknown> | undefined)?.kubernetesVersion;
      if (value === undefined || value === null || value === '') continue;
      const n = minorNumber(ctx.minor);
      const text = String(value);
      if (typeof value === 'string' && isKubeadmVersionText(value)) continue;
      const upstream =
        typeof value === 'string'
          ? `version ${JSON.stringify(value)} doesn't match patterns for neither semantic version nor labels (stable, latest, ...)`
          : `json: cannot unmarshal ${typeof value === 'number' ? 'number' : typeof value} into Go struct field ClusterConfiguration.kubernetesVersion of type string`;
      const fixed = /^v?1\.\d+$/.test(text) ? `v${text.replace(/^v/, '')}.0` : undefined;
      ctx.report(document.parsed.index, {
        path: 'kubernetesVersion',
        message: ctx.t('frame.kubeadmRefuses', { summary: ctx.t('kubeadm-kubernetes-version', { value: text, n }), upstream }),
        fixes: fixed ? [safe({ kind: 'setValue', value: fixed })] : undefined,
      });
    }
  },
};
