/**
 * Code actions from the core's fixes: a quick fix per finding, "fix all of this rule", a
 * `source.fixAll.kubeProxyTuner` action for the whole file, and "silence this rule on this line".
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message } from '../knowledge/messages.ts';
import { analyze, type AnalysisCache } from '../core/analyze.ts';
import { fixAll, type FixAllMode } from '../core/fixAll.ts';
import { fixContext, fixesFor, suppressionEdit } from '../core/fixes.ts';
import { diffAsEdit, type TextEdit } from '../core/textEdits.ts';
import type { AnalyzeOptions, Finding } from '../core/types.ts';
import { DIAGNOSTIC_SOURCE, toDiagnostic, type DiagnosticData } from './diagnostics.ts';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeProxyTuner`;
/** "Apply all recommendations": explicit, never on save (it changes what the user tuned). */
export const APPLY_RECOMMENDATIONS_KIND = `${CodeActionKind.Source}.kubeProxyTuner.applyRecommendations`;

function toLsp(document: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) },
    newText: edit.newText,
  }));
}

function overlaps(finding: Finding, params: CodeActionParams): boolean {
  const { start, end } = params.range;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(finding.range.start, end) && before(start, finding.range.end);
}

/**
 * Whether the client's diagnostic is this finding. The rule and start position are not enough: one
 * rule can report two fields at the same place (qps and burst, both missing, at their section), and
 * the "Set burst" fix then went to the qps diagnostic. The path and document it carries decide.
 */
function sameFinding(diagnostic: Diagnostic, finding: Finding): boolean {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const { start, end } = diagnostic.range;
  return (
    diagnostic.source === DIAGNOSTIC_SOURCE &&
    diagnostic.code === finding.rule &&
    start.line === finding.range.start.line &&
    start.character === finding.range.start.character &&
    end.line === finding.range.end.line &&
    end.character === finding.range.end.character &&
    data?.path === finding.path &&
    data?.document === finding.document &&
    data?.embeddedIn === finding.embedded?.in
  );
}

/** What a deferred whole-file action needs to compute its edit in codeAction/resolve. */
export interface FixAllData {
  uri: string;
  version: number;
  rule?: string;
  mode?: FixAllMode;
}

/** The whole-file edit of fix-all (of one rule, or of all; safe fixes, or all recommendations), or undefined when nothing changes. */
export function fixAllEdit(
  document: TextDocument,
  options: AnalyzeOptions,
  rule?: string,
  mode: FixAllMode = 'safe',
): LspTextEdit[] | undefined {
  const text = document.getText();
  const edit = diffAsEdit(text, fixAll(text, options, rule, mode).text);
  return edit ? toLsp(document, [edit]) : undefined;
}

/**
 * A whole-file action. Fix-all re-analyses the file until nothing changes, so in the light-bulb
 * list it is offered without an edit and computed in codeAction/resolve when picked (if the
 * client can resolve); an explicit source.fixAll request computes it at once.
 */
function wholeFileFix(
  document: TextDocument,
  options: AnalyzeOptions,
  title: string,
  kind: string,
  lazy: boolean,
  rule?: string,
  mode: FixAllMode = 'safe',
): CodeAction | undefined {
  if (lazy) return { title, kind, data: { uri: document.uri, version: document.version, rule, mode } satisfies FixAllData };
  const edits = fixAllEdit(document, options, rule, mode);
  return edits ? { title, kind, edit: { changes: { [document.uri]: edits } } } : undefined;
}

/** `cache`: the document's analysis cache (the server's), so asking for actions does not re-analyse unchanged documents. */
export function codeActions(
  document: TextDocument,
  params: CodeActionParams,
  options: AnalyzeOptions,
  canResolve = false,
  cache?: AnalysisCache,
): CodeAction[] {
  const locale = options.locale ?? 'en';
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND) && only) {
    const action = wholeFileFix(document, options, message(locale, 'fix.all'), FIX_ALL_KIND, false);
    return action ? [action] : [];
  }
  // "Apply all recommendations": asked for on its own, or offered beside findings that have a value to set.
  const recommendations = (): CodeAction | undefined =>
    wholeFileFix(
      document,
      options,
      message(locale, 'fix.recommendations'),
      APPLY_RECOMMENDATIONS_KIND,
      canResolve,
      undefined,
      'recommendations',
    );
  if (only && wants(APPLY_RECOMMENDATIONS_KIND)) {
    const action = recommendations();
    return action ? [action] : [];
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const text = document.getText();
  const findings = analyze(text, options, cache).findings.filter((finding) => overlaps(finding, params));
  const context = fixContext(text, cache?.parse);
  const rulesSeen = new Set<string>();
  for (const finding of findings) {
    const diagnostic = params.context.diagnostics.find((d) => sameFinding(d, finding)) ?? toDiagnostic(finding);
    const fixes = fixesFor(text, finding, { locale }, context);
    for (const [i, fix] of fixes.entries()) {
      const safe = fix.applicability === 'safe';
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && safe,
        edit: { changes: { [document.uri]: toLsp(document, fix.edits) } },
      });
      if (safe && !rulesSeen.has(finding.rule)) {
        rulesSeen.add(finding.rule);
        const ofRule = wholeFileFix(
          document,
          options,
          message(locale, 'fix.allOfRule', { rule: finding.rule }),
          CodeActionKind.QuickFix,
          canResolve,
          finding.rule,
        );
        if (ofRule) actions.push(ofRule);
      }
    }
    const suppression = suppressionEdit(text, finding, context);
    if (suppression)
      actions.push({
        title: message(locale, 'fix.suppressLine', { rule: finding.rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri]: toLsp(document, [suppression]) } },
      });
  }
  const fileFix = wholeFileFix(document, options, message(locale, 'fix.all'), FIX_ALL_KIND, canResolve);
  if (fileFix && findings.length > 0) actions.push(fileFix);
  // Where a tuned or recommended value is offered, also offer to apply all of them, explicitly.
  if (findings.some((finding) => (finding.category === 'tuning' || finding.category === 'best-practice') && finding.fixes?.length)) {
    const all = recommendations();
    if (all) actions.push(all);
  }
  return actions;
}
