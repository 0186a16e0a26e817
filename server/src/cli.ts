/** `kube-proxy-tuner check`: the core behind a command line, for CI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fixAll } from './core/fixAll.ts';
import { message } from './knowledge/messages.ts';
import { analyze } from './core/analyze.ts';
import { parseArgs, USAGE } from './cli/args.ts';
import { toJson, toSarif, toText, TOOL_VERSION, type FileReport } from './cli/report.ts';

function readInput(file: string): string {
  return file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
}

export function run(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  const args = parseArgs(argv);
  if (args.command === 'help') { out(USAGE); return 0; }
  if (args.command === 'version') { out(TOOL_VERSION); return 0; }
  if (args.command === 'error') { err(`kube-proxy-tuner: ${args.message}\n\n${USAGE}`); return 2; }
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      err(`kube-proxy-tuner: cannot read ${file}: ${reason}`);
      unreadable = true;
      continue;
    }
    const options = { kubernetesVersion: args.kubernetesVersion, locale: args.locale, clusterScale: args.clusterScale, monitoring: args.monitoring };
    if (args.fix) {
      const fixed = fixAll(text, options);
      if (fixed.text !== text) {
        try {
          writeFileSync(file, fixed.text);
        } catch (error) {
          err(`kube-proxy-tuner: cannot write ${file}: ${(error as Error).message}`);
          unreadable = true;
          continue;
        }
        text = fixed.text;
      }
      err(message(args.locale, 'cli.fixed', { count: fixed.applied, file }));
    }
    const result = analyze(text, options);
    reports.push({ file, version: result.version, findings: result.findings });
  }
  if (args.format === 'json') out(toJson(reports));
  else if (args.format === 'sarif') out(toSarif(reports));
  else if (reports.length > 0) out(toText(reports, args.locale));
  if (unreadable) return 2;
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error')) ? 1 : 0;
}

if (typeof require !== 'undefined' && require.main === module) {
  process.exitCode = run(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`), (text) => process.stderr.write(`${text}\n`));
}
