/**
 * Every user-facing sentence of the analysis, in English and Simplified Chinese, keyed by id.
 * Placeholders are `{name}`. Upstream's own error texts are passed in as `{upstream}` and are
 * never translated: they are what kube-proxy and kubeadm print.
 */
import type { Locale } from '../core/types.ts';
import { TUNING_MESSAGES } from './tuningMessages.ts';

type Entry = readonly [en: string, zh: string];

const CORE_MESSAGES = {
  // Frames: what upstream does with the problem.
  'frame.refuse': ['{summary} kube-proxy {minor} refuses to start: {upstream}', '{summary}kube-proxy {minor} 将拒绝启动：{upstream}'],
  'frame.kubeadmRefuses': ['{summary} kubeadm refuses the file: {upstream}', '{summary}kubeadm 会拒绝该文件：{upstream}'],
  'frame.kindRefuses': [
    '{summary} `kind create cluster` refuses the file: {upstream}',
    '{summary}`kind create cluster` 会拒绝该文件：{upstream}',
  ],

  'yaml-syntax': [
    'YAML syntax error: {detail}. Neither kube-proxy nor kubeadm can read this file.',
    'YAML 语法错误：{detail}。kube-proxy 与 kubeadm 都无法读取此文件。',
  ],
  'value.shortened': ['…({count} characters)…', '…（省略 {count} 个字符）…'],
  'yaml-syntax.tooDeep': [
    'This document nests too deeply to be read (the parser ran out of stack); it is not analysed further. No kube-proxy or kubeadm field nests more than a few levels.',
    '此文档嵌套过深，无法读取（解析器栈空间耗尽），不再继续分析。kube-proxy 与 kubeadm 的字段最多只有几层嵌套。',
  ],
  'yaml-syntax.aliasLimit': [
    'This document expands aliases more than go-yaml allows ("document contains excessive aliasing"): kube-proxy and kubeadm refuse it. It is not analysed further.',
    '此文档展开别名的次数超过 go-yaml 的上限（"document contains excessive aliasing"）：kube-proxy 与 kubeadm 都会拒绝它。不再继续分析。',
  ],
  'yaml-syntax.mergeNotMap': [
    'A merge key (<<) needs a map or a list of maps as its value; upstream refuses this document.',
    '合并键（<<）的值必须是映射或映射列表；上游会拒绝此文档。',
  ],
  'yaml-syntax.complexKey': [
    'Only scalar keys can be decoded; upstream refuses this document.',
    '只有标量键可以被解码；上游会拒绝此文档。',
  ],

  'unknown-field': [
    'Unknown field "{path}" in KubeProxyConfiguration for Kubernetes {minor}{hint}. kube-proxy ignores it (it logs "Using lenient decoding as strict decoding failed" at start-up and goes on without the field), and `kubeadm config validate` rejects the file: {upstream}',
    'Kubernetes {minor} 的 KubeProxyConfiguration 没有字段 "{path}"{hint}。kube-proxy 会忽略它（启动时记录 "Using lenient decoding as strict decoding failed" 后不带该字段继续运行），`kubeadm config validate` 会拒绝该文件：{upstream}',
  ],
  'unknown-field.lenient': [
    'Unknown field "{path}" in KubeProxyConfiguration for Kubernetes {minor}{hint}. kube-proxy ignores it: it logs "Using lenient decoding as strict decoding failed" at start-up and runs without the field: {upstream}',
    'Kubernetes {minor} 的 KubeProxyConfiguration 没有字段 "{path}"{hint}。kube-proxy 会忽略它：启动时记录 "Using lenient decoding as strict decoding failed"，然后不带该字段运行：{upstream}',
  ],
  'unknown-field.hintCase': [
    ' (did you mean "{suggestion}"? field names are case-sensitive)',
    '（是否想写 "{suggestion}"？字段名区分大小写）',
  ],
  'unknown-field.hintSimilar': [' (did you mean "{suggestion}"?)', '（是否想写 "{suggestion}"？）'],
  'unknown-field.hintCaseTaken': [
    ' ("{suggestion}" is set too, and kube-proxy uses that one: remove one of the two)',
    '（"{suggestion}" 也已设置，kube-proxy 使用的是它：请删掉两者之一）',
  ],
  'unknown-field.hintDotted': [
    ' (a single key whose name contains dots; write it nested, as "{suggestion}")',
    '（这是一个名称中带点号的键；请写成嵌套形式 "{suggestion}"）',
  ],
  'unknown-field.hintMove': [' (it belongs under "{suggestion}")', '（它应位于 "{suggestion}" 之下）'],
  'unknown-field.hintMoveTaken': [
    ' (it belongs under "{suggestion}", which is set too, and kube-proxy uses that one: remove one of the two)',
    '（它应位于 "{suggestion}" 之下，而该字段也已设置，kube-proxy 使用的是它：请删掉两者之一）',
  ],
  'unknown-field.hintSince': [' (it exists from Kubernetes {since})', '（该字段自 Kubernetes {since} 起才有）'],
  'unknown-field.hintNotV1alpha1': [
    ' ("{path}" is a field of kube-proxy\'s internal configuration, not of v1alpha1)',
    '（"{path}" 是 kube-proxy 内部配置的字段，不属于 v1alpha1）',
  ],

  'duplicate-field': [
    'Field "{path}" is set twice; kube-proxy keeps the last value and `kubeadm config validate` rejects the file: {upstream}',
    '字段 "{path}" 被设置了两次；kube-proxy 采用最后一个值，`kubeadm config validate` 会拒绝该文件：{upstream}',
  ],
  'duplicate-field.lenient': [
    'Field "{path}" is set twice; kube-proxy logs "Using lenient decoding as strict decoding failed" and keeps the last value: {upstream}',
    '字段 "{path}" 被设置了两次；kube-proxy 会记录 "Using lenient decoding as strict decoding failed" 并采用最后一个值：{upstream}',
  ],

  'invalid-type': ['"{path}" must be {expected}, not {actual}{hint}.', '"{path}" 应为{expected}，而不是{actual}{hint}。'],
  'invalid-type.hintYaml11': [' (YAML 1.1 reads {source} as a boolean: quote it)', '（YAML 1.1 会把 {source} 读作布尔值：请加引号）'],
  'invalid-type.hintQuote': [' (quote it: "{source}")', '（请加引号："{source}"）'],
  'invalid-type.hintUnquote': [' (remove the quotes)', '（请去掉引号）'],
  'invalid-type.hintLeadingZero': [
    ' (without the quotes, YAML 1.1 would not read {source} as {decimal}: a leading 0 makes it octal, or a string; write the number you mean, such as {decimal})',
    '（去掉引号后，YAML 1.1 不会把 {source} 读作 {decimal}：前导 0 会使它成为八进制数或字符串；请写出你想要的数字，例如 {decimal}）',
  ],
  'invalid-type.overflow': ['"{path}" = {value} does not fit in {goType}.', '"{path}" = {value} 超出了 {goType} 的范围。'],
  'invalid-type.quantity': ['"{path}" must be a quantity such as 0, 64Ki or 1Mi.', '"{path}" 应为数量值，例如 0、64Ki 或 1Mi。'],
  'type.string': ['a string', '字符串'],
  'type.boolean': ['true or false', 'true 或 false'],
  'type.integer': ['an integer', '整数'],
  'type.number': ['a number', '数字'],
  'type.duration': ['a duration string such as 30s', '时长字符串（如 30s）'],
  'type.durationOrInteger': ['a duration string such as 5s or integer nanoseconds', '时长字符串（如 5s）或整数纳秒'],
  'type.list': ['a list', '列表'],
  'type.map': ['a map', '映射'],
  'type.null': ['empty', '空值'],

  'invalid-duration': [
    '"{path}" = {value} is not a Go duration{hint}; write it like 30s, 1m30s or 2h.',
    '"{path}" = {value} 不是合法的 Go 时长{hint}；请写成 30s、1m30s 或 2h 这样的形式。',
  ],
  'invalid-duration.hintBare': [' (a bare number needs a unit)', '（纯数字缺少单位）'],
  'invalid-duration.hintDays': [' (Go durations have no "d" unit: use hours, e.g. 24h)', '（Go 时长没有 "d" 单位：请用小时，如 24h）'],
  'invalid-duration.hintEmpty': [
    ' (an empty value is not a duration here: remove the key or give a value)',
    '（此处空值不是合法时长：请删除该键或填写值）',
  ],

  'unsupported-api-version': [
    'kube-proxy {minor} reads KubeProxyConfiguration only as kubeproxy.config.k8s.io/v1alpha1.',
    'kube-proxy {minor} 只接受 kubeproxy.config.k8s.io/v1alpha1 版本的 KubeProxyConfiguration。',
  ],
  'unsupported-api-version.kind': [
    'kube-proxy has no kind "{kind}" in kubeproxy.config.k8s.io; the kind is KubeProxyConfiguration.',
    'kubeproxy.config.k8s.io 中没有 "{kind}" 这一 kind；应为 KubeProxyConfiguration。',
  ],

  'feature-gates.unknown': [
    '"{gate}" is not a feature gate of Kubernetes {minor}{hint}.',
    '"{gate}" 不是 Kubernetes {minor} 的特性门控{hint}。',
  ],
  'feature-gates.hintKnownIn': [' (it exists in {versions})', '（它存在于 {versions}）'],
  'feature-gates.hintCase': [' (did you mean {suggestion}?)', '（是否想写 {suggestion}？）'],
  'feature-gates.hintCaseTaken': [' ({suggestion} is set too: remove this one)', '（{suggestion} 也已设置：请删掉这一项）'],
  'feature-gates.locked': [
    'Feature gate {gate} is locked to {locked} in Kubernetes {minor}; it can no longer be set to {value}.',
    '特性门控 {gate} 在 Kubernetes {minor} 中已锁定为 {locked}，不能再设为 {value}。',
  ],

  'proxy-mode': [
    'mode "{value}" is not valid on Kubernetes {minor}; accepted: {accepted}{hint}.',
    '模式 "{value}" 在 Kubernetes {minor} 上无效；可用值：{accepted}{hint}。',
  ],
  'proxy-mode.hintUserspace': [' (the userspace mode was removed in Kubernetes 1.26)', '（userspace 模式已在 Kubernetes 1.26 中移除）'],
  'proxy-mode.hintCase': [' (values are case-sensitive: "{suggestion}")', '（取值区分大小写："{suggestion}"）'],
  'proxy-mode.hintNftablesGate': [
    ' (nftables is alpha in {minor}: it needs featureGates: {NFTablesProxyMode: true})',
    '（nftables 在 {minor} 中为 alpha：需要 featureGates: {NFTablesProxyMode: true}）',
  ],
  'proxy-mode.hintNftablesOff': [
    ' (nftables is switched off by featureGates NFTablesProxyMode: false)',
    '（featureGates 中 NFTablesProxyMode: false 关闭了 nftables）',
  ],
  'proxy-mode.hintNftablesLater': [
    ' (nftables exists from Kubernetes 1.29 and is GA since 1.33)',
    '（nftables 自 Kubernetes 1.29 起提供，1.33 起 GA）',
  ],
  'proxy-mode.hintIpvsOff': [
    ' (ipvs is switched off by featureGates KubeProxyIPVS: false)',
    '（featureGates 中 KubeProxyIPVS: false 关闭了 ipvs）',
  ],
  'proxy-mode.hintWindows': [
    ' (kernelspace is the Windows-only mode: a Linux kube-proxy rejects it. This checker judges Linux nodes; if the file is for Windows nodes, silence this finding)',
    '（kernelspace 是仅用于 Windows 的模式：Linux 上的 kube-proxy 会拒绝它。本检查器按 Linux 节点判断；若该文件用于 Windows 节点，请忽略此项）',
  ],

  'common.range': ['"{path}" = {value} must be between {min} and {max}.', '"{path}" = {value} 必须在 {min} 到 {max} 之间。'],
  'common.positive': ['"{path}" = {value} must be greater than 0.', '"{path}" = {value} 必须大于 0。'],
  'common.nonNegative': ['"{path}" = {value} must not be negative.', '"{path}" = {value} 不能为负数。'],
  'common.cidr': [
    '"{path}" = "{value}" is not a valid CIDR (for example 10.96.0.0/12 or fd00::/108).',
    '"{path}" = "{value}" 不是合法的 CIDR（例如 10.96.0.0/12 或 fd00::/108）。',
  ],
  'sync-period.order': [
    '"{path}" ({sync}) must not be shorter than "{minPath}" ({min}).',
    '"{path}"（{sync}）不能短于 "{minPath}"（{min}）。',
  ],

  'node-port-addresses.primary': [
    '"primary" must be the only entry of nodePortAddresses.',
    '"primary" 必须是 nodePortAddresses 中唯一的条目。',
  ],
  'node-port-addresses.keywordLater': [
    '"{value}" is a nodePortAddresses keyword only from Kubernetes {since}; on {minor} each entry must be a CIDR.',
    '"{value}" 自 Kubernetes {since} 起才是 nodePortAddresses 关键字；在 {minor} 上每个条目都必须是 CIDR。',
  ],
  'node-port-addresses.entry': [
    '"{path}" = "{value}" must be a CIDR or one of the keywords {keywords}.',
    '"{path}" = "{value}" 必须是 CIDR 或关键字 {keywords} 之一。',
  ],

  'bind-address': ['bindAddress "{value}" is not an IP address.', 'bindAddress "{value}" 不是 IP 地址。'],
  'host-port-address': [
    '"{path}" = "{value}" must be IP:port, with a valid IP and a port from 1 to 65535.',
    '"{path}" = "{value}" 必须是 IP:端口 形式，IP 合法且端口在 1 到 65535 之间。',
  ],
  'cluster-cidr': [
    'clusterCIDR "{value}" must be one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma without spaces.',
    'clusterCIDR "{value}" 必须是一个 CIDR，或以逗号（无空格）分隔的一个 IPv4 与一个 IPv6 CIDR。',
  ],
  'port-range': [
    'portRange "{value}" is not a port range such as 30000-32767 or 30000+2767.',
    'portRange "{value}" 不是合法的端口范围，例如 30000-32767 或 30000+2767。',
  ],
  'show-hidden-metrics': [
    'showHiddenMetricsForVersion must be empty or "{previous}" on Kubernetes {minor}.',
    '在 Kubernetes {minor} 上 showHiddenMetricsForVersion 必须为空或 "{previous}"。',
  ],
  'detect-local-mode': [
    'detectLocalMode "{value}" is not supported; accepted: {accepted}.',
    '不支持 detectLocalMode "{value}"；可用值：{accepted}。',
  ],
  'detect-local-interface': ['"{path}" must be set when detectLocalMode is {mode}.', 'detectLocalMode 为 {mode} 时必须设置 "{path}"。'],

  'logging.format': [
    'logging.format "{value}" is not supported; use text or json.',
    '不支持 logging.format "{value}"；请使用 text 或 json。',
  ],
  'logging.formatDisabled': [
    'logging.format json needs the LoggingBetaOptions feature gate, which is switched off.',
    'logging.format 为 json 时需要 LoggingBetaOptions 特性门控，但它已被关闭。',
  ],
  'logging.verbosity': ['"{path}" = {value} must be at most 2147483647.', '"{path}" = {value} 不能超过 2147483647。'],
  'logging.vmoduleFormat': ['logging.vmodule works only with the text log format.', 'logging.vmodule 只适用于 text 日志格式。'],
  'logging.vmodulePattern': ['Every logging.vmodule entry needs a filePattern.', '每个 logging.vmodule 条目都需要 filePattern。'],
  'logging.vmoduleChars': ['filePattern "{value}" must not contain "=" or ",".', 'filePattern "{value}" 不能包含 "=" 或 ","。'],
  'logging.alpha': [
    '"{path}" needs the LoggingAlphaOptions feature gate (off by default).',
    '"{path}" 需要开启 LoggingAlphaOptions 特性门控（默认关闭）。',
  ],
  'logging.flushFrequency': [
    'logging.flushFrequency must be greater than zero on Kubernetes {minor}.',
    '在 Kubernetes {minor} 上 logging.flushFrequency 必须大于 0。',
  ],

  'ipvs-deprecated': [
    'The ipvs mode is deprecated since Kubernetes 1.35: kube-proxy {minor} still runs it but logs a deprecation warning and records an IPVSDeprecation event at start. Upstream recommends nftables (GA since 1.33; needs Linux kernel 5.13 or newer).{extra}',
    'ipvs 模式自 Kubernetes 1.35 起已弃用：kube-proxy {minor} 仍可运行，但启动时会输出弃用警告并记录 IPVSDeprecation 事件。上游推荐使用 nftables（1.33 起 GA，需要 Linux 内核 5.13 及以上）。{extra}',
  ],
  'ipvs-deprecated.extra137': [
    ' kubeadm 1.37 warns about it too, and the KubeProxyIPVS feature gate can switch ipvs off.',
    ' kubeadm 1.37 也会对此发出警告，且可通过 KubeProxyIPVS 特性门控关闭 ipvs。',
  ],
  'unused-field': [
    '"{path}" is no longer used by kube-proxy {minor}: it is accepted and ignored.',
    'kube-proxy {minor} 已不再使用 "{path}"：该值会被接受但被忽略。',
  ],

  'kubeadm-duplicate-kind': ['kind {kind} appears more than once in this file.', '此文件中 kind {kind} 出现了不止一次。'],
  'kubeadm-missing-gvk': [
    'kubeadm reads each part between "---" lines as a document and needs apiVersion and kind in every one; this document has {missing}.',
    'kubeadm 把 "---" 之间的每一段都当作一个文档，并要求每个文档都有 apiVersion 和 kind；此文档缺少 {missing}。',
  ],
  'kubeadm-missing-gvk.commentOnly': [
    'This part of the file, before a "---" line, holds only comments or blank lines; kubeadm still reads it as a document without apiVersion and kind. Move the comments below the "---" line or remove that line.',
    '文件中 "---" 之前的这一部分只有注释或空行；kubeadm 仍会把它当作缺少 apiVersion 和 kind 的文档。请把注释移到 "---" 之后，或删除该分隔行。',
  ],
  'kubeadm-document-separator': [
    'kubeadm accepts only spaces or a comment after "---" on a separator line.',
    'kubeadm 只允许分隔行 "---" 之后出现空格或注释。',
  ],
  'kubeadm-override': [
    'kubeadm recommends {field}: {recommended} here and warns when the value differs: {upstream}',
    'kubeadm 建议此处 {field} 取 {recommended}，取值不同时会发出警告：{upstream}',
  ],
  'kubeadm-override.notAnIp': [
    'kubeadm {minor} warns that bindAddress {value} is not an IP address: {upstream}',
    'kubeadm {minor} 会警告 bindAddress {value} 不是 IP 地址：{upstream}',
  ],
  'kubeadm-kube-proxy-group': [
    'KubeProxyConfiguration belongs to kubeproxy.config.k8s.io/v1alpha1, not {apiVersion}. kubeadm does not know this kind in its own API group: `kubeadm init` ignores the document (it prints "{ignored}") and deploys kube-proxy with its defaults, so none of these settings apply, and `kubeadm config validate` rejects the file: {upstream}',
    'KubeProxyConfiguration 属于 kubeproxy.config.k8s.io/v1alpha1，而不是 {apiVersion}。kubeadm 在自己的 API 组里不认识这个 kind：`kubeadm init` 会忽略该文档（输出 "{ignored}"），并以默认值部署 kube-proxy，因此这里的设置全都不会生效；`kubeadm config validate` 会拒绝该文件：{upstream}',
  ],
  'kubeadm-kube-proxy-group.removed': [
    'KubeProxyConfiguration belongs to kubeproxy.config.k8s.io/v1alpha1, not {apiVersion}: kubeadm never reads kube-proxy settings from its own API group (and kubeadm {minor} no longer reads v1beta3 documents at all).',
    'KubeProxyConfiguration 属于 kubeproxy.config.k8s.io/v1alpha1，而不是 {apiVersion}：kubeadm 从不在自己的 API 组中读取 kube-proxy 设置（而且 kubeadm {minor} 已完全不再读取 v1beta3 文档）。',
  ],
  'kubeadm-kube-proxy-group.other': [
    ' This file also has a KubeProxyConfiguration in the right group; keep one of the two.',
    '此文件中还有一个 API 组正确的 KubeProxyConfiguration；请只保留其中一个。',
  ],
  'kubeadm-ignored-document': [
    'kubeadm does not read {gvk} documents: `kubeadm init` ignores this one (it prints "{ignored}"), and `kubeadm config validate` rejects the file: {upstream}',
    'kubeadm 不读取 {gvk} 文档：`kubeadm init` 会忽略它（输出 "{ignored}"），`kubeadm config validate` 则会拒绝该文件：{upstream}',
  ],
  // kind cluster configs (kind.x-k8s.io/v1alpha4): what kind does with kube-proxy's configuration.
  'kind-api-version': [
    '{apiVersion} was dropped in kind v0.9.0; kind reads only {expected} (some fields moved: check the whole file).',
    'kind 自 v0.9.0 起已不再支持 {apiVersion}，只读取 {expected}（部分字段已调整：请检查整个文件）。',
  ],
  'kind-proxy-mode': [
    'networking.kubeProxyMode "{value}" is not a mode kind knows; accepted (case-sensitive): {accepted}.',
    'networking.kubeProxyMode "{value}" 不是 kind 认识的模式；可用值（区分大小写）：{accepted}。',
  ],
  'kind-feature-gates': [
    '{summary} kind passes featureGates to every component and writes them into the KubeProxyConfiguration it generates: kube-proxy {minor} refuses to start: {upstream}',
    '{summary}kind 会把 featureGates 传给每个组件，并写入它生成的 KubeProxyConfiguration：kube-proxy {minor} 将拒绝启动：{upstream}',
  ],
  'kind-patch-ignored.apiVersion': [
    'kind applies this patch only to a document whose apiVersion is "{apiVersion}", but the KubeProxyConfiguration it generates is {expected}: the patch matches nothing and kind drops it without a message, so none of these settings reach kube-proxy. Use {expected}, or leave apiVersion out.',
    'kind 只会把此补丁应用到 apiVersion 为 "{apiVersion}" 的文档，而它生成的 KubeProxyConfiguration 是 {expected}：补丁匹配不到任何文档，kind 会不加提示地丢弃它，其中的设置都不会到达 kube-proxy。请改用 {expected}，或不写 apiVersion。',
  ],
  'kind-patch-ignored.notBootstrapNode': [
    'This patch never reaches kube-proxy: kind runs `kubeadm init` only on the first control-plane node in nodes[], and the other nodes run `kubeadm join`, which reads only the JoinConfiguration. Put it in the top-level kubeadmConfigPatches (or under the first control-plane node).',
    '此补丁不会作用于 kube-proxy：kind 只在 nodes[] 中第一个 control-plane 节点上运行 `kubeadm init`，其他节点运行的 `kubeadm join` 只读取 JoinConfiguration。请把它放到顶层 kubeadmConfigPatches（或第一个 control-plane 节点下）。',
  ],
  'kind-patch-ignored.proxyModeNone': [
    'networking.kubeProxyMode is none: kind generates no KubeProxyConfiguration and skips the kube-proxy addon, so this patch matches nothing and is dropped.',
    'networking.kubeProxyMode 为 none：kind 不会生成 KubeProxyConfiguration，也会跳过 kube-proxy 插件，因此此补丁匹配不到任何文档而被丢弃。',
  ],
  'kind-patch-mode': [
    'The patch sets mode "{patch}" and kube-proxy runs in that mode, but networking.kubeProxyMode says "{cluster}", and kind acts on that one (nftables: it also sets conntrack.tcpBeLiberal; none: it skips kube-proxy). Set the mode in networking.kubeProxyMode and drop it here.',
    '补丁把 mode 设为 "{patch}"，kube-proxy 会以该模式运行；但 networking.kubeProxyMode 为 "{cluster}"，而 kind 依据后者行事（nftables：还会设置 conntrack.tcpBeLiberal；none：跳过 kube-proxy）。请在 networking.kubeProxyMode 中设置模式，并删掉这里的 mode。',
  ],
  'kind-patch-mode.nftablesOnlyHere': [
    'nftables is set only in this patch: kind sets conntrack.tcpBeLiberal for nftables (kubernetes#117924) only when networking.kubeProxyMode is nftables. Set networking.kubeProxyMode: nftables and drop the mode here.',
    'nftables 只在此补丁中设置：只有当 networking.kubeProxyMode 为 nftables 时，kind 才会为 nftables 设置 conntrack.tcpBeLiberal（kubernetes#117924）。请设置 networking.kubeProxyMode: nftables，并删掉这里的 mode。',
  ],
  'kubeadm-api-version.removed': [
    '{apiVersion} is no longer read by kubeadm {minor}; use kubeadm.k8s.io/v1beta4.',
    'kubeadm {minor} 已不再读取 {apiVersion}；请使用 kubeadm.k8s.io/v1beta4。',
  ],
  'kubeadm-api-version.experimental': [
    '{apiVersion} is experimental in kubeadm {minor} and is refused without --allow-experimental-api; use kubeadm.k8s.io/v1beta3.',
    '{apiVersion} 在 kubeadm {minor} 中属于实验性 API，未加 --allow-experimental-api 时会被拒绝；请使用 kubeadm.k8s.io/v1beta3。',
  ],
  'kubeadm-api-version.deprecated': [
    '{apiVersion} is deprecated in kubeadm {minor}: kubeadm still reads it but warns; migrate to kubeadm.k8s.io/v1beta4 with `kubeadm config migrate`. kubeadm prints: {upstream}',
    '{apiVersion} 在 kubeadm {minor} 中已弃用：仍可读取但会发出警告；请用 `kubeadm config migrate` 迁移到 kubeadm.k8s.io/v1beta4。kubeadm 输出：{upstream}',
  ],
  'kubeadm-api-version.unknown': [
    '{apiVersion} is not an API version kubeadm {minor} reads; use {current}.',
    'kubeadm {minor} 不读取 {apiVersion}；请使用 {current}。',
  ],
  'kubeadm-kubernetes-version': [
    'kubernetesVersion "{value}" is neither a version such as v1.{n}.0 nor a label such as stable-1.{n}.',
    'kubernetesVersion "{value}" 既不是 v1.{n}.0 这样的版本号，也不是 stable-1.{n} 这样的标签。',
  ],

  'fix.setValue': ['Set {path} to {value}', '将 {path} 设为 {value}'],
  'fix.renameKey': ['Rename {path} to {to}', '将 {path} 重命名为 {to}'],
  'fix.moveKey': ['Move {path} to {to}', '将 {path} 移到 {to}'],
  'fix.removeKey': ['Remove {path}', '删除 {path}'],
  'fix.quote': ['Quote the value of {path}', '给 {path} 的值加引号'],
  'fix.unquote': ['Remove the quotes around {path}', '去掉 {path} 的值两侧的引号'],
  'fix.removeDuplicate': ['Remove the earlier {path} (kube-proxy uses the last one)', '删除较早出现的 {path}（kube-proxy 采用最后一个）'],
  'fix.removeSeparator': [
    'Remove this "---" line so the comments above belong to the next document',
    '删除这一行 "---"，让上方注释归入下一个文档',
  ],
  'fix.suppressLine': ['Silence {rule} on this line', '在此行忽略 {rule}'],
  'fix.all': ['Fix all auto-fixable kube-proxy Tuner problems', '修复所有可自动修复的 kube-proxy Tuner 问题'],
  'fix.recommendations': [
    'Apply all recommendations (tuned and recommended values; not the proxy mode)',
    '应用所有建议（调优值与推荐值；不含代理模式）',
  ],
  'fix.allOfRule': ['Fix all {rule} problems in this file', '修复本文件中所有 {rule} 问题'],

  'cli.fixed': ['{file}: applied {count} fix(es)', '{file}：已应用 {count} 处修复'],
  'cli.io.cannotRead': ['cannot read {file}: {reason}', '无法读取 {file}：{reason}'],
  'cli.io.cannotWrite': ['cannot write {file}: {reason}; the file is unchanged', '无法写入 {file}：{reason}；文件保持原样'],
  'cli.io.noSuchFile': ['no such file', '文件不存在'],
  'cli.io.isDirectory': ['it is a directory', '这是一个目录'],
  'cli.io.permissionDenied': ['permission denied', '权限不足'],
  'cli.io.noSpace': ['no space left on the device', '设备空间不足'],
  'cli.io.readOnly': ['the file system is read-only', '文件系统为只读'],
  'cli.io.other': ['{detail}', '{detail}'],
  'cli.io.tooLarge': [
    '{file} is larger than {limit} MiB and was not read (kube-proxy and kubeadm configuration files are far smaller)',
    '{file} 超过 {limit} MiB，未读取（kube-proxy 与 kubeadm 的配置文件远小于此）',
  ],
  'cli.fix.notRegular': [
    '--fix writes files back, and {file} is not a regular file (standard input, a pipe or a device): not fixed; check it without --fix, or fix a copy',
    '--fix 需要把结果写回文件，而 {file} 不是普通文件（标准输入、管道或设备）：未修复；请去掉 --fix 检查，或修复一份副本',
  ],
  'cli.fix.changedOnDisk': [
    '{file} changed on disk while it was being checked: not written; run again',
    '{file} 在检查期间被改动：未写入；请重新运行',
  ],
  'cli.fix.hardLinks': [
    '{file} has {links} hard links, and replacing it would split them: not written; fix a copy',
    '{file} 有 {links} 个硬链接，替换它会使这些链接分离：未写入；请修复一份副本',
  ],
  'cli.fix.owner': [
    'cannot give the fixed {file} its owner and group back (run as its owner or as root): not written',
    '无法为修复后的 {file} 保留原有的属主与属组（请以文件属主或 root 运行）：未写入',
  ],
  'cli.usage.unknownCommand': ['unknown command "{command}"; expected "check"', '未知命令 "{command}"；应为 "check"'],
  'cli.usage.badValue': ['{flag} takes {expected}, not "{value}"', '{flag} 的取值应为 {expected}，而不是 "{value}"'],
  'cli.usage.unknownOption': ['unknown option {option}', '未知选项 {option}'],
  'cli.usage.noFile': ['no file given (use - for standard input)', '未指定文件（用 - 表示标准输入）'],
  'cli.usage.stdinTwice': ['standard input (-) can be read only once: give - once', '标准输入（-）只能读取一次：请只写一个 -'],
  'cli.usage.fixStdin': ['--fix writes files back and cannot fix standard input', '--fix 需要写回文件，无法修复标准输入'],
  // .kube-proxy-tuner.yaml
  'config-file.yaml': ['.kube-proxy-tuner.yaml is not valid YAML: {detail}', '.kube-proxy-tuner.yaml 不是合法的 YAML：{detail}'],
  'config-file.notMap': ['.kube-proxy-tuner.yaml must be a map of settings', '.kube-proxy-tuner.yaml 必须是设置项的映射'],
  'config-file.unknownKey': ['Unknown key "{key}"; the keys are {accepted}', '未知键 "{key}"；可用的键为 {accepted}'],
  'config-file.version': [
    'kubernetesVersion must be auto or a minor from {oldest} to {newest} (1.30, 1.30.2 and v1.30 are taken)',
    'kubernetesVersion 必须为 auto 或 {oldest} 到 {newest} 之间的次版本（可写作 1.30、1.30.2 或 v1.30）',
  ],
  'config-file.oneOf': ['{key} must be one of {accepted}', '{key} 必须是 {accepted} 之一'],
  'config-file.map': ['{key} must be a map', '{key} 必须是映射'],
  'config-file.number': ['{key} must be a number of 0 or more', '{key} 必须是不小于 0 的数字'],
  'config-file.paths': ['{key} must be a list of file paths', '{key} 必须是文件路径的列表'],
  'config-file.rule': ['"{id}" is not a rule id (docs/rules.md lists them)', '"{id}" 不是规则 id（docs/rules.md 列出了全部规则）'],
  'config-file.ruleSimilar': ['"{id}" is not a rule id; did you mean "{suggestion}"?', '"{id}" 不是规则 id；是否想写 "{suggestion}"？'],
  'cli.nothingToCheck': ['{target}: nothing to check (no .yaml or .yml files)', '{target}：没有可检查的内容（没有 .yaml 或 .yml 文件）'],
  'cli.severity.error': ['error', '错误'],
  'cli.severity.warning': ['warning', '警告'],
  'cli.severity.information': ['info', '提示'],
  'cli.severity.hint': ['hint', '建议'],
  'cli.summary': [
    '{errors} error(s), {warnings} warning(s), {notes} note(s) in {files} file(s) checked',
    '共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{notes} 条提示',
  ],
  'cli.sarif.upstream': ['Upstream documentation', '上游文档'],
  'cli.usage.alertsOneFile': ['alerts takes exactly one file (or -)', 'alerts 只接受一个文件（或 -）'],
  'cli.alerts.none': [
    '{file} holds no KubeProxyConfiguration to derive alerts from',
    '{file} 中没有可用于生成告警的 KubeProxyConfiguration',
  ],
  'cli.alerts.first': [
    '{file} holds {count} KubeProxyConfigurations; the alerts use the first one',
    '{file} 中有 {count} 个 KubeProxyConfiguration；告警依据第一个生成',
  ],
  'cli.usage.unsafeWithoutFix': ['--unsafe-fixes only goes with --fix', '--unsafe-fixes 只能与 --fix 一起使用'],
  'cli.metrics.refused': [
    '{file} is not a kube-proxy or node_exporter scrape: {reason}',
    '{file} 不是 kube-proxy 或 node_exporter 的抓取：{reason}',
  ],
  'cli.recommendation': ['{file}: {title} ({rule})', '{file}：{title}（{rule}）'],
  'cli.metrics.kubeProxy': [
    'metrics: {files}: kube-proxy {version}, {mode}, {cores} CPUs, {window}',
    '指标：{files}：kube-proxy {version}，{mode}，{cores} 个 CPU，{window}',
  ],
  'cli.metrics.node': [
    'metrics: {files}: node_exporter{node}, conntrack {entries} of {limit}',
    '指标：{files}：node_exporter{node}，conntrack {entries} / {limit}',
  ],
  'cli.metrics.notJudged': ['not judged: {reason}', '未评估：{reason}'],
  'cli.metrics.unknown': ['?', '?'],
  'cli.metrics.onNode': [' on {node}', '（{node}）'],

  'hover.type': ['Type', '类型'],
  'hover.default': ['Default', '默认值'],
  'hover.recommended': ['Recommended', '建议值'],
  'hover.why': ['Why', '原因'],
  'hover.versions': ['Versions', '版本说明'],
  'hover.kubeadm': ['kubeadm', 'kubeadm'],
  'hover.value': ['Value {value}', '取值 {value}'],
  'hover.notInVersion': [
    'Not a field of Kubernetes {minor}: kube-proxy drops it.',
    'Kubernetes {minor} 中没有此字段：kube-proxy 会将其丢弃。',
  ],
  'hover.docs': ['Upstream documentation', '上游文档'],
  'hover.measured': ['Measured', '实测'],
  'hover.source': ['source', '来源'],
  'hover.footer': ['Kubernetes {minor}, {source}', 'Kubernetes {minor}，{source}'],
  'hover.kindCopies': [
    'kind writes this into the KubeProxyConfiguration it generates, as `{path}`.',
    'kind 会把它写入所生成的 KubeProxyConfiguration，对应 `{path}`。',
  ],
  'hover.when': ['when: {when}', '适用：{when}'],

  'bp.frame': ['{summary} {rationale}', '{summary}{rationale}'],
  'bp.frameSized': ['{summary} {rationale} {sizing}', '{summary}{rationale}{sizing}'],
  'bp.forCluster': ['(Judged for the cluster you describe: {numbers}.)', '（依据你描述的集群判断：{numbers}。）'],
  'bp.wouldChange': [
    '(Judged for a large cluster; {what} would tell whether it matters here.)',
    '（按大规模集群判断；{what}可以说明它在这里是否重要。）',
  ],
  'bp.numbers.nodes': ['{count} nodes', '{count} 个节点'],
  'bp.numbers.services': ['{count} Services', '{count} 个 Service'],
  'bp.numbers.endpoints': ['{count} endpoints', '{count} 个端点'],
  'bp.numbers.coresPerNode': ['{count} CPUs per node', '每节点 {count} 个 CPU'],
  'bp.numbers.churnPerMinute': ['{count} changes a minute', '每分钟 {count} 次变更'],
  'bp.what.size': [
    "the cluster's Service and endpoint counts (kubeProxyTuner.cluster, --services, --endpoints)",
    '集群的 Service 与端点数量（kubeProxyTuner.cluster、--services、--endpoints）',
  ],
  'bp.what.syncs': [
    "kube-proxy's sync durations from a metrics scrape (--metrics), or the churn (kubeProxyTuner.cluster.churnPerMinute)",
    '指标抓取中 kube-proxy 的同步耗时（--metrics），或变更频率（kubeProxyTuner.cluster.churnPerMinute）',
  ],
  'bp.what.conntrack': [
    "the node's conntrack use from node_exporter (--metrics) and its CPU count (kubeProxyTuner.cluster.coresPerNode)",
    '来自 node_exporter 的节点 conntrack 用量（--metrics）及其 CPU 数（kubeProxyTuner.cluster.coresPerNode）',
  ],
  'conntrack-sizing.computed': [
    'On {cores}-CPU nodes this configuration makes kube-proxy set nf_conntrack_max to {limit}.',
    '在 {cores} 核节点上，此配置会让 kube-proxy 把 nf_conntrack_max 设为 {limit}。',
  ],
  'proxy-mode-for-scale': [
    "On Kubernetes {minor} mode nftables is GA and upstream's mode for the future; this document uses {mode}.",
    '在 Kubernetes {minor} 上 nftables 模式已 GA，是上游面向未来的模式；此文档使用的是 {mode}。',
  ],
  'explicit-proxy-mode': [
    'mode is not set: kube-proxy {minor} warns at start that the Linux default (iptables) is expected to switch to nftables in a future release. Set the mode you mean.',
    '未设置 mode：kube-proxy {minor} 启动时会警告 Linux 默认模式（iptables）将在未来版本改为 nftables。请明确设置所需模式。',
  ],
  'profiling-enabled': ['enableProfiling exposes /debug/pprof on the metrics port.', 'enableProfiling 会在指标端口上暴露 /debug/pprof。'],
  'metrics-loopback': [
    'metricsBindAddress {value} listens on loopback only: Prometheus and the kube-proxy dashboards cannot scrape it from other hosts.',
    'metricsBindAddress {value} 只监听回环地址：Prometheus 与 kube-proxy 仪表盘无法从其他主机抓取指标。',
  ],
  'min-sync-period': [
    '{path} is {value}: every Service or endpoint change triggers a rule sync. In a large cluster a minimum of {recommended} batches bursts of changes.',
    '{path} 为 {value}：每次 Service 或端点变化都会触发规则同步。大规模集群中设为 {recommended} 可以合并突发的变更。',
  ],
  'conntrack-sizing': [
    '{path} is {value}, below {recommended}: a small conntrack table fills up under load and the kernel drops new connections.',
    '{path} 为 {value}，低于 {recommended}：conntrack 表过小会在高负载下被占满，内核将丢弃新连接。',
  ],
  'conntrack-sizing.capPerCore': [
    'On Kubernetes {minor} kube-proxy caps maxPerCore × CPUs at 1,048,576: with {value} per CPU a node reaches the cap at {cpus} CPUs, and the default does at {defaultCpus}, so this value changes nothing on nodes with {defaultCpus} or more CPUs. To size a larger table, set maxPerCore to 0 and nf_conntrack_max yourself.',
    '在 Kubernetes {minor} 上，kube-proxy 会把 maxPerCore × CPU 数限制在 1,048,576：每 CPU {value} 时，节点在 {cpus} 个 CPU 时就达到上限，默认值则在 {defaultCpus} 个 CPU 时达到，因此该值对 {defaultCpus} 个及以上 CPU 的节点不起作用。若需要更大的连接表，请把 maxPerCore 设为 0 并自行设置 nf_conntrack_max。',
  ],
  'conntrack-sizing.capMin': [
    'conntrack.min {value} is above the 1,048,576 cap of Kubernetes {minor}: on nodes where maxPerCore × CPUs exceeds the cap kube-proxy sets exactly 1,048,576 and ignores min; only smaller nodes get {value}. To size a larger table, set maxPerCore to 0 and nf_conntrack_max yourself.',
    'conntrack.min {value} 高于 Kubernetes {minor} 的上限 1,048,576：在 maxPerCore × CPU 数超过上限的节点上，kube-proxy 固定设置为 1,048,576 并忽略 min；只有较小的节点才会得到 {value}。若需要更大的连接表，请把 maxPerCore 设为 0 并自行设置 nf_conntrack_max。',
  ],
  'conntrack-sizing.unchanged': [
    "conntrack.maxPerCore 0 leaves the node's conntrack limit as it is; kube-proxy normally sizes it ({recommended} per CPU). Make sure nf_conntrack_max is set for the node's load some other way.",
    'conntrack.maxPerCore 为 0 表示不修改节点的 conntrack 上限；通常由 kube-proxy 按每 CPU {recommended} 设置。请确认已通过其他方式为节点负载设置了 nf_conntrack_max。',
  ],
  'zero-means-default': [
    '{path}: {value} does not switch anything off; kube-proxy replaces a zero with the default {default}.',
    '{path}：{value} 并不表示关闭；kube-proxy 会把 0 替换为默认值 {default}。',
  ],
  'strict-arp': [
    'ipvs.strictARP is false: with MetalLB or kube-vip in layer-2 (ARP) mode, nodes answer ARP for addresses bound to kube-ipvs0 and steal traffic. Set it to true in that case.',
    'ipvs.strictARP 为 false：若使用二层（ARP）模式的 MetalLB 或 kube-vip，节点会响应绑定在 kube-ipvs0 上地址的 ARP 请求而抢走流量，此时应设为 true。',
  ],

  'version.newer': [
    'Kubernetes "{requested}" is newer than the minors this checker knows ({oldest}–{newest}): it is checked as {minor}, so what changed after {minor} (feature gates, validation, kubeadm) is not known yet.',
    'Kubernetes "{requested}" 比本检查器所知的次版本（{oldest}–{newest}）更新：按 {minor} 检查，因此 {minor} 之后的变化（特性门控、校验规则、kubeadm）尚未涵盖。',
  ],
  'version.older': [
    'Kubernetes "{requested}" is older than the minors this checker knows ({oldest}–{newest}); it is checked as {minor}.',
    'Kubernetes "{requested}" 比本检查器所知的次版本（{oldest}–{newest}）更旧；按 {minor} 检查。',
  ],
  'version.source.setting': ['from the kubeProxyTuner.kubernetesVersion setting', '来自 kubeProxyTuner.kubernetesVersion 设置'],
  'version.source.file': ['from ClusterConfiguration.kubernetesVersion in this file', '来自本文件 ClusterConfiguration.kubernetesVersion'],
  'version.source.config': ['from kubernetesVersion in {from}', '来自 {from} 中的 kubernetesVersion'],
  'version.source.flag': ['from {from}', '来自 {from}'],
  'version.source.hint': ['from {from} in this file', '来自本文件中的 {from}'],
  'version.source.metrics': ['from kubernetes_build_info in the scrape {from}', '来自抓取 {from} 中的 kubernetes_build_info'],
  'version.source.default': [
    'the newest supported minor (no version in the file or settings)',
    '最新支持的次版本（文件与设置中均未指定版本）',
  ],
} as const satisfies Record<string, Entry>;

