/**
 * Fix-all: apply the first safe fix of every finding (optionally of one rule), re-analyse, and
 * repeat until nothing changes. Each pass applies only non-overlapping edits, so the result is
 * the same as applying the fixes one by one; a second run changes nothing. Unsafe fixes (guessed
 * values, re-tuning, removing what the user wrote) are never applied in the default mode.
 *
 * "Apply all recommendations" (`mode: 'recommendations'`, the CLI's `--fix --unsafe-fixes`) also
 * applies, explicitly, the unsafe fixes that set a recommended or measured value (tuning and
 * best-practice findings, `setValue` only: nothing the user wrote is removed; not the proxy mode,
 * which is a migration), tuning first, so a value measured on the cluster wins over a general
 * recommendation for the same field.
 */
import { AnalysisCache, analyze } from './analyze.ts';
import { fixContext, fixesFor, type Fix, type FixContext } from './fixes.ts';
import { applyEdits, type TextEdit } from './textEdits.ts';
import type { AnalyzeOptions, Finding } from './types.ts';

const MAX_PASSES = 10;

/**
 * The edits chosen in one pass, sorted by start, for the overlap test in O(log n): comparing each
 * new edit with every chosen one made a pass over thousands of fixes quadratic. Two edits clash when
 * they overlap or start at the same offset (the order of two insertions there would be a guess).
 */
class ChosenEdits {
  readonly edits: TextEdit[] = [];

  /** Index of the first chosen edit that starts after `offset`. */
  private after(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.edits[mid].span.start <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  overlaps(edit: TextEdit): boolean {
    const next = this.after(edit.span.start);
    const before = this.edits[next - 1];
    if (before && (before.span.start === edit.span.start || (edit.span.start < before.span.end && before.span.start < edit.span.end)))
      return true;
    const following = this.edits[next];
    return following !== undefined && following.span.start < edit.span.end;
  }

  add(edit: TextEdit): void {
    this.edits.splice(this.after(edit.span.start), 0, edit);
  }
}

export interface FixAllResult {
  text: string;
  applied: number;
  remaining: Finding[];
  /** The recommendations applied (mode `recommendations`): their titles and rules, to list them. */
  recommendations: { rule: string; title: string }[];
}

export type FixAllMode = 'safe' | 'recommendations';

/** Tuning before best practice: a measured value wins over a general recommendation for the same field. */
const CATEGORY_ORDER: Partial<Record<Finding['category'], number>> = { tuning: 0, 'best-practice': 1 };

export function fixAll(text: string, options: AnalyzeOptions = {}, onlyRule?: string, mode: FixAllMode = 'safe'): FixAllResult {
  let current = text;
  let applied = 0;
  const recommendations: FixAllResult['recommendations'] = [];
  // A pass changes a few documents: the next pass re-parses and re-checks only those.
  const cache = new AnalysisCache();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
    if (mode === 'recommendations') findings.sort((a, b) => (CATEGORY_ORDER[a.category] ?? -1) - (CATEGORY_ORDER[b.category] ?? -1));
    const context = fixContext(current, cache.parse);
    const chosen = new ChosenEdits();
    for (const finding of findings) {
      const fix = chooseFix(current, finding, mode, options, context);
      if (!fix || fix.edits.some((edit) => chosen.overlaps(edit))) continue;
      for (const edit of fix.edits) chosen.add(edit);
      applied++;
      if (fix.applicability === 'unsafe') recommendations.push({ rule: fix.rule, title: fix.title });
    }
    if (chosen.edits.length === 0) break;
    current = applyEdits(current, chosen.edits);
  }
  const remaining = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
  return { text: current, applied, remaining, recommendations };
}

/** The fix fix-all applies to a finding: its first safe one, or in `recommendations` mode a recommended value. */
function chooseFix(text: string, finding: Finding, mode: FixAllMode, options: AnalyzeOptions, context: FixContext): Fix | undefined {
  // A change of proxy mode is a migration with upstream's checklist, not a tuned value: never in bulk.
  const recommends = mode === 'recommendations' && CATEGORY_ORDER[finding.category] !== undefined && finding.path !== 'mode';
  if (!recommends) return fixesFor(text, finding, { locale: options.locale, firstSafeOnly: true }, context)[0];
  const fixes = fixesFor(text, finding, { locale: options.locale }, context);
  return fixes.find((fix) => fix.applicability === 'safe') ?? fixes.find((fix) => fix.intent === 'setValue');
}
