/**
 * What one saved scrape is (kube-proxy's `/metrics`, node_exporter's, or something else) and the
 * facts it carries about the process: version, proxy mode, cores, when it started and — since the
 * text has no timestamp — roughly when it was taken.
 */
import { parseExposition, type Family, type ParsedExposition } from './promText.ts';

export interface ScrapeInput {
  /** How the user named it (a path), quoted in messages and evidence. */
  name: string;
  text: string;
}

export type ProxyMode = 'iptables' | 'ipvs' | 'nftables';

export interface KubeProxyScrape {
  kind: 'kube-proxy';
  name: string;
  exposition: ParsedExposition;
  /** kubernetes_build_info git_version (`v1.30.0`) and its minor number. */
  gitVersion?: string;
  minor?: number;
  /** The proxy mode its families show, when they show one (not on 1.28, which registers every family). */
  mode?: ProxyMode;
  /** The families that told the mode. */
  modeFrom?: string;
  /** GOMAXPROCS: the node's CPUs unless kube-proxy runs with a CPU limit. */
  cores?: number;
  /** process_start_time_seconds. */
  startTime?: number;
  /** When the scrape was taken, estimated from the scrape itself (seconds since the epoch). */
  takenAt?: number;
  takenAtFrom?: 'go-cpu-time' | 'last-gc' | 'last-sync';
}

export interface NodeScrape {
  kind: 'node-exporter';
  name: string;
  exposition: ParsedExposition;
  /** node_uname_info nodename. */
  nodename?: string;
  /** CPUs counted in node_cpu_seconds_total. */
  cores?: number;
  /** node_boot_time_seconds: two scrapes of one boot can be subtracted. */
  bootTime?: number;
  /** node_time_seconds: when it was taken. */
  takenAt?: number;
}

export type Scrape = KubeProxyScrape | NodeScrape;

export type ScrapeRefusal = 'empty' | 'binary' | 'notExposition' | 'otherComponent';

export type ReadScrape = { ok: true; scrape: Scrape } | { ok: false; reason: ScrapeRefusal; detail: string };

/** One value of a family without labels (or the first series), if present. */
export function single(family: Family | undefined): number | undefined {
  return family?.samples[0]?.value;
}

export function family(exposition: ParsedExposition, name: string): Family | undefined {
  return exposition.families.get(name);
}

/** Control characters other than tab, line feed and carriage return: a binary file. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b) return true;
  }
  return false;
}

/** Families of other components' scrapes that kube-proxy's never has. */
const OTHER_COMPONENTS = ['apiserver_request_total', 'kubelet_running_pods', 'scheduler_schedule_attempts_total', 'etcd_server_has_leader'];

export function readScrape(input: ScrapeInput): ReadScrape {
  const { text } = input;
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: '' };
  if (text.includes('\0') || hasControlCharacters(text.slice(0, 4096))) return { ok: false, reason: 'binary', detail: '' };
  const exposition = parseExposition(text);
  if (exposition.sampleCount === 0 || exposition.problems.length > exposition.sampleCount) {
    const first = exposition.problems[0];
    return { ok: false, reason: 'notExposition', detail: first ? `line ${first.line}: ${first.message}` : '' };
  }
  const names = [...exposition.families.keys()];
  const other = OTHER_COMPONENTS.find((name) => exposition.families.get(name)?.samples.length);
  if (names.some((name) => name.startsWith('kubeproxy_')) && !other) return { ok: true, scrape: kubeProxyScrape(input.name, exposition) };
  if (names.some((name) => name.startsWith('node_')) && !other && !names.some((name) => name.startsWith('kubeproxy_')))
    return { ok: true, scrape: nodeScrape(input.name, exposition) };
  const build = exposition.families.get('kubernetes_build_info')?.samples[0]?.labels.git_version;
  return {
    ok: false,
    reason: 'otherComponent',
    detail: other ?? (build ? `kubernetes_build_info ${build}` : names.slice(0, 3).join(', ')),
  };
}

function registered(exposition: ParsedExposition, name: string): boolean {
  return exposition.families.has(name);
}

