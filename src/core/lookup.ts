/**
 * Lookups whose answer the caller knows exists (an id taken from the rule base itself), checked:
 * a miss is a bug in the tool, said as such, not an undefined that travels on.
 */
import type { Question, RuleBase, RuleDef, Source } from './types.js';

/** The question of an id that comes from the rule base (a condition, an answer checked against it). */
export function questionOf(rules: Pick<RuleBase, 'questionById'>, id: string): Question {
  const q = rules.questionById.get(id);
  if (!q) throw new Error(`no question "${id}" in the rule base`);
  return q;
}

/** The source of an id that comes from the rule base (a citation checked when it loaded). */
export function sourceOf(rules: Pick<RuleBase, 'sources'>, id: string): Source {
  const s = rules.sources.get(id);
  if (!s) throw new Error(`no source "${id}" in the rule base`);
  return s;
}

/** A rule tried in order: a primary mechanism rule or a verdict rule. */
export type OrderedRule = RuleDef & { order: number };

/** Whether a rule has an order (primary and verdict rules do: the rule base checks it when it loads). */
export function isOrdered(rule: RuleDef): rule is OrderedRule {
  return typeof rule.order === 'number';
}

/** The element at an index the caller's bounds guarantee (a loop over the list, a stored index). */
export function at<T>(list: ArrayLike<T>, i: number): T {
  const x = list[i];
  if (x === undefined) throw new RangeError(`index ${i} outside 0..${list.length - 1}`);
  return x;
}
