import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../core/lang.js';
import type { Catalog } from '../core/messages.js';
import { BUILT_IN_RULES_DIR } from '../paths.js';
import { catalogOf } from './i18n.js';

const cache = new Map<Lang, Catalog>();

/**
 * The tool's own words (errors, help) in one language, from the built-in rules/messages.en.json
 * and rules/locales/<lang>.json. Independent of --rules, so that an error about a broken rule copy
 * is still worded. Read once per language, on the first text needed.
 */
export function builtInTexts(lang: Lang): Catalog {
  let catalog = cache.get(lang);
  if (catalog) return catalog;
  const read = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(join(BUILT_IN_RULES_DIR, rel), 'utf8')) as Record<string, unknown>;
  catalog = catalogOf(read('messages.en.json'), lang === 'en' ? {} : read(`locales/${lang}.json`));
  cache.set(lang, catalog);
  return catalog;
}
