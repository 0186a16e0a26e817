/** Core findings -> LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FixSuggestion } from '../core/fixIntent.ts';
import type { Finding, Severity } from '../core/types.ts';

export const DIAGNOSTIC_SOURCE = 'kube-proxy-tuner';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for code actions: which finding it is, and what can be done about it. */
export interface DiagnosticData {
  rule: string;
  path: string;
  document: number;
  /** For a finding inside a string of the document (a ConfigMap's config.conf): that string's path. */
  embeddedIn?: string;
  fixes: FixSuggestion[];
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    message: finding.message,
    data: {
      rule: finding.rule,
      path: finding.path,
      document: finding.document,
      ...(finding.embedded ? { embeddedIn: finding.embedded.in } : {}),
      fixes: finding.fixes ?? [],
    } satisfies DiagnosticData,
  };
  if (finding.docs) diagnostic.codeDescription = { href: finding.docs };
  return diagnostic;
}
