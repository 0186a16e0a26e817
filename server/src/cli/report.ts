/** The CLI's three output formats over the same per-file results. */
import { message } from '../knowledge/messages.ts';
import { RULES } from '../core/rules/index.ts';
import { versionNote, versionSourceText } from '../core/version.ts';
import type { Finding, Locale, MetricsSummary, ResolvedVersion, Severity } from '../core/types.ts';
import { windowText } from '../core/metrics/format.ts';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../../../package.json' with { type: 'json' };

export interface FileReport {
  file: string;
  version: ResolvedVersion;
  findings: Finding[];
  /** What the scrapes given with --metrics showed. */
  metrics?: MetricsSummary;
  /** Whether the file holds something the tool checks (a KubeProxyConfiguration, or a problem). */
  applies: boolean;
}

/** The package's own manifest: its version, and its homepage once the project has one. */
const manifest: { version: string; homepage?: string } = packageJson;
export const TOOL_VERSION = manifest.version;

export function toJson(reports: FileReport[]): string {
  return JSON.stringify(
    {
      files: reports.map((report) => ({
        file: report.file,
        kubernetesVersion: report.version.minor,
        versionSource: report.version.source,
        ...(report.version.from ? { versionFrom: report.version.from } : {}),
        diagnostics: report.findings.map((finding) => ({
          rule: finding.rule,
          category: finding.category,
          severity: finding.severity,
          path: finding.path,
          document: finding.document,
          // A finding inside a string of the document (a ConfigMap's config.conf, a kind patch): where that string is.
          ...(finding.embedded ? { embeddedIn: finding.embedded.in } : {}),
          // Tuning: what was measured, and the value it suggests.
          ...(finding.evidence ? { evidence: finding.evidence } : {}),
          ...(finding.suggested !== undefined ? { suggested: finding.suggested } : {}),
          range: finding.range,
          message: finding.message,
        })),
        ...(report.metrics ? { metrics: report.metrics } : {}),
      })),
    },
    null,
    2,
  );
}

/**
 * Text for people: a header per file that holds something we check (its version, and where that came
 * from), one line per finding, and a summary. Files with nothing of ours are counted, not listed.
 * `onlyFindings` prints the findings alone (problems of a settings file, before any check).
 */
export function toText(reports: FileReport[], locale: Locale, onlyFindings = false): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    if (!onlyFindings && report.applies) {
      const source = versionSourceText(report.version, (key, args) => message(locale, key, args));
      lines.push(`${report.file}: Kubernetes ${report.version.minor} (${source})`);
      const note = versionNote(report.version);
      if (note) lines.push(`  ${message(locale, note.key, note.args)}`);
    }
    if (!onlyFindings && report.metrics) lines.push(...metricsLines(report.metrics, locale));
    for (const finding of report.findings) {
      counts[finding.severity]++;
      const where = `${report.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const path = finding.embedded ? `${finding.embedded.in} › ${finding.path}` : finding.path;
      const severity = message(locale, `cli.severity.${finding.severity}`);
      lines.push(`${where}: ${severity} [${finding.rule}] ${path ? `${path}: ` : ''}${finding.message}`);
    }
  }
  if (!onlyFindings) {
    lines.push(
      message(locale, 'cli.summary', {
        errors: counts.error,
        warnings: counts.warning,
        notes: counts.information + counts.hint,
        files: reports.length,
      }),
    );
  }
  return lines.join('\n');
}

/**
 * A rule's friendly name for SARIF viewers: unknown-field → UnknownField. SARIF wants it to differ
 * from the id (case ignored), so one-word ids get a suffix: conntrack → ConntrackRule.
 */
function friendlyName(id: string): string {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Rule` : name;
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Where a file is, for SARIF: relative to the folder the check ran in (`%SRCROOT%`), so that code
 * scanning maps results onto the repository; absolute file URIs for files outside it.
 */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  const absolute = resolve(root, file);
  const fromRoot = relative(root, absolute);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return { uri: pathToFileURL(absolute).href };
  return { uri: fromRoot.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0, as GitHub code scanning and other viewers read it. `root` is the folder paths are
 * relative to (the current directory of the run).
 */
export function toSarif(reports: FileReport[], locale: Locale, root: string): string {
  const lang = locale === 'en' ? 'en' : 'zh';
  const rootUri = pathToFileURL(root.endsWith(sep) ? root : `${root}${sep}`).href;
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'kube-proxy-tuner',
              version: TOOL_VERSION,
              semanticVersion: TOOL_VERSION,
              // Where the tool is documented: the manifest's homepage, when the project publishes one.
              ...(manifest.homepage ? { informationUri: manifest.homepage } : {}),
              rules: RULES.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description[lang] },
                fullDescription: { text: rule.description[lang] },
                name: friendlyName(rule.id),
                // GitHub code scanning requires help on every rule.
                help: rule.docs
                  ? {
                      text: `${rule.description[lang]} ${rule.docs}`,
                      markdown: `${rule.description[lang]} [${message(locale, 'cli.sarif.upstream')}](${rule.docs})`,
                    }
                  : { text: rule.description[lang], markdown: rule.description[lang] },
                ...(rule.docs ? { helpUri: rule.docs } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
                properties: { category: rule.category, tags: [rule.category] },
              })),
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
          results: reports.flatMap((report) =>
            report.findings.map((finding) => ({
              ruleId: finding.rule,
              level: SARIF_LEVEL[finding.severity],
              message: { text: finding.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: artifactLocation(report.file, root),
                    region: {
                      startLine: finding.range.start.line + 1,
                      startColumn: finding.range.start.character + 1,
                      endLine: finding.range.end.line + 1,
                      endColumn: finding.range.end.character + 1,
                    },
                  },
                  logicalLocations: finding.path
                    ? [{ fullyQualifiedName: finding.embedded ? `${finding.embedded.in}/${finding.path}` : finding.path, kind: 'member' }]
                    : undefined,
                },
              ],
              properties: {
                category: finding.category,
                document: finding.document,
                ...(finding.evidence ? { evidence: finding.evidence } : {}),
                ...(finding.suggested !== undefined ? { suggested: finding.suggested } : {}),
                ...(finding.embedded ? { embeddedIn: finding.embedded.in } : {}),
                kubernetesVersion: report.version.minor,
              },
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}

/** What the scrapes showed, as lines under a file's header. */
function metricsLines(summary: MetricsSummary, locale: Locale): string[] {
  const unknown = message(locale, 'cli.metrics.unknown');
  const lines: string[] = [];
  for (const process of summary.kubeProxy) {
    lines.push(
      `  ${message(locale, 'cli.metrics.kubeProxy', {
        files: process.files.join(', '),
        version: process.version ?? unknown,
        mode: process.mode ?? unknown,
        cores: process.cores ?? unknown,
        window: windowText(process.window, process.files[process.files.length - 1], locale),
      })}`,
    );
  }
  for (const node of summary.nodes) {
    lines.push(
      `  ${message(locale, 'cli.metrics.node', {
        files: node.files.join(', '),
        node: node.nodename ? message(locale, 'cli.metrics.onNode', { node: node.nodename }) : '',
        entries: node.conntrackEntries ?? unknown,
        limit: node.conntrackLimit ?? unknown,
      })}`,
    );
  }
  for (const entry of summary.notJudged) lines.push(`  ${message(locale, 'cli.metrics.notJudged', { reason: entry.reason })}`);
  return lines;
}
