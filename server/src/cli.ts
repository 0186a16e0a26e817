/** `kube-proxy-tuner check`: the core behind a command line, for CI. */
import { fixAll } from './core/fixAll.ts';
import { message } from './knowledge/messages.ts';
import { analyze } from './core/analyze.ts';
import { RULES_BY_ID } from './core/rules/index.ts';
import { LineIndex } from './core/text.ts';
import type { AnalyzeOptions, Finding, Locale } from './core/types.ts';
import { readScrape } from './core/metrics/scrape.ts';
import { parseArgs, USAGE, type AlertsCommand } from './cli/args.ts';
import { effectiveConfigs } from './core/effectiveConfigs.ts';
import { alertRules, scrapeable } from './core/metrics/alerts.ts';
import { toJson, toSarif, toText, TOOL_VERSION, type FileReport } from './cli/report.ts';
import { FileProblem, fileProblem, readInput, writeFixed, type Input } from './cli/files.ts';

/**
 * The text of the bytes read, and where their first sequence that is not UTF-8 is (go-yaml, which
 * kubeadm and kube-proxy use, refuses such a file: "yaml: invalid leading UTF-8 octet"). The text is
 * still decoded (invalid bytes become U+FFFD) so that the rest of the file is checked as well.
 */
function decodeText(bytes: Buffer): { text: string; invalidUtf8At?: number } {
  const text = bytes.toString('utf8');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    const at = text.indexOf('\uFFFD');
    return { text, invalidUtf8At: at < 0 ? 0 : at };
  }
}

/** An error finding for input that is not UTF-8, in the same shape as the core's findings. */
function notUtf8Finding(text: string, offset: number, locale: Locale): Finding {
  const rule = RULES_BY_ID.get('yaml-syntax')!;
  const span = { start: offset, end: Math.min(text.length, offset + 1) };
  return {
    rule: rule.id,
    category: rule.category,
    severity: 'error',
    document: 0,
    path: '',
    span,
    range: new LineIndex(text).range(span),
    docs: rule.docs,
    message: message(locale, 'yaml-syntax', { detail: 'yaml: invalid leading UTF-8 octet' }),
  };
}

export function run(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (args.command === 'version') {
    out(TOOL_VERSION);
    return 0;
  }
  if (args.command === 'error') {
    err(`kube-proxy-tuner: ${message(args.locale, args.key, args.args)}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === 'alerts') return runAlerts(args, out, err);
  const reports: FileReport[] = [];
  let unreadable = false;
  const problem = (error: FileProblem): void => {
    err(`kube-proxy-tuner: ${error.render(args.locale)}`);
    unreadable = true;
  };
  // Scrapes first: one that cannot be read, or is not a scrape of kube-proxy or node_exporter, stops the run.
  const metrics: { name: string; text: string }[] = [];
  for (const file of args.metrics) {
    try {
      metrics.push({ name: file, text: decodeText(readInput(file, { forFix: false }).bytes).text });
    } catch (error) {
      problem(fileProblem(file, error, 'read'));
    }
  }
  for (const scrape of metrics) {
    const read = readScrape(scrape);
    if (read.ok) continue;
    err(
      `kube-proxy-tuner: ${message(args.locale, 'cli.metrics.refused', {
        file: scrape.name,
        reason: message(args.locale, `tuning.refused.${read.reason}`, { detail: read.detail }),
      })}`,
    );
    unreadable = true;
  }
  if (unreadable) return 2;
  for (const file of args.files) {
    let input: Input;
    try {
      input = readInput(file, { forFix: args.fix });
    } catch (error) {
      problem(fileProblem(file, error, 'read'));
      continue;
    }
    const decoded = decodeText(input.bytes);
    const invalidUtf8At = decoded.invalidUtf8At;
    let text = decoded.text;
    const options: AnalyzeOptions = {
      kubernetesVersion: args.kubernetesVersion,
      locale: args.locale,
      clusterScale: args.clusterScale,
      monitoring: args.monitoring,
      cluster: args.cluster,
      metrics,
    };
    // Never write back a file that is not UTF-8: its invalid bytes would be replaced.
    if (args.fix && invalidUtf8At === undefined) {
      const fixed = fixAll(text, options, undefined, args.unsafeFixes ? 'recommendations' : 'safe');
      // Recommendations change what the user tuned: each one is said, never applied silently.
      for (const applied of fixed.recommendations)
        err(message(args.locale, 'cli.recommendation', { file, title: applied.title, rule: applied.rule }));
      if (fixed.text !== text) {
        try {
          writeFixed(file, input, fixed.text);
        } catch (error) {
          problem(fileProblem(file, error, 'write'));
          continue;
        }
        text = fixed.text;
      }
      err(message(args.locale, 'cli.fixed', { count: fixed.applied, file }));
    }
    const result = analyze(text, options);
    const findings = invalidUtf8At === undefined ? result.findings : [notUtf8Finding(text, invalidUtf8At, args.locale), ...result.findings];
    reports.push({ file, version: result.version, findings, ...(result.metrics ? { metrics: result.metrics } : {}) });
  }
  if (args.format === 'json') out(toJson(reports));
  else if (args.format === 'sarif') out(toSarif(reports));
  else if (reports.length > 0) out(toText(reports, args.locale));
  if (unreadable) return 2;
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

if (typeof require !== 'undefined' && require.main === module) {
  process.exitCode = run(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  );
}

/** `kube-proxy-tuner alerts FILE`: the alerting rules for the file's (first) KubeProxyConfiguration. */
function runAlerts(args: AlertsCommand, out: (text: string) => void, err: (text: string) => void): number {
  let text: string;
  try {
    text = decodeText(readInput(args.file, { forFix: false }).bytes).text;
  } catch (error) {
    err(`kube-proxy-tuner: ${fileProblem(args.file, error, 'read').render(args.locale)}`);
    return 2;
  }
  const { version, configs } = effectiveConfigs(text, { kubernetesVersion: args.kubernetesVersion });
  if (configs.length === 0) {
    err(`kube-proxy-tuner: ${message(args.locale, 'cli.alerts.none', { file: args.file })}`);
    return 2;
  }
  if (configs.length > 1) err(`kube-proxy-tuner: ${message(args.locale, 'cli.alerts.first', { file: args.file, count: configs.length })}`);
  const { config } = configs[0];
  if (!scrapeable(config)) err(`kube-proxy-tuner: ${message(args.locale, 'alerts.loopback', { address: config.metricsBindAddress })}`);
  out(alertRules(config, version.minor, { format: args.format, job: args.job, locale: args.locale }).trimEnd());
  return 0;
}
