import { UserError } from './errors.js';
import { cleanText } from './sanitize.js';
import type { MessageKey, ToolKey } from './message-keys.js';
import type { RuleBase, Texts } from './types.js';

export type { MessageKey, RuleTextKey, ToolKey } from './message-keys.js';

/** The tool's own texts in one language (src/core/texts), for words needed before or without a rule base. */
export type Catalog = Texts<ToolKey>;
export type Vars = Readonly<Record<string, string | number>>;

/**
 * A text with its {placeholders} filled. The key must be one of the catalog's (a tool text cannot
 * be looked up among the rule folder's): a key missing at run time is a bug, not a user error.
 */
export function format<K extends string>(catalog: Texts<K>, key: NoInfer<K>, vars: Vars = {}): string {
  const text = catalog[key] as string | undefined;
  if (text === undefined) throw new Error(`Missing message "${key}"`);
  // Own placeholders only ("{constructor}" is not a value), their control characters escaped:
  // a value may come from a file, and a message is printed or written.
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(vars, name) ? cleanText(String(vars[name])) : m,
  );
}

/** A text under a key made at run time (a verdict's id, a prompt's action), or undefined when there is none. */
export function textFor(catalog: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(catalog, key) ? catalog[key] : undefined;
}

/** A text of the rule base, in the rule base's language. */
export function message(rules: RuleBase, key: MessageKey, vars: Vars = {}): string {
  return format(rules.messages, key, vars);
}

/** Values for an error message: "a", "b" or "c" / « a », « b » ou « c ». */
export function valueList(catalog: Texts<'words.orList'>, values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  const last = shown.pop();
  if (last === undefined || shown.length === 0) return last ?? '';
  return format(catalog, 'words.orList', { head: shown.join(', '), last });
}

/** The texts of a rule base as one function, for modules that word many of them. */
export const wording =
  (rules: RuleBase) =>
  (key: MessageKey, vars: Vars = {}): string =>
    message(rules, key, vars);

/** A mistake the user can fix, worded in the rule base's language. */
export function inputError(rules: RuleBase, key: MessageKey, vars: Vars = {}): UserError {
  return new UserError(message(rules, key, vars));
}

/**
 * A text that changes with a number: `${base}.one` or `${base}.other`, chosen by the language's
 * plural rules (French says "1 question", "0 question" alike; English "0 questions").
 */
export function counted(rules: RuleBase, base: string, count: number, vars: Vars = {}): string {
  // The CLDR rule of each language, without Intl (its first use sets up ICU, a cost at start-up):
  // English "one" is 1 alone, French "one" is 0 and 1.
  const one = rules.lang === 'fr' ? count === 0 || count === 1 : count === 1;
  const form = one ? 'one' : 'other';
  return message(rules, `${base}.${form}` as MessageKey, { count, ...vars });
}

/** "1 question", "12 questions": the one count of questions every screen and report uses. */
export function questionCount(rules: RuleBase, count: number): string {
  return counted(rules, 'words.questions', count);
}
