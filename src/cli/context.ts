/**
 * What every command is handed: where it writes, whether it may ask, the environment, the clock,
 * the language and the rule base (loaded once per folder and language). The command line makes
 * one from the process (processContext); a test makes its own (captured streams, a fixed clock,
 * an environment of its choosing) and calls a command's `run(options, context)` in-process.
 */
import { isatty } from 'node:tty';
import { resolve } from 'node:path';
import type { Lang } from '../core/lang.js';
import type { RuleBase } from '../core/types.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../rules/folder.js';
import { resolveDate } from './run-info.js';
import { colorEnabled } from './terminal/color.js';
import { setUiLang, uiLang } from './ui-text.js';

export type { RuleBase } from '../core/types.js';
export type { Result } from '../core/assessment.js';

/** A stream a command writes to: a terminal (with its size), a pipe, a file, or a test's capture. */
export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

export interface Context {
  stdout: OutStream;
  stderr: OutStream;
  /** Whether questions may be asked (stdin is a terminal). */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** The clock: today's date for a report without --date. */
  now: () => Date;
  /** The language of this run's texts. */
  lang: Lang;
  /** Whether output may be coloured (NO_COLOR, --no-color, TERM=dumb). */
  color: boolean;
  /** The rule base of a folder (the built-in one when none is given), in `lang` unless told: loaded once. */
  rules(dir?: string, lang?: Lang): RuleBase;
  /** The report date: `--date`, else SOURCE_DATE_EPOCH, else today where the user is. */
  date(option?: string): string;
}

export interface ContextParts {
  stdout: OutStream;
  stderr: OutStream;
  /** Or a function that tells it, asked the first time it is needed. */
  stdinIsTTY?: boolean | (() => boolean);
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  lang?: Lang;
  color?: boolean;
}

/**
 * A context from its parts. The language becomes the run's (the tool's own texts, errors
 * included, are worded in it): one run, one language.
 */
export function makeContext(parts: ContextParts): Context {
  const lang = parts.lang ?? uiLang();
  setUiLang(lang);
  const env = parts.env ?? process.env;
  const now = parts.now ?? (() => new Date());
  const loaded = new Map<string, RuleBase>();
  let stdinIsTTY = parts.stdinIsTTY ?? false;
  return {
    stdout: parts.stdout,
    stderr: parts.stderr,
    get stdinIsTTY() {
      if (typeof stdinIsTTY === 'function') stdinIsTTY = stdinIsTTY();
      return stdinIsTTY;
    },
    env,
    now,
    lang,
    color: parts.color ?? colorEnabled([], env),
    rules(dir = DEFAULT_RULES_DIR, l = lang) {
      const key = `${l}\u0000${resolve(dir)}`;
      let rules = loaded.get(key);
      if (!rules) loaded.set(key, (rules = loadRuleBase(dir, l)));
      return rules;
    },
    date: (option) => resolveDate(option, env, now()),
  };
}

/** The context of a run from the command line: the process's streams, environment and clock. */
export function processContext(): Context {
  // isatty(0), not process.stdin.isTTY: that getter builds the stdin stream (about 1.5 ms), which
  // only the interview needs; and only when asked, for node:tty loads Node's stream and network
  // modules (the build makes its require lazy), which an assessment of a whole answers file
  // written to a pipe or a file never needs.
  return makeContext({
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: () => isatty(0),
    env: process.env,
    color: colorEnabled(),
  });
}
