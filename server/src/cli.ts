/** `kube-proxy-tuner check`: the core behind a command line, for CI. */
import { fixAll } from './core/fixAll.ts';
import { message } from './knowledge/messages.ts';
import { analyze } from './core/analyze.ts';
import { RULES_BY_ID } from './core/rules/index.ts';
import { LineIndex } from './core/text.ts';
import type { AnalyzeOptions, Finding, Locale, Severity } from './core/types.ts';
import { readScrape } from './core/metrics/scrape.ts';
import { parseArgs, usage, type AlertsCommand, type CheckCommand } from './cli/args.ts';
import { expandTargets } from './cli/targets.ts';
import { ProjectConfigs, type LoadedConfig } from './cli/projectFiles.ts';
import { isProjectConfigName, mergeProjectSettings, readProjectConfig } from './core/projectConfig.ts';
import { NEWEST_MINOR } from './knowledge/versions.ts';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
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
    out(usage(args.locale));
    return 0;
  }
  if (args.command === 'version') {
    out(TOOL_VERSION);
    return 0;
  }
  if (args.command === 'error') {
    err(`kube-proxy-tuner: ${message(args.locale, args.key, args.args)}\n\n${usage(args.locale)}`);
    return 2;
  }
  if (args.command === 'alerts') return runAlerts(args, out, err);
  return runCheck(args, out, err);
}

/** A path as the user would type it from here: relative below the current folder, else as it is. */
function shownPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

/** Exit 1 when a finding is at or above --fail-on, or when there are more warnings than --max-warnings. */
function failed(reports: FileReport[], args: CheckCommand): boolean {
  const order: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };
  const threshold = order[args.failOn];
  const findings = reports.flatMap((report) => report.findings);
  if (findings.some((finding) => order[finding.severity] >= threshold)) return true;
  return args.maxWarnings !== undefined && findings.filter((finding) => finding.severity === 'warning').length > args.maxWarnings;
}

function runCheck(args: CheckCommand, out: (text: string) => void, err: (text: string) => void): number {
  const reports: FileReport[] = [];
  let unusable = false;
  const problem = (error: FileProblem): void => {
    err(`kube-proxy-tuner: ${error.render(args.locale)}`);
    unusable = true;
  };
  const expanded = expandTargets(args.targets);
  for (const target of expanded.empty) {
    err(`kube-proxy-tuner: ${message(args.locale, 'cli.nothingToCheck', { target })}`);
    unusable = true;
  }
  const configs = new ProjectConfigs(args.locale);
  const reportedConfigs = new Set<string>();
  /** Config files with problems: reported once, as findings on the config file, and the run exits 2. */
  const configProblems = (loaded: LoadedConfig): boolean => {
    if (loaded.findings.length === 0) return false;
    if (!reportedConfigs.has(loaded.path)) {
      reportedConfigs.add(loaded.path);
      err(
        toText(
          [{ file: shownPath(loaded.path), version: { minor: NEWEST_MINOR, source: 'default' }, findings: loaded.findings, applies: true }],
          args.locale,
          true,
        ),
      );
    }
    unusable = true;
    return true;
  };
  // Scrapes are read once each, whichever config names them.
  const scrapes = new Map<string, { name: string; text: string } | undefined>();
  const scrape = (path: string, shown: string): { name: string; text: string } | undefined => {
    if (scrapes.has(path)) return scrapes.get(path);
    let loaded: { name: string; text: string } | undefined;
    try {
      loaded = { name: shown, text: decodeText(readInput(path, { forFix: false }).bytes).text };
      const read = readScrape(loaded);
      if (!read.ok) {
        err(
          `kube-proxy-tuner: ${message(args.locale, 'cli.metrics.refused', {
            file: shown,
            reason: message(args.locale, `tuning.refused.${read.reason}`, { detail: read.detail }),
          })}`,
        );
        unusable = true;
        loaded = undefined;
      }
    } catch (error) {
      // Named as the user sees it, not by the absolute path it was opened with.
      const read = fileProblem(shown, error, 'read');
      problem(new FileProblem(read.key, { ...read.args, file: shown }, read.reason));
    }
    scrapes.set(path, loaded);
    return loaded;
  };
  let explicit: LoadedConfig | undefined;
  if (args.config) {
    try {
      explicit = configs.load(args.config);
    } catch (error) {
      problem(fileProblem(args.config, error, 'read'));
      return 2;
    }
    if (configProblems(explicit)) return 2;
  }
  for (const file of expanded.files) {
    // The project's settings: the --config file, else the nearest .kube-proxy-tuner.yaml above the file.
    let config = explicit;
    if (!config && !isProjectConfigName(file)) {
      const found = configs.find(file);
      if (found) {
        try {
          config = configs.load(found);
        } catch (error) {
          problem(fileProblem(found, error, 'read'));
          continue;
        }
        if (configProblems(config)) continue;
      }
    }
    const settings = mergeProjectSettings(config?.settings ?? {}, args.settings);
    // Scrapes named on the command line are relative to here; those of a config file, to its folder.
    const metricPaths = args.settings.metrics
      ? args.settings.metrics.map((path) => ({ path, shown: path }))
      : (config?.settings.metrics ?? []).map((path) => {
          const absolute = resolve(dirname(config!.path), path);
          return { path: absolute, shown: shownPath(absolute) };
        });
    const metrics = metricPaths.map(({ path, shown }) => scrape(path, shown)).filter((loaded) => loaded !== undefined);
    if (metrics.length < metricPaths.length) continue;
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
    // A .kube-proxy-tuner.yaml given to check is itself checked.
    if (isProjectConfigName(file)) {
      const own = readProjectConfig(text, args.locale);
      reports.push({ file, version: { minor: NEWEST_MINOR, source: 'default' }, findings: own.findings, applies: true });
      continue;
    }
    const options: AnalyzeOptions = {
      kubernetesVersion: settings.kubernetesVersion ?? 'auto',
      // Say where the version came from: the flag wins over the config file.
      kubernetesVersionOrigin: args.settings.kubernetesVersion
        ? { source: 'setting', from: '--kubernetes-version' }
        : { source: 'config', from: config ? shownPath(config.path) : '.kube-proxy-tuner.yaml' },
      locale: args.locale,
      rules: settings.rules ?? {},
      clusterScale: settings.clusterScale ?? 'large',
      monitoring: settings.monitoring ?? true,
      ...(settings.cluster ? { cluster: settings.cluster } : {}),
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
    reports.push({
      file,
      version: result.version,
      findings,
      applies: result.applies || findings.length > 0,
      ...(result.metrics ? { metrics: result.metrics } : {}),
    });
  }
  if (args.format === 'json') out(toJson(reports));
  else if (args.format === 'sarif') out(toSarif(reports, args.locale, process.cwd()));
  else if (reports.length > 0) out(toText(reports, args.locale));
  if (unusable) return 2;
  return failed(reports, args) ? 1 : 0;
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
