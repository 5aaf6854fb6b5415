import { message } from './messages.js';
import type { RuleBase } from './types.js';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** Intl locale tag for dates, numbers and lists. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/**
 * An ISO date (YYYY-MM-DD) as the rule base's language writes it: "29 November 2026",
 * "29 novembre 2026" (words.date and words.months). Not through Intl.DateTimeFormat: its first
 * use sets up ICU's calendars, about 10 ms of every report's run for one pattern.
 */
export function formatDate(rules: RuleBase, iso: string): string {
  const [, year, mm, dd] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) ?? [];
  const month = year ? message(rules, 'words.months').split('|')[Number(mm) - 1] : undefined;
  if (!year || month === undefined) return iso;
  return message(rules, 'words.date', { day: Number(dd), month, year });
}

/** A share as a percentage: "25%", "25 %". */
export function formatPercent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
