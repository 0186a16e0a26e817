/** featureGates: every gate must be known to the binary and not locked to the other value. */
import { gateSpec, gatesOf } from '../../knowledge/featureGates.ts';
import { SUPPORTED_MINORS } from '../../knowledge/versions.ts';
import type { KubeProxyRule } from './rule.ts';
import { joinPath } from '../fieldPath.ts';
import { safe, unsafe } from '../fixIntent.ts';

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
    for (const [name, value] of Object.entries(gates as Record<string, unknown>)) {
      if (typeof value !== 'boolean') continue;
      const spec = gateSpec(ctx.minor, name);
      const path = joinPath('featureGates', name);
      if (!spec) {
        const knownIn = SUPPORTED_MINORS.filter((minor) => gateSpec(minor, name));
        const sameCase = Object.keys(gatesOf(ctx.minor)).find((gate) => gate.toLowerCase() === name.toLowerCase());
        // Renaming onto a gate that is set too would make a duplicate and replace the user's value.
        const taken = sameCase !== undefined && Object.hasOwn(gates, sameCase);
        const hint = sameCase
          ? ctx.t(taken ? 'feature-gates.hintCaseTaken' : 'feature-gates.hintCase', { suggestion: sameCase })
          : knownIn.length > 0
            ? ctx.t('feature-gates.hintKnownIn', {
                versions: knownIn.length === 1 ? knownIn[0] : `${knownIn[0]}–${knownIn[knownIn.length - 1]}`,
              })
            : '';
        const fixes =
          sameCase && !taken ? [safe({ kind: 'renameKey', to: sameCase }), unsafe({ kind: 'removeKey' })] : [unsafe({ kind: 'removeKey' })];
        ctx.report({
          path,
          at: 'key',
          message: ctx.refuse(ctx.t('feature-gates.unknown', { gate: name, minor: ctx.minor, hint }), `unrecognized feature gate: ${name}`),
          fixes,
        });
      } else if (spec.locked && spec.default !== value) {
        ctx.report({
          path,
          message: ctx.refuse(
            ctx.t('feature-gates.locked', { gate: name, minor: ctx.minor, locked: String(spec.default), value: String(value) }),
            `cannot set feature gate ${name} to ${value}, feature is locked to ${spec.default}`,
          ),
          fixes: [safe({ kind: 'setValue', value: spec.default })],
        });
      }
    }
  },
};
