/**
 * The answers a command starts from, read and checked once for every command: the answers file
 * (--answers, --resume), the --set overrides, and the rule base they are checked against (--rules).
 */
import { describeMigration, parseAnswerText, validateAnswersFile, type Answers } from '../../core/answers.js';
import { inputError } from '../../core/messages.js';
import type { RuleBase } from '../../core/types.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../../core/lang.js';
import { DEFAULT_RULES_DIR } from '../../rules/folder.js';
import { readJsonFile } from '../../rules/json-file.js';
import type { Context } from '../context.js';
import { uiText, uiTexts } from '../ui-text.js';

/**
 * Applies --set id=value overrides, validated like the answers file. The flag's name is the
 * command line's business: the core names the place of an error as it is told (`where`).
 */
export function applyOverrides(rules: RuleBase, answers: Answers, sets: readonly string[]): Answers {
  const out = { ...answers };
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw inputError(rules, 'error.set.syntax', { value: JSON.stringify(s) });
    const id = s.slice(0, eq).trim();
    out[id] = parseAnswerText(rules, id, s.slice(eq + 1), `--set ${id}`);
  }
  return out;
}

/** The answers given before any question is asked, the response's name, and a notice to print. */
export interface GivenAnswers {
  given: Answers;
  name?: string;
  /** How a version-1 file was read as version 2, for stderr. */
  notice?: string;
}

/**
 * Reads --answers and applies --set: the answers given before any question is asked. A
 * version-1 file is read as version 2; `notice` then says how, for the caller to print on stderr.
 */
export function gatherAnswers(rules: RuleBase, opts: { answers?: string; set?: string[] }): GivenAnswers {
  let given: Answers = {};
  let name: string | undefined;
  let notice: string | undefined;
  if (opts.answers) {
    const where = `${uiText('where.answersFile')} ${opts.answers}`;
    const file = validateAnswersFile(readJsonFile(opts.answers, uiText('where.answersFile'), uiTexts()), rules, where);
    given = file.answers;
    name = file.response?.name;
    if (file.migration) notice = describeMigration(rules, where, file.migration);
  }
  if (opts.set?.length) given = applyOverrides(rules, given, opts.set);
  return { given, ...(name === undefined ? {} : { name }), ...(notice === undefined ? {} : { notice }) };
}

/** What a command reads its answers from: the options every answering command shares. */
export interface AnswerOptions {
  answers?: string;
  set?: string[];
  rules?: string;
}

/**
 * The rule base of --rules in every language it has (English, and each locales/<lang>.json), and
 * in the run's language (English when it has not that one): for what is written for all of them.
 */
export function readRuleLanguages(
  ctx: Context,
  dir: string = DEFAULT_RULES_DIR,
): { langs: Lang[]; byLang: RuleBase[]; rules: RuleBase } {
  const langs = LANGS.filter((l) => l === 'en' || existsSync(join(dir, 'locales', `${l}.json`)));
  const lang = langs.includes(ctx.lang) ? ctx.lang : 'en';
  return { langs, byLang: langs.map((l) => ctx.rules(dir, l)), rules: ctx.rules(dir, lang) };
}

/**
 * The rule base of --rules and the answers of --answers and --set checked against it; a notice
 * about an older answers file is printed on stderr.
 */
export function readAnswers(ctx: Context, opts: AnswerOptions): GivenAnswers & { rules: RuleBase } {
  const rules = ctx.rules(opts.rules);
  const read = gatherAnswers(rules, opts);
  if (read.notice) ctx.stderr.write(`${read.notice}\n`);
  return { rules, ...read };
}
