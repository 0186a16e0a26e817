/**
 * The kubeProxyTuner settings the user actually set (user, workspace, folder, and their [yaml]
 * language-specific values), without VS Code's defaults: the server lays them over the project's
 * .kube-proxy-tuner.yaml, and a default there would always win over the file.
 */
import * as vscode from 'vscode';

const SCALARS = ['kubernetesVersion', 'clusterScale', 'monitoring', 'metrics'] as const;
/** Object settings merge across scopes as VS Code's own `get` merges them. */
const OBJECTS = ['rules', 'cluster'] as const;
/** Restricted in untrusted workspaces (package.json): only the user's own value counts there. */
const RESTRICTED = new Set<string>(['metrics']);

/** What `inspect` returns for a key (undefined for an unknown key). */
type Inspected<T> =
  | {
      globalValue?: T;
      globalLanguageValue?: T;
      workspaceValue?: T;
      workspaceLanguageValue?: T;
      workspaceFolderValue?: T;
      workspaceFolderLanguageValue?: T;
    }
  | undefined;

/** The values from the lowest to the highest precedence. */
function layers<T>(inspected: Inspected<T>, key: string): (T | undefined)[] {
  if (!inspected) return [];
  const user = [inspected.globalValue, inspected.globalLanguageValue];
  if (RESTRICTED.has(key) && !vscode.workspace.isTrusted) return user;
  return [
    ...user,
    inspected.workspaceValue,
    inspected.workspaceLanguageValue,
    inspected.workspaceFolderValue,
    inspected.workspaceFolderLanguageValue,
  ];
}

export function explicitSettings(scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('kubeProxyTuner', scope ? { uri: scope, languageId: 'yaml' } : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of SCALARS) {
    const set = layers(config.inspect(key), key).filter((value) => value !== undefined);
    if (set.length > 0) settings[key] = set[set.length - 1];
  }
  for (const key of OBJECTS) {
    const set = layers(config.inspect<Record<string, unknown>>(key), key).filter((value) => value !== undefined);
    if (set.length > 0) settings[key] = Object.assign({}, ...set);
  }
  return settings;
}
