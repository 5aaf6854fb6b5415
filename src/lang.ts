import { UserError } from './errors.js';
import { userError, valueList } from './ui-text.js';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language: --lang, else the locale environment in POSIX order of precedence
 * (LC_ALL, LC_MESSAGES, LANG; "fr_FR.UTF-8", "fr_CD" -> fr), else English.
 */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option !== undefined) {
    if ((LANGS as readonly string[]).includes(option)) return option as Lang;
    throw userError('error.lang', { value: JSON.stringify(option), valid: valueList(LANGS) });
  }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (!v) continue;
    const code = v.toLowerCase().split(/[_.@-]/)[0];
    return (LANGS as readonly string[]).includes(code ?? '') ? (code as Lang) : 'en';
  }
  return 'en';
}

/** Intl locale tag for dates, numbers and lists. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

/** An ISO date (YYYY-MM-DD) as the language writes it: "29 November 2026", "29 novembre 2026". */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** A list joined as the language joins it: "a, b and c", "a, b et c". */
export function formatList(lang: Lang, items: string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type }).format(items);
}

/** A share as a percentage: "25%", "25 %". */
export function formatPercent(lang: Lang, share: number): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
