/** Best-practice rules read their recommended values and rationale from the field knowledge. */
import { fieldFact, type Recommendation } from '../../../knowledge/fields.ts';
import type { Locale } from '../../types.ts';

export function recommendation(path: string): Recommendation | undefined {
  return fieldFact(path)?.recommended;
}

export function rationale(path: string, locale: Locale): string {
  const field = fieldFact(path);
  const text = field?.recommended?.rationale ?? field?.rationale;
  return text ? (locale === 'zh-cn' ? text.zh : text.en) : '';
}

export function docsOf(path: string): string | undefined {
  return fieldFact(path)?.docs;
}
