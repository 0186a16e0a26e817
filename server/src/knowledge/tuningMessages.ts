/**
 * The sentences of tuning findings and of the metrics summary, in English and Simplified Chinese.
 * Kept apart from messages.ts (which merges them) because they grow with the tuning rules.
 * Placeholders are `{name}`; figures come formatted.
 */
type Entry = readonly [en: string, zh: string];

export const TUNING_MESSAGES = {
  // Windows: where a figure comes from.
  'tuning.window.between': ['over {seconds} between {from} and {to}', '{from} 与 {to} 之间的 {seconds}'],
  'tuning.window.sinceStart': [
    'since kube-proxy started, {seconds} before {file} was taken (one scrape: start-up syncs included)',
    '自 kube-proxy 启动至 {file} 抓取时的 {seconds}（单次抓取：包含启动时的同步）',
  ],
  'tuning.window.unknown': ['since kube-proxy started (its age is not in {file})', '自 kube-proxy 启动以来（{file} 中没有其运行时长）'],

  'tuning-min-sync-period.slow': [
    "kube-proxy's rule syncs take {mean} on average ({metric}, {count} syncs, {window}), and {path} is {current}: under churn a new sync starts as soon as one ends. A minimum of about twice the sync time, {suggested}, batches changes into fewer syncs; upstream suggests raising minSyncPeriod when the average is well over a second.",
    'kube-proxy 规则同步平均耗时 {mean}（{metric}，{count} 次同步，{window}），而 {path} 为 {current}：变更频繁时一次同步结束后立刻开始下一次。把最小同步周期设为约两倍同步耗时即 {suggested}，可以把变更合并为更少的同步；上游建议在平均耗时远超 1 秒时调大 minSyncPeriod。',
  ],
  'tuning-min-sync-period.legacy': [
    "Since 1.28 iptables mode writes only what changed, and partial syncs here take {mean} ({metric}, {count} syncs, {window}), yet {path} is {current}: every Service or endpoint change can wait that long to reach the node's rules. Upstream suggests removing such an override (the default is {suggested}) or lowering it; it costs CPU roughly in proportion to the sync rate.",
    '自 1.28 起 iptables 模式只写入变化的部分，此处部分同步耗时 {mean}（{metric}，{count} 次同步，{window}），而 {path} 为 {current}：每次 Service 或端点变化最多要等这么久才会写入节点规则。上游建议去掉这类覆盖（默认值为 {suggested}）或调小；代价是 CPU 开销大致随同步频率增加。',
  ],
  'tuning-sync-duration.saturated': [
    "99% of kube-proxy's {which} syncs finish only above {top} ({metric}, {window}), beyond what its histogram can measure: at this size the {mode} ruleset is at its limits.{advice}",
    'kube-proxy {which}同步的 99% 分位超过 {top}（{metric}，{window}），超出其直方图可测量的范围：在这种规模下 {mode} 规则集已到极限。{advice}',
  ],
  'tuning-sync-duration.nftables': [
    ' nftables (GA from 1.33) matches packets through maps and syncs only what changed; see the migration checklist first.',
    ' nftables（1.33 起 GA）用映射匹配数据包并只同步变化的部分；迁移前请先查看迁移清单。',
  ],
  'tuning-sync-duration.healthz': [
    "kube-proxy's {which} syncs take up to {p99} (p99, {metric}, {window}), and /healthz reports the node unhealthy when a queued sync has not finished within twice {path} ({limit}): load-balancer health checks would flap. {suggested} keeps twice the slowest syncs in bounds.",
    'kube-proxy {which}同步最长约 {p99}（p99，{metric}，{window}），而 /healthz 会在排队的同步未能在两倍 {path}（{limit}）内完成时报告节点不健康：负载均衡器的健康检查会反复切换。设为 {suggested} 可以容纳最慢的同步。',
  ],
  'tuning.sync.full': ['full', '全量'],
  'tuning.sync.all': ['rule', '规则'],
  'tuning-network-programming': [
    "Network programming latency p99 is {p99} ({metric}, {count} changes, {window}), over the {limit} upstream's scale tests hold kube-proxy to. It is the time from a Service or endpoint change to the node's rules: {path} ({current}), the sync itself (mean {mean}) and EndpointSlice delays add up.{advice}",
    '网络编程延迟 p99 为 {p99}（{metric}，{count} 次变更，{window}），超过上游规模测试对 kube-proxy 的 {limit} 要求。它是从 Service 或端点变化到节点规则生效的时间：{path}（{current}）、同步本身（平均 {mean}）与 EndpointSlice 延迟相加而成。{advice}',
  ],
  'tuning-network-programming.lower': [
    ' The minimum sync period is most of it: {suggested} (twice the mean sync) would still batch changes.',
    ' 其中大部分来自最小同步周期：设为 {suggested}（两倍平均同步耗时）仍能合并变更。',
  ],
  'tuning-sync-failures': [
    "{metric} is {count} ({window}): kube-proxy failed to write its rules that often. That is not a tuning problem: something else edits {tables}, or the kernel refuses the rules; kube-proxy's log says which.",
    '{metric} 为 {count}（{window}）：kube-proxy 写入规则失败了这么多次。这不是调优问题：其他程序在修改 {tables}，或内核拒绝了这些规则；kube-proxy 的日志会说明原因。',
  ],
  'tuning-sync-failures.partial': [
    '{metric} is {count} ({window}). Upstream expects it to be non-zero now and then but never to keep rising; compare a second scrape taken later.',
    '{metric} 为 {count}（{window}）。上游认为它偶尔非零是正常的，但不应持续上升；请过一段时间再抓取一次进行比较。',
  ],
  'tuning-client-throttling': [
    'kube-proxy waited for its own client rate limit: {mean} per request on average, {slow} waits over {warned} ({metric}, {count} requests, {window}); client-go logs waits over {logged} (at -v=3) and those over {warned} at default verbosity. Changes arrive through watches, which the limit does not slow: it paces start-up lists, re-lists and events. {path} is {current}; {suggested} gives it room.',
    'kube-proxy 在等待自身的客户端限流：每个请求平均 {mean}，超过 {warned} 的等待 {slow} 次（{metric}，{count} 个请求，{window}）；client-go 会在 -v=3 时记录超过 {logged} 的等待，并在默认日志级别记录超过 {warned} 的等待。变更通过 watch 到达，不受该限流影响：它限制的是启动时的 list、重新 list 与事件。{path} 当前为 {current}；{suggested} 可留出余量。',
  ],
  'tuning-conntrack.fill': [
    "The conntrack table on {node} is {fill} full: {entries} of {limit} entries (node_nf_conntrack_entries / node_nf_conntrack_entries_limit, {file}); node_exporter's alert fires above {alert}. When it is full the kernel drops new connections. {advice}",
    '{node} 上的 conntrack 表已使用 {fill}：{limit} 中的 {entries} 个条目（node_nf_conntrack_entries / node_nf_conntrack_entries_limit，{file}）；node_exporter 的告警阈值为 {alert}。表满时内核会丢弃新连接。{advice}',
  ],
  'tuning-conntrack.perCore': [
    'kube-proxy sets the limit to maxPerCore × CPUs ({cores} here): {suggested} per core makes room for {target} entries, half full at this use.',
    'kube-proxy 将上限设为 maxPerCore × CPU 数（此处为 {cores}）：每核 {suggested} 可容纳 {target} 个条目，按当前用量约为半满。',
  ],
  'tuning-conntrack.min': [
    "kube-proxy sets at least conntrack.min: {suggested} makes room for the entries in use, half full (the node's CPU count is not in the scrapes, so maxPerCore cannot be sized).",
    'kube-proxy 设置的上限至少为 conntrack.min：设为 {suggested} 可容纳当前用量并保持约半满（抓取中没有节点的 CPU 数，无法据此计算 maxPerCore）。',
  ],
  'tuning-conntrack.cap': [
    'From 1.36 kube-proxy caps the limit at {cap}, below the {target} entries needed: set maxPerCore to 0 so kube-proxy leaves the limit alone, and raise net.netfilter.nf_conntrack_max on the node yourself.',
    '自 1.36 起 kube-proxy 把上限封顶为 {cap}，低于所需的 {target}：请把 maxPerCore 设为 0，让 kube-proxy 不再改动上限，并自行在节点上调大 net.netfilter.nf_conntrack_max。',
  ],
  'tuning-conntrack.pressure': [
    'The kernel could not keep connections in the conntrack table on {node}: {stats} rose {window}. That happens when the table is full (or its hash buckets are). {advice}',
    '{node} 上的内核无法在 conntrack 表中保存连接：{stats} 在 {window} 内上升。这在表（或其哈希桶）已满时出现。{advice}',
  ],
  'tuning-config-mismatch.mode': [
    'The scraped kube-proxy runs in {running} mode ({family} is registered), but this configuration says {configured}: what runs is not this configuration (a ConfigMap edited without restarting the kube-proxy pods, or a scrape of another cluster). Findings from the scrape describe {running} mode.',
    '被抓取的 kube-proxy 运行在 {running} 模式（注册了 {family}），而本配置为 {configured}：正在运行的并不是这份配置（修改了 ConfigMap 但未重启 kube-proxy Pod，或抓取的是另一个集群）。来自抓取的结论描述的是 {running} 模式。',
  ],
  'tuning-config-mismatch.version': [
    'The scrape comes from kube-proxy {running}, but this file is checked as Kubernetes {minor}; set kubeProxyTuner.kubernetesVersion (or --kubernetes-version) to {runningMinor} to check it against what runs.',
    '抓取来自 kube-proxy {running}，而本文件按 Kubernetes {minor} 检查；请把 kubeProxyTuner.kubernetesVersion（或 --kubernetes-version）设为 {runningMinor}，以按实际运行的版本检查。',
  ],
  'tuning-no-local-endpoints': [
    'On the scraped node, {internal} Service(s) with internalTrafficPolicy: Local and {external} with externalTrafficPolicy: Local have no endpoint on that node (kubeproxy_sync_proxy_rules_no_local_endpoints_total, {file}): internal traffic to them is dropped there, and load-balancer health checks for the external ones fail on it, as designed.',
    '在被抓取的节点上，{internal} 个 internalTrafficPolicy: Local 的 Service 与 {external} 个 externalTrafficPolicy: Local 的 Service 在该节点上没有端点（kubeproxy_sync_proxy_rules_no_local_endpoints_total，{file}）：发往前者的集群内流量在此节点被丢弃，后者的负载均衡健康检查在此节点失败，这是预期行为。',
  ],
  'tuning-sync-backlog': [
    'A rule sync had been queued for {behind} without running when {file} was taken (kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds is after …_last_timestamp_seconds), longer than {limit}: kube-proxy is not keeping up with changes, or is stuck; /healthz fails once a sync waits twice {path}.',
    '抓取 {file} 时，一次规则同步已排队 {behind} 仍未执行（kubeproxy_sync_proxy_rules_last_queued_timestamp_seconds 晚于 …_last_timestamp_seconds），超过 {limit}：kube-proxy 跟不上变更或已卡住；同步等待超过两倍 {path} 时 /healthz 会失败。',
  ],
  'tuning-nftables-readiness.localhost': [
    'Something on this node reaches NodePorts through localhost: {count} packets ({metric}, {window}). nftables mode does not serve NodePorts on 127.0.0.1 (1.37 adds an alpha gate for it): find that client before moving to nftables.',
    '此节点上有程序通过 localhost 访问 NodePort：{count} 个数据包（{metric}，{window}）。nftables 模式不在 127.0.0.1 上提供 NodePort（1.37 为此增加了 alpha 特性门控）：迁移到 nftables 之前请先找到该客户端。',
  ],
  'tuning-nftables-readiness.liberal': [
    'kube-proxy dropped {count} packets conntrack marked invalid ({metric}, {window}). iptables mode drops them on purpose; nftables mode does not, and upstream advises conntrack.tcpBeLiberal: true when such packets occur and you move to nftables.',
    'kube-proxy 丢弃了 {count} 个被 conntrack 标记为 invalid 的数据包（{metric}，{window}）。iptables 模式会刻意丢弃它们，nftables 模式不会；上游建议在出现此类数据包并迁移到 nftables 时设置 conntrack.tcpBeLiberal: true。',
  ],

  // Alerting rules generated from a configuration (kube-proxy-tuner alerts).
  'alerts.header': [
    'Alerts for kube-proxy {minor} in {mode} mode, thresholds from this configuration (kube-proxy-tuner alerts).',
    'kube-proxy {minor}（{mode} 模式）的告警规则，阈值取自本配置（kube-proxy-tuner alerts）。',
  ],
  'alerts.dashboard': [
    'Dashboard: "Kubernetes / Proxy" from kubernetes-mixin ({url}), shipped by kube-prometheus; it also alerts when kube-proxy is down.',
    '仪表盘：kubernetes-mixin 的 "Kubernetes / Proxy"（{url}），随 kube-prometheus 提供；它也会在 kube-proxy 宕机时告警。',
  ],
  'alerts.loopback': [
    'WARNING: metricsBindAddress is {address}: Prometheus on another host cannot scrape kube-proxy, so these alerts never fire. Bind it to the node IP or 0.0.0.0 (and firewall port 10249: /metrics and /configz have no authentication).',
    '警告：metricsBindAddress 为 {address}：其他主机上的 Prometheus 无法抓取 kube-proxy，这些告警永远不会触发。请绑定节点 IP 或 0.0.0.0（并用防火墙保护 10249 端口：/metrics 与 /configz 没有认证）。',
  ],
  'alerts.syncSlow.summary': ['kube-proxy rule syncs are slow', 'kube-proxy 规则同步缓慢'],
  'alerts.syncSlow.description': [
    'p99 of rule syncs on {{ $labels.instance }} is above {path} ({value} s); /healthz fails when a queued sync takes twice that ({healthz} s).',
    '{{ $labels.instance }} 上规则同步的 p99 超过 {path}（{value} 秒）；排队的同步超过其两倍（{healthz} 秒）时 /healthz 会失败。',
  ],
  'alerts.minSync.summary': ['kube-proxy syncs outgrow minSyncPeriod', 'kube-proxy 同步耗时超出 minSyncPeriod 的余量'],
  'alerts.minSync.description': [
    'Rule syncs on {{ $labels.instance }} take more than {threshold} s on average; {path} is {value} s. Consider about twice the mean sync time.',
    '{{ $labels.instance }} 上规则同步平均超过 {threshold} 秒；{path} 为 {value} 秒。可考虑设为平均同步耗时的约两倍。',
  ],
  'alerts.failures.summary': ['kube-proxy fails to write its rules', 'kube-proxy 写入规则失败'],
  'alerts.failures.description': [
    "{metric} rose on {{ $labels.instance }}: something else edits the rules, or the kernel refuses them; see kube-proxy's log.",
    '{{ $labels.instance }} 上 {metric} 上升：有其他程序在修改规则，或内核拒绝了规则；请查看 kube-proxy 日志。',
  ],
  'alerts.partial.summary': ['kube-proxy partial restores keep failing', 'kube-proxy 部分 restore 持续失败'],
  'alerts.partial.description': [
    'iptables partial restores failed on {{ $labels.instance }} during a whole hour; upstream expects them to fail now and then, never steadily.',
    '{{ $labels.instance }} 上 iptables 部分 restore 在整整一小时内持续失败；上游认为它偶尔失败正常，但不应持续失败。',
  ],
  'alerts.networkProgramming.summary': ['kube-proxy network programming is slow', 'kube-proxy 网络编程延迟过高'],
  'alerts.networkProgramming.description': [
    "p99 from a Service or endpoint change to the rules on {{ $labels.instance }} is above {threshold} s, the threshold of upstream's scale tests.",
    '{{ $labels.instance }} 上从 Service 或端点变化到规则生效的 p99 超过 {threshold} 秒（上游规模测试的阈值）。',
  ],
  'alerts.backlog.summary': ['kube-proxy is not keeping up', 'kube-proxy 跟不上变更'],
  'alerts.backlog.description': [
    'A rule sync has been waiting for more than {threshold} s on {{ $labels.instance }} since it was queued ({path} sets the /healthz limit).',
    '{{ $labels.instance }} 上一次规则同步自排队起已等待超过 {threshold} 秒（{path} 决定 /healthz 的上限）。',
  ],
  'alerts.throttled.summary': ['kube-proxy is throttled by its own client rate limit', 'kube-proxy 受到自身客户端限流'],
  'alerts.throttled.description': [
    "kube-proxy's API requests on {{ $labels.instance }} wait over {threshold} ms on average for clientConnection.qps {qps} / burst {burst}; changes arrive through watches, which the limit does not slow.",
    '{{ $labels.instance }} 上 kube-proxy 的 API 请求因 clientConnection.qps {qps} / burst {burst} 平均等待超过 {threshold} 毫秒；变更通过 watch 到达，不受该限流影响。',
  ],
  'alerts.conntrack.summary': ['conntrack table filling up', 'conntrack 表即将占满'],
  'alerts.conntrack.description': [
    'The conntrack table on {{ $labels.instance }} is over {fill}% full; when full the kernel drops new connections (kube-proxy sizes it from conntrack.maxPerCore {maxPerCore} and min {min}).',
    '{{ $labels.instance }} 上 conntrack 表使用率超过 {fill}%；占满后内核会丢弃新连接（kube-proxy 依据 conntrack.maxPerCore {maxPerCore} 与 min {min} 设置其容量）。',
  ],

  // What the summary says could not be judged.
  'tuning.notJudged.noKubeProxy': [
    'No kube-proxy scrape: sync durations, failures and client throttling are not judged.',
    '没有 kube-proxy 的抓取：未评估同步耗时、失败与客户端限流。',
  ],
  'tuning.notJudged.noNode': [
    'No node_exporter scrape: conntrack use is not judged.',
    '没有 node_exporter 的抓取：未评估 conntrack 用量。',
  ],
  'tuning.notJudged.onePerBoot': [
    'One node_exporter scrape of {node}: conntrack drops (insert_failed, drop, early_drop) need two scrapes of one boot.',
    '{node} 只有一次 node_exporter 抓取：conntrack 丢弃（insert_failed、drop、early_drop）需要同一次开机内的两次抓取。',
  ],
  'tuning.notJudged.fewSyncs': [
    '{file}: only {count} syncs in the window, too few to judge minSyncPeriod (at least {needed}).',
    '{file}：窗口内只有 {count} 次同步，太少，无法评估 minSyncPeriod（至少需要 {needed} 次）。',
  ],
  'tuning.notJudged.fewRequests': [
    '{file}: {count} rate-limited requests, too few to judge client throttling.',
    '{file}：受限流的请求只有 {count} 个，太少，无法评估客户端限流。',
  ],
  'tuning.notJudged.noWindow': [
    '{file}: no process_start_time_seconds, so figures cannot be turned into rates.',
    '{file}：没有 process_start_time_seconds，无法把数值换算为速率。',
  ],
  'tuning.notJudged.mode128': [
    '{file}: kube-proxy 1.28 registers the metrics of every mode, so the scrape does not tell which mode runs.',
    '{file}：kube-proxy 1.28 会注册所有模式的指标，因此无法从抓取判断运行的模式。',
  ],
  'tuning.notJudged.noNetworkProgramming': [
    '{file}: no network programming latency observed (kube-proxy measures it from the EndpointSlice change-trigger annotation).',
    '{file}：没有观测到网络编程延迟（kube-proxy 依据 EndpointSlice 的变更触发注解测量它）。',
  ],
  'tuning.refused.empty': ['the file is empty', '文件为空'],
  'tuning.refused.binary': ['the file is binary, not Prometheus text', '文件是二进制内容，不是 Prometheus 文本'],
  'tuning.refused.notExposition': ['not Prometheus text format ({detail})', '不是 Prometheus 文本格式（{detail}）'],
  'tuning.refused.otherComponent': [
    'a scrape of another component ({detail}), not of kube-proxy or node_exporter',
    '这是其他组件的抓取（{detail}），不是 kube-proxy 或 node_exporter 的',
  ],
} as const satisfies Record<string, Entry>;
