import { readFileSync } from 'node:fs';
import { EXIT, UserError } from './errors.js';
import type { Lang } from './lang.js';

/**
 * The tool's own words (errors, help) in the user's language, from the built-in
 * rules/messages.en.json and rules/locales/<lang>.json. Independent of --rules, so that an
 * error about a broken rule copy is still worded; loaded once, on the first text needed.
 */
const BUILT_IN = new URL('../rules/', import.meta.url);
let lang: Lang = 'en';
let catalog: Record<string, string> | undefined;

/** Set once at start-up, from --lang or the locale environment. */
export function setUiLang(l: Lang): void {
  if (l !== lang) catalog = undefined;
  lang = l;
}

export function uiLang(): Lang {
  return lang;
}

function load(): Record<string, string> {
  const read = (rel: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(rel, BUILT_IN), 'utf8')) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(read('messages.en.json'))) if (typeof v === 'string') out[k] = v;
  if (lang !== 'en') {
    for (const [k, v] of Object.entries(read(`locales/${lang}.json`)))
      if (k.startsWith('messages.') && typeof v === 'string') out[k.slice('messages.'.length)] = v;
  }
  return out;
}

/** A text of the tool, placeholders filled; an unknown key is a bug, not a user error. */
export function uiText(key: string, vars: Record<string, string | number> = {}): string {
  catalog ??= load();
  const text = catalog[key];
  if (text === undefined) throw new Error(`No text "${key}" in rules/messages.en.json`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** How the user runs the tool, for commands suggested on screen: "npx tip-coord" when npx started it. */
export function commandName(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === 'exec' ? 'npx tip-coord' : 'tip-coord';
}

/** A user error worded in the user's language (exit 2 unless said otherwise). */
export function userError(key: string, vars: Record<string, string | number> = {}, exitCode: number = EXIT.invalidInput): UserError {
  return new UserError(uiText(key, vars), exitCode);
}

/** Values for an error message: "a", "b" or "c" / « a », « b » ou « c ». */
export function valueList(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 1) return shown.join('');
  return uiText('words.orList', { head: shown.slice(0, -1).join(', '), last: shown[shown.length - 1]! });
}
