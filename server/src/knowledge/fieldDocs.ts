/**
 * Explanatory knowledge per KubeProxyConfiguration field: what it does, the large-cluster
 * recommendation and why, version notes (1.28–1.37), kubeadm behaviour, enum values and the
 * upstream link. Facts: the seed best-practice document (recommendations), the upstream reference
 * (shared/reference/kube-proxy-api.md) and docs/upstream-facts.md (1.37). Texts are our own words.
 */
import type { FieldDoc, VersionNote } from './fieldDocs.types.ts';
import type { Text } from './fields.ts';
import type { Minor } from './versions.ts';

const T = (en: string, zh: string): Text => ({ en, zh });
const note = (en: string, zh: string): VersionNote => ({ note: T(en, zh) });
const since = (minor: Minor, en: string, zh: string): VersionNote => ({ since: minor, note: T(en, zh) });
const until = (minor: Minor, en: string, zh: string): VersionNote => ({ until: minor, note: T(en, zh) });
const span = (from: Minor, to: Minor, en: string, zh: string): VersionNote => ({ since: from, until: to, note: T(en, zh) });

const REF = 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/';
const ref = (struct: string): string => `${REF}#kubeproxy-config-k8s-io-v1alpha1-${struct}`;
const KPC = ref('KubeProxyConfiguration');
const IPTABLES = ref('KubeProxyIPTablesConfiguration');
const IPVS = ref('KubeProxyIPVSConfiguration');
const NFTABLES = ref('KubeProxyNFTablesConfiguration');
const CONNTRACK = ref('KubeProxyConntrackConfiguration');
const WINKERNEL = ref('KubeProxyWinkernelConfiguration');
const DETECT_LOCAL = ref('DetectLocalConfiguration');
const PROXY_MODE = ref('ProxyMode');
const LOCAL_MODE = ref('LocalMode');
const CLIENT = `${REF}#ClientConnectionConfiguration`;
const LOGGING = `${REF}#LoggingConfiguration`;
const FEATURE_GATES = 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/';
const KEP_NFTABLES = 'https://github.com/kubernetes/enhancements/issues/3866';
const KEP_IPVS_DEPRECATION = 'https://github.com/kubernetes/enhancements/issues/5495';

/** Shared texts. */
const SPLIT_STREAM = T(
  'Writes error messages to stderr and info messages to stdout instead of one stream. true needs featureGates LoggingAlphaOptions: true (alpha, off by default).',
  '将错误日志写入 stderr、普通信息写入 stdout，而不是合并为一个输出流。设为 true 需要 featureGates 中开启 LoggingAlphaOptions（alpha，默认关闭）。',
);
const INFO_BUFFER = T(
  'Buffer size for the info stream when splitStream is on, as a quantity ("0", 64Ki, 1Mi). A non-zero value needs featureGates LoggingAlphaOptions: true.',
  'splitStream 开启时 info 输出流的缓冲区大小，按 quantity 书写（"0"、64Ki、1Mi）。非 0 值需要 featureGates 中开启 LoggingAlphaOptions。',
);
const SYNC_ACTIVE_ONLY = since(
  '1.31',
  "Validated only when this is the active mode's section (mode iptables or empty → iptables.*, ipvs → ipvs.*, nftables → nftables.*).",
  '仅当该段属于当前生效的代理模式时才会校验（mode 为 iptables 或空 → iptables.*，ipvs → ipvs.*，nftables → nftables.*）。',
);
const NFT_ADDED = since(
  '1.29',
  'Added in 1.29; an unknown field on 1.28 (kube-proxy warns and ignores it).',
  '1.29 新增；在 1.28 上属于未知字段（kube-proxy 告警后忽略）。',
);
const NFT_SYNC_VERSIONS: VersionNote[] = [
  NFT_ADDED,
  span('1.29', '1.30', 'Validated only when mode is nftables.', '仅在 mode 为 nftables 时校验。'),
  SYNC_ACTIVE_ONLY,
];
const WINDOWS_ONLY = T('Windows (kernelspace mode) only; ignored on Linux.', '仅用于 Windows（kernelspace 模式），在 Linux 上被忽略。');

export const DOCUMENT_OVERVIEW: { meaning: Text; docs: string } = {
  meaning: T(
    'KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1) configures kube-proxy, the agent on every node that turns Services, EndpointSlices and its Node into forwarding rules (iptables, IPVS or nftables). In a kubeadm file it is its own `---` document beside InitConfiguration/ClusterConfiguration: kubeadm fills in clusterCIDR, bindAddress and clientConnection.kubeconfig, drops unknown fields and stores the result in ConfigMap kube-system/kube-proxy (key config.conf), which every kube-proxy Pod reads.',
    'KubeProxyConfiguration（kubeproxy.config.k8s.io/v1alpha1）用于配置 kube-proxy：它运行在每个节点上，根据 Service、EndpointSlice 和所在 Node 生成转发规则（iptables、IPVS 或 nftables）。在 kubeadm 配置文件中，它是与 InitConfiguration/ClusterConfiguration 并列、以 `---` 分隔的独立文档：kubeadm 会补全 clusterCIDR、bindAddress 和 clientConnection.kubeconfig，丢弃未知字段，并把结果写入 ConfigMap kube-system/kube-proxy（键 config.conf），供每个 kube-proxy Pod 读取。',
  ),
  docs: KPC,
};

