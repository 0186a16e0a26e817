/** Best-practice rules read their recommended values and rationale from the field knowledge. */
import { FIELD_DOCS } from '../../../knowledge/fieldDocs.ts';
import type { Recommendation } from '../../../knowledge/fieldDocs.types.ts';
import type { Locale } from '../../types.ts';

const BY_PATH = new Map(FIELD_DOCS.map((doc) => [doc.path, doc]));

export function recommendation(path: string): Recommendation | undefined {
  return BY_PATH.get(path)?.recommended;
}

export function rationale(path: string, locale: Locale): string {
  const doc = BY_PATH.get(path);
  const text = doc?.recommended?.rationale ?? doc?.rationale;
  return text ? (locale === 'zh-cn' ? text.zh : text.en) : '';
}

export function docsOf(path: string): string | undefined {
  return BY_PATH.get(path)?.docs;
}
