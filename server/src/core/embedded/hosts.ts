/**
 * Where a KubeProxyConfiguration lives inside another object, found by the router after it has
 * routed a file's own documents:
 * - a ConfigMap's `data` value (`kube-system/kube-proxy` holds it as `config.conf`, as kubeadm
 *   writes it; any key name is accepted), also as an item of a `kubectl get -o yaml` List;
 * - a kind Cluster's `kubeadmConfigPatches` entry, top level or under `nodes[]`, that patches
 *   KubeProxyConfiguration (kind applies it as an RFC 7386 merge patch to the document it generates).
 * Each is a text with a map back into the file (scalarText.ts); the core analyses the text as a
 * document of its own and maps everything back.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { joinPath } from '../fieldPath.ts';
import { findPath, keyName, pairOf } from '../yamlPath.ts';
import type { RoutedDocument } from '../route.ts';
import { scalarText, type ScalarText } from './scalarText.ts';

export const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4';
/** kind's older config API: a different group, accepted up to kind v0.8.1. */
export const KIND_OLD_API_VERSION = 'kind.sigs.k8s.io/v1alpha3';

/** The proxy modes kind's `networking.kubeProxyMode` accepts (pkg/internal/apis/config/validate.go). */
export const KIND_PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'none'] as const;

/** A kind Cluster as far as kube-proxy is concerned. */
export interface KindCluster {
  /** networking.kubeProxyMode as written (undefined when absent: kind defaults it to iptables). */
  proxyMode: unknown;
  /** The top-level featureGates, which kind copies into kube-proxy's configuration. */
  featureGates: Record<string, unknown> | undefined;
  /** Index in `nodes[]` of the node kind runs `kubeadm init` on: the first control-plane node. */
  bootstrapNode: number | undefined;
  /** The node image kube-proxy's version comes from (the bootstrap node's, else the first node's). */
  image: string | undefined;
}

export type Host =
  | {
      kind: 'configmap';
      /** kubeadm wrote it (its hash annotation, or the shape of its output): every field is present, zeros and nulls meaning "default". */
      writtenByKubeadm: boolean;
    }
  | {
      kind: 'kind-patch';
      cluster: KindCluster;
      /** Index in `nodes[]` for a node's patch, undefined at the top level. */
      node: number | undefined;
    };

export interface Embedding {
  /** Index of the YAML document of the file that holds the string. */
  document: number;
  /** Path of the string in that document: `data["config.conf"]`, `nodes[1].kubeadmConfigPatches[0]`. */
  hostPath: string;
  host: Host;
  scalar: ScalarText;
}

/** A cheap test before parsing a string: does it name our kind or group at all? */
const MENTIONS_KUBE_PROXY = /KubeProxyConfiguration|kubeproxy\.config\.k8s\.io/;

const KUBEADM_HASH_ANNOTATION = 'kubeadm.kubernetes.io/component-config.hash';
/** The data key kubeadm writes kube-proxy's configuration under (constants.KubeProxyConfigMapKey). */
const KUBEADM_CONFIG_KEY = 'config.conf';

/**
 * kubeadm writes config.conf by marshalling the whole v1alpha1 struct (keys sorted, every field
 * present, unset strings as ""): fields a person rarely writes by hand, or writes empty, tell that
 * shape apart, also when the hash annotation is missing (kubeadm leaves it out for a configuration
 * the user supplied, and kubeadm before 1.20 did not write it). Three of them make the verdict.
 */
const MARSHALLED_BY_KUBEADM = [
  /^bindAddressHardFail:/m,
  /^showHiddenMetricsForVersion:/m,
  /^winkernel:/m,
  /^ {2}acceptContentTypes: ""/m,
  /^hostnameOverride: ""/m,
  /^portRange: ""/m,
  /^resourceContainer:/m,
];
const MARSHALLED_MARKS_NEEDED = 3;

function scalarValue(node: Node | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** A map's scalar entries as a plain record (keys that are not scalars are not gate names; skipped). */
function scalarEntries(map: YAMLMap): Record<string, unknown> {
  const entries = Object.create(null) as Record<string, unknown>;
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key !== undefined) entries[key] = scalarValue(pair.value as Node | null);
  }
  return entries;
}

function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = map ? (pairOf(map, key)?.value as Node | null | undefined) : undefined;
  return isMap(value) ? value : undefined;
}

/** A cheap test on the whole text: could any document hold an embedded configuration? */
export function mayEmbed(text: string): boolean {
  return text.includes('ConfigMap') || text.includes('kind.');
}

/** The embeddings in one routed file, in document order. */
export function findEmbeddings(text: string, documents: readonly RoutedDocument[]): Embedding[] {
  return documents.flatMap((document) => embeddingsOf(text, document));
}

/** The embeddings of one document (none unless it is a ConfigMap, a List or a kind Cluster). */
export function embeddingsOf(text: string, document: RoutedDocument): Embedding[] {
  if (document.role !== 'other' || document.parsed.syntaxErrors.length > 0) return [];
  const root = document.parsed.doc.contents as Node | null;
  if (!isMap(root)) return [];
  const found: Embedding[] = [];
  const index = document.parsed.index;
  if (document.apiVersion === 'v1' && document.kind === 'ConfigMap') configMap(text, root, index, '', found);
  else if (document.apiVersion === 'v1' && document.kind === 'List') list(text, root, index, found);
  else if (isKindCluster(document)) kindCluster(text, root, index, found);
  return found;
}

