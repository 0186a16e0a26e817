import type { Locale } from '../core/types.ts';

/** Maps a client locale (`zh-cn`, `zh-CN`, `zh-Hans`, `en-US`, …) to one the core speaks. */
export function toLocale(value: unknown): Locale {
  return typeof value === 'string' && /^zh(?:[-_]|$)/i.test(value.trim()) ? 'zh-cn' : 'en';
}
