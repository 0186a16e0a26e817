/** Findings produced while reading and decoding, described here so settings and SARIF know them. */
import { KUBE_PROXY_DOCS, YAML_DOCS, type BuiltInRule } from './rule.ts';

export const yamlSyntax: BuiltInRule = {
  id: 'yaml-syntax',
  scope: 'builtin',
  category: 'syntax',
  severity: 'error',
  docs: YAML_DOCS,
  description: { en: 'The file is not valid YAML.', zh: '文件不是合法的 YAML。' },
};
export const unknownField: BuiltInRule = {
  id: 'unknown-field',
  scope: 'builtin',
  category: 'schema',
  severity: 'error',
  docs: KUBE_PROXY_DOCS,
  description: {
    en: 'A field the targeted kube-proxy does not have (strict decoding).',
    zh: '目标版本 kube-proxy 没有的字段（严格解码）。',
  },
};
export const duplicateField: BuiltInRule = {
  id: 'duplicate-field',
  scope: 'builtin',
  category: 'schema',
  severity: 'error',
  docs: KUBE_PROXY_DOCS,
  description: { en: 'A field set twice in one map (strict decoding).', zh: '同一映射中重复设置的字段（严格解码）。' },
};
export const invalidType: BuiltInRule = {
  id: 'invalid-type',
  scope: 'builtin',
  category: 'decode',
  severity: 'error',
  docs: KUBE_PROXY_DOCS,
  description: { en: 'A value of the wrong type; kube-proxy cannot decode the file.', zh: '类型错误的值；kube-proxy 无法解码该文件。' },
};
export const invalidDuration: BuiltInRule = {
  id: 'invalid-duration',
  scope: 'builtin',
  category: 'decode',
  severity: 'error',
  docs: 'https://pkg.go.dev/time#ParseDuration',
  description: { en: 'A duration Go cannot parse.', zh: 'Go 无法解析的时长。' },
};
export const unsupportedApiVersion: BuiltInRule = {
  id: 'unsupported-api-version',
  scope: 'builtin',
  category: 'decode',
  severity: 'error',
  docs: KUBE_PROXY_DOCS,
  description: {
    en: 'A kubeproxy.config.k8s.io document kube-proxy cannot read.',
    zh: 'kube-proxy 无法读取的 kubeproxy.config.k8s.io 文档。',
  },
};
export const kindPatchIgnored: BuiltInRule = {
  id: 'kind-patch-ignored',
  scope: 'builtin',
  category: 'kubeadm',
  severity: 'warning',
  docs: 'https://kind.sigs.k8s.io/docs/user/configuration/#kubeadm-config-patches',
  description: {
    en: 'A kind KubeProxyConfiguration patch that kind never applies (wrong apiVersion, worker node, kubeProxyMode none).',
    zh: 'kind 永远不会应用的 KubeProxyConfiguration 补丁（apiVersion 不符、位于工作节点、kubeProxyMode 为 none）。',
  },
};
export const configFile: BuiltInRule = {
  id: 'config-file',
  scope: 'builtin',
  category: 'schema',
  severity: 'error',
  // The project's own file: no upstream page to link (README "One config file" explains it).
  docs: '',
  description: {
    en: 'A .kube-proxy-tuner.yaml the CLI and the editor cannot use (unknown key, bad value, unknown rule id).',
    zh: 'CLI 与编辑器无法使用的 .kube-proxy-tuner.yaml（未知键、取值错误、未知规则 id）。',
  },
};