export const MESSAGES = { ...CORE_MESSAGES, ...TUNING_MESSAGES } as const;

export type MessageKey = keyof typeof MESSAGES;

/** A template cut once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();

function parts(template: string): string[] {
  let cut = compiled.get(template);
  if (!cut) compiled.set(template, (cut = template.split(/\{(\w+)\}/)));
  return cut;
}

// Formatting runs for every finding on every edit (a 1,000-document file has ~1,000 kubeadm
// findings), so templates are cut once instead of matched with a regex on each call.
export function message(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  const cut = parts(MESSAGES[key][locale === 'zh-cn' ? 1 : 0]);
  let out = cut[0];
  for (let i = 1; i < cut.length; i += 2) out += (cut[i] in args ? shorten(locale, String(args[cut[i]])) : `{${cut[i]}}`) + cut[i + 1];
  return out;
}

/** Arguments longer than this are shortened; a nested message (a summary inside a frame) stays whole. */
export const MAX_ARGUMENT = 1_000;

/**
 * A user's value can be megabytes long (a pasted blob, a runaway key): quoting it whole would make
 * a message the editor cannot show and a diagnostics payload of megabytes. Keep its start and end.
 */
function shorten(locale: Locale, value: string): string {
  if (value.length <= MAX_ARGUMENT) return value;
  return `${value.slice(0, 160)}${message(locale, 'value.shortened', { count: value.length - 200 })}${value.slice(-40)}`;
}
