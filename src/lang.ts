import { UserError } from './errors.js';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The language: --lang, else the locale environment in POSIX order of precedence
 * (LC_ALL, LC_MESSAGES, LANG; "fr_FR.UTF-8", "fr_CD" -> fr), else English.
 */
export function resolveLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option !== undefined) {
    if ((LANGS as readonly string[]).includes(option)) return option as Lang;
    throw new UserError(`--lang ${JSON.stringify(option)}: valid languages are ${LANGS.map((l) => `"${l}"`).join(' and ')}.`);
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
