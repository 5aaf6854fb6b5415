/** What the interview tests share: the rule base, its example answers and how to read a screen. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleBase } from '../../src/rules/folder.js';
import { wording } from '../../src/core/messages.js';
import type { Question } from '../../src/core/types.js';
import { questionOf } from '../../src/core/lookup.js';
import { ROOT } from '../support/cli.js';

export const RULES = loadRuleBase();
export const msg = wording(RULES);
export const q = (id: string): Question => questionOf(RULES, id);
export const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8'));

/** Prompts break lines mid-word, our own lines break at spaces: try both joins. */
export const onScreen =
  (what: string) =>
  (screen: string): boolean =>
    [screen.replace(/\n/g, ''), screen.replace(/\n/g, ' ')].some((f) => f.includes(what));

/** The markdown report an interview wrote in `dir` (the only one there). */
export function reportIn(dir: string): string {
  return readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.md'))!,
    ),
    'utf8',
  );
}
