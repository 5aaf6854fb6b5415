import { LANGS } from '../core/lang.js';
import type { RuleBase } from '../core/types.js';
import { BUILD_ID, BUNDLE_DIR } from '../paths.js';
import { DEFAULT_RULES_DIR, readRuleBase } from './folder.js';
import { writePrecompiled } from './precompiled.js';
import { formatProblem } from './problem.js';

/**
 * Run by the build, from the bundle it has just written: checks the built-in rules as `rules
 * validate` does (every translation, keys written twice) and writes each language's precompiled
 * copy beside the bundle. With a problem it writes none and returns the problems: the tool then
 * checks the folder on every run, and refuses it as it would without a build.
 */
export function precompileBuiltIn(): { written: string[]; problems: string[] } {
  const build = BUILD_ID;
  if (build === undefined) throw new Error('precompileBuiltIn runs from the built bundle only');
  const bases: RuleBase[] = [];
  const problems: string[] = [];
  for (const lang of LANGS) {
    const { ruleBase, problems: found } = readRuleBase(DEFAULT_RULES_DIR, lang, { thorough: true });
    problems.push(...found.map(formatProblem));
    if (ruleBase) bases.push(ruleBase);
  }
  if (problems.length > 0) return { written: [], problems };
  return { written: bases.map((b) => writePrecompiled(BUNDLE_DIR, DEFAULT_RULES_DIR, b, build)), problems };
}
