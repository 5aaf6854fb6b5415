import { UserError } from './errors.js';
import { cleanText } from './sanitize.js';
import type { MessageKey } from './message-keys.js';
import type { RuleBase } from './types.js';

export type { MessageKey } from './message-keys.js';

/** Texts keyed by MessageKey, in one language (rules/messages.en.json, or a locale applied to it). */
export type Catalog = Readonly<Record<string, string>>;
export type Vars = Readonly<Record<string, string | number>>;

/** A text with its {placeholders} filled; a key missing from the catalog is a bug, not a user error. */
export function format(catalog: Catalog, key: MessageKey, vars: Vars = {}): string {
  const text = catalog[key];
  if (text === undefined) throw new Error(`Missing message "${key}"`);
  // Own placeholders only ("{constructor}" is not a value), their control characters escaped:
  // a value may come from a file, and a message is printed or written (issue 15).
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(vars, name) ? cleanText(String(vars[name])) : m,
  );
}

/** A text of the rule base, in the rule base's language. */
export function message(rules: RuleBase, key: MessageKey, vars: Vars = {}): string {
  return format(rules.messages, key, vars);
}

/** Values for an error message: "a", "b" or "c" / « a », « b » ou « c ». */
export function valueList(catalog: Catalog, values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 1) return shown.join('');
  return format(catalog, 'words.orList', { head: shown.slice(0, -1).join(', '), last: shown[shown.length - 1]! });
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
