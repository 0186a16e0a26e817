/**
 * Command-line parsing for `kube-proxy-tuner check` and `alerts`; usage errors are returned, not
 * thrown. Settings given on the command line are kept apart from the rest (`settings`): they win over
 * the project's `.kube-proxy-tuner.yaml`, which wins over the defaults.
 */
import { NEWEST_MINOR, OLDEST_MINOR } from '../knowledge/versions.ts';
import type { MessageKey } from '../knowledge/messages.ts';
import type { ClusterNumbers, Locale, Severity } from '../core/types.ts';
import { normalizeVersion, RULE_LEVELS, type ProjectSettings } from '../core/projectConfig.ts';
import { RULES_BY_ID } from '../core/rules/index.ts';

export type Format = 'text' | 'json' | 'sarif';

/** The lowest severity that makes `check` exit 1 (--fail-on). */
export type FailOn = 'error' | 'warning' | 'information';

export interface CheckCommand {
  command: 'check';
  /** Files, directories (walked for YAML) and quoted globs, as given. */
  targets: string[];
  format: Format;
  locale: Locale;
  /** Apply the safe fixes and write the files back. */
  fix: boolean;
  /** With --fix: also apply the recommendations (the unsafe fixes that set a tuned value). */
  unsafeFixes: boolean;
  /** Settings given on the command line (each one only if given). */
  settings: ProjectSettings;
  /** --config FILE: this config file instead of the one found from each checked file upwards. */
  config?: string;
  failOn: FailOn;
  /** --max-warnings N: more warnings than N also make the exit code 1. */
  maxWarnings?: number;
}

/** A usage error, as a catalog message; `locale` is the one the command line asked for, if it got that far. */
export interface UsageError {
  command: 'error';
  key: MessageKey;
  args: Record<string, string>;
  locale: Locale;
}

export interface AlertsCommand {
  command: 'alerts';
  file: string;
  kubernetesVersion: string;
  locale: Locale;
  format: 'prometheus-rule' | 'rules';
  job: string;
}

export type ParsedArgs = CheckCommand | AlertsCommand | { command: 'help'; locale: Locale } | { command: 'version' } | UsageError;

const USAGE_EN = `Usage: kube-proxy-tuner check [options] FILE|DIR|'GLOB'|- ...
       kube-proxy-tuner alerts [--format prometheus-rule|rules] [--job NAME] FILE|-

Checks KubeProxyConfigurations (kubeadm files, --config files, kube-proxy ConfigMaps, kind configs)
as kube-proxy and kubeadm would. A directory is walked for YAML files (.git and node_modules skipped);
quote a glob ('clusters/**/*.yaml') to have it expanded here.

Options:
  --kubernetes-version auto|1.NN  Kubernetes minor to check against; 1.30, 1.30.2 and v1.30 are taken
                                  (default: auto = the file's ClusterConfiguration.kubernetesVersion,
                                  another version named in the file, else the newest, ${NEWEST_MINOR})
  --format text|json|sarif        Output format (default: text)
  --locale en|zh-cn               Language of every line (default: en)
  --config FILE                   The .kube-proxy-tuner.yaml to use (default: the nearest one above
                                  each checked file)
  --rule ID=LEVEL                 A rule's severity: error, warning, information, hint or off (repeat)
  --fail-on error|warning|information
                                  The lowest severity that makes the exit code 1 (default: error)
  --max-warnings N                More warnings than N also make the exit code 1
  --cluster-scale large|small     Cluster the best-practice findings assume when no size is given
                                  (default: large)
  --nodes N, --services N, --endpoints N, --cores-per-node N, --churn-per-minute N
                                  The cluster's numbers: they decide the scale and appear in the advice
  --metrics FILE                  A saved scrape of kube-proxy's /metrics or of node_exporter (repeat
                                  for several nodes, or two scrapes of one node minutes apart):
                                  tuning findings with the evidence
  --no-monitoring                 Do not expect cluster monitoring to scrape kube-proxy metrics
  --fix                           Apply the safe fixes, write the files back, then report what is left
  --unsafe-fixes                  With --fix, also apply the recommendations (tuned values); each
                                  change is listed
  -h, --help                      Show this help
  --version                       Show the version

alerts: Prometheus alerting rules for the file's KubeProxyConfiguration, thresholds from its values
  --format prometheus-rule|rules  A PrometheusRule (kube-prometheus, the default) or a rules file
  --job NAME                      The job that scrapes kube-proxy (default: kube-proxy)
  (--kubernetes-version and --locale as for check)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or over --max-warnings),
2 usage error, unreadable input or an invalid .kube-proxy-tuner.yaml.`;