/**
 * The mode a kube-proxy scrape shows. From 1.29 kube-proxy registers only its mode's families
 * (pkg/proxy/metrics RegisterMetrics(mode)): iptables has the rule-count gauges, nftables the full and
 * partial sync histograms without them (and its failure counters, which from 1.33 carry ip_family and
 * so appear only after a failure), ipvs neither. 1.28 registers every family in every mode.
 */
function modeOf(exposition: ParsedExposition, minor: number | undefined): { mode?: ProxyMode; from?: string } {
  if (minor === undefined || minor < 29) return {};
  const nftables = [...exposition.families.keys()].find((name) => name.startsWith('kubeproxy_sync_proxy_rules_nftables_'));
  if (nftables) return { mode: 'nftables', from: nftables };
  if (registered(exposition, 'kubeproxy_sync_proxy_rules_iptables_total'))
    return { mode: 'iptables', from: 'kubeproxy_sync_proxy_rules_iptables_total' };
  if (registered(exposition, 'kubeproxy_sync_full_proxy_rules_duration_seconds'))
    return { mode: 'nftables', from: 'kubeproxy_sync_full_proxy_rules_duration_seconds' };
  if (registered(exposition, 'kubeproxy_sync_proxy_rules_duration_seconds'))
    return { mode: 'ipvs', from: 'kubeproxy_sync_proxy_rules_duration_seconds' };
  return {};
}

function kubeProxyScrape(name: string, exposition: ParsedExposition): KubeProxyScrape {
  const build = exposition.families.get('kubernetes_build_info')?.samples[0]?.labels;
  const gitVersion = build?.git_version;
  const minorMatch = gitVersion ? /^v?1\.(\d+)/.exec(gitVersion) : null;
  const minor = minorMatch ? Number(minorMatch[1]) : undefined;
  const scrape: KubeProxyScrape = { kind: 'kube-proxy', name, exposition };
  if (gitVersion) scrape.gitVersion = gitVersion;
  if (minor !== undefined) scrape.minor = minor;
  const { mode, from } = modeOf(exposition, minor);
  if (mode) {
    scrape.mode = mode;
    scrape.modeFrom = from;
  }
  const cores = single(exposition.families.get('go_sched_gomaxprocs_threads'));
  if (cores !== undefined && cores > 0) scrape.cores = cores;
  const start = single(exposition.families.get('process_start_time_seconds'));
  if (start !== undefined && start > 0) scrape.startTime = start;
  // No timestamp in the text: the Go runtime's CPU-time integral of GOMAXPROCS over wall time gives the
  // age of the process (Go ≥ 1.20, every 1.28+ build); else the last GC (at most two minutes old);
  // else the last successful sync, which is only a lower bound.
  const cpuTime = single(exposition.families.get('go_cpu_classes_total_cpu_seconds_total'));
  const lastGc = single(exposition.families.get('go_memstats_last_gc_time_seconds'));
  const lastSync = Math.max(
    ...(exposition.families.get('kubeproxy_sync_proxy_rules_last_timestamp_seconds')?.samples.map((s) => s.value) ?? [0]),
  );
  if (start !== undefined && cpuTime !== undefined && cores) {
    scrape.takenAt = start + cpuTime / cores;
    scrape.takenAtFrom = 'go-cpu-time';
  } else if (lastGc !== undefined && lastGc > 0) {
    scrape.takenAt = lastGc;
    scrape.takenAtFrom = 'last-gc';
  } else if (lastSync > 0) {
    scrape.takenAt = lastSync;
    scrape.takenAtFrom = 'last-sync';
  }
  return scrape;
}

function nodeScrape(name: string, exposition: ParsedExposition): NodeScrape {
  const scrape: NodeScrape = { kind: 'node-exporter', name, exposition };
  const nodename = exposition.families.get('node_uname_info')?.samples[0]?.labels.nodename;
  if (nodename) scrape.nodename = nodename;
  const cpus = new Set(exposition.families.get('node_cpu_seconds_total')?.samples.map((sample) => sample.labels.cpu));
  cpus.delete(undefined as unknown as string);
  if (cpus.size > 0) scrape.cores = cpus.size;
  const boot = single(exposition.families.get('node_boot_time_seconds'));
  if (boot !== undefined) scrape.bootTime = boot;
  const now = single(exposition.families.get('node_time_seconds'));
  if (now !== undefined) scrape.takenAt = now;
  return scrape;
}
