/**
 * Fix-all: apply the first safe fix of every finding (optionally of one rule), re-analyse, and
 * repeat until nothing changes. Each pass applies only non-overlapping edits, so the result is
 * the same as applying the fixes one by one; a second run changes nothing. Unsafe fixes (guessed
 * values, re-tuning, removing what the user wrote) are never applied here.
 */
import { AnalysisCache, analyze } from './analyze.ts';
import { fixContext, fixesFor } from './fixes.ts';
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
}

export function fixAll(text: string, options: AnalyzeOptions = {}, onlyRule?: string): FixAllResult {
  let current = text;
  let applied = 0;
  // A pass changes a few documents: the next pass re-parses and re-checks only those.
  const cache = new AnalysisCache();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
    const context = fixContext(current, cache.parse);
    const chosen = new ChosenEdits();
    for (const finding of findings) {
      const [fix] = fixesFor(current, finding, { locale: options.locale, firstSafeOnly: true }, context);
      if (!fix || fix.edits.some((edit) => chosen.overlaps(edit))) continue;
      for (const edit of fix.edits) chosen.add(edit);
      applied++;
    }
    if (chosen.edits.length === 0) break;
    current = applyEdits(current, chosen.edits);
  }
  const remaining = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
  return { text: current, applied, remaining };
}