const USAGE_ZH = `用法：kube-proxy-tuner check [选项] 文件|目录|'GLOB'|- ...
      kube-proxy-tuner alerts [--format prometheus-rule|rules] [--job 名称] 文件|-

按 kube-proxy 和 kubeadm 的规则检查 KubeProxyConfiguration（kubeadm 文件、--config 文件、kube-proxy
ConfigMap、kind 配置）。目录会被遍历以查找 YAML 文件（跳过 .git 和 node_modules）；给 glob 加引号
（'clusters/**/*.yaml'）即由本工具展开。

选项：
  --kubernetes-version auto|1.NN  检查所依据的 Kubernetes 次版本；可写作 1.30、1.30.2 或 v1.30
                                  （默认 auto：取文件中 ClusterConfiguration.kubernetesVersion、
                                  文件中提到的其他版本，否则取最新的 ${NEWEST_MINOR}）
  --format text|json|sarif        输出格式（默认 text）
  --locale en|zh-cn               所有输出的语言（默认 en）
  --config 文件                   使用的 .kube-proxy-tuner.yaml（默认：从每个被检查的文件向上查找
                                  最近的一个）
  --rule ID=级别                  规则的严重级别：error、warning、information、hint 或 off（可重复）
  --fail-on error|warning|information
                                  使退出码为 1 的最低严重级别（默认 error）
  --max-warnings N                警告多于 N 条时退出码也为 1
  --cluster-scale large|small     未给出集群规模时最佳实践所假设的集群（默认 large）
  --nodes N, --services N, --endpoints N, --cores-per-node N, --churn-per-minute N
                                  集群的实际数字：决定规模，并写进建议中
  --metrics 文件                  保存下来的 kube-proxy /metrics 或 node_exporter 抓取结果（可重复：
                                  多个节点，或同一节点相隔几分钟的两次抓取）：给出带证据的调优结论
  --no-monitoring                 不要求集群监控抓取 kube-proxy 指标
  --fix                           应用安全修复并写回文件，然后报告剩余问题
  --unsafe-fixes                  与 --fix 同用：同时应用调优建议（修改调优值），每处修改都会列出
  -h, --help                      显示本帮助
  --version                       显示版本

alerts：根据文件中的 KubeProxyConfiguration 生成 Prometheus 告警规则，阈值取自其配置值
  --format prometheus-rule|rules  PrometheusRule（kube-prometheus，默认）或规则文件
  --job 名称                      抓取 kube-proxy 的 job（默认 kube-proxy）
  （--kubernetes-version 和 --locale 同 check）

退出码：0 没有达到 --fail-on 级别的问题；1 有达到该级别的问题（或警告多于 --max-warnings）；
2 用法错误、输入无法读取或 .kube-proxy-tuner.yaml 无效。`;

/** The help text, in the language asked for. */
export function usage(locale: Locale): string {
  return locale === 'zh-cn' ? USAGE_ZH : USAGE_EN;
}

type Fail = (key: MessageKey, args?: Record<string, string>) => UsageError;

/** The flag and its value, for `--flag value` and `--flag=value`. */
function flagOf(arg: string): [string, string | undefined] {
  return arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
}

export function parseArgs(argv: string[]): ParsedArgs {
  // The language of the messages, read first so that usage errors are in it too.
  const localeAt = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const asked =
    localeAt < 0
      ? undefined
      : (argv[localeAt].includes('=') ? argv[localeAt].slice(argv[localeAt].indexOf('=') + 1) : argv[localeAt + 1])?.toLowerCase();
  const locale: Locale = asked === 'zh-cn' ? 'zh-cn' : 'en';
  const fail: Fail = (key, args = {}) => ({ command: 'error', key, args, locale });
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { command: 'help', locale };
  if (argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command === 'alerts') return parseAlerts(rest, locale, fail);
  if (command !== 'check') return fail('cli.usage.unknownCommand', { command });
  return parseCheck(rest, locale, fail);
}

const NUMBER_FLAGS: Record<string, keyof ClusterNumbers> = {
  '--nodes': 'nodes',
  '--services': 'services',
  '--endpoints': 'endpoints',
  '--cores-per-node': 'coresPerNode',
  '--churn-per-minute': 'churnPerMinute',
};

