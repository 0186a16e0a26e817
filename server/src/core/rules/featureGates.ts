/** featureGates: every gate must be known to the binary and not locked to the other value. */
import { gateSpec, gatesOf } from '../../knowledge/featureGates.ts';
import type { MessageKey } from '../../knowledge/messages.ts';
import { SUPPORTED_MINORS, type Minor } from '../../knowledge/versions.ts';
import type { KubeProxyRule } from './rule.ts';
import { joinPath } from '../fieldPath.ts';
import { safe, unsafe, type FixSuggestion } from '../fixIntent.ts';

export interface GateProblem {
  gate: string;
  /** Point at the gate's name (unknown gate) or at its value (locked gate). */
  at: 'key' | 'value';
  /** What is wrong, in the user's language, and upstream's error text. */
  summary: string;
  upstream: string;
  fixes: FixSuggestion[];
}

/**
 * The gates of a map that the targeted binary refuses: unknown names (with a hint when the name is
 * a case variant of a real gate or a gate of other minors) and locked gates set to the other value.
 * Shared by a KubeProxyConfiguration's featureGates and a kind Cluster's, which kind copies into it.
 */
export function gateProblems(
  minor: Minor,
  gates: Record<string, unknown>,
  t: (key: MessageKey, args?: Record<string, string | number>) => string,
): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const [name, value] of Object.entries(gates)) {
    if (typeof value !== 'boolean') continue;
    const spec = gateSpec(minor, name);
    if (!spec) {
      const knownIn = SUPPORTED_MINORS.filter((candidate) => gateSpec(candidate, name));
      const sameCase = Object.keys(gatesOf(minor)).find((gate) => gate.toLowerCase() === name.toLowerCase());
      // Renaming onto a gate that is set too would make a duplicate and replace the user's value.
      const taken = sameCase !== undefined && Object.hasOwn(gates, sameCase);
      const hint = sameCase
        ? t(taken ? 'feature-gates.hintCaseTaken' : 'feature-gates.hintCase', { suggestion: sameCase })
        : knownIn.length > 0
          ? t('feature-gates.hintKnownIn', { versions: knownIn.length === 1 ? knownIn[0] : `${knownIn[0]}–${knownIn[knownIn.length - 1]}` })
          : '';
      problems.push({
        gate: name,
        at: 'key',
        summary: t('feature-gates.unknown', { gate: name, minor, hint }),
        upstream: `unrecognized feature gate: ${name}`,
        fixes:
          sameCase && !taken ? [safe({ kind: 'renameKey', to: sameCase }), unsafe({ kind: 'removeKey' })] : [unsafe({ kind: 'removeKey' })],
      });
    } else if (spec.locked && spec.default !== value) {
      problems.push({
        gate: name,
        at: 'value',
        summary: t('feature-gates.locked', { gate: name, minor, locked: String(spec.default), value: String(value) }),
        upstream: `cannot set feature gate ${name} to ${value}, feature is locked to ${spec.default}`,
        fixes: [safe({ kind: 'setValue', value: spec.default })],
      });
    }
  }
  return problems;
}

export const featureGates: KubeProxyRule = {
  id: 'feature-gates',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/',
  description: { en: 'Feature gates must exist in the targeted version and not be locked.', zh: '特性门控必须存在于目标版本且未被锁定。' },
  check(ctx) {
    const gates = ctx.raw.featureGates;
    if (!gates || typeof gates !== 'object') return;
    for (const problem of gateProblems(ctx.minor, gates as Record<string, unknown>, ctx.t)) {
      ctx.report({
        path: joinPath('featureGates', problem.gate),
        at: problem.at,
        message: ctx.refuse(problem.summary, problem.upstream),
        fixes: problem.fixes,
      });
    }
  },
};
