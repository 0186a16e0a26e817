/** Command-line parsing for `kube-proxy-tuner check`; usage errors are returned, not thrown. */
import { isSupportedMinor, NEWEST_MINOR, OLDEST_MINOR } from '../knowledge/versions.ts';
import type { MessageKey } from '../knowledge/messages.ts';
import type { ClusterNumbers, Locale } from '../core/types.ts';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  command: 'check';
  files: string[];
  kubernetesVersion: string;
  format: Format;
  locale: Locale;
  /** Apply the safe fixes and write the files back. */
  fix: boolean;
  /** With --fix: also apply the recommendations (the unsafe fixes that set a tuned value). */
  unsafeFixes: boolean;
  clusterScale: 'large' | 'small';
  monitoring: boolean;
  /** Saved metrics scrapes (--metrics, repeatable). */
  metrics: string[];
  /** The cluster's numbers (--nodes, --services, --endpoints, --cores-per-node, --churn-per-minute). */
  cluster: ClusterNumbers;
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

export type ParsedArgs = CheckCommand | AlertsCommand | { command: 'help' } | { command: 'version' } | UsageError;

export const USAGE = `Usage: kube-proxy-tuner check [options] FILE|- [FILE...]
       kube-proxy-tuner alerts [--format prometheus-rule|rules] [--job NAME] FILE|-

Checks the KubeProxyConfiguration documents of kubeadm config files as kube-proxy and kubeadm would.

Options:
  --kubernetes-version auto|1.NN  Kubernetes minor to check against (default: auto = the file's
                                  ClusterConfiguration.kubernetesVersion, else the newest, ${NEWEST_MINOR})
  --format text|json|sarif        Output format (default: text)
  --locale en|zh-cn               Language of the messages (default: en)
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

Exit codes: 0 no error found, 1 errors found, 2 usage error or unreadable input.`;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { command: 'help' };
  if (argv.includes('--version')) return { command: 'version' };
  // The language of the messages, read first so that usage errors are in it too.
  const localeAt = argv.findIndex((arg) => arg === '--locale' || arg.startsWith('--locale='));
  const asked =
    localeAt < 0
      ? undefined
      : (argv[localeAt].includes('=') ? argv[localeAt].slice(argv[localeAt].indexOf('=') + 1) : argv[localeAt + 1])?.toLowerCase();
  const locale: Locale = asked === 'zh-cn' ? 'zh-cn' : 'en';
  const fail = (key: MessageKey, args: Record<string, string> = {}): UsageError => ({ command: 'error', key, args, locale });
  const [command, ...rest] = argv;
  if (command === 'alerts') return parseAlerts(rest, locale, fail);
  if (command !== 'check') return fail('cli.usage.unknownCommand', { command });
  const parsed: CheckCommand = {
    command: 'check',
    files: [],
    kubernetesVersion: 'auto',
    format: 'text',
    locale,
    fix: false,
    unsafeFixes: false,
    clusterScale: 'large',
    monitoring: true,
    metrics: [],
    cluster: {},
  };
  const numberFlags: Record<string, keyof ClusterNumbers> = {
    '--nodes': 'nodes',
    '--services': 'services',
    '--endpoints': 'endpoints',
    '--cores-per-node': 'coresPerNode',
    '--churn-per-minute': 'churnPerMinute',
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    const bad = (expected: string, got: string | undefined): UsageError => fail('cli.usage.badValue', { flag, expected, value: got ?? '' });
    if (flag === '--kubernetes-version') {
      const version = value();
      if (!version || !(version === 'auto' || isSupportedMinor(version))) return bad(`auto | ${OLDEST_MINOR} … ${NEWEST_MINOR}`, version);
      parsed.kubernetesVersion = version;
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return bad('text | json | sarif', format);
      parsed.format = format;
    } else if (flag === '--locale') {
      const requested = value()?.toLowerCase();
      if (requested !== 'en' && requested !== 'zh-cn') return bad('en | zh-cn', requested);
      parsed.locale = requested;
    } else if (flag === '--cluster-scale') {
      const scale = value();
      if (scale !== 'large' && scale !== 'small') return bad('large | small', scale);
      parsed.clusterScale = scale;
    } else if (flag === '--no-monitoring') {
      parsed.monitoring = false;
    } else if (flag === '--fix') {
      parsed.fix = true;
    } else if (flag === '--unsafe-fixes') {
      parsed.unsafeFixes = true;
    } else if (flag === '--metrics') {
      const file = value();
      if (!file || file.startsWith('--')) return bad('FILE', file);
      parsed.metrics.push(file);
    } else if (Object.hasOwn(numberFlags, flag)) {
      const text = value();
      const number = text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
      if (!(number >= 0) || (flag !== '--churn-per-minute' && !Number.isInteger(number))) return bad('a number', text);
      parsed.cluster[numberFlags[flag]] = number;
    } else if (arg.startsWith('-') && arg !== '-') {
      return fail('cli.usage.unknownOption', { option: arg });
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) return fail('cli.usage.noFile');
  // A second `-` would read an empty, already consumed standard input.
  if (parsed.files.filter((file) => file === '-').length > 1) return fail('cli.usage.stdinTwice');
  if (parsed.fix && parsed.files.includes('-')) return fail('cli.usage.fixStdin');
  if (parsed.unsafeFixes && !parsed.fix) return fail('cli.usage.unsafeWithoutFix');
  return parsed;
}

function parseAlerts(rest: string[], locale: Locale, fail: (key: MessageKey, args?: Record<string, string>) => UsageError): ParsedArgs {
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
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
      if (!version || !(version === 'auto' || isSupportedMinor(version))) return bad(`auto | ${OLDEST_MINOR} … ${NEWEST_MINOR}`, version);
      parsed.kubernetesVersion = version;
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
