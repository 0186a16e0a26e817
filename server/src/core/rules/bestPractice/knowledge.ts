/** Best-practice rules read their recommended values and rationale from the field knowledge. */
import { fieldDoc } from '../../../knowledge/fieldDocs.ts';
import type { Recommendation } from '../../../knowledge/fieldDocs.types.ts';
import type { Locale } from '../../types.ts';

export function recommendation(path: string): Recommendation | undefined {
  return fieldDoc(path)?.recommended;
}

export function rationale(path: string, locale: Locale): string {
  const doc = fieldDoc(path);
  const text = doc?.recommended?.rationale ?? doc?.rationale;
  return text ? (locale === 'zh-cn' ? text.zh : text.en) : '';
}

export function docsOf(path: string): string | undefined {
  return fieldDoc(path)?.docs;
}
