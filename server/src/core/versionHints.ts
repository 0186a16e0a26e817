/**
 * What else in a file names the Kubernetes version kube-proxy runs, for files that hold no
 * ClusterConfiguration of their own: the node image of a kind cluster (`kindest/node:v1.33.1`), the
 * kube-proxy image of a DaemonSet dumped beside the ConfigMap (`registry.k8s.io/kube-proxy:v1.30.2`),
 * or the ClusterConfiguration kubeadm keeps in the `kube-system/kubeadm-config` ConfigMap. A hint
 * counts only when its tag names a minor; `latest` or a digest alone names none.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { isKindCluster, readKindCluster } from './embedded/hosts.ts';
import type { RoutedDocument } from './route.ts';
import { findPathIn, pairOf } from './yamlPath.ts';
import { minorFromVersionText } from './version.ts';

export interface VersionHint {
  /** The version text as written (`v1.33.1`). */
  version: string;
  /** What names it, quoted to the user: `kindest/node:v1.33.1`, `kubeadm-config ClusterConfiguration`. */
  from: string;
}

/** The tag of an image reference (`registry:5000/kube-proxy:v1.30.2@sha256:…` → `v1.30.2`). */
export function imageTag(image: string): string | undefined {
  const name = image.split('@')[0];
  const colon = name.lastIndexOf(':');
  if (colon < 0 || name.indexOf('/', colon) >= 0) return undefined;
  return name.slice(colon + 1);
}

function hintFromImage(image: unknown): VersionHint | undefined {
  if (typeof image !== 'string') return undefined;
  const tag = imageTag(image);
  if (tag === undefined || minorFromVersionText(tag) === undefined) return undefined;
  return { version: tag, from: image.split('@')[0] };
}

function scalarAt(map: YAMLMap, key: string): unknown {
  const value = pairOf(map, key)?.value as Node | null | undefined;
  return isScalar(value) ? value.value : undefined;
}

/** The kube-proxy container image of a DaemonSet (or a List of objects) named kube-proxy. */
function daemonSetHint(object: YAMLMap): VersionHint | undefined {
  if (scalarAt(object, 'kind') !== 'DaemonSet') return undefined;
  const containers = findPathIn(object, 'spec.template.spec.containers')?.value ?? null;
  if (!isSeq(containers)) return undefined;
  for (const container of containers.items) {
    if (!isMap(container)) continue;
    const image = scalarAt(container, 'image');
    if (typeof image === 'string' && /(^|\/)kube-proxy(:|@|$)/.test(image)) return hintFromImage(image);
  }
  return undefined;
}

/** kubeadm's own copy of the ClusterConfiguration, in `data.ClusterConfiguration` of the kubeadm-config ConfigMap. */
function kubeadmConfigMapHint(object: YAMLMap): VersionHint | undefined {
  if (scalarAt(object, 'kind') !== 'ConfigMap') return undefined;
  const data = pairOf(object, 'data')?.value as Node | null | undefined;
  if (!isMap(data)) return undefined;
  const text = scalarAt(data, 'ClusterConfiguration');
  if (typeof text !== 'string' || !text.includes('kubernetesVersion')) return undefined;
  const contents = parseDocument(text, { version: '1.1' }).contents as Node | null;
  const version = isMap(contents) ? scalarAt(contents, 'kubernetesVersion') : undefined;
  if (typeof version !== 'string' || minorFromVersionText(version) === undefined) return undefined;
  return { version, from: 'kubeadm-config ConfigMap (ClusterConfiguration.kubernetesVersion)' };
}

function objectHints(object: YAMLMap): VersionHint | undefined {
  return daemonSetHint(object) ?? kubeadmConfigMapHint(object);
}

/** Every hint in the file, best first: a kind node image, then DaemonSet images and kubeadm-config. */
export function versionHints(documents: readonly RoutedDocument[]): VersionHint[] {
  const kind: VersionHint[] = [];
  const hints: VersionHint[] = [];
  for (const document of documents) {
    if (document.role !== 'other' || document.parsed.syntaxErrors.length > 0) continue;
    const root = document.parsed.doc.contents as Node | null;
    if (!isMap(root)) continue;
    if (isKindCluster(document)) {
      const hint = hintFromImage(readKindCluster(root).image);
      if (hint) kind.push(hint);
      continue;
    }
    if (document.kind === 'List') {
      const items = pairOf(root, 'items')?.value as Node | null | undefined;
      if (!isSeq(items)) continue;
      for (const item of items.items) {
        const hint = isMap(item) ? objectHints(item) : undefined;
        if (hint) hints.push(hint);
      }
      continue;
    }
    const hint = objectHints(root);
    if (hint) hints.push(hint);
  }
  return [...kind, ...hints];
}
