/** Figures as tuning messages show them: seconds in a readable unit, counts with separators, percentages. */
import { message, type MessageKey } from '../../knowledge/messages.ts';
import type { EvidenceWindow, Locale } from '../types.ts';

export function seconds(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0.001) return `${(value * 1e6).toFixed(0)} µs`;
  if (value < 1) return `${(value * 1000).toFixed(value < 0.01 ? 1 : 0)} ms`;
  if (value < 120) return `${value.toFixed(value < 10 ? 2 : 1)} s`;
  if (value < 7200) return `${(value / 60).toFixed(1)} min`;
  return `${(value / 3600).toFixed(1)} h`;
}

export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`;
}

/** Where a figure comes from, in the user's language. */
export function windowText(window: EvidenceWindow | undefined, file: string, locale: Locale): string {
  const t = (key: MessageKey, args: Record<string, string>): string => message(locale, key, args);
  if (!window) return t('tuning.window.unknown', { file });
  if (window.kind === 'between')
    return t('tuning.window.between', {
      seconds: seconds(window.seconds),
      from: window.files[0],
      to: window.files[window.files.length - 1],
    });
  return t('tuning.window.sinceStart', { seconds: seconds(window.seconds), file: window.files[0] ?? file });
}
