import { unreadable } from './json-file.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { SCENARIOS_FOLDER, walkRuleFiles } from './rule-files.js';
import { readPrecompiled } from './precompiled.js';
import { decodeUtf8 } from './json-file.js';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { MAX_JSON_BYTES } from '../core/json.js';
import type { Lang } from '../core/lang.js';
import { format, type Catalog, type ToolKey, type Vars } from '../core/messages.js';
import type { RuleBase } from '../core/types.js';
import { BUILD_ID, BUILT_IN_RULES_DIR, BUNDLE_DIR } from '../paths.js';
import { parseRuleBase, type RawFile } from './rulebase.js';
import { formatProblem, type Problem } from './problem.js';
import { toolTexts } from '../core/texts.js';

/** Reading a rule base's folder: the file system side of rulebase.ts, which parses and checks. */

export const DEFAULT_RULES_DIR = BUILT_IN_RULES_DIR;

/**
 * How reports name a rule base's folder: null for the built-in one, else its path relative to
 * the current folder, or only its name when it lies elsewhere (a full path can name a person).
 */
export function ruleSetFolder(dir: string, cwd: string): string | null {
  const abs = resolve(dir);
  if (abs === resolve(DEFAULT_RULES_DIR)) return null;
  const rel = relative(cwd, abs).split('\\').join('/');
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(abs);
}

/** The scenario folder of a rule base's folder. */
export function scenarioFolder(rulesDir: string): string {
  return join(rulesDir, SCENARIOS_FOLDER);
}

/** A whole rule base is far smaller; more is a wrong folder (a home directory, a disk), not rules. */
const MAX_RULE_FILES = 500;
const MAX_RULE_BASE_BYTES = 8 * MAX_JSON_BYTES;

/** Every .json file under a rules folder, sorted, with its text; the scenario folder only when asked. */
export function listFiles(dir: string, texts: Catalog, opts: { withScenarios?: boolean } = {}): RawFile[] {
  const userError = (key: ToolKey, vars: Vars): UserError => new UserError(format(texts, key, vars));
  const ruleFile = format(texts, 'where.ruleFile');
  const out: RawFile[] = [];
  let total = 0;
  // Any file-system failure (a broken link, a loop of links, no permission) names the file.
  const fsStep = <T>(path: string, step: () => T): T => {
    try {
      return step();
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw unreadable(texts, `${ruleFile} ${path}`, err);
    }
  };
  walkRuleFiles(dir, opts, fsStep, (rel, full, st) => {
    if (!st.isFile()) throw userError('error.file.notRegular', { what: ruleFile, path: full });
    if (st.size > MAX_JSON_BYTES) throw userError('error.file.tooLarge', { path: `${ruleFile} ${full}`, size: st.size, max: MAX_JSON_BYTES });
    total += st.size;
    if (out.length >= MAX_RULE_FILES || total > MAX_RULE_BASE_BYTES)
      throw userError('error.rules.tooBig', { dir, files: MAX_RULE_FILES, bytes: MAX_RULE_BASE_BYTES });
    out.push({ rel, text: decodeUtf8(fsStep(full, () => readFileSync(full)), `${ruleFile} ${full}`, texts) });
  });
  return out;
}

/**
 * Loads and validates a rule base. Throws a UserError naming the first problem
 * (file, rule, condition) so that a broken rule base never evaluates.
 */
export function loadRuleBase(dir: string = DEFAULT_RULES_DIR, lang: Lang = 'en'): RuleBase {
  // The built-in rules were checked when the package was built: their precompiled copy serves
  // as long as the files on disk are still those it was made from (precompiled.ts).
  if (resolve(dir) === resolve(DEFAULT_RULES_DIR)) {
    const precompiled = readPrecompiled(BUNDLE_DIR, dir, lang, BUILD_ID);
    if (precompiled) return precompiled;
  }
  // A run checks the translation it uses; `rules validate` checks them all, and repeated keys
  // (about 2 ms of scanning a run need not pay: the files parse the same either way).
  const { ruleBase, problems } = readRuleBase(dir, lang, { thorough: false });
  const [first] = problems;
  if (first || !ruleBase) {
    const texts = toolTexts(lang);
    const more = problems.length > 1 ? format(texts, 'error.rules.more', { count: problems.length - 1 }) : '';
    // No rule base without a problem: parseRuleBase returns one or the other.
    const problem = first ? formatProblem(first) : dir;
    throw new UserError(format(texts, 'error.rules.invalid', { problem, more }));
  }
  return ruleBase;
}

/**
 * Reads a rule base's folder and returns every problem found, for `rules validate` (thorough:
 * every translation, keys written twice) and, through loadRuleBase, for every run.
 */
export function readRuleBase(dirArg: string, lang: Lang = 'en', opts: { thorough?: boolean } = {}): { ruleBase?: RuleBase; problems: Problem[] } {
  const texts = toolTexts(lang);
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(format(texts, 'error.rules.noFolder', { dir: dirArg }));
  const builtIn = dir === resolve(DEFAULT_RULES_DIR);
  // A copy keeps the built-in folder's texts; the tool's own ship with the code, so it need not carry them.
  const required = builtIn ? [] : Object.keys(JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'messages.en.json'), 'utf8')) as object).filter((k) => k !== '$comment');
  return parseRuleBase(listFiles(dir, texts), { dir, lang, thorough: opts.thorough !== false, texts, requiredMessages: required });
}
