/** What the `rules` commands share: their texts, numbers and lines, and the search budget of a run. */
import { RUN_BUDGET, SearchBudget } from '../../../core/search.js';
import { message, type MessageKey, type Vars } from '../../../core/messages.js';
import type { RuleBase } from '../../../core/types.js';
import { LOCALE } from '../../../core/lang.js';
import { progressLine } from '../../terminal/progress.js';
import type { Context } from '../../context.js';

export type Say = (key: MessageKey, vars?: Vars) => string;

/** Texts come from the rule base in use; from the built-in one when that did not load. */
export const sayFor = (ctx: Context, rules?: RuleBase): Say => {
  const base = rules ?? ctx.rules();
  return (key, vars) => message(base, key, vars);
};

/** A count as the run's language writes it (12,345 / 12 345). */
export const num = (ctx: Context, n: number): string => n.toLocaleString(LOCALE[ctx.lang]);

export const line = (ctx: Context, text = ''): void => void ctx.stdout.write(`${text}\n`);

/** The search budget of one run, with a progress line on stderr when it takes more than a second. */
export function runBudget(ctx: Context, say: Say): { budget: SearchBudget; end: () => void } {
  const progress = progressLine(ctx.stderr, (percent) => say('rules.progress.lint', { percent }));
  return {
    budget: new SearchBudget(RUN_BUDGET, undefined, (done, total) => progress.update(done, total)),
    end: () => progress.end(),
  };
}
