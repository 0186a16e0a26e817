/**
 * kind reads only `kind.x-k8s.io/v1alpha4` Cluster configs. The older `kind.sigs.k8s.io/v1alpha3`
 * was dropped in kind v0.9.0 (pkg/internal/apis/config/encoding/load.go): kind refuses the file
 * before it creates anything. Its patches are still checked, for whoever migrates it.
 */
import { KIND_API_VERSION, KIND_OLD_API_VERSION } from '../../embedded/hosts.ts';
import { unsafe } from '../../fixIntent.ts';
import type { FileRule } from '../rule.ts';
import { KIND_DOCS } from './kindDocs.ts';

export const kindApiVersion: FileRule = {
  id: 'kind-api-version',
  scope: 'file',
  category: 'kubeadm',
  severity: 'error',
  docs: `${KIND_DOCS}#getting-started`,
  description: {
    en: 'kind accepts only kind.x-k8s.io/v1alpha4 cluster configs (v1alpha3 was dropped in kind v0.9.0).',
    zh: 'kind 只接受 kind.x-k8s.io/v1alpha4 集群配置（v1alpha3 已在 kind v0.9.0 中移除）。',
  },
  check(ctx) {
    for (const document of ctx.documents) {
      if (document.kind !== 'Cluster' || document.apiVersion !== KIND_OLD_API_VERSION) continue;
      ctx.report(document.parsed.index, {
        path: 'apiVersion',
        message: ctx.t('frame.kindRefuses', {
          summary: ctx.t('kind-api-version', { apiVersion: KIND_OLD_API_VERSION, expected: KIND_API_VERSION }),
          upstream: `unknown apiVersion: ${KIND_OLD_API_VERSION}`,
        }),
        // v1alpha4 renamed and moved fields; the user has to look at the rest of the file.
        fixes: [unsafe({ kind: 'setValue', value: KIND_API_VERSION })],
      });
    }
  },
};
