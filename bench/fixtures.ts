/**
 * The texts the benchmark measures, generated deterministically (no randomness, no files read) so
 * every run and every machine measures the same bytes:
 *  - typical:  a realistic ~100-line kubeadm file (Init/Cluster/Kubelet/KubeProxy configurations).
 *  - manyDocs: 1,000 YAML documents (250 copies of a four-document kubeadm file, every fourth one
 *              a KubeProxyConfiguration with a few problems so findings are produced throughout).
 *  - large:    one very large KubeProxyConfiguration (long excludeCIDRs / nodePortAddresses lists,
 *              many feature gates and vmodule entries), ~25k lines.
 * `editLine` gives the one-line edit the latency measurements apply.
 */

export const TYPICAL = `# kubeadm configuration for a production cluster with ~5,000 Services and ~50,000 endpoints.
# Generated for the kube-proxy Tuner benchmark; shaped like a real kubeadm-config.yaml.
apiVersion: kubeadm.k8s.io/v1beta4
kind: InitConfiguration
bootstrapTokens:
  - groups:
      - system:bootstrappers:kubeadm:default-node-token
    token: abcdef.0123456789abcdef
    ttl: 24h0m0s
    usages:
      - signing
      - authentication
localAPIEndpoint:
  advertiseAddress: 192.168.10.11
  bindPort: 6443
nodeRegistration:
  criSocket: unix:///var/run/containerd/containerd.sock
  imagePullPolicy: IfNotPresent
  name: cp-1
  taints:
    - effect: NoSchedule
      key: node-role.kubernetes.io/control-plane
---
apiVersion: kubeadm.k8s.io/v1beta4
kind: ClusterConfiguration
kubernetesVersion: v1.34.2
clusterName: prod-eu-1
controlPlaneEndpoint: "k8s-api.example.internal:6443"
certificatesDir: /etc/kubernetes/pki
imageRepository: registry.k8s.io
networking:
  dnsDomain: cluster.local
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/12
apiServer:
  certSANs:
    - k8s-api.example.internal
    - 192.168.10.10
  extraArgs:
    - name: max-requests-inflight
      value: "800"
controllerManager:
  extraArgs:
    - name: kube-api-qps
      value: "100"
etcd:
  local:
    dataDir: /var/lib/etcd
---
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
maxPods: 110
serializeImagePulls: false
---
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: ipvs
bindAddress: 0.0.0.0
healthzBindAddress: 0.0.0.0:10256
clientConnection:
  acceptContentTypes: application/vnd.kubernetes.protobuf
  contentType: application/vnd.kubernetes.protobuf
  qps: 50        # default 5: too low to keep up with Service/EndpointSlice churn at scale
  burst: 100     # default 10
configSyncPeriod: 15m0s
enableProfiling: false
metricsBindAddress: 0.0.0.0:10249   # reachable by Prometheus; default is 127.0.0.1
featureGates:
  TopologyAwareHints: true
ipvs:
  scheduler: rr
  strictARP: true                   # needed by MetalLB / kube-vip in ARP mode
  syncPeriod: 30s
  minSyncPeriod: 1s
  tcpTimeout: 0s
  tcpFinTimeout: 0s
  udpTimeout: 0s
  excludeCIDRs:
    - 10.200.0.0/16
    - 10.201.0.0/16
conntrack:
  maxPerCore: 32768
  min: 131072
  tcpEstablishedTimeout: 24h0m0s
  tcpCloseWaitTimeout: 1h0m0s
nodePortAddresses:
  - 192.168.10.0/24
detectLocalMode: ClusterCIDR
clusterCIDR: 10.244.0.0/16
oomScoreAdj: -999
portRange: ""
logging:
  format: text
  flushFrequency: 5s
  verbosity: 0
  options:
    json:
      infoBufferSize: "0"
`;

/** One kube-proxy document of the 1,000-document file: document `i` varies a few values. */
function kubeProxyDocument(i: number): string {
  return [
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'kind: KubeProxyConfiguration',
    `mode: ${i % 3 === 0 ? 'ipvs' : i % 3 === 1 ? 'nftables' : 'iptables'}`,
    'clientConnection:',
    `  qps: ${10 + (i % 50)}`,
    `  burst: ${i % 7 === 0 ? 5 : 100}`,
    `metricsBindAddress: 0.0.0.0:${10249 + (i % 3)}`,
    'ipvs:',
    `  syncPeriod: ${i % 11 === 0 ? '30' : '30s'}`,
    '  minSyncPeriod: 1s',
    `  scheduler: ${i % 2 === 0 ? 'rr' : 'lc'}`,
    'conntrack:',
    '  maxPerCore: 32768',
    '  min: 131072',
    `  tcpEstablishedTimeout: ${i % 5 === 0 ? '1d' : '24h0m0s'}`,
    'nodePortAddresses:',
    `  - 192.168.${i % 250}.0/24`,
    `  - 10.${i % 250}.0.0/16`,
    `clusterCIDR: 10.${i % 250}.0.0/16`,
    `oomScoreAdj: ${-999 + (i % 3)}`,
    ...(i % 13 === 0 ? ['unknownFieldForTheBench: true'] : []),
  ].join('\n');
}

