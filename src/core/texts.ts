/**
 * The tool's own texts (help, errors, prompts, what it prints on screen), in English and French.
 * They ship with the program, bundled with its code: a rule folder need not carry them. A rule
 * folder's messages may reword any of them (see rules/rulebase.ts); the rest come from here.
 */
import en from './texts/en.json' with { type: 'json' };
import fr from './texts/fr.json' with { type: 'json' };
import type { Lang } from './lang.js';
import type { ToolKey } from './message-keys.js';
import type { Texts } from './types.js';

const { $comment: _en, ...english } = en;
const { $comment: _fr, ...french } = fr;

const BY_LANG: Readonly<Record<Lang, Texts<ToolKey>>> = { en: english, fr: french };

/** The tool's own texts in one language. */
export function toolTexts(lang: Lang): Texts<ToolKey> {
  return BY_LANG[lang];
}

/** Whether a key names one of the tool's own texts (which a rule folder may reword). */
export function isToolKey(key: string): key is ToolKey {
  return Object.hasOwn(english, key);
}
