/**
 * kind passes its top-level featureGates to every component, and writes them into the
 * KubeProxyConfiguration it generates (pkg/cluster/internal/kubeadm/config.go): a gate the node
 * image's kube-proxy does not know, or a locked gate set the other way, stops kube-proxy (and the
 * other components) from starting.
 */
import { isMap, type Node } from 'yaml';
import { isKindCluster, readKindCluster } from '../../embedded/hosts.ts';
import { joinPath } from '../../fieldPath.ts';
import { gateProblems } from '../featureGates.ts';
import type { FileRule } from '../rule.ts';
import { KIND_DOCS } from './kindDocs.ts';

export const kindFeatureGates: FileRule = {
  id: 'kind-feature-gates',
  scope: 'file',
  category: 'validation',
  severity: 'error',
  docs: `${KIND_DOCS}#feature-gates`,
  description: {
    en: "kind's featureGates reach kube-proxy: each must exist in the node image's version and not be locked.",
    zh: 'kind 的 featureGates 会传给 kube-proxy：每个门控都必须存在于节点镜像的版本中且未被锁定。',
  },
  check(ctx) {
    for (const document of ctx.documents) {
      const root = document.parsed.doc.contents as Node | null;
      if (!isKindCluster(document) || !isMap(root)) continue;
      const gates = readKindCluster(root).featureGates;
      if (!gates) continue;
      for (const problem of gateProblems(ctx.minor, gates, ctx.t)) {
        ctx.report(document.parsed.index, {
          path: joinPath('featureGates', problem.gate),
          at: problem.at,
          message: ctx.t('kind-feature-gates', { summary: problem.summary, minor: ctx.minor, upstream: problem.upstream }),
          fixes: problem.fixes,
        });
      }
    }
  },
};
