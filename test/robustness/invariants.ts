/**
 * What must hold for ANY input text (DESIGN §6), checked by the fuzz and hostile-input tests:
 * analysis returns (no exception) within a time bound; every finding's span lies inside the text
 * and its LSP range is the span's position; every quick fix applies and leaves YAML that parses
 * without new errors (an alias without its anchor counts); fix-all converges (running it again
 * changes nothing). On a file that loads, no fix loses a comment or invents one (a `#` inside a
 * block scalar is not a comment), and a safe fix changes no value but the one it repairs: every
 * other value of every KubeProxyConfiguration reads the same after it. A fix inside an embedded
 * configuration (a ConfigMap's config.conf, a kind patch) edits only the string that holds it: the
 * text before and after that string is byte for byte the same, and its other values read the same.
 */
import assert from 'node:assert/strict';
import { Lexer } from 'yaml';
import { analyze, routeFile } from '../../server/src/core/analyze.ts';
import { routeEmbedded } from '../../server/src/core/embedded/analyzeEmbedded.ts';
import { findEmbeddings } from '../../server/src/core/embedded/hosts.ts';
import { isWithin, joinPath } from '../../server/src/core/fieldPath.ts';
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

/** The comments of a text as the YAML lexer sees them (so not a `#` inside a scalar), sorted. */
function comments(text: string): string[] {
  return Array.from(new Lexer().lex(text))
    .filter((token) => token.startsWith('#'))
    .map((token) => token.trimEnd())
    .sort();
}

const SUPPRESSION = /^# kube-proxy-tuner-disable-next-line /;

/** A fix keeps every comment and adds none, but the suppression comment it may be. */
function assertCommentsKept(before: string[], after: string, label: string): void {
  const others = (list: string[]): string[] => list.filter((comment) => !SUPPRESSION.test(comment));
  assert.deepEqual(others(comments(after)), others(before), `${label}: comments changed`);
}

interface DocumentValues {
  document: number;
  /** For an embedded configuration: the path of its string in `document`, and its document inside the string. */
  embedded?: { in: string; document: number };
  values: Map<string, string>;
}

/** Every leaf value of every KubeProxyConfiguration document, in order (embedded ones too): path -> value. */
function kubeProxyValues(text: string): DocumentValues[] {
  const flatten = (value: unknown, path: string, into: Map<string, string>): void => {
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value)
        ? value.map((item, i) => [i, item] as const)
        : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
      if (entries.length === 0) into.set(path, JSON.stringify(value));
      for (const [key, item] of entries) flatten(item, joinPath(path, key), into);
      return;
    }
    into.set(path, JSON.stringify(value));
  };
  const routed = routeFile(text);
  const own = routed.documents
    .filter((document) => document.role === 'kube-proxy')
    .map((document) => {
      const values = new Map<string, string>();
      if (document.decoded && document.decoded.problems.length === 0) flatten(document.decoded.value, '', values);
      return { document: document.parsed.index, values };
    });
  const embedded = findEmbeddings(text, routed.documents).flatMap((embedding) =>
    routeEmbedded(embedding.scalar.text)
      .documents.filter((document) => document.role === 'kube-proxy')
      .map((document) => {
        const values = new Map<string, string>();
        if (document.decoded && document.decoded.problems.length === 0) flatten(document.decoded.value, '', values);
        return { document: embedding.document, embedded: { in: embedding.hostPath, document: document.parsed.index }, values };
      }),
  );
  return [...own, ...embedded];
}

/** An embedded fix touches only its string: what comes before and after it is the same text. */
function assertOnlyItsStringChanged(text: string, after: string, finding: Finding, label: string): void {
  if (!finding.embedded) return;
  const where = finding.embedded;
  const host = findEmbeddings(text, routeFile(text).documents).find(
    (embedding) => embedding.document === finding.document && embedding.hostPath === where.in,
  );
  assert.ok(host, `${label}: the string ${where.in} of the finding is not found`);
  const { start, end } = host.scalar.outer;
  assert.equal(after.slice(0, start), text.slice(0, start), `${label}: text before ${where.in} changed`);
  assert.equal(after.slice(after.length - (text.length - end)), text.slice(end), `${label}: text after ${where.in} changed`);
}

/**
 * A safe fix of `finding` changed nothing outside the finding's own path: every value that was there
 * reads the same, or an empty value now holds a block (a key moved under it).
 */
function assertOnlyItsPathChanged(before: DocumentValues[], after: string, finding: Finding, label: string): void {
  const now = kubeProxyValues(after);
  assert.equal(now.length, before.length, `${label}: the number of KubeProxyConfiguration documents changed`);
  before.forEach(({ document, embedded, values }, i) => {
    const same =
      document === finding.document && embedded?.in === finding.embedded?.in && embedded?.document === finding.embedded?.document;
    const touched = (path: string): boolean => same && (isWithin(path, finding.path) || isWithin(finding.path, path));
    for (const [path, value] of values) {
      if (touched(path)) continue;
      const next = now[i].values.get(path);
      if (next === value) continue;
      const grewBlock = value === 'null' && [...now[i].values.keys()].some((other) => other !== path && isWithin(other, path));
      assert.ok(
        grewBlock,
        `${label}: a safe fix for ${finding.rule} at ${finding.path || '(document)'} changed ${path} from ${value} to ${next}`,
      );
    }
  });
}

export function assertFindingsInside(text: string, findings: Finding[], label: string): void {
  for (const finding of findings) {
    const { start, end } = finding.span;
    assert.ok(
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
      `${label}: ${finding.rule} span ${start}-${end} outside 0-${text.length}`,
    );
    assert.deepEqual(
      finding.range,
      { start: positionOf(text, start), end: positionOf(text, end) },
      `${label}: ${finding.rule} range does not match its span`,
    );
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
  // Comment and value checks need a file that loads: on broken YAML a fix may re-tokenise the rest.
  const loads = baseline === 0;
  const originalComments = loads ? comments(text) : [];
  const originalValues = loads ? kubeProxyValues(text) : [];
  for (const finding of result.findings.slice(0, options.maxFixedFindings ?? 8)) {
    for (const fix of fixesFor(text, finding)) {
      for (const edit of fix.edits) {
        assert.ok(
          edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length,
          `${label}: fix "${fix.title}" edits outside the text`,
        );
      }
      const after = applyEdits(text, fix.edits);
      assert.notEqual(after, text, `${label}: fix "${fix.title}" changes nothing`);
      assert.ok(syntaxErrorCount(after) <= baseline, `${label}: fix "${fix.title}" adds YAML errors`);
      if (!loads) continue;
      assertOnlyItsStringChanged(text, after, finding, `${label}: fix "${fix.title}"`);
      assertCommentsKept(originalComments, after, `${label}: fix "${fix.title}"`);
      if (fix.applicability === 'safe') assertOnlyItsPathChanged(originalValues, after, finding, `${label}: fix "${fix.title}"`);
    }
  }

  if (options.fixAll) {
    const once = fixAll(text, options.analyze);
    assert.ok(syntaxErrorCount(once.text) <= baseline, `${label}: fix-all adds YAML errors`);
    if (loads) assertCommentsKept(originalComments, once.text, `${label}: fix-all`);
    const twice = fixAll(once.text, options.analyze);
    assert.equal(twice.text, once.text, `${label}: fix-all does not converge (a second run changes the text)`);
    assert.equal(twice.applied, 0, `${label}: fix-all says it applied ${twice.applied} fix(es) to a text it leaves as it is`);
  }
}