function parseCheck(rest: string[], locale: Locale, fail: Fail): ParsedArgs {
  const parsed: CheckCommand = {
    command: 'check',
    targets: [],
    format: 'text',
    locale,
    fix: false,
    unsafeFixes: false,
    settings: {},
    failOn: 'error',
  };
  const settings = parsed.settings;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = flagOf(arg);
    const value = (): string | undefined => inline ?? rest[++i];
    const bad = (expected: string, got: string | undefined): UsageError => fail('cli.usage.badValue', { flag, expected, value: got ?? '' });
    if (flag === '--kubernetes-version') {
      const version = value();
      const normalized = version === undefined ? undefined : normalizeVersion(version);
      if (!normalized) return bad(`auto | ${OLDEST_MINOR} … ${NEWEST_MINOR}`, version);
      settings.kubernetesVersion = normalized;
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return bad('text | json | sarif', format);
      parsed.format = format;
    } else if (flag === '--locale') {
      const requested = value()?.toLowerCase();
      if (requested !== 'en' && requested !== 'zh-cn') return bad('en | zh-cn', requested);
      parsed.locale = requested;
    } else if (flag === '--config') {
      const file = value();
      if (!file || file.startsWith('--')) return bad('FILE', file);
      parsed.config = file;
    } else if (flag === '--rule') {
      const spec = value() ?? '';
      const [id, level] = spec.split('=');
      if (!RULES_BY_ID.has(id) || !(RULE_LEVELS as readonly string[]).includes((level ?? '').toLowerCase()))
        return bad(`ID=${RULE_LEVELS.join('|')} (ids: docs/rules.md)`, spec);
      settings.rules = { ...(settings.rules ?? {}), [id]: level.toLowerCase() as Severity | 'off' };
    } else if (flag === '--fail-on') {
      const level = value();
      if (level !== 'error' && level !== 'warning' && level !== 'information') return bad('error | warning | information', level);
      parsed.failOn = level;
    } else if (flag === '--max-warnings') {
      const text = value();
      if (text === undefined || !/^\d+$/.test(text)) return bad('a number', text);
      parsed.maxWarnings = Number(text);
    } else if (flag === '--cluster-scale') {
      const scale = value();
      if (scale !== 'large' && scale !== 'small') return bad('large | small', scale);
      settings.clusterScale = scale;
    } else if (flag === '--no-monitoring') {
      settings.monitoring = false;
    } else if (flag === '--fix') {
      parsed.fix = true;
    } else if (flag === '--unsafe-fixes') {
      parsed.unsafeFixes = true;
    } else if (flag === '--metrics') {
      const file = value();
      if (!file || file.startsWith('--')) return bad('FILE', file);
      settings.metrics = [...(settings.metrics ?? []), file];
    } else if (Object.hasOwn(NUMBER_FLAGS, flag)) {
      const text = value();
      const number = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!(number >= 0) || (flag !== '--churn-per-minute' && !Number.isInteger(number))) return bad('a number', text);
      settings.cluster = { ...(settings.cluster ?? {}), [NUMBER_FLAGS[flag]]: number };
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail('cli.usage.unknownOption', { option: arg });
    } else {
      parsed.targets.push(arg);
    }
  }
  if (parsed.targets.length === 0) return fail('cli.usage.noFile');
  // A second `-` would read an empty, already consumed standard input.
  if (parsed.targets.filter((target) => target === '-').length > 1) return fail('cli.usage.stdinTwice');
  if (parsed.fix && parsed.targets.includes('-')) return fail('cli.usage.fixStdin');
  if (parsed.unsafeFixes && !parsed.fix) return fail('cli.usage.unsafeWithoutFix');
  return parsed;
}

function parseAlerts(rest: string[], locale: Locale, fail: Fail): ParsedArgs {
  const parsed: AlertsCommand = {
    command: 'alerts',
    file: '',
    kubernetesVersion: 'auto',
    locale,
    format: 'prometheus-rule',
    job: 'kube-proxy',
  };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = flagOf(arg);
    const value = (): string | undefined => inline ?? rest[++i];
    const bad = (expected: string, got: string | undefined): UsageError => fail('cli.usage.badValue', { flag, expected, value: got ?? '' });
    if (flag === '--format') {
      const format = value();
      if (format !== 'prometheus-rule' && format !== 'rules') return bad('prometheus-rule | rules', format);
      parsed.format = format;
    } else if (flag === '--job') {
      const job = value();
      if (!job || !/^[\w:.-]+$/.test(job)) return bad('a job name', job);
      parsed.job = job;
    } else if (flag === '--kubernetes-version') {
      const version = value();
      const normalized = version === undefined ? undefined : normalizeVersion(version);
      if (!normalized) return bad(`auto | ${OLDEST_MINOR} … ${NEWEST_MINOR}`, version);
      parsed.kubernetesVersion = normalized;
    } else if (flag === '--locale') {
      value();
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail('cli.usage.unknownOption', { option: arg });
    } else files.push(arg);
  }
  if (files.length !== 1) return fail('cli.usage.alertsOneFile');
  parsed.file = files[0];
  return parsed;
}
