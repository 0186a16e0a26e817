/**
 * What a finding offers to do about itself, declared by the rule that found it; core/fixes.ts turns
 * each intent into text edits. One kind per sort of edit, so an edit is written once and every rule
 * that needs it names it.
 *
 * Applicability, as in ruff: a `safe` fix repairs something kube-proxy or kubeadm would reject (or
 * silently ignore) in the way the user evidently meant, without changing anything else; fix-all and
 * `--fix` apply only those. An `unsafe` fix is a choice for the user to make (a guessed value, a
 * re-tuned setting, dropping what they wrote) and is only ever applied one at a time, on request.
 */
import type { Scalarish } from './scalar.ts';

export type Applicability = 'safe' | 'unsafe';

export type FixIntent =
  /** Set the finding's path to a value, creating missing keys. */
  | { kind: 'setValue'; value: Scalarish }
  /** Rename the key at the finding's path (a sibling in the same map). */
  | { kind: 'renameKey'; to: string }
  /** Move the key at the finding's path, with its block, to another path. */
  | { kind: 'moveKey'; to: string }
  /** Remove the key at the finding's path with its value. */
  | { kind: 'removeKey' }
  /** Quote a plain scalar that YAML 1.1 reads as another type (`on`, `010`). */
  | { kind: 'quoteValue' }
  /** Unquote a number written as a string, where the plain form reads back as the same number. */
  | { kind: 'unquoteValue' }
  /** Remove an earlier duplicate of the key at the finding's path; `firstKeyAt` is its key's offset. */
  | { kind: 'removeDuplicate'; firstKeyAt: number }
  /** Remove the `---` line starting at `at` (a comment on it stays). */
  | { kind: 'removeSeparatorLine'; at: number };

export interface FixSuggestion {
  intent: FixIntent;
  applicability: Applicability;
}

export const safe = (intent: FixIntent): FixSuggestion => ({ intent, applicability: 'safe' });
export const unsafe = (intent: FixIntent): FixSuggestion => ({ intent, applicability: 'unsafe' });

/** The same suggestion for a document that moved by `delta` within the file (cached findings). */
export function shiftSuggestion(suggestion: FixSuggestion, delta: number): FixSuggestion {
  const { intent } = suggestion;
  if (intent.kind === 'removeDuplicate') return { ...suggestion, intent: { ...intent, firstKeyAt: intent.firstKeyAt + delta } };
  if (intent.kind === 'removeSeparatorLine') return { ...suggestion, intent: { ...intent, at: intent.at + delta } };
  return suggestion;
}