function kubeadmDocuments(i: number): string[] {
  return [
    [
      'apiVersion: kubeadm.k8s.io/v1beta4',
      'kind: InitConfiguration',
      'localAPIEndpoint:',
      `  advertiseAddress: 192.168.${i % 250}.11`,
      '  bindPort: 6443',
      'nodeRegistration:',
      `  name: node-${i}`,
    ].join('\n'),
    [
      'apiVersion: kubeadm.k8s.io/v1beta4',
      'kind: ClusterConfiguration',
      'kubernetesVersion: v1.34.2',
      'networking:',
      '  podSubnet: 10.244.0.0/16',
      '  serviceSubnet: 10.96.0.0/12',
    ].join('\n'),
    ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'cgroupDriver: systemd', `maxPods: ${100 + (i % 50)}`].join(
      '\n',
    ),
    kubeProxyDocument(i),
  ];
}

/** 1,000 documents: 250 groups of Init, Cluster, Kubelet and KubeProxy configuration. */
export function manyDocuments(count = 1000): string {
  const documents: string[] = [];
  for (let i = 0; documents.length < count; i++) documents.push(...kubeadmDocuments(i));
  return `${documents.slice(0, count).join('\n---\n')}\n`;
}

/**
 * `count` KubeProxyConfiguration documents, each with the mistakes fix-all repairs on its own: a
 * wrong-case key with a wrong-case value (two passes), a bare-number duration, a YAML 1.1 boolean
 * in a string field, a duplicate key, a quoted number, and a misplaced `json:` that moves to the
 * end of the document (an insertion where the next document starts).
 */
export function fixableDocuments(count: number): string {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    documents.push(
      [
        'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
        'kind: KubeProxyConfiguration',
        'Mode: IPVS  # chosen for scale',
        'hostnameOverride: yes',
        'enableProfiling: true',
        'enableProfiling: false',
        'ipvs:',
        '  syncPeriod: 30',
        `  minSyncPeriod: "${1 + (i % 5)}"`,
        'conntrack:',
        `  maxPerCore: "${32768 + i}"`,
        'logging:',
        '  json:',
        '    infoBufferSize: "0"',
        '  options:',
        '    text:',
        '      splitStream: false',
      ].join('\n'),
    );
  }
  return `${documents.join('\n---\n')}\n`;
}

/**
 * `count` kube-proxy ConfigMaps (as `kubectl get cm -o yaml` of many clusters would give), each
 * with mistakes inside config.conf that fix-all repairs there: a wrong-case value, a bare-number
 * duration, a YAML 1.1 boolean in a string field, a duplicate key — and a kubeconfig.conf that stays.
 */
export function fixableConfigMaps(count: number): string {
  const documents: string[] = [];
  for (let i = 0; i < count; i++) {
    documents.push(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: kube-proxy-${i}`,
        '  namespace: kube-system',
        'data:',
        '  config.conf: |-',
        '    apiVersion: kubeproxy.config.k8s.io/v1alpha1',
        '    kind: KubeProxyConfiguration',
        '    mode: IPVS  # chosen for scale',
        '    hostnameOverride: yes',
        '    enableProfiling: true',
        '    enableProfiling: false',
        '    ipvs:',
        '      syncPeriod: 30',
        `      minSyncPeriod: ${1 + (i % 5)}s`,
        '  kubeconfig.conf: |-',
        '    apiVersion: v1',
        '    kind: Config',
      ].join('\n'),
    );
  }
  return `${documents.join('\n---\n')}\n`;
}

/** One KubeProxyConfiguration of roughly `lines` lines, mostly long lists (as a generated config would have). */
export function largeKubeProxy(lines = 25_000): string {
  const out = [
    '# One very large KubeProxyConfiguration: long exclude / node-port lists, many gates and vmodules.',
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'kind: KubeProxyConfiguration',
    'mode: ipvs',
    'clientConnection:',
    '  qps: 50',
    '  burst: 100',
    'featureGates:',
  ];
  for (let i = 0; i < 200; i++) out.push(`  BenchGate${i}: ${i % 2 === 0}`);
  out.push('logging:', '  format: text', '  vmodule:');
  for (let i = 0; i < 500; i++) out.push(`    - filePattern: pkg${i}*`, `      verbosity: ${i % 5}`);
  out.push('ipvs:', '  scheduler: rr', '  strictARP: true', '  syncPeriod: 30s', '  excludeCIDRs:');
  const remaining = Math.max(0, lines - out.length - 20);
  const excluded = Math.floor(remaining * 0.8);
  for (let i = 0; i < excluded; i++) out.push(`    - 10.${(i >> 8) & 255}.${i & 255}.0/24`);
  out.push('nodePortAddresses:');
  for (let i = 0; i < remaining - excluded; i++) out.push(`  - 172.${16 + ((i >> 8) & 15)}.${i & 255}.0/24`);
  out.push('conntrack:', '  maxPerCore: 32768', '  min: 131072', 'oomScoreAdj: -999', '');
  return out.join('\n');
}

export interface OneLineEdit {
  text: string;
  offset: number;
  removed: number;
  inserted: string;
}

/**
 * A one-line edit near the middle of `text` that keeps it valid YAML: the last digit of a value
 * (a CIDR's address, a duration) on a line past the middle is changed; `flip` alternates the new
 * digit so that repeated edits keep changing the text.
 */
export function oneLineEdit(text: string, flip: number): OneLineEdit {
  const pattern = /(\d)(\/\d+|s)?\r?\n/g;
  pattern.lastIndex = Math.floor(text.length / 2);
  const match = pattern.exec(text);
  if (!match) return { text, offset: 0, removed: 0, inserted: '' };
  const offset = match.index;
  const inserted = String((Number(match[1]) + 1 + (flip % 2)) % 10);
  return { text: text.slice(0, offset) + inserted + text.slice(offset + 1), offset, removed: 1, inserted };
}

export function editLine(text: string, flip: number): string {
  return oneLineEdit(text, flip).text;
}
