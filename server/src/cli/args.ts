/** Command-line parsing for `kube-proxy-tuner check`; usage errors are returned, not thrown. */
import { isSupportedMinor } from '../knowledge/versions.ts';
import type { Locale } from '../core/types.ts';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  command: 'check';
  files: string[];
  kubernetesVersion: string;
  format: Format;
  locale: Locale;
  /** Apply the safe fixes and write the files back. */
  fix: boolean;
  clusterScale: 'large' | 'small';
  monitoring: boolean;
}

export type ParsedArgs = CheckCommand | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: kube-proxy-tuner check [options] FILE|- [FILE...]

Checks the KubeProxyConfiguration documents of kubeadm config files as kube-proxy and kubeadm would.

Options:
  --kubernetes-version auto|1.NN  Kubernetes minor to check against (default: auto = the file's
                                  ClusterConfiguration.kubernetesVersion, else the newest, 1.37)
  --format text|json|sarif        Output format (default: text)
  --locale en|zh-cn               Language of the messages (default: en)
  --cluster-scale large|small     Cluster the best-practice findings assume (default: large)
  --no-monitoring                 Do not expect cluster monitoring to scrape kube-proxy metrics
  --fix                           Apply the safe fixes, write the files back, then report what is left
  -h, --help                      Show this help
  --version                       Show the version

Exit codes: 0 no error found, 1 errors found, 2 usage error or unreadable input.`;

export function parseArgs(argv: string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { command: 'help' };
  if (argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check') return { command: 'error', message: `unknown command "${command}"; expected "check"` };
  const parsed: CheckCommand = { command: 'check', files: [], kubernetesVersion: 'auto', format: 'text', locale: 'en', fix: false, clusterScale: 'large', monitoring: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    if (flag === '--kubernetes-version') {
      const version = value();
      if (!version || !(version === 'auto' || isSupportedMinor(version))) return { command: 'error', message: `--kubernetes-version takes auto or a minor from 1.28 to 1.37, not "${version ?? ''}"` };
      parsed.kubernetesVersion = version;
    } else if (flag === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return { command: 'error', message: `--format takes text, json or sarif, not "${format ?? ''}"` };
      parsed.format = format;
    } else if (flag === '--locale') {
      const locale = value()?.toLowerCase();
      if (locale !== 'en' && locale !== 'zh-cn') return { command: 'error', message: `--locale takes en or zh-cn, not "${locale ?? ''}"` };
      parsed.locale = locale;
    } else if (flag === '--cluster-scale') {
      const scale = value();
      if (scale !== 'large' && scale !== 'small') return { command: 'error', message: `--cluster-scale takes large or small, not "${scale ?? ''}"` };
      parsed.clusterScale = scale;
    } else if (flag === '--no-monitoring') {
      parsed.monitoring = false;
    } else if (flag === '--fix') {
      parsed.fix = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { command: 'error', message: `unknown option ${arg}` };
    } else {
      parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) return { command: 'error', message: 'no file given (use - for standard input)' };
  if (parsed.fix && parsed.files.includes('-')) return { command: 'error', message: '--fix writes files back and cannot fix standard input' };
  return parsed;
}
