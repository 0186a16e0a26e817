/**
 * Fix-all: apply the preferred fix of every finding (optionally of one rule), re-analyse, and
 * repeat until nothing changes. Each pass applies only non-overlapping edits, so the result is
 * the same as applying the fixes one by one; a second run changes nothing.
 */
import { AnalysisCache, analyze } from './analyze.ts';
import { fixContext, fixesFor } from './fixes.ts';
import { applyEdits, type TextEdit } from './textEdits.ts';
import type { AnalyzeOptions, Finding } from './types.ts';

const MAX_PASSES = 10;

export interface FixAllResult { text: string; applied: number; remaining: Finding[] }

export function fixAll(text: string, options: AnalyzeOptions = {}, onlyRule?: string): FixAllResult {
  let current = text;
  let applied = 0;
  // A pass changes a few documents: the next pass re-parses and re-checks only those.
  const cache = new AnalysisCache();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
    const context = fixContext(current, cache.parse);
    const chosen: TextEdit[] = [];
    for (const finding of findings) {
      const fix = fixesFor(current, finding, options.locale, context).find((candidate) => candidate.preferred);
      if (!fix) continue;
      const overlaps = fix.edits.some((edit) => chosen.some((other) => edit.span.start < other.span.end && other.span.start < edit.span.end
        || (edit.span.start === other.span.start)));
      if (overlaps) continue;
      chosen.push(...fix.edits);
      applied++;
    }
    if (chosen.length === 0) break;
    current = applyEdits(current, chosen);
  }
  const remaining = analyze(current, options, cache).findings.filter((finding) => !onlyRule || finding.rule === onlyRule);
  return { text: current, applied, remaining };
}
