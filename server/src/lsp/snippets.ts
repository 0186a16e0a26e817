/**
 * The snippets of snippets/kubeadm.json (contributed to VS Code in package.json), as the language
 * server offers them to other clients. Descriptions are "English / 中文": VS Code snippet files have
 * one description and no %nls% placeholders, so both languages share it; the server shows the half
 * of the client's locale.
 */
import type { Locale } from '../core/types.ts';
import { minorNumber, type Minor } from '../knowledge/versions.ts';
import SNIPPETS from '../../../snippets/kubeadm.json' with { type: 'json' };

export interface SnippetDefinition {
  prefix: string;
  body: string[];
  description: string;
}

export const SNIPPET_DEFINITIONS: Record<string, SnippetDefinition> = SNIPPETS as Record<string, SnippetDefinition>;

/** Whether a snippet is a whole document (starts with apiVersion) or a part of a KubeProxyConfiguration. */
export function isDocumentSnippet(snippet: SnippetDefinition): boolean {
  return /^apiVersion\s*:/.test(snippet.body[0] ?? '');
}

/** Whether a snippet is an object that holds a KubeProxyConfiguration (a ConfigMap, a kind cluster), not one itself. */
export function isHostSnippet(snippet: SnippetDefinition): boolean {
  return snippet.body.some((line) => line === 'kind: ConfigMap' || line === 'kind: Cluster');
}

/** The half of an "English / 中文" description for a locale: split at the first " / " after which Chinese follows. */
export function localizedDescription(description: string, locale: Locale): string {
  const cjk = /[\u3400-\u9fff]/;
  for (let at = description.indexOf(' / '); at >= 0; at = description.indexOf(' / ', at + 1)) {
    const en = description.slice(0, at).trim();
    const zh = description.slice(at + 3).trim();
    if (!cjk.test(en) && cjk.test(zh)) return locale === 'zh-cn' ? zh : en;
  }
  return description;
}

/** The Kubernetes minors a snippet is for, from "Kubernetes 1.NN–1.MM" in its description. */
export function claimedRange(snippet: SnippetDefinition): { from: number; to: number } | undefined {
  const match = /Kubernetes 1\.(\d+)[–-]1\.(\d+)/.exec(snippet.description);
  return match ? { from: Number(match[1]), to: Number(match[2]) } : undefined;
}

export function snippetClaims(snippet: SnippetDefinition, minor: Minor): boolean {
  const range = claimedRange(snippet);
  const n = minorNumber(minor);
  return !range || (n >= range.from && n <= range.to);
}
