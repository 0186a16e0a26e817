/**
 * Field facts of kube-proxy's v1alpha1 KubeProxyConfiguration, per Kubernetes minor.
 * This table is the one source for: the generated JSON Schemas (schemas/), the decoder's type
 * checks, "did you mean" suggestions, and the short field descriptions shown in completion.
 * Facts: kubernetes/kube-proxy config/v1alpha1/types.go at v0.28.0 … v0.37.0-beta.0 and
 * component-base (logging, client connection); see docs/upstream-facts.md.
 */
import { inRange, type Minor } from './versions.ts';

export type FieldType =
  | 'object' // a nested struct
  | 'objectList' // a list of structs (logging.vmodule)
  | 'string'
  | 'bool'
  | 'int32'
  | 'uint32'
  | 'float32'
  | 'duration' // metav1.Duration: a Go duration string; null is an error
  | 'durationPtr' // *metav1.Duration: a Go duration string; null means unset
  | 'timeOrDuration' // logging.flushFrequency: a duration string, or integer nanoseconds
  | 'quantity' // resource.Quantity: "0", 1Mi, or an integer
  | 'stringList'
  | 'boolMap'; // featureGates

export interface Text {
  en: string;
  zh: string;
}

export interface FieldFact {
  /** Dotted v1alpha1 JSON path; `[]` marks the items of a list. */
  path: string;
  type: FieldType;
  /** Go struct type that holds this field, as Go's JSON decoder names it in errors. */
  goStruct: string;
  /** Go type name as it appears in decode errors. */
  goType: string;
  since?: Minor;
  until?: Minor;
  /** Upstream default after kube-proxy's defaulting, as the user would write it. */
  default?: string | number | boolean | null;
  /** Values kube-proxy accepts (for completion; validation rules own the checks). */
  values?: string[];
  doc: Text;
}

const KPC = 'KubeProxyConfiguration';
const f = (path: string, type: FieldType, goStruct: string, goType: string, doc: Text, extra: Partial<FieldFact> = {}): FieldFact => ({
  path,
  type,
  goStruct,
  goType,
  doc,
  ...extra,
});

