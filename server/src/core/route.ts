/** Sorts the documents of a file by apiVersion/kind: ours, kubeadm's, or someone else's. */
import type { Document } from 'yaml';
import { decodeDocument, type DecodedDocument } from './decode.ts';
import type { ParsedDocument } from './parse.ts';

export const KUBE_PROXY_GROUP = 'kubeproxy.config.k8s.io';
export const KUBE_PROXY_API_VERSION = 'kubeproxy.config.k8s.io/v1alpha1';
export const KUBEADM_GROUP = 'kubeadm.k8s.io';

export type DocumentRole = 'kube-proxy' | 'kubeadm' | 'other' | 'empty';

export interface RoutedDocument {
  parsed: ParsedDocument;
  role: DocumentRole;
  apiVersion?: unknown;
  kind?: unknown;
  /** Decoded lazily: only kube-proxy and kubeadm documents are decoded at all. */
  decoded?: DecodedDocument;
}

function topLevelScalar(doc: Document.Parsed, key: string): unknown {
  const contents = doc.contents as { items?: { key: { value?: unknown }; value: { value?: unknown } | null }[] } | null;
  if (!contents || !Array.isArray(contents.items)) return undefined;
  let found: unknown;
  for (const pair of contents.items) {
    if (pair.key && (pair.key as { value?: unknown }).value === key) found = pair.value ? (pair.value as { value?: unknown }).value : null;
  }
  return found;
}

export function groupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function routeDocument(parsed: ParsedDocument): RoutedDocument {
  return routeDocumentWith(parsed, decodeDocument);
}

/**
 * `routeDocument` with the decoder given: the analysis cache hands back an earlier decode of the
 * same syntax tree. (A separate function, not an optional parameter: callers pass routeDocument
 * to `Array.map`, which would hand it the index.)
 */
export function routeDocumentWith(parsed: ParsedDocument, decode: (doc: Document.Parsed) => DecodedDocument): RoutedDocument {
  const { doc } = parsed;
  if (doc.contents === null) return { parsed, role: 'empty' };
  const apiVersion = topLevelScalar(doc, 'apiVersion');
  const kind = topLevelScalar(doc, 'kind');
  const group = groupOf(apiVersion);
  let role: DocumentRole = 'other';
  if (group === KUBE_PROXY_GROUP || (group === undefined && kind === 'KubeProxyConfiguration')) role = 'kube-proxy';
  else if (group === KUBEADM_GROUP) role = 'kubeadm';
  const routed: RoutedDocument = { parsed, role, apiVersion, kind };
  if ((role === 'kube-proxy' || role === 'kubeadm') && parsed.syntaxErrors.length === 0) routed.decoded = decode(doc);
  return routed;
}
