import { EXIT, UserError } from '../core/errors.js';
import { LANGS, type Lang } from '../core/lang.js';
import { format, valueList as listIn, type Catalog, type ToolKey, type Vars } from '../core/messages.js';
import { toolTexts } from '../core/texts.js';

/**
 * The language of this run, chosen once at start-up (--lang, else the locale environment) and
 * read by the command line only: the core, the rules and the renderers are given it.
 */
let lang: Lang = 'en';

export function setUiLang(l: Lang): void {
  lang = l;
}

export function uiLang(): Lang {
  return lang;
}

/** The tool's own texts in this run's language (shipped with the code, never read from a rule folder). */
export function uiTexts(): Catalog {
  return toolTexts(lang);
}

/** A text of the tool, placeholders filled. */
export function uiText(key: ToolKey, vars: Vars = {}): string {
  return format(uiTexts(), key, vars);
}

/** How the user runs the tool, for commands suggested on screen: "npx tip-coord" when npx started it. */
export function commandName(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === 'exec' ? 'npx tip-coord' : 'tip-coord';
}

/** A user error worded in the user's language (exit 2 unless said otherwise). */
export function userError(key: ToolKey, vars: Vars = {}, exitCode: number = EXIT.invalidInput): UserError {
  return new UserError(uiText(key, vars), exitCode);
}

/** Values for an error message: "a", "b" or "c" / « a », « b » ou « c ». */
export function valueList(values: readonly unknown[]): string {
  return listIn(uiTexts(), values);
}

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