export const FIELDS: readonly FieldFact[] = [
  f('apiVersion', 'string', KPC, 'string', {
    en: 'Must be kubeproxy.config.k8s.io/v1alpha1.',
    zh: '必须为 kubeproxy.config.k8s.io/v1alpha1。',
  }),
  f('kind', 'string', KPC, 'string', { en: 'Must be KubeProxyConfiguration.', zh: '必须为 KubeProxyConfiguration。' }),
  f(
    'featureGates',
    'boolMap',
    KPC,
    'map[string]bool',
    { en: 'Feature gates to switch on or off, by name.', zh: '按名称开启或关闭的特性门控。' },
    { default: null },
  ),

  f('clientConnection', 'object', KPC, 'v1alpha1.ClientConnectionConfiguration', {
    en: 'How kube-proxy talks to the API server.',
    zh: 'kube-proxy 与 API Server 通信的客户端设置。',
  }),
  f(
    'clientConnection.kubeconfig',
    'string',
    'ClientConnectionConfiguration',
    'string',
    { en: 'Path of the kubeconfig file kube-proxy uses.', zh: 'kube-proxy 使用的 kubeconfig 文件路径。' },
    { default: '' },
  ),
  f(
    'clientConnection.acceptContentTypes',
    'string',
    'ClientConnectionConfiguration',
    'string',
    { en: 'Accept header sent to the API server.', zh: '发送给 API Server 的 Accept 头。' },
    { default: '' },
  ),
  f(
    'clientConnection.contentType',
    'string',
    'ClientConnectionConfiguration',
    'string',
    { en: 'Content type of requests to the API server.', zh: '发往 API Server 请求的内容类型。' },
    { default: 'application/vnd.kubernetes.protobuf' },
  ),
  f(
    'clientConnection.qps',
    'float32',
    'ClientConnectionConfiguration',
    'float32',
    { en: 'Sustained requests per second to the API server.', zh: '向 API Server 持续发送请求的每秒速率。' },
    { default: 5 },
  ),
  f(
    'clientConnection.burst',
    'int32',
    'ClientConnectionConfiguration',
    'int32',
    { en: 'Extra requests allowed above qps in a short burst.', zh: '短时间内允许超出 qps 的突发请求数。' },
    { default: 10 },
  ),

  f('logging', 'object', KPC, 'v1.LoggingConfiguration', { en: 'Logging options (component-base).', zh: '日志选项（component-base）。' }),
  f(
    'logging.format',
    'string',
    'LoggingConfiguration',
    'string',
    { en: 'Log format: text or json.', zh: '日志格式：text 或 json。' },
    { default: 'text', values: ['text', 'json'] },
  ),
  f(
    'logging.flushFrequency',
    'timeOrDuration',
    'LoggingConfiguration',
    'time.Duration',
    { en: 'How often logs are flushed: a duration, or integer nanoseconds.', zh: '日志刷新间隔：时长字符串或整数纳秒。' },
    { default: '5s' },
  ),
  f(
    'logging.verbosity',
    'uint32',
    'LoggingConfiguration',
    'v1.VerbosityLevel',
    { en: 'Log verbosity (klog -v).', zh: '日志详细级别（klog -v）。' },
    { default: 0 },
  ),
  f('logging.vmodule', 'objectList', 'LoggingConfiguration', 'v1.VModuleConfiguration', {
    en: 'Per-file verbosity overrides (text format only).',
    zh: '按文件覆盖日志级别（仅 text 格式）。',
  }),
  f('logging.vmodule[].filePattern', 'string', 'VModuleItem', 'string', { en: 'File name pattern.', zh: '文件名匹配模式。' }),
  f('logging.vmodule[].verbosity', 'uint32', 'VModuleItem', 'v1.VerbosityLevel', {
    en: 'Verbosity for matching files.',
    zh: '匹配文件的日志级别。',
  }),
  f('logging.options', 'object', 'LoggingConfiguration', 'v1.FormatOptions', {
    en: 'Options for each log format.',
    zh: '各日志格式的选项。',
  }),
  f('logging.options.json', 'object', 'FormatOptions', 'v1.JSONOptions', {
    en: 'Options of the json log format.',
    zh: 'json 日志格式的选项。',
  }),
  f(
    'logging.options.json.splitStream',
    'bool',
    'JSONOptions',
    'bool',
    { en: 'Write errors to stderr and info to stdout (alpha).', zh: '错误写入 stderr、信息写入 stdout（alpha）。' },
    { default: false },
  ),
  f(
    'logging.options.json.infoBufferSize',
    'quantity',
    'JSONOptions',
    'resource.QuantityValue',
    { en: 'Buffer size of the info stream when split (alpha).', zh: '拆分输出时 info 流的缓冲区大小（alpha）。' },
    { default: '0' },
  ),
  f(
    'logging.options.text',
    'object',
    'FormatOptions',
    'v1.TextOptions',
    { en: 'Options of the text log format.', zh: 'text 日志格式的选项。' },
    { since: '1.30' },
  ),
  f(
    'logging.options.text.splitStream',
    'bool',
    'TextOptions',
    'bool',
    { en: 'Write errors to stderr and info to stdout (alpha).', zh: '错误写入 stderr、信息写入 stdout（alpha）。' },
    { since: '1.30', default: false },
  ),
  f(
    'logging.options.text.infoBufferSize',
    'quantity',
    'TextOptions',
    'resource.QuantityValue',
    { en: 'Buffer size of the info stream when split (alpha).', zh: '拆分输出时 info 流的缓冲区大小（alpha）。' },
    { since: '1.30', default: '0' },
  ),

  f(
    'hostnameOverride',
    'string',
    KPC,
    'string',
    { en: 'Name used to identify this node instead of the host name.', zh: '代替主机名用于标识本节点的名称。' },
    { default: '' },
  ),
  f(
    'bindAddress',
    'string',
    KPC,
    'string',
    { en: 'IP address kube-proxy binds to.', zh: 'kube-proxy 绑定的 IP 地址。' },
    { default: '0.0.0.0' },
  ),
  f(
    'healthzBindAddress',
    'string',
    KPC,
    'string',
    { en: 'IP:port of the health check server.', zh: '健康检查服务的 IP:端口。' },
    { default: '0.0.0.0:10256' },
  ),
  f(
    'metricsBindAddress',
    'string',
    KPC,
    'string',
    { en: 'IP:port of the metrics server.', zh: '指标服务的 IP:端口。' },
    { default: '127.0.0.1:10249' },
  ),
  f(
    'bindAddressHardFail',
    'bool',
    KPC,
    'bool',
    { en: 'Fail to start when a port cannot be bound.', zh: '无法绑定端口时启动失败。' },
    { default: false },
  ),
  f(
    'enableProfiling',
    'bool',
    KPC,
    'bool',
    { en: 'Serve /debug/pprof on the metrics server.', zh: '在指标服务上开放 /debug/pprof。' },
    { default: false },
  ),
  f(
    'showHiddenMetricsForVersion',
    'string',
    KPC,
    'string',
    { en: 'Previous minor version whose hidden metrics are shown again.', zh: '重新显示其隐藏指标的上一个次版本号。' },
    { default: '' },
  ),
  f(
    'mode',
    'string',
    KPC,
    'v1alpha1.ProxyMode',
    { en: 'Proxy mode: iptables, ipvs, or nftables (1.29+).', zh: '代理模式：iptables、ipvs 或 nftables（1.29+）。' },
    { default: 'iptables', values: ['iptables', 'ipvs', 'nftables'] },
  ),

  f('iptables', 'object', KPC, 'v1alpha1.KubeProxyIPTablesConfiguration', {
    en: 'Settings of the iptables proxier.',
    zh: 'iptables 代理的设置。',
  }),
  f(
    'iptables.masqueradeBit',
    'int32',
    'KubeProxyIPTablesConfiguration',
    'int32',
    { en: 'fwmark bit used to mark packets for SNAT.', zh: '用于标记需 SNAT 报文的 fwmark 位。' },
    { default: 14 },
  ),
  f(
    'iptables.masqueradeAll',
    'bool',
    'KubeProxyIPTablesConfiguration',
    'bool',
    { en: 'SNAT all traffic sent to Service cluster IPs.', zh: '对发往 Service 集群 IP 的所有流量做 SNAT。' },
    { default: false },
  ),
  f(
    'iptables.localhostNodePorts',
    'bool',
    'KubeProxyIPTablesConfiguration',
    'bool',
    { en: 'Accept NodePort connections on localhost.', zh: '允许通过 localhost 访问 NodePort。' },
    { default: true },
  ),
  f(
    'iptables.syncPeriod',
    'duration',
    'KubeProxyIPTablesConfiguration',
    'string',
    { en: 'Longest time between full rule resyncs.', zh: '两次完整规则同步之间的最长间隔。' },
    { default: '30s' },
  ),
  f(
    'iptables.minSyncPeriod',
    'duration',
    'KubeProxyIPTablesConfiguration',
    'string',
    { en: 'Shortest time between rule resyncs.', zh: '两次规则同步之间的最短间隔。' },
    { default: '1s' },
  ),

  f('ipvs', 'object', KPC, 'v1alpha1.KubeProxyIPVSConfiguration', { en: 'Settings of the ipvs proxier.', zh: 'ipvs 代理的设置。' }),
  f(
    'ipvs.syncPeriod',
    'duration',
    'KubeProxyIPVSConfiguration',
    'string',
    { en: 'Longest time between full IPVS rule resyncs.', zh: '两次完整 IPVS 规则同步之间的最长间隔。' },
    { default: '30s' },
  ),
  f(
    'ipvs.minSyncPeriod',
    'duration',
    'KubeProxyIPVSConfiguration',
    'string',
    { en: 'Shortest time between IPVS rule resyncs.', zh: '两次 IPVS 规则同步之间的最短间隔。' },
    { default: '0s' },
  ),
  f(
    'ipvs.scheduler',
    'string',
    'KubeProxyIPVSConfiguration',
    'string',
    { en: 'IPVS scheduler (rr when empty).', zh: 'IPVS 调度算法（为空时为 rr）。' },
    { default: '', values: ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq', 'mh'] },
  ),
  f(
    'ipvs.excludeCIDRs',
    'stringList',
    'KubeProxyIPVSConfiguration',
    '[]string',
    { en: 'CIDRs whose IPVS rules kube-proxy never cleans up.', zh: 'kube-proxy 清理 IPVS 规则时跳过的 CIDR。' },
    { default: null },
  ),
  f(
    'ipvs.strictARP',
    'bool',
    'KubeProxyIPVSConfiguration',
    'bool',
    { en: 'Set arp_ignore=1 and arp_announce=2 on the node.', zh: '在节点上设置 arp_ignore=1 与 arp_announce=2。' },
    { default: false },
  ),
  f(
    'ipvs.tcpTimeout',
    'duration',
    'KubeProxyIPVSConfiguration',
    'string',
    { en: 'Idle timeout of IPVS TCP sessions (0 keeps the system value).', zh: 'IPVS TCP 会话空闲超时（0 表示沿用系统值）。' },
    { default: '0s' },
  ),
  f(
    'ipvs.tcpFinTimeout',
    'duration',
    'KubeProxyIPVSConfiguration',
    'string',
    {
      en: 'Timeout of IPVS TCP sessions after FIN (0 keeps the system value).',
      zh: 'IPVS TCP 会话收到 FIN 后的超时（0 表示沿用系统值）。',
    },
    { default: '0s' },
  ),
  f(
    'ipvs.udpTimeout',
    'duration',
    'KubeProxyIPVSConfiguration',
    'string',
    { en: 'Timeout of IPVS UDP entries (0 keeps the system value).', zh: 'IPVS UDP 条目超时（0 表示沿用系统值）。' },
    { default: '0s' },
  ),

  f(
    'nftables',
    'object',
    KPC,
    'v1alpha1.KubeProxyNFTablesConfiguration',
    { en: 'Settings of the nftables proxier.', zh: 'nftables 代理的设置。' },
    { since: '1.29' },
  ),
  f(
    'nftables.masqueradeBit',
    'int32',
    'KubeProxyNFTablesConfiguration',
    'int32',
    { en: 'fwmark bit used to mark packets for SNAT.', zh: '用于标记需 SNAT 报文的 fwmark 位。' },
    { since: '1.29', default: 14 },
  ),
  f(
    'nftables.masqueradeAll',
    'bool',
    'KubeProxyNFTablesConfiguration',
    'bool',
    { en: 'SNAT all traffic sent to Service cluster IPs.', zh: '对发往 Service 集群 IP 的所有流量做 SNAT。' },
    { since: '1.29', default: false },
  ),
  f(
    'nftables.syncPeriod',
    'duration',
    'KubeProxyNFTablesConfiguration',
    'string',
    { en: 'Longest time between full rule resyncs.', zh: '两次完整规则同步之间的最长间隔。' },
    { since: '1.29', default: '30s' },
  ),
  f(
    'nftables.minSyncPeriod',
    'duration',
    'KubeProxyNFTablesConfiguration',
    'string',
    { en: 'Shortest time between rule resyncs.', zh: '两次规则同步之间的最短间隔。' },
    { since: '1.29', default: '1s' },
  ),

  f('winkernel', 'object', KPC, 'v1alpha1.KubeProxyWinkernelConfiguration', {
    en: 'Settings of the Windows kernelspace proxier.',
    zh: 'Windows kernelspace 代理的设置。',
  }),
  f(
    'winkernel.networkName',
    'string',
    'KubeProxyWinkernelConfiguration',
    'string',
    { en: 'HNS network name (Windows).', zh: 'HNS 网络名称（Windows）。' },
    { default: '' },
  ),
  f(
    'winkernel.sourceVip',
    'string',
    'KubeProxyWinkernelConfiguration',
    'string',
    { en: 'Source VIP for load balancing (Windows).', zh: '负载均衡使用的源 VIP（Windows）。' },
    { default: '' },
  ),
  f(
    'winkernel.enableDSR',
    'bool',
    'KubeProxyWinkernelConfiguration',
    'bool',
    { en: 'Direct server return (Windows).', zh: '直接服务器返回（Windows）。' },
    { default: false },
  ),
  f(
    'winkernel.rootHnsEndpointName',
    'string',
    'KubeProxyWinkernelConfiguration',
    'string',
    { en: 'Root HNS endpoint name (Windows).', zh: '根 HNS 端点名称（Windows）。' },
    { default: '' },
  ),
  f(
    'winkernel.forwardHealthCheckVip',
    'bool',
    'KubeProxyWinkernelConfiguration',
    'bool',
    { en: 'Forward the health check VIP (Windows).', zh: '转发健康检查 VIP（Windows）。' },
    { default: false },
  ),

  f(
    'detectLocalMode',
    'string',
    KPC,
    'v1alpha1.LocalMode',
    { en: 'How traffic from local pods is recognised.', zh: '识别本地 Pod 流量的方式。' },
    { default: 'ClusterCIDR', values: ['ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix'] },
  ),
  f('detectLocal', 'object', KPC, 'v1alpha1.DetectLocalConfiguration', {
    en: 'Parameters of the detectLocalMode.',
    zh: 'detectLocalMode 的参数。',
  }),
  f(
    'detectLocal.bridgeInterface',
    'string',
    'DetectLocalConfiguration',
    'string',
    { en: 'Bridge interface of local pods (BridgeInterface mode).', zh: '本地 Pod 所用网桥接口（BridgeInterface 模式）。' },
    { default: '' },
  ),
  f(
    'detectLocal.interfaceNamePrefix',
    'string',
    'DetectLocalConfiguration',
    'string',
    { en: 'Interface name prefix of local pods (InterfaceNamePrefix mode).', zh: '本地 Pod 接口名前缀（InterfaceNamePrefix 模式）。' },
    { default: '' },
  ),
  f(
    'clusterCIDR',
    'string',
    KPC,
    'string',
    { en: 'Pod CIDR(s) of the cluster, comma-separated for dual stack.', zh: '集群 Pod CIDR，双栈时以逗号分隔。' },
    { default: '' },
  ),
  f(
    'nodePortAddresses',
    'stringList',
    KPC,
    '[]string',
    { en: 'Node addresses that accept NodePort traffic.', zh: '接受 NodePort 流量的节点地址。' },
    { default: null },
  ),
  f(
    'oomScoreAdj',
    'int32',
    KPC,
    'int32',
    { en: 'OOM score adjustment of the kube-proxy process.', zh: 'kube-proxy 进程的 OOM 分数调整值。' },
    { default: -999 },
  ),

  f('conntrack', 'object', KPC, 'v1alpha1.KubeProxyConntrackConfiguration', {
    en: 'Connection tracking settings.',
    zh: '连接跟踪（conntrack）设置。',
  }),
  f(
    'conntrack.maxPerCore',
    'int32',
    'KubeProxyConntrackConfiguration',
    'int32',
    { en: 'Conntrack entries per CPU core (0 leaves the limit as is).', zh: '每个 CPU 核的 conntrack 条目数（0 表示不修改）。' },
    { default: 32768 },
  ),
  f(
    'conntrack.min',
    'int32',
    'KubeProxyConntrackConfiguration',
    'int32',
    { en: 'Minimum total conntrack entries.', zh: 'conntrack 条目总数下限。' },
    { default: 131072 },
  ),
  f(
    'conntrack.tcpEstablishedTimeout',
    'durationPtr',
    'KubeProxyConntrackConfiguration',
    'string',
    { en: 'Idle timeout of established TCP connections.', zh: '已建立 TCP 连接的空闲超时。' },
    { default: '24h' },
  ),
  f(
    'conntrack.tcpCloseWaitTimeout',
    'durationPtr',
    'KubeProxyConntrackConfiguration',
    'string',
    { en: 'Timeout of conntrack entries in CLOSE_WAIT.', zh: '处于 CLOSE_WAIT 状态的 conntrack 条目超时。' },
    { default: '1h' },
  ),
  f(
    'conntrack.tcpBeLiberal',
    'bool',
    'KubeProxyConntrackConfiguration',
    'bool',
    { en: 'Do not mark out-of-window TCP packets INVALID.', zh: '不将超出窗口的 TCP 报文标记为 INVALID。' },
    { since: '1.29', default: false },
  ),
  f(
    'conntrack.udpTimeout',
    'duration',
    'KubeProxyConntrackConfiguration',
    'string',
    { en: 'Timeout of UDP conntrack entries (0 keeps the system value).', zh: 'UDP conntrack 条目超时（0 表示沿用系统值）。' },
    { since: '1.29', default: '0s' },
  ),
  f(
    'conntrack.udpStreamTimeout',
    'duration',
    'KubeProxyConntrackConfiguration',
    'string',
    { en: 'Timeout of UDP stream conntrack entries (0 keeps the system value).', zh: 'UDP 流 conntrack 条目超时（0 表示沿用系统值）。' },
    { since: '1.29', default: '0s' },
  ),
  f(
    'configSyncPeriod',
    'duration',
    KPC,
    'string',
    { en: 'Resync period of the Service/EndpointSlice informers.', zh: 'Service/EndpointSlice informer 的重新同步周期。' },
    { default: '15m0s' },
  ),
  f('portRange', 'string', KPC, 'string', { en: 'No longer used by kube-proxy.', zh: 'kube-proxy 已不再使用。' }, { default: '' }),
  f(
    'windowsRunAsService',
    'bool',
    KPC,
    'bool',
    { en: 'Run kube-proxy as a Windows service.', zh: '以 Windows 服务方式运行 kube-proxy。' },
    { since: '1.31', default: false },
  ),
];

const BY_PATH = new Map(FIELDS.map((field) => [field.path, field]));

/** The fact for a path, with list indexes written `[]` (`logging.vmodule[].filePattern`). */
export function fieldFact(path: string): FieldFact | undefined {
  return BY_PATH.get(path);
}

export function fieldExistsIn(field: FieldFact, minor: Minor): boolean {
  return inRange(minor, field.since, field.until);
}

/** Fields of one minor's surface. */
export function fieldsOf(minor: Minor): FieldFact[] {
  return FIELDS.filter((field) => fieldExistsIn(field, minor));
}

/** Direct children of an object path ('' = the document root) on one minor. */
export function childrenOf(parentPath: string, minor: Minor): FieldFact[] {
  const prefix = parentPath === '' ? '' : `${parentPath}.`;
  return fieldsOf(minor).filter((field) => field.path.startsWith(prefix) && !field.path.slice(prefix.length).includes('.'));
}
