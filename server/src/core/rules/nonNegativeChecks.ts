/**
 * Rules that share one shape: a numeric or duration field that upstream requires to be >= 0
 * (or > 0). Each is its own rule id; this module only holds the common check. The fix offered
 * (unsafe: the user chose the value) is the field's upstream default, from the field table.
 */
import { fieldFact } from '../../knowledge/fields.ts';
import { formatGoDuration } from '../goDuration.ts';
import { goPath, invalid } from '../upstreamText.ts';
import type { KubeProxyContext } from './rule.ts';
import { unsafe } from '../fixIntent.ts';

export function requireAtLeast(
  ctx: KubeProxyContext,
  path: string,
  value: number | bigint,
  strict: boolean,
  goFieldPath = goPath(ctx.minor, path),
): void {
  const bad = strict ? value <= 0 : value < 0;
  if (!bad) return;
  const fix = fieldFact(path)?.default;
  const shown = typeof value === 'bigint' ? formatGoDuration(value) : value;
  const detail = strict ? 'must be greater than 0' : 'must be greater than or equal to 0';
  ctx.report({
    path,
    message: ctx.refuse(
      ctx.t(strict ? 'common.positive' : 'common.nonNegative', { path, value: shown }),
      invalid(goFieldPath, value, detail),
    ),
    fixes: fix === undefined || fix === null ? undefined : [unsafe({ kind: 'setValue', value: fix })],
  });
}