/** An embedding of a document that moved within its file: its offsets by `delta`, its index to `document`. */
export function movedEmbedding(embedding: Embedding, delta: number, document: number): Embedding {
  if (delta === 0 && document === embedding.document) return embedding;
  const { scalar } = embedding;
  return {
    ...embedding,
    document,
    scalar: { ...scalar, outer: { start: scalar.outer.start + delta, end: scalar.outer.end + delta }, map: scalar.map.shifted(delta) },
  };
}

/** `kubectl get cm,ds -o yaml` prints a List whose items are whole objects. */
function list(text: string, root: YAMLMap, index: number, found: Embedding[]): void {
  const items = pairOf(root, 'items')?.value as Node | null | undefined;
  if (!isSeq(items)) return;
  items.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const apiVersion = scalarValue(pairOf(item, 'apiVersion')?.value as Node | null);
    const kind = scalarValue(pairOf(item, 'kind')?.value as Node | null);
    if (apiVersion === 'v1' && kind === 'ConfigMap') configMap(text, item, index, joinPath('items', i), found);
  });
}

function configMap(text: string, root: YAMLMap, index: number, prefix: string, found: Embedding[]): void {
  const data = mapAt(root, 'data');
  if (!data) return;
  const metadata = mapAt(root, 'metadata');
  const annotations = mapAt(metadata, 'annotations');
  const signed = annotations !== undefined && pairOf(annotations, KUBEADM_HASH_ANNOTATION) !== undefined;
  // kube-proxy's own ConfigMap: its config.conf is kube-proxy's configuration even while still empty (being written).
  const kubeProxysOwn = metadata !== undefined && scalarValue(pairOf(metadata, 'name')?.value as Node | null) === 'kube-proxy';
  for (const pair of data.items) {
    const key = keyName(pair);
    const value = pair.value as Node | null;
    if (key === undefined || !isScalar(value) || typeof value.value !== 'string') continue;
    if (!MENTIONS_KUBE_PROXY.test(value.value) && !(kubeProxysOwn && key === KUBEADM_CONFIG_KEY)) continue;
    const scalar = scalarText(text, value);
    if (!scalar) continue;
    const writtenByKubeadm = signed || MARSHALLED_BY_KUBEADM.filter((shape) => shape.test(scalar.text)).length >= MARSHALLED_MARKS_NEEDED;
    found.push({
      document: index,
      hostPath: joinPath(joinPath(prefix, 'data'), key),
      host: { kind: 'configmap', writtenByKubeadm },
      scalar,
    });
  }
}

export function isKindCluster(document: RoutedDocument): boolean {
  return (document.apiVersion === KIND_API_VERSION || document.apiVersion === KIND_OLD_API_VERSION) && document.kind === 'Cluster';
}

function nodeMapsOf(root: YAMLMap): (YAMLMap | undefined)[] {
  const nodes = pairOf(root, 'nodes')?.value as Node | null | undefined;
  return isSeq(nodes) ? nodes.items.map((node) => (isMap(node) ? node : undefined)) : [];
}

/** What a kind Cluster tells kube-proxy. kind names nodes in list order and runs `kubeadm init` on the first control-plane one. */
export function readKindCluster(root: YAMLMap): KindCluster {
  const nodeMaps = nodeMapsOf(root);
  const bootstrap = nodeMaps.findIndex(
    (node) => node !== undefined && scalarValue(pairOf(node, 'role')?.value as Node | null) === 'control-plane',
  );
  const imageOf = (node: YAMLMap | undefined): string | undefined => {
    const image = node ? scalarValue(pairOf(node, 'image')?.value as Node | null) : undefined;
    return typeof image === 'string' && image !== '' ? image : undefined;
  };
  const gates = mapAt(root, 'featureGates');
  const networking = mapAt(root, 'networking');
  return {
    proxyMode: networking ? scalarValue(pairOf(networking, 'kubeProxyMode')?.value as Node | null) : undefined,
    featureGates: gates ? scalarEntries(gates) : undefined,
    bootstrapNode: bootstrap >= 0 ? bootstrap : undefined,
    image: imageOf(nodeMaps[bootstrap >= 0 ? bootstrap : 0]) ?? nodeMaps.map(imageOf).find((image) => image !== undefined),
  };
}

function kindCluster(text: string, root: YAMLMap, index: number, found: Embedding[]): void {
  const cluster = readKindCluster(root);
  const nodeMaps = nodeMapsOf(root);
  patches(
    text,
    pairOf(root, 'kubeadmConfigPatches')?.value as Node | null,
    'kubeadmConfigPatches',
    { kind: 'kind-patch', cluster, node: undefined },
    index,
    found,
  );
  nodeMaps.forEach((node, i) => {
    if (!node) return;
    const path = joinPath(joinPath('nodes', i), 'kubeadmConfigPatches');
    patches(text, pairOf(node, 'kubeadmConfigPatches')?.value as Node | null, path, { kind: 'kind-patch', cluster, node: i }, index, found);
  });
}

function patches(text: string, list: Node | null | undefined, path: string, host: Host, index: number, found: Embedding[]): void {
  if (!isSeq(list)) return;
  list.items.forEach((item, i) => {
    if (!isScalar(item) || typeof item.value !== 'string' || !/KubeProxyConfiguration/.test(item.value)) return;
    const scalar = scalarText(text, item as Node);
    if (scalar) found.push({ document: index, hostPath: joinPath(path, i), host, scalar });
  });
}

/** The outer node an embedding's string is read from, found again in a (re-)parsed document. */
export function hostNode(doc: Parameters<typeof findPath>[0], hostPath: string): Node | null | undefined {
  return findPath(doc, hostPath)?.value;
}
