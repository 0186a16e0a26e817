/** The CLI's three output formats over the same per-file results. */
import { message } from '../knowledge/messages.ts';
import { RULES } from '../core/rules/index.ts';
import { versionNote, versionSourceText } from '../core/version.ts';
import type { Finding, Locale, MetricsSummary, ResolvedVersion, Severity } from '../core/types.ts';
import { windowText } from '../core/metrics/format.ts';

export interface FileReport {
  file: string;
  version: ResolvedVersion;
  findings: Finding[];
  /** What the scrapes given with --metrics showed. */
  metrics?: MetricsSummary;
}

export const TOOL_VERSION = '0.1.0';

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

export function toText(reports: FileReport[], locale: Locale): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const report of reports) {
    const source = versionSourceText(report.version, (key, args) => message(locale, key, args));
    lines.push(`${report.file}: Kubernetes ${report.version.minor} (${source})`);
    const note = versionNote(report.version);
    if (note) lines.push(`  ${message(locale, note.key, note.args)}`);
    if (report.metrics) lines.push(...metricsLines(report.metrics, locale));
    for (const finding of report.findings) {
      counts[finding.severity]++;
      const where = `${report.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      const path = finding.embedded ? `${finding.embedded.in} › ${finding.path}` : finding.path;
      lines.push(`${where}: ${finding.severity} [${finding.rule}] ${path ? `${path}: ` : ''}${finding.message}`);
    }
  }
  lines.push(
    `${counts.error} error(s), ${counts.warning} warning(s), ${counts.information + counts.hint} note(s) in ${reports.length} file(s)`,
  );
  return lines.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(reports: FileReport[]): string {
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
              informationUri: 'https://kubernetes.io/docs/reference/config-api/kube-proxy-config.v1alpha1/',
              rules: RULES.map((rule) => ({
                id: rule.id,
                shortDescription: { text: rule.description.en },
                helpUri: rule.docs,
                defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
                properties: { category: rule.category },
              })),
            },
          },
          results: reports.flatMap((report) =>
            report.findings.map((finding) => ({
              ruleId: finding.rule,
              level: SARIF_LEVEL[finding.severity],
              message: { text: finding.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: report.file },
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