export const FIELD_DOCS: readonly FieldDoc[] = [
  // ── document identity ───────────────────────────────────────────────────────────────────────
  {
    path: 'apiVersion',
    meaning: T(
      'API group and version of the document; must be kubeproxy.config.k8s.io/v1alpha1, the only version that exists (v1alpha2 never shipped). Any other value stops kube-proxy at start-up.',
      '文档的 API 组与版本，必须为 kubeproxy.config.k8s.io/v1alpha1——这是唯一存在的版本（v1alpha2 从未发布）。写成其他值时 kube-proxy 启动即失败。',
    ),
    kubeadm: T(
      'kubeadm accepts only v1alpha1 for this kind; another version fails with "unsupported apiVersion … you may have to do manual conversion".',
      'kubeadm 对该 kind 只接受 v1alpha1；其他版本会报错 "unsupported apiVersion … you may have to do manual conversion"。',
    ),
    docs: KPC,
  },
  {
    path: 'kind',
    meaning: T(
      'Kind of the document; must be KubeProxyConfiguration. Field names are case-sensitive and only the first document of a file passed to kube-proxy --config is read.',
      '文档类型，必须为 KubeProxyConfiguration。字段名区分大小写；通过 --config 传给 kube-proxy 的文件只读取第一个文档。',
    ),
    kubeadm: T(
      'kubeadm allows one KubeProxyConfiguration per file ("specified twice" otherwise). It reports unknown or duplicate fields only as warnings (errors in `kubeadm config validate`), performs no semantic validation (a bad masqueradeBit passes kubeadm and fails in kube-proxy), and drops unknown fields when writing the kube-proxy ConfigMap.',
      'kubeadm 每个文件只允许一个 KubeProxyConfiguration（否则报 "specified twice"）。未知或重复字段只作为警告（`kubeadm config validate` 中为错误），且不做语义校验（错误的 masqueradeBit 能通过 kubeadm，却会让 kube-proxy 启动失败）；写入 kube-proxy ConfigMap 时未知字段会被丢弃。',
    ),
    docs: KPC,
  },
  {
    path: 'featureGates',
    meaning: T(
      'Feature gates for the kube-proxy process, gate name → true/false. An unknown gate name, or a value against a GA gate locked on, stops kube-proxy at start-up.',
      'kube-proxy 进程的特性门控，格式为门控名 → true/false。未知的门控名，或给已锁定的 GA 门控设置相反值，都会使 kube-proxy 启动失败。',
    ),
    versions: [
      span(
        '1.29',
        '1.30',
        'mode nftables needs NFTablesProxyMode: true (alpha, off by default).',
        'mode 为 nftables 时需设置 NFTablesProxyMode: true（alpha，默认关闭）。',
      ),
      span(
        '1.31',
        '1.32',
        'NFTablesProxyMode is beta and on by default; setting it false makes mode nftables invalid.',
        'NFTablesProxyMode 为 beta 且默认开启；设为 false 会使 mode nftables 无效。',
      ),
      since(
        '1.33',
        'NFTablesProxyMode is GA and locked on: setting it false is an error.',
        'NFTablesProxyMode 已 GA 并锁定为开启：设为 false 会报错。',
      ),
      since(
        '1.37',
        'New: KubeProxyIPVS (deprecated, on by default; false disables mode ipvs) and KubeProxyNFTablesLocalhostNodePorts (alpha, off).',
        '新增：KubeProxyIPVS（已弃用，默认开启；设为 false 即禁用 ipvs 模式）和 KubeProxyNFTablesLocalhostNodePorts（alpha，默认关闭）。',
      ),
    ],
    docs: FEATURE_GATES,
  },

  // ── clientConnection ────────────────────────────────────────────────────────────────────────
  {
    path: 'clientConnection',
    meaning: T(
      'How kube-proxy connects to the API server: kubeconfig, content types and client-side rate limits.',
      'kube-proxy 连接 API Server 的方式：kubeconfig、内容类型以及客户端限流参数。',
    ),
    rationale: T(
      'Every node runs a kube-proxy that lists and watches Services, EndpointSlices and its own Node, so these settings, multiplied by the node count, shape the load kube-proxy puts on the API server.',
      '每个节点上的 kube-proxy 都会 List/Watch Service、EndpointSlice 及自身的 Node 对象，这些设置乘以节点数，就决定了 kube-proxy 对 API Server 造成的总负载。',
    ),
    docs: CLIENT,
  },
  {
    path: 'clientConnection.kubeconfig',
    meaning: T(
      'Path of the kubeconfig kube-proxy uses to reach the API server. When empty, kube-proxy falls back to the in-cluster service-account configuration.',
      'kube-proxy 访问 API Server 所用 kubeconfig 的路径。为空时回退到集群内（service account）配置。',
    ),
    kubeadm: T(
      "kubeadm sets an empty value to /var/lib/kube-proxy/kubeconfig.conf, a file from the kube-proxy ConfigMap mounted into the DaemonSet that authenticates with the Pod's service-account token. A custom path must exist inside the kube-proxy Pod.",
      'kubeadm 会把空值设为 /var/lib/kube-proxy/kubeconfig.conf：该文件来自 kube-proxy ConfigMap，挂载进 DaemonSet，使用 Pod 的 service account 令牌认证。自定义路径必须在 kube-proxy Pod 内存在。',
    ),
    docs: CLIENT,
  },
  {
    path: 'clientConnection.acceptContentTypes',
    meaning: T(
      'Accept header kube-proxy sends to the API server. When empty, the client derives it from contentType.',
      'kube-proxy 发往 API Server 的 Accept 请求头。为空时由客户端根据 contentType 推导。',
    ),
    rationale: T(
      'The seed sets application/vnd.kubernetes.protobuf explicitly: protobuf responses are smaller and cheaper to decode than JSON, which matters for large Service and EndpointSlice lists.',
      '种子文档显式设为 application/vnd.kubernetes.protobuf：protobuf 响应比 JSON 更小、解码更省 CPU，对规模很大的 Service 与 EndpointSlice 列表尤为明显。',
    ),
    docs: CLIENT,
  },
  {
    path: 'clientConnection.contentType',
    meaning: T(
      'Content type of request bodies kube-proxy sends; empty becomes application/vnd.kubernetes.protobuf.',
      'kube-proxy 发送请求体时使用的内容类型；为空时取 application/vnd.kubernetes.protobuf。',
    ),
    rationale: T(
      'Keep protobuf (the default): it costs the API server and kube-proxy less CPU and bandwidth than JSON.',
      '保持默认的 protobuf：与 JSON 相比，它让 API Server 与 kube-proxy 消耗更少的 CPU 和带宽。',
    ),
    docs: CLIENT,
  },
  {
    path: 'clientConnection.qps',
    meaning: T(
      "Sustained requests per second kube-proxy's client may send to the API server; 0 becomes the default 5.",
      'kube-proxy 客户端向 API Server 持续发送请求的每秒速率上限；0 会被替换为默认值 5。',
    ),
    recommended: {
      value: 50,
      rationale: T(
        "With 5 QPS kube-proxy is throttled client-side when it lists Services, EndpointSlices and its Node at start-up or re-lists after a broken watch, so rule updates lag in a big cluster. 50 (the seed's value, with burst 100) removes that bottleneck; the limit applies per node, so thousands of nodes re-listing together still multiply the API-server load.",
        '在 5 QPS 下，kube-proxy 启动时或 Watch 中断后重新 List Service、EndpointSlice 与 Node 时会被客户端限流，大集群中规则更新随之滞后。50（种子文档取值，搭配 burst 100）可消除这一瓶颈；但该限制按节点计算，数千个节点同时重新 List 时，API Server 的负载仍会成倍放大。',
      ),
    },
    docs: CLIENT,
  },
  {
    path: 'clientConnection.burst',
    meaning: T(
      'Requests allowed above qps in a short burst; 0 becomes the default 10. Must not be negative.',
      '短时间内允许超出 qps 的突发请求数；0 会被替换为默认值 10。不能为负数。',
    ),
    recommended: {
      value: 100,
      rationale: T(
        'Start-up and re-list traffic comes in bursts; 100 (the seed pairs it with qps 50) lets kube-proxy fetch everything at once instead of queueing behind the default 10.',
        '启动与重新 List 的请求是突发的；100（种子文档与 qps 50 搭配）让 kube-proxy 一次拉取所需数据，而不是在默认的 10 之后排队等待。',
      ),
    },
    docs: CLIENT,
  },

  // ── logging ─────────────────────────────────────────────────────────────────────────────────
  {
    path: 'logging',
    meaning: T(
      'Logging options shared by Kubernetes components (component-base): format, verbosity, flush interval, per-file levels and format options.',
      'Kubernetes 组件通用（component-base）的日志选项：格式、详细级别、刷新间隔、按文件的级别以及各格式的选项。',
    ),
    docs: LOGGING,
  },
  {
    path: 'logging.format',
    meaning: T('Log output format, text (default) or json; case-sensitive.', '日志输出格式：text（默认）或 json，区分大小写。'),
    values: {
      text: {
        meaning: T("klog's classic text lines; the only format that supports vmodule.", 'klog 传统文本行格式；唯一支持 vmodule 的格式。'),
      },
      json: {
        meaning: T(
          'One JSON object per line, for log pipelines; needs LoggingBetaOptions (on by default).',
          '每行一个 JSON 对象，便于日志采集管道处理；需要 LoggingBetaOptions（默认开启）。',
        ),
      },
    },
    docs: LOGGING,
  },
  {
    path: 'logging.flushFrequency',
    meaning: T(
      'Maximum time between flushes of buffered log lines: a duration string (5s) or an integer number of nanoseconds. 0 becomes the default 5s.',
      '两次刷新日志缓冲之间的最长间隔：时长字符串（如 5s）或整数纳秒。0 会被替换为默认值 5s。',
    ),
    versions: [
      since(
        '1.35',
        'Must be greater than 0; because 0 is defaulted to 5s first, only negative values are rejected.',
        '必须大于 0；由于 0 会先被默认为 5s，实际上只有负值会被拒绝。',
      ),
    ],
    docs: LOGGING,
  },
  {
    path: 'logging.verbosity',
    meaning: T(
      'Log verbosity, like klog -v; 0 logs least. At most 2147483647.',
      '日志详细级别，相当于 klog 的 -v；0 最少。最大为 2147483647。',
    ),
    rationale: T(
      'High levels log details of every rule sync, which grows with the cluster and floods log storage; keep 0–2 in production and raise it only while debugging.',
      '高级别会记录每次规则同步的细节，日志量随集群规模增长并迅速占满日志存储；生产环境保持 0–2，仅在排障时临时调高。',
    ),
    docs: LOGGING,
  },
  {
    path: 'logging.vmodule',
    meaning: T(
      'Per-file verbosity overrides, a list of filePattern/verbosity pairs. Only allowed with the text format.',
      '按源文件覆盖日志级别的列表，每项为 filePattern/verbosity。仅在 text 格式下允许使用。',
    ),
    docs: LOGGING,
  },
  {
    path: 'logging.vmodule[].filePattern',
    meaning: T(
      'Source file name pattern (without .go, * and ? as wildcards) whose log level is overridden; must not be empty or contain = or ,.',
      '要覆盖日志级别的源文件名模式（不含 .go，可用 * 和 ? 通配）；不能为空，也不能包含 = 或 ,。',
    ),
    docs: LOGGING,
  },
  {
    path: 'logging.vmodule[].verbosity',
    meaning: T('Verbosity applied to files matching filePattern.', '对匹配 filePattern 的文件使用的日志级别。'),
    docs: LOGGING,
  },
  {
    path: 'logging.options',
    meaning: T(
      'Options of each log format, nested by format name: options.json and (1.30+) options.text.',
      '各日志格式的选项，按格式名嵌套：options.json 以及（1.30 起）options.text。',
    ),
    rationale: T(
      "Nesting matters: json must sit under options. The seed's example puts json beside options, which makes an unknown field logging.json: kube-proxy warns and ignores it, and kubeadm drops it.",
      '注意嵌套层级：json 必须位于 options 之下。种子文档示例把 json 写成了 options 的同级字段，结果成为未知字段 logging.json：kube-proxy 告警后忽略，kubeadm 则直接丢弃。',
    ),
    docs: LOGGING,
  },
  {
    path: 'logging.options.json',
    meaning: T('Options used when logging.format is json.', 'logging.format 为 json 时使用的选项。'),
    docs: LOGGING,
  },
  { path: 'logging.options.json.splitStream', meaning: SPLIT_STREAM, docs: LOGGING },
  { path: 'logging.options.json.infoBufferSize', meaning: INFO_BUFFER, docs: LOGGING },
  {
    path: 'logging.options.text',
    meaning: T('Options used when logging.format is text.', 'logging.format 为 text 时使用的选项。'),
    versions: [
      since(
        '1.30',
        'Added in 1.30 (component-base 0.30); an unknown field on 1.28–1.29.',
        '1.30 新增（component-base 0.30）；在 1.28–1.29 上属于未知字段。',
      ),
    ],
    docs: LOGGING,
  },
  {
    path: 'logging.options.text.splitStream',
    meaning: SPLIT_STREAM,
    versions: [since('1.30', 'Added in 1.30.', '1.30 新增。')],
    docs: LOGGING,
  },
  {
    path: 'logging.options.text.infoBufferSize',
    meaning: INFO_BUFFER,
    versions: [since('1.30', 'Added in 1.30.', '1.30 新增。')],
    docs: LOGGING,
  },

  // ── identity, addresses, process ────────────────────────────────────────────────────────────
  {
    path: 'hostnameOverride',
    meaning: T(
      'Name of the Node kube-proxy runs on, when it differs from the host name. kube-proxy uses it to find its Node object and to recognise endpoints local to this node.',
      '当节点名与主机名不同时，指定 kube-proxy 所在 Node 的名称。kube-proxy 据此查找自己的 Node 对象，并识别位于本节点的端点。',
    ),
    kubeadm: T(
      "kubeadm's kube-proxy DaemonSet passes --hostname-override=$(NODE_NAME) (the Pod's spec.nodeName), so this field rarely needs a value there.",
      'kubeadm 部署的 kube-proxy DaemonSet 会传入 --hostname-override=$(NODE_NAME)（即 Pod 的 spec.nodeName），因此通常无需设置此字段。',
    ),
    docs: KPC,
  },
  {
    path: 'bindAddress',
    meaning: T(
      "Overrides kube-proxy's idea of the node's primary IP; 0.0.0.0 (default) means detect it. Despite the name, no socket is bound to it; its IP family also picks the healthz/metrics defaults.",
      '覆盖 kube-proxy 对节点主 IP 的判断；默认 0.0.0.0 表示自动检测。名称是历史遗留，kube-proxy 并不在此地址上绑定套接字；其 IP 协议族还决定 healthz/metrics 地址的默认值。',
    ),
    kubeadm: T(
      'kubeadm turns an empty value into 0.0.0.0, or :: when the control-plane advertise address is IPv6.',
      'kubeadm 把空值设为 0.0.0.0；若控制平面通告地址为 IPv6，则设为 ::。',
    ),
    docs: KPC,
  },
  {
    path: 'healthzBindAddress',
    meaning: T(
      "IP:port of kube-proxy's health server (/healthz, which reports whether rules were synced recently); used by liveness checks and some cloud load balancers. Default 0.0.0.0:10256 ([::]:10256 if bindAddress is IPv6); a bare IP gets :10256 appended.",
      'kube-proxy 健康检查服务的 IP:端口（/healthz 反映规则是否在近期同步过），供存活检查和部分云负载均衡器使用。默认 0.0.0.0:10256（bindAddress 为 IPv6 时为 [::]:10256）；只写 IP 时自动补上 :10256。',
    ),
    docs: KPC,
  },
  {
    path: 'metricsBindAddress',
    meaning: T(
      'IP:port of the Prometheus metrics server (also serves pprof when enableProfiling is on). Default 127.0.0.1:10249 ([::1]:10249 if bindAddress is IPv6); a bare IP gets :10249 appended.',
      'Prometheus 指标服务的 IP:端口（enableProfiling 开启时也提供 pprof）。默认 127.0.0.1:10249（bindAddress 为 IPv6 时为 [::1]:10249）；只写 IP 时自动补上 :10249。',
    ),
    recommended: {
      value: '0.0.0.0:10249',
      when: T(
        'cluster monitoring (Prometheus, the kubernetes-proxy Grafana dashboards) must scrape kube-proxy',
        '需要由集群监控（Prometheus、kubernetes-proxy Grafana 仪表盘）抓取 kube-proxy 指标时',
      ),
      rationale: T(
        'The default loopback address is reachable only from the node itself, so Prometheus cannot collect sync latency and rule metrics the seed asks you to watch. 0.0.0.0:10249 ([::]:10249 on IPv6) listens on every node IP: limit access to the port with firewall rules or security groups, and keep enableProfiling off because pprof shares it.',
        '默认的回环地址只能在节点本机访问，Prometheus 无法采集种子文档要求关注的同步延迟与规则指标。0.0.0.0:10249（IPv6 为 [::]:10249）会监听节点的所有 IP：请用防火墙或安全组限制对该端口的访问，并保持 enableProfiling 关闭，因为 pprof 与之共用端口。',
      ),
    },
    docs: KPC,
  },
  {
    path: 'bindAddressHardFail',
    meaning: T(
      'When true, failing to bind the healthz or metrics port is fatal and kube-proxy exits; when false (default) it logs the error and keeps running.',
      '为 true 时，healthz 或 metrics 端口绑定失败会导致 kube-proxy 直接退出；为 false（默认）时只记录错误并继续运行。',
    ),
    docs: KPC,
  },
  {
    path: 'enableProfiling',
    meaning: T(
      'Serves Go pprof handlers under /debug/pprof on the metrics server.',
      '在指标服务上通过 /debug/pprof 提供 Go pprof 性能分析接口。',
    ),
    recommended: {
      value: false,
      rationale: T(
        'pprof exposes heap and goroutine dumps and lets anyone who reaches the metrics port start CPU profiles that cost node CPU; with metricsBindAddress open to the network that is an information leak. Switch it on only briefly while debugging.',
        'pprof 会暴露堆与 goroutine 信息，并允许任何能访问指标端口的人发起消耗节点 CPU 的性能采样；当 metricsBindAddress 对网络开放时，这就构成信息泄露。仅在排障时短暂开启。',
      ),
    },
    docs: KPC,
  },
  {
    path: 'showHiddenMetricsForVersion',
    meaning: T(
      'Re-enables metrics that were hidden after deprecation, for one release: the value must be the previous minor of the running kube-proxy (e.g. 1.32 on 1.33) or empty.',
      '在一个版本周期内重新启用因弃用而被隐藏的指标：取值必须为空，或为当前 kube-proxy 的上一个次版本号（例如在 1.33 上为 1.32）。',
    ),
    versions: [
      note(
        'Any other value fails validation, so the setting must be updated or removed on every upgrade.',
        '其他取值都会校验失败，因此每次升级都需要更新或删除该设置。',
      ),
    ],
    docs: KPC,
  },

  // ── mode ────────────────────────────────────────────────────────────────────────────────────
  {
    path: 'mode',
    meaning: T(
      'Which proxier programs Service rules on the node: iptables, ipvs or nftables on Linux, kernelspace on Windows. Empty means iptables on Linux; values are case-sensitive.',
      '选择在节点上编写 Service 规则的代理实现：Linux 上为 iptables、ipvs 或 nftables，Windows 上为 kernelspace。为空时 Linux 上取 iptables；取值区分大小写。',
    ),
    recommended: {
      value: 'nftables',
      when: T('Kubernetes 1.33 and newer, kernel 5.13+', 'Kubernetes 1.33 及更高版本、内核 5.13+'),
      rationale: T(
        "nftables is GA from 1.33: it applies only the changed rules on each sync and matches packets through verdict maps, so sync time and per-packet cost stay nearly flat as Services grow, whereas iptables chains grow with every Service. ipvs, the seed's choice, is deprecated from 1.35. Check the kernel version and that nothing relies on NodePorts via 127.0.0.1 before switching.",
        'nftables 自 1.33 起 GA：每次同步只下发变化的规则，报文通过 verdict map 匹配，因此随着 Service 增多，同步耗时和单包开销几乎不变；而 iptables 的规则链会随每个 Service 增长。种子文档选择的 ipvs 自 1.35 起已弃用。切换前请确认内核版本，并确认没有依赖通过 127.0.0.1 访问 NodePort 的场景。',
      ),
    },
    versions: [
      until(
        '1.32',
        'The seed recommends ipvs for large clusters here: IPVS hash-table lookups scale better than long iptables chains, and nftables is not GA yet.',
        '在这些版本上，种子文档推荐大规模集群使用 ipvs：IPVS 的哈希表查找比冗长的 iptables 规则链扩展性更好，而 nftables 尚未 GA。',
      ),
      until('1.28', 'Only iptables and ipvs are valid; nftables is rejected.', '仅 iptables 与 ipvs 有效；nftables 会被拒绝。'),
      span(
        '1.29',
        '1.30',
        'nftables is alpha: valid only with featureGates NFTablesProxyMode: true.',
        'nftables 为 alpha：仅在 featureGates 设置 NFTablesProxyMode: true 时有效。',
      ),
      span('1.31', '1.32', 'nftables is beta and enabled by default.', 'nftables 为 beta，默认启用。'),
      since(
        '1.33',
        'nftables is GA and the recommended mode for large clusters (kernel 5.13+).',
        'nftables 已 GA，是大规模集群的推荐模式（内核 5.13+）。',
      ),
      since(
        '1.35',
        'ipvs is deprecated: kube-proxy logs a warning and records an IPVSDeprecation event at start-up (KEP-5495).',
        'ipvs 已弃用：kube-proxy 启动时会输出警告并记录 IPVSDeprecation 事件（KEP-5495）。',
      ),
      since(
        '1.37',
        'ipvs is valid only while the KubeProxyIPVS gate (deprecated, on by default) stays on. kube-proxy warns when mode is unset, because the Linux default may switch to nftables in a future release.',
        'ipvs 仅在 KubeProxyIPVS 门控（已弃用，默认开启）保持开启时有效。未设置 mode 时 kube-proxy 会告警，因为 Linux 上的默认值将来可能改为 nftables。',
      ),
    ],
    kubeadm: T(
      'kubeadm copies mode into the kube-proxy ConfigMap without checking it. kubeadm 1.37 warns when mode is ipvs (deprecated; use nftables, or iptables on older kernels) and writes mode: iptables when mode is empty or no KubeProxyConfiguration is given.',
      'kubeadm 将 mode 原样写入 kube-proxy ConfigMap，不做校验。kubeadm 1.37 在 mode 为 ipvs 时告警（已弃用；建议 nftables，旧内核用 iptables），并在 mode 为空或未提供 KubeProxyConfiguration 时写入 mode: iptables。',
    ),
    values: {
      iptables: {
        meaning: T(
          'Default on Linux. Rules live in iptables chains that grow with Services and endpoints, so rule syncs and packet matching get slower in very large clusters; fine for small and medium ones.',
          'Linux 上的默认模式。规则存放在随 Service 与端点增长的 iptables 链中，在超大规模集群中规则同步与报文匹配都会变慢；中小规模集群使用没有问题。',
        ),
      },
      ipvs: {
        meaning: T(
          "Uses the kernel's IPVS load balancer with hash tables (plus ipset and a few iptables rules); offers several schedulers (ipvs.scheduler) and needs the ip_vs kernel modules.",
          '使用内核 IPVS 负载均衡（哈希表查找，辅以 ipset 和少量 iptables 规则）；支持多种调度算法（ipvs.scheduler），需要 ip_vs 相关内核模块。',
        ),
        versions: [
          until('1.32', "The seed's choice for large clusters on these versions.", '在这些版本上是种子文档为大规模集群推荐的模式。'),
          since(
            '1.35',
            'Deprecated: start-up warning and IPVSDeprecation event; migrate to nftables.',
            '已弃用：启动时告警并记录 IPVSDeprecation 事件；请迁移到 nftables。',
          ),
          since(
            '1.37',
            'Needs the KubeProxyIPVS gate (deprecated, on by default); kubeadm warns about it.',
            '需要 KubeProxyIPVS 门控（已弃用，默认开启）；kubeadm 会对此告警。',
          ),
        ],
      },
      nftables: {
        meaning: T(
          'Programs nftables with incremental updates and verdict maps, so cost stays nearly flat as Services grow; needs Linux kernel 5.13+. With mode nftables an empty nodePortAddresses means primary, and NodePorts are not served on 127.0.0.1.',
          '以增量更新和 verdict map 的方式编写 nftables 规则，开销几乎不随 Service 数量增长；需要 Linux 内核 5.13+。在 nftables 模式下，nodePortAddresses 为空即视为 primary，且不在 127.0.0.1 上提供 NodePort。',
        ),
        versions: [
          until('1.28', 'Not available.', '不可用。'),
          span(
            '1.29',
            '1.30',
            'Alpha: needs featureGates NFTablesProxyMode: true.',
            'alpha：需要 featureGates 设置 NFTablesProxyMode: true。',
          ),
          span('1.31', '1.32', 'Beta, enabled by default.', 'beta，默认启用。'),
          since('1.33', 'GA; recommended for large clusters.', '已 GA；推荐大规模集群使用。'),
          since(
            '1.37',
            'Localhost NodePorts possible with the alpha KubeProxyNFTablesLocalhostNodePorts gate and the localhost keyword in nodePortAddresses.',
            '开启 alpha 门控 KubeProxyNFTablesLocalhostNodePorts 并在 nodePortAddresses 中使用 localhost 关键字后，可支持 localhost NodePort。',
          ),
        ],
      },
      kernelspace: {
        meaning: T('The Windows proxier (HNS); invalid on Linux.', 'Windows 上的代理实现（HNS）；在 Linux 上无效。'),
      },
      userspace: {
        meaning: T(
          'Removed in Kubernetes 1.26; every supported version rejects it. Use iptables or nftables.',
          '已在 Kubernetes 1.26 中移除，所有受支持版本都会拒绝该值。请改用 iptables 或 nftables。',
        ),
      },
    },
    docs: PROXY_MODE,
  },

  // ── iptables ────────────────────────────────────────────────────────────────────────────────
  {
    path: 'iptables',
    meaning: T(
      'Settings of the iptables proxier; masqueradeBit and masqueradeAll here also apply in ipvs mode.',
      'iptables 代理的设置；其中 masqueradeBit 与 masqueradeAll 在 ipvs 模式下同样生效。',
    ),
    docs: IPTABLES,
  },
  {
    path: 'iptables.masqueradeBit',
    meaning: T(
      'Bit of the packet fwmark that kube-proxy uses to mark traffic for SNAT in iptables and ipvs modes; 0–31, default 14. Change it only if another component (CNI plugin) uses that bit.',
      'kube-proxy 在 iptables 与 ipvs 模式下用来标记需 SNAT 报文的 fwmark 位；取值 0–31，默认 14。仅当其他组件（如 CNI 插件）占用了该位时才修改。',
    ),
    versions: [note('Validated ([0, 31]) in every mode.', '在任何模式下都会校验（[0, 31]）。')],
    docs: IPTABLES,
  },
  {
    path: 'iptables.masqueradeAll',
    meaning: T(
      'SNAT all traffic sent to Service cluster IPs in iptables and ipvs modes, not only traffic from outside the pod network. Some CNI plugins need it.',
      '在 iptables 与 ipvs 模式下，对发往 Service 集群 IP 的所有流量做 SNAT，而不仅是来自 Pod 网络之外的流量。部分 CNI 插件需要开启。',
    ),
    rationale: T(
      'Leave it off unless your CNI requires it: backends then lose the client source IP and every connection goes through NAT.',
      '除非 CNI 插件要求，否则保持关闭：开启后后端将看不到客户端源 IP，且所有连接都要经过 NAT。',
    ),
    docs: IPTABLES,
  },
  {
    path: 'iptables.localhostNodePorts',
    meaning: T(
      'Whether NodePort Services answer on 127.0.0.1 (iptables mode, IPv4 only; other modes and IPv6 never do). Default true.',
      '是否允许通过 127.0.0.1 访问 NodePort Service（仅 iptables 模式与 IPv4；其他模式和 IPv6 都不支持）。默认 true。',
    ),
    rationale: T(
      'true requires kube-proxy to set the route_localnet sysctl, which has had security implications (CVE-2020-8558); set false unless something relies on localhost NodePorts. It also eases a later move to nftables, which does not serve them.',
      '为 true 时 kube-proxy 需要开启 route_localnet 内核参数，这曾带来安全问题（CVE-2020-8558）；除非有依赖 localhost NodePort 的场景，否则建议设为 false。这也便于日后迁移到不提供该能力的 nftables 模式。',
    ),
    docs: IPTABLES,
  },
  {
    path: 'iptables.syncPeriod',
    meaning: T(
      'Interval of periodic resync and cleanup in iptables mode; changes are still applied as they happen. 0 becomes the default 30s.',
      'iptables 模式下周期性重新同步与清理的间隔；变更仍会即时下发。0 会被替换为默认值 30s。',
    ),
    rationale: T(
      "The periodic pass repairs rules changed behind kube-proxy's back; in a large cluster each pass is costly, so do not go below 30s.",
      '周期性同步用于修复被外部改动的规则；在大集群中每次全量处理的开销都很大，因此不要低于 30s。',
    ),
    versions: [until('1.30', 'Validated in every mode.', '在任何模式下都会校验。'), SYNC_ACTIVE_ONLY],
    docs: IPTABLES,
  },
  {
    path: 'iptables.minSyncPeriod',
    meaning: T(
      'Minimum time between two iptables rule syncs; changes arriving in between are batched. 0 becomes the default 1s.',
      '两次 iptables 规则同步之间的最短间隔，期间到达的变更会被合并。0 会被替换为默认值 1s。',
    ),
    recommended: {
      value: '1s',
      rationale: T(
        'The default 1s suits most clusters. If kubeproxy_sync_proxy_rules_duration_seconds averages well above 1s, a larger value batches more changes per sync, at the price of slower endpoint updates.',
        '默认的 1s 适合大多数集群。如果 kubeproxy_sync_proxy_rules_duration_seconds 的平均值明显高于 1s，调大该值能让每次同步合并更多变更，代价是端点更新变慢。',
      ),
    },
    versions: [until('1.30', 'Validated in every mode.', '在任何模式下都会校验。'), SYNC_ACTIVE_ONLY],
    docs: IPTABLES,
  },

  // ── ipvs ────────────────────────────────────────────────────────────────────────────────────
  {
    path: 'ipvs',
    meaning: T('Settings of the ipvs proxier, used when mode is ipvs.', 'ipvs 代理的设置，在 mode 为 ipvs 时生效。'),
    versions: [
      until('1.32', "The seed's recommended mode for large clusters on these versions.", '在这些版本上是种子文档为大规模集群推荐的模式。'),
      since('1.35', 'ipvs mode is deprecated (KEP-5495); plan a move to nftables.', 'ipvs 模式已弃用（KEP-5495）；请规划迁移到 nftables。'),
      since('1.37', 'Needs the KubeProxyIPVS gate (deprecated, on by default).', '需要 KubeProxyIPVS 门控（已弃用，默认开启）。'),
    ],
    docs: KEP_IPVS_DEPRECATION,
  },
  {
    path: 'ipvs.syncPeriod',
    meaning: T(
      'Interval of the periodic full reconcile of IPVS virtual servers, ipsets and helper rules; changes are still applied as they happen. 0 becomes the default 30s. Validated only in ipvs mode.',
      'IPVS 虚拟服务、ipset 及辅助规则周期性全量对齐的间隔；变更仍会即时下发。0 会被替换为默认值 30s。仅在 ipvs 模式下校验。',
    ),
    recommended: {
      value: '30s',
      rationale: T(
        "Each full pass walks every Service on the node: shorter periods burn CPU on large nodes, longer ones delay cleanup of stale rules. 30s (the default and the seed's value) is the balance.",
        '每次全量对齐都要遍历节点上的所有 Service：周期越短，大节点上 CPU 消耗越高；周期越长，过期规则清理越慢。30s（默认值，也是种子文档的取值）是两者的平衡点。',
      ),
    },
    docs: IPVS,
  },
  {
    path: 'ipvs.minSyncPeriod',
    meaning: T(
      'Minimum time between two IPVS rule syncs. Unlike iptables/nftables the default is 0: every Service or EndpointSlice change syncs immediately.',
      '两次 IPVS 规则同步之间的最短间隔。与 iptables/nftables 不同，默认值为 0：每次 Service 或 EndpointSlice 变化都会立即同步。',
    ),
    recommended: {
      value: '1s',
      when: T(
        'Services or EndpointSlices change often, as in most large clusters',
        'Service 或 EndpointSlice 变更频繁时（大多数大规模集群如此）',
      ),
      rationale: T(
        'With 0 (default, kept by the seed) a rollout in a large cluster triggers back-to-back syncs and high kube-proxy CPU. 1s, which the seed itself suggests for frequent updates, batches changes into at most one sync per second, delaying new endpoints by up to a second; 0 is fine for small, quiet clusters.',
        '取 0（默认值，种子文档保留此值）时，大集群中的一次滚动发布会触发连续不断的同步，kube-proxy CPU 飙升。1s（种子文档本身建议在频繁更新时使用）把变更合并为每秒最多一次同步，新端点最多延迟约 1 秒生效；小规模、变更少的集群保持 0 即可。',
      ),
    },
    docs: IPVS,
  },
  {
    path: 'ipvs.scheduler',
    meaning: T(
      'IPVS scheduling algorithm for all Services; empty means rr. Any string passes validation; a scheduler whose kernel module (ip_vs_<name>) is missing fails at runtime.',
      '所有 Service 使用的 IPVS 调度算法；为空时为 rr。任意字符串都能通过校验，但若缺少对应内核模块（ip_vs_<名称>），运行时会失败。',
    ),
    values: {
      rr: { meaning: T('Round robin: endpoints take turns.', '轮询：各端点依次分配。') },
      wrr: {
        meaning: T(
          'Weighted round robin; kube-proxy gives every endpoint weight 1, so it behaves like rr.',
          '加权轮询；kube-proxy 为所有端点设置相同权重 1，因此效果与 rr 相同。',
        ),
      },
      lc: { meaning: T('Least connection: the endpoint with the fewest active connections.', '最少连接：选择活动连接数最少的端点。') },
      wlc: { meaning: T('Weighted least connection; with equal weights like lc.', '加权最少连接；权重相同时等同于 lc。') },
      lblc: {
        meaning: T(
          'Locality-based least connection: the same destination IP goes to the same endpoint unless it is overloaded.',
          '基于局部性的最少连接：相同目标 IP 优先发往同一端点，除非该端点过载。',
        ),
      },
      lblcr: {
        meaning: T(
          'Locality-based least connection with replication: each destination IP maps to a set of endpoints.',
          '带复制的基于局部性最少连接：每个目标 IP 对应一组端点。',
        ),
      },
      sh: {
        meaning: T(
          'Source hashing: a client IP always reaches the same endpoint while the set is stable.',
          '源地址哈希：端点集合不变时，同一客户端 IP 总是到达同一端点。',
        ),
      },
      dh: { meaning: T('Destination hashing: chosen by destination IP.', '目标地址哈希：按目标 IP 选择端点。') },
      sed: {
        meaning: T(
          'Shortest expected delay: prefers the endpoint with the lowest (active connections + 1) / weight.',
          '最短预期延迟：优先选择 (活动连接数 + 1) / 权重 最小的端点。',
        ),
      },
      nq: { meaning: T('Never queue: an idle endpoint first, otherwise like sed.', '永不排队：优先选择空闲端点，否则按 sed 选择。') },
      mh: {
        meaning: T(
          'Maglev hashing: consistent hashing that moves few connections when endpoints change.',
          'Maglev 哈希：一致性哈希，端点变化时只迁移少量连接。',
        ),
      },
    },
    docs: IPVS,
  },
  {
    path: 'ipvs.excludeCIDRs',
    meaning: T(
      'CIDRs whose IPVS virtual servers kube-proxy never deletes during cleanup, to protect IPVS services created by other software. In ipvs mode each entry must be a valid CIDR.',
      'kube-proxy 清理时不会删除其中 IPVS 虚拟服务的 CIDR 列表，用于保护其他软件创建的 IPVS 服务。ipvs 模式下每一项都必须是合法的 CIDR。',
    ),
    docs: IPVS,
  },
  {
    path: 'ipvs.strictARP',
    meaning: T(
      'Sets the node-wide sysctls arp_ignore=1 and arp_announce=2 so the node does not answer ARP for Service IPs bound to the kube-ipvs0 dummy interface.',
      '在节点全局设置 arp_ignore=1 与 arp_announce=2，使节点不再响应绑定在 kube-ipvs0 虚拟网卡上的 Service IP 的 ARP 请求。',
    ),
    recommended: {
      value: true,
      when: T(
        'ipvs mode with MetalLB or kube-vip announcing addresses in layer-2 (ARP) mode',
        'ipvs 模式下使用二层（ARP）模式的 MetalLB 或 kube-vip 通告地址时',
      ),
      rationale: T(
        "ipvs binds every Service IP, LoadBalancer IPs included, to kube-ipvs0, and Linux by default answers ARP for any local address, so every node would claim the load balancer's VIP. Without an ARP-mode load balancer keep false (the default and the seed's value): the sysctls affect the whole node.",
        'ipvs 会把所有 Service IP（包括 LoadBalancer IP）绑定到 kube-ipvs0，而 Linux 默认会为任何本机地址应答 ARP，导致每个节点都去抢占负载均衡器的 VIP。若未使用 ARP 模式的负载均衡器，请保持 false（默认值，也是种子文档的取值）：这些内核参数会影响整个节点。',
      ),
    },
    docs: IPVS,
  },
  {
    path: 'ipvs.tcpTimeout',
    meaning: T(
      'Idle timeout of established TCP sessions in the IPVS connection table; 0 (default) keeps the kernel value (15 minutes unless changed). Must not be negative.',
      'IPVS 连接表中已建立 TCP 会话的空闲超时；0（默认）保留内核当前值（未修改时为 15 分钟）。不能为负数。',
    ),
    rationale: T(
      'Idle long-lived connections (database pools, gRPC) through IPVS are dropped after this timeout; raise it or use TCP keepalives shorter than it.',
      '经过 IPVS 的长连接（数据库连接池、gRPC）空闲超过该时间就会被断开；可调大该值，或让 TCP keepalive 间隔短于它。',
    ),
    docs: IPVS,
  },
  {
    path: 'ipvs.tcpFinTimeout',
    meaning: T(
      'Timeout of IPVS TCP sessions after a FIN; 0 (default) keeps the kernel value (2 minutes unless changed). Must not be negative.',
      'IPVS TCP 会话收到 FIN 之后的超时；0（默认）保留内核当前值（未修改时为 2 分钟）。不能为负数。',
    ),
    docs: IPVS,
  },
  {
    path: 'ipvs.udpTimeout',
    meaning: T(
      'Timeout of IPVS UDP entries; 0 (default) keeps the kernel value (5 minutes unless changed). Must not be negative.',
      'IPVS UDP 条目的超时；0（默认）保留内核当前值（未修改时为 5 分钟）。不能为负数。',
    ),
    docs: IPVS,
  },

  // ── nftables ────────────────────────────────────────────────────────────────────────────────
  {
    path: 'nftables',
    meaning: T('Settings of the nftables proxier, used when mode is nftables.', 'nftables 代理的设置，在 mode 为 nftables 时生效。'),
    versions: [
      since(
        '1.29',
        'Added in 1.29 (alpha; needs featureGates NFTablesProxyMode: true on 1.29–1.30); an unknown field on 1.28.',
        '1.29 新增（alpha；1.29–1.30 需要 featureGates 设置 NFTablesProxyMode: true）；在 1.28 上属于未知字段。',
      ),
      span('1.31', '1.32', 'Beta, on by default.', 'beta，默认开启。'),
      since('1.33', 'GA (KEP-3866); needs Linux kernel 5.13+.', '已 GA（KEP-3866）；需要 Linux 内核 5.13+。'),
    ],
    docs: KEP_NFTABLES,
  },
  {
    path: 'nftables.masqueradeBit',
    meaning: T(
      'Bit of the packet fwmark that kube-proxy uses to mark traffic for SNAT in nftables mode; 0–31, default 14. Validated only in nftables mode.',
      'kube-proxy 在 nftables 模式下用来标记需 SNAT 报文的 fwmark 位；取值 0–31，默认 14。仅在 nftables 模式下校验。',
    ),
    versions: [NFT_ADDED],
    docs: NFTABLES,
  },
  {
    path: 'nftables.masqueradeAll',
    meaning: T(
      'SNAT all traffic sent to Service cluster IPs in nftables mode. Some CNI plugins need it; otherwise leave it off so backends keep client source IPs.',
      '在 nftables 模式下对发往 Service 集群 IP 的所有流量做 SNAT。部分 CNI 插件需要开启；否则保持关闭，以便后端保留客户端源 IP。',
    ),
    versions: [NFT_ADDED],
    docs: NFTABLES,
  },
  {
    path: 'nftables.syncPeriod',
    meaning: T(
      'Interval of periodic resync and cleanup in nftables mode; changes are still applied as they happen. 0 becomes the default 30s.',
      'nftables 模式下周期性重新同步与清理的间隔；变更仍会即时下发。0 会被替换为默认值 30s。',
    ),
    rationale: T(
      'nftables applies changes incrementally, so the periodic pass mainly repairs drift; the 30s default is a good fit for large clusters.',
      'nftables 以增量方式下发变更，周期性同步主要用于修复偏差；默认的 30s 适合大规模集群。',
    ),
    versions: NFT_SYNC_VERSIONS,
    docs: NFTABLES,
  },
  {
    path: 'nftables.minSyncPeriod',
    meaning: T(
      'Minimum time between two nftables rule syncs; changes arriving in between are batched. 0 becomes the default 1s.',
      '两次 nftables 规则同步之间的最短间隔，期间到达的变更会被合并。0 会被替换为默认值 1s。',
    ),
    recommended: {
      value: '1s',
      rationale: T(
        'The default 1s batches bursts of EndpointSlice changes; raise it only if kubeproxy_sync_proxy_rules_duration_seconds shows syncs taking well over a second, accepting slower endpoint updates.',
        '默认的 1s 可以合并突发的 EndpointSlice 变更；仅当 kubeproxy_sync_proxy_rules_duration_seconds 显示同步耗时远超 1 秒时才调大，并接受端点更新变慢。',
      ),
    },
    versions: NFT_SYNC_VERSIONS,
    docs: NFTABLES,
  },

  // ── winkernel (Windows) ─────────────────────────────────────────────────────────────────────
  {
    path: 'winkernel',
    meaning: T(
      'Settings of the Windows kernelspace proxier (HNS). Ignored on Linux.',
      'Windows kernelspace 代理（HNS）的设置，在 Linux 上被忽略。',
    ),
    docs: WINKERNEL,
  },
  {
    path: 'winkernel.networkName',
    meaning: T(
      'Name of the HNS network in which kube-proxy creates endpoints and policies.',
      'kube-proxy 创建端点和策略所在的 HNS 网络名称。',
    ),
    rationale: WINDOWS_ONLY,
    docs: WINKERNEL,
  },
  {
    path: 'winkernel.sourceVip',
    meaning: T(
      'IP address of the source VIP endpoint used for NAT when load balancing (overlay networks).',
      '负载均衡做 NAT 时使用的源 VIP 端点 IP 地址（overlay 网络）。',
    ),
    rationale: WINDOWS_ONLY,
    docs: WINKERNEL,
  },
  {
    path: 'winkernel.enableDSR',
    meaning: T(
      'Create HNS load-balancer policies with Direct Server Return, so replies bypass the proxy.',
      '以直接服务器返回（DSR）方式创建 HNS 负载均衡策略，使回包不再经过代理。',
    ),
    versions: [
      until('1.32', 'Needs featureGates WinDSR: true (alpha).', '需要 featureGates 设置 WinDSR: true（alpha）。'),
      span('1.33', '1.33', 'WinDSR is beta and on by default.', 'WinDSR 为 beta，默认开启。'),
      since('1.34', 'WinDSR is GA.', 'WinDSR 已 GA。'),
    ],
    rationale: WINDOWS_ONLY,
    docs: WINKERNEL,
  },
  {
    path: 'winkernel.rootHnsEndpointName',
    meaning: T(
      'Name of the HNS endpoint attached to the l2bridge network for the root (host) network namespace.',
      '为根（主机）网络命名空间挂接到 l2bridge 网络的 HNS 端点名称。',
    ),
    rationale: WINDOWS_ONLY,
    docs: WINKERNEL,
  },
  {
    path: 'winkernel.forwardHealthCheckVip',
    meaning: T('Forward the Service VIP for the health-check port on Windows.', '在 Windows 上为健康检查端口转发 Service VIP。'),
    rationale: WINDOWS_ONLY,
    docs: WINKERNEL,
  },

  // ── local traffic detection ─────────────────────────────────────────────────────────────────
  {
    path: 'detectLocalMode',
    meaning: T(
      'How kube-proxy tells traffic from pods on this node apart from other traffic; it masquerades Service traffic that does not come from a local pod, and lets local pods use a LoadBalancer IP of an externalTrafficPolicy: Local Service even without a local endpoint. Empty means ClusterCIDR; case-sensitive.',
      'kube-proxy 区分本节点 Pod 流量与其他流量的方式：不是来自本地 Pod 的 Service 流量会被 SNAT；本地 Pod 访问 externalTrafficPolicy: Local 的 LoadBalancer IP 时，即使本节点没有端点也能连通。为空时取 ClusterCIDR；区分大小写。',
    ),
    values: {
      ClusterCIDR: {
        meaning: T(
          'Source IP inside clusterCIDR counts as pod traffic; needs clusterCIDR (kubeadm fills it from networking.podSubnet).',
          '源 IP 位于 clusterCIDR 内即视为 Pod 流量；需要设置 clusterCIDR（kubeadm 会从 networking.podSubnet 填入）。',
        ),
      },
      NodeCIDR: {
        meaning: T(
          "Source IP inside this Node's spec.podCIDR(s); kube-proxy waits until the Node has a pod CIDR, so node IPAM must allocate one.",
          '源 IP 位于本 Node 的 spec.podCIDR(s) 内；kube-proxy 会等到 Node 分配了 Pod CIDR，因此需要启用节点 IPAM 分配。',
        ),
      },
      BridgeInterface: {
        meaning: T(
          'Traffic entering from the bridge named in detectLocal.bridgeInterface.',
          '从 detectLocal.bridgeInterface 指定的网桥进入的流量。',
        ),
      },
      InterfaceNamePrefix: {
        meaning: T(
          'Traffic from interfaces whose names start with detectLocal.interfaceNamePrefix (e.g. veth, cali).',
          '来自名称以 detectLocal.interfaceNamePrefix 开头的接口（如 veth、cali）的流量。',
        ),
      },
    },
    docs: LOCAL_MODE,
  },
  {
    path: 'detectLocal',
    meaning: T('Parameters for the interface-based detectLocalMode values.', '基于网络接口的 detectLocalMode 取值所需的参数。'),
    docs: DETECT_LOCAL,
  },
  {
    path: 'detectLocal.bridgeInterface',
    meaning: T(
      'Bridge interface whose traffic counts as local; required when detectLocalMode is BridgeInterface.',
      '其流量被视为本地流量的网桥接口；detectLocalMode 为 BridgeInterface 时必填。',
    ),
    docs: DETECT_LOCAL,
  },
  {
    path: 'detectLocal.interfaceNamePrefix',
    meaning: T(
      'Interface name prefix whose traffic counts as local; required when detectLocalMode is InterfaceNamePrefix.',
      '其流量被视为本地流量的接口名前缀；detectLocalMode 为 InterfaceNamePrefix 时必填。',
    ),
    docs: DETECT_LOCAL,
  },
  {
    path: 'clusterCIDR',
    meaning: T(
      'Pod CIDR of the cluster, or a comma-separated IPv4/IPv6 pair for dual stack (no spaces). Used to detect local traffic when detectLocalMode is ClusterCIDR.',
      '集群的 Pod CIDR；双栈时为逗号分隔的 IPv4/IPv6 各一个（不含空格）。在 detectLocalMode 为 ClusterCIDR 时用于识别本地流量。',
    ),
    versions: [
      until('1.30', 'Validated whenever it is set.', '只要设置了就会校验。'),
      since(
        '1.31',
        'Validated only when detectLocalMode is ClusterCIDR (or empty).',
        '仅在 detectLocalMode 为 ClusterCIDR（或为空）时校验。',
      ),
    ],
    kubeadm: T(
      'kubeadm fills an empty value from ClusterConfiguration networking.podSubnet; a different value is kept with the warning "The recommended value for clusterCIDR … is …".',
      'kubeadm 会用 ClusterConfiguration 的 networking.podSubnet 填入空值；若填写了不同的值则保留，并告警 "The recommended value for clusterCIDR … is …"。',
    ),
    docs: KPC,
  },
  {
    path: 'nodePortAddresses',
    meaning: T(
      'Which node IPs accept NodePort connections: CIDRs, or keywords. Unset means all local IPs (except in nftables mode, see below).',
      '哪些节点 IP 接受 NodePort 连接：CIDR 列表或关键字。未设置时为所有本机 IP（nftables 模式除外，见下文）。',
    ),
    rationale: T(
      'Accepting NodePorts on every address also exposes them on interfaces you did not mean to; kube-proxy 1.31+ logs a hint suggesting primary when the field is unset.',
      '在所有地址上接受 NodePort 会把服务暴露到本不打算开放的接口上；kube-proxy 1.31 起在未设置该字段时会提示考虑使用 primary。',
    ),
    versions: [
      until('1.30', 'CIDRs only.', '仅支持 CIDR。'),
      span('1.31', '1.36', 'The keyword primary is accepted, but only as the single entry.', '支持关键字 primary，但只能作为唯一条目。'),
      since('1.31', 'In nftables mode an empty list defaults to [primary].', 'nftables 模式下空列表默认为 [primary]。'),
      since(
        '1.37',
        'Keywords primary, localhost and all may be combined with each other and with CIDRs.',
        '关键字 primary、localhost、all 可相互组合，也可与 CIDR 混用。',
      ),
    ],
    values: {
      primary: {
        meaning: T("The node's primary IPv4 and/or IPv6 address from its Node object.", '节点 Node 对象中记录的主 IPv4 和/或 IPv6 地址。'),
        versions: [since('1.31', 'Available from 1.31; sole entry until 1.36.', '1.31 起可用；1.36 及以前只能作为唯一条目。')],
      },
      localhost: {
        meaning: T(
          '127.0.0.0/8 and ::1/128; in nftables mode serving NodePorts there needs the alpha KubeProxyNFTablesLocalhostNodePorts gate.',
          '即 127.0.0.0/8 与 ::1/128；在 nftables 模式下在这些地址上提供 NodePort 需要 alpha 门控 KubeProxyNFTablesLocalhostNodePorts。',
        ),
        versions: [since('1.37', 'Available from 1.37.', '1.37 起可用。')],
      },
      all: {
        meaning: T(
          '0.0.0.0/0 and ::/0, i.e. every local IP (what unset means in iptables and ipvs modes).',
          '即 0.0.0.0/0 与 ::/0，所有本机 IP（相当于 iptables 与 ipvs 模式下未设置时的行为）。',
        ),
        versions: [since('1.37', 'Available from 1.37.', '1.37 起可用。')],
      },
    },
    docs: KPC,
  },
  {
    path: 'oomScoreAdj',
    meaning: T(
      'oom_score_adj of the kube-proxy process, in [-1000, 1000]; default -999.',
      'kube-proxy 进程的 oom_score_adj，取值范围 [-1000, 1000]；默认 -999。',
    ),
    rationale: T(
      'Under memory pressure the kernel kills kube-proxy almost last with -999; without kube-proxy the node stops updating Service rules.',
      '取 -999 时，内存紧张时内核几乎最后才会杀掉 kube-proxy；kube-proxy 一旦退出，节点上的 Service 规则就停止更新。',
    ),
    docs: KPC,
  },

  // ── conntrack ───────────────────────────────────────────────────────────────────────────────
  {
    path: 'conntrack',
    meaning: T(
      'Connection-tracking sysctls kube-proxy sets on the node: table size and TCP/UDP timeouts. They are node-wide and affect all traffic, not only Services.',
      'kube-proxy 在节点上设置的连接跟踪内核参数：表容量与 TCP/UDP 超时。它们作用于整个节点的所有流量，而不仅是 Service 流量。',
    ),
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.maxPerCore',
    meaning: T(
      'conntrack entries per CPU core: kube-proxy sizes nf_conntrack_max as the larger of maxPerCore × cores and min. 0 leaves the kernel limit unchanged and ignores min; null becomes 32768.',
      '每个 CPU 核的 conntrack 条目数：kube-proxy 将 nf_conntrack_max 设为 maxPerCore × 核数 与 min 中的较大者。0 表示不修改内核上限并忽略 min；null 时取 32768。',
    ),
    recommended: {
      value: 32768,
      rationale: T(
        'Every proxied and NATed connection needs a conntrack entry; when the table is full the kernel drops new packets ("nf_conntrack: table full, dropping packet"). 32768 per core (the default, kept by the seed) is the floor for large clusters; raise it on nodes with many short-lived connections and watch conntrack usage.',
        '每个经过代理和 NAT 的连接都要占用一条 conntrack 记录；表满时内核会丢弃新报文（"nf_conntrack: table full, dropping packet"）。每核 32768（默认值，种子文档保留）是大规模集群的底线；在短连接很多的节点上应调大，并持续监控 conntrack 使用率。',
      ),
    },
    versions: [
      since(
        '1.36',
        'conntrack setup moved to a new package in 1.36 and a regression in setting nf_conntrack_max was fixed later (kubernetes#142035); check the value on nodes after upgrading.',
        '1.36 将 conntrack 设置迁移到新的代码包，之后修复了一个设置 nf_conntrack_max 的回归问题（kubernetes#142035）；升级后请检查节点上的实际值。',
      ),
      since(
        '1.37',
        "The core count is taken from kube-proxy's cpuset, not all CPUs of the host.",
        '核数取自 kube-proxy 所在的 cpuset，而不是主机的全部 CPU。',
      ),
    ],
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.min',
    meaning: T(
      'Lower bound of nf_conntrack_max regardless of core count; null becomes 131072. Ignored when maxPerCore is 0.',
      'nf_conntrack_max 的下限，与核数无关；null 时取 131072。maxPerCore 为 0 时被忽略。',
    ),
    recommended: {
      value: 131072,
      rationale: T(
        'Keeps small nodes from getting a tiny table that overflows and drops packets under load; 131072 is the default and suits large clusters.',
        '避免核数少的节点得到过小的连接表，在负载高时溢出丢包；131072 是默认值，适合大规模集群。',
      ),
    },
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.tcpEstablishedTimeout',
    meaning: T(
      'How long an idle established TCP connection stays in the conntrack table (nf_conntrack_tcp_timeout_established). null becomes 24h; 0 leaves the kernel value.',
      '空闲的已建立 TCP 连接在 conntrack 表中保留的时长（nf_conntrack_tcp_timeout_established）。null 时取 24h；0 表示保留内核当前值。',
    ),
    recommended: {
      value: '24h',
      rationale: T(
        'The kernel default is 5 days, so dead connections occupy the table for long; 24h frees entries much sooner while keeping idle long-lived connections working. Go lower only if clients send keepalives more often than the timeout.',
        '内核默认值为 5 天，失效连接会长期占用连接表；24h 能更早释放条目，同时不影响空闲的长连接。只有当客户端的 keepalive 间隔短于该超时时才考虑进一步调低。',
      ),
    },
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.tcpCloseWaitTimeout',
    meaning: T(
      'How long an idle conntrack entry in CLOSE_WAIT stays in the table (nf_conntrack_tcp_timeout_close_wait). null becomes 1h; 0 leaves the kernel value.',
      '处于 CLOSE_WAIT 状态的空闲 conntrack 条目在表中保留的时长（nf_conntrack_tcp_timeout_close_wait）。null 时取 1h；0 表示保留内核当前值。',
    ),
    recommended: {
      value: '1h',
      rationale: T(
        "Longer than the kernel's 60s so half-closed connections through a Service keep their NAT mapping while the peer finishes; the cost is holding those entries longer. Keep the default.",
        '比内核默认的 60 秒更长，使经过 Service 的半关闭连接在对端完成关闭前仍保有 NAT 映射；代价是这些条目占用时间更长。保持默认值即可。',
      ),
    },
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.tcpBeLiberal',
    meaning: T(
      'Runs conntrack in liberal TCP mode (nf_conntrack_tcp_be_liberal): packets with out-of-window sequence numbers are no longer marked INVALID.',
      '让 conntrack 以宽松 TCP 模式运行（nf_conntrack_tcp_be_liberal）：序列号超出窗口的报文不再被标记为 INVALID。',
    ),
    rationale: T(
      "Helps when spurious INVALID packets reset connections under heavy load. The seed frames it as a performance option, but it is about correctness, weakens conntrack's TCP window checks and applies to the whole node.",
      '当高负载下出现误判为 INVALID 的报文导致连接被重置时有帮助。种子文档将其视为性能选项，但它实际关乎正确性，会削弱 conntrack 的 TCP 窗口检查，并作用于整个节点。',
    ),
    versions: [since('1.29', 'Added in 1.29; an unknown field on 1.28.', '1.29 新增；在 1.28 上属于未知字段。')],
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.udpTimeout',
    meaning: T(
      'How long an idle UDP conntrack entry in UNREPLIED state stays in the table (nf_conntrack_udp_timeout); 0 (default) leaves the kernel value.',
      '处于 UNREPLIED 状态的空闲 UDP conntrack 条目在表中保留的时长（nf_conntrack_udp_timeout）；0（默认）表示保留内核当前值。',
    ),
    rationale: T(
      'DNS-heavy workloads create many short UDP flows; a shorter timeout frees their entries sooner.',
      'DNS 请求密集的负载会产生大量短暂的 UDP 流；缩短超时可以更快释放这些条目。',
    ),
    versions: [since('1.29', 'Added in 1.29; an unknown field on 1.28.', '1.29 新增；在 1.28 上属于未知字段。')],
    docs: CONNTRACK,
  },
  {
    path: 'conntrack.udpStreamTimeout',
    meaning: T(
      'How long an idle UDP conntrack entry in ASSURED state (traffic seen both ways) stays in the table (nf_conntrack_udp_timeout_stream); 0 (default) leaves the kernel value.',
      '处于 ASSURED 状态（双向都有流量）的空闲 UDP conntrack 条目在表中保留的时长（nf_conntrack_udp_timeout_stream）；0（默认）表示保留内核当前值。',
    ),
    versions: [since('1.29', 'Added in 1.29; an unknown field on 1.28.', '1.29 新增；在 1.28 上属于未知字段。')],
    docs: CONNTRACK,
  },

  // ── remaining top-level fields ──────────────────────────────────────────────────────────────
  {
    path: 'configSyncPeriod',
    meaning: T(
      'Resync period of kube-proxy\'s Service and EndpointSlice informers: how often cached objects are replayed to its handlers. 0 becomes the default 15m; only negative values fail "must be greater than 0".',
      'kube-proxy 的 Service 与 EndpointSlice informer 的重新同步周期，即多久把缓存中的对象重新交给处理函数一次。0 会被替换为默认值 15m；只有负值才会因 "must be greater than 0" 校验失败。',
    ),
    recommended: {
      value: '15m',
      rationale: T(
        'The seed\'s 0 does not mean "no resync": kube-proxy replaces it with 15m. A resync replays the local cache (no new API requests) but costs CPU on every node for every Service and EndpointSlice, so shorter periods only add work in a large cluster; write 15m to say what you get.',
        '种子文档中的 0 并不代表“不重新同步”：kube-proxy 会把它替换为 15m。重新同步回放的是本地缓存（不产生新的 API 请求），但每个节点都要为每个 Service 和 EndpointSlice 消耗 CPU，因此在大集群中缩短周期只会增加负担；直接写 15m，所写即所得。',
      ),
    },
    docs: KPC,
  },
  {
    path: 'portRange',
    meaning: T(
      'Host port range of the removed userspace proxier; kube-proxy no longer uses it. Leave it empty.',
      '已移除的 userspace 代理所用的主机端口范围；kube-proxy 不再使用该字段。保持为空即可。',
    ),
    versions: [
      until(
        '1.30',
        'Still validated: "", N, A-B or A+N with ports up to 65535.',
        '仍会校验：允许 ""、N、A-B 或 A+N 形式，端口不超过 65535。',
      ),
      since(
        '1.31',
        'Ignored entirely (dropped from the internal config); still accepted as a field.',
        '完全忽略（已从内部配置中移除），但字段本身仍被接受。',
      ),
    ],
    docs: KPC,
  },
  {
    path: 'windowsRunAsService',
    meaning: T(
      'When true, kube-proxy integrates with the Windows service control manager so it can run as a Windows service. Ignored on Linux.',
      '为 true 时，kube-proxy 与 Windows 服务控制管理器集成，从而以 Windows 服务方式运行。在 Linux 上被忽略。',
    ),
    versions: [since('1.31', 'Added in 1.31; an unknown field on 1.28–1.30.', '1.31 新增；在 1.28–1.30 上属于未知字段。')],
    docs: KPC,
  },
];

const DOCS_BY_PATH = new Map<string, FieldDoc>(FIELD_DOCS.map((doc) => [doc.path, doc]));

/** The knowledge for a field path (`ipvs.syncPeriod`), as hovers, rules and completion look it up. */
export function fieldDoc(path: string): FieldDoc | undefined {
  return DOCS_BY_PATH.get(path);
}
