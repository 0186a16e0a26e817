/**
 * What must hold for ANY input text (DESIGN §6), checked by the fuzz and hostile-input tests:
 * analysis returns (no exception) within a time bound; every finding's span lies inside the text
 * and its LSP range is the span's position; every quick fix applies and leaves YAML that parses
 * without new errors; fix-all converges (running it again changes nothing).
 */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { fixesFor } from '../../server/src/core/fixes.ts';
import { parseFile, syntaxErrorCount as syntaxErrors } from '../../server/src/core/parse.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import type { AnalyzeOptions, Finding, Position } from '../../server/src/core/types.ts';

/** Generous: the inputs are small; a hang or a quadratic blow-up shows as seconds. */
export const MAX_MS_PER_INPUT = 3_000;

/** The position of an offset, computed independently of the core's LineIndex. */
function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  let line = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, character: offset - (lastNewline + 1) };
}

export function syntaxErrorCount(text: string): number {
  return syntaxErrors(parseFile(text));
}

export function assertFindingsInside(text: string, findings: Finding[], label: string): void {
  for (const finding of findings) {
    const { start, end } = finding.span;
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
      `${label}: ${finding.rule} span ${start}-${end} outside 0-${text.length}`);
    assert.deepEqual(finding.range, { start: positionOf(text, start), end: positionOf(text, end) }, `${label}: ${finding.rule} range does not match its span`);
    assert.equal(typeof finding.message, 'string');
  }
}

export interface CheckOptions {
  /** Check the quick fixes of at most this many findings (they re-parse the text each). */
  maxFixedFindings?: number;
  /** Also run fix-all twice and compare. */
  fixAll?: boolean;
  analyze?: AnalyzeOptions;
  /** Time bound for this input (default MAX_MS_PER_INPUT). */
  maxMs?: number;
}

/** Runs every invariant on one text; throws (an assertion) on the first violation. */
export function checkText(text: string, label: string, options: CheckOptions = {}): void {
  const started = performance.now();
  const result = analyze(text, options.analyze);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < (options.maxMs ?? MAX_MS_PER_INPUT), `${label}: analysis took ${elapsed.toFixed(0)} ms`);
  assertFindingsInside(text, result.findings, label);

  const baseline = syntaxErrorCount(text);
  for (const finding of result.findings.slice(0, options.maxFixedFindings ?? 8)) {
    for (const fix of fixesFor(text, finding)) {
      for (const edit of fix.edits) {
        assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length, `${label}: fix "${fix.title}" edits outside the text`);
      }
      const after = applyEdits(text, fix.edits);
      assert.ok(syntaxErrorCount(after) <= baseline, `${label}: fix "${fix.title}" adds YAML errors`);
    }
  }

  if (options.fixAll) {
    const once = fixAll(text, options.analyze);
    assert.ok(syntaxErrorCount(once.text) <= baseline, `${label}: fix-all adds YAML errors`);
    const twice = fixAll(once.text, options.analyze);
    assert.equal(twice.text, once.text, `${label}: fix-all does not converge (a second run changes the text)`);
  }
}
