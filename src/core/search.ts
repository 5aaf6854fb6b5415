import { factOf, type Answers } from './answers.js';
import { factsOf, holds, leavesOf } from './conditions.js';
import { questionOf } from './lookup.js';
import { UNKNOWN, type AnswerScalar, type AnswerValue, type Condition, type Question, type RuleBase } from './types.js';

/** What to look for: answers under which every `must` condition holds and no `mustNot` one does. */
export interface Goal {
  must: readonly Condition[];
  mustNot: readonly Condition[];
}

/**
 * found: the answers that decided it (other questions may take any value);
 * impossible: no answers at all meet the goal; undecided: the search ran out of budget.
 */
export type SearchResult = { found: Answers } | { impossible: true } | { undecided: true };

/** Steps of the search before it gives up: far above what the built-in rules need (a few hundred). */
export const SEARCH_BUDGET = 2_000_000;

/**
 * Steps of all the searches of one run (`rules validate`, `rules doc`) together: a
 * crafted rule folder can make every pair of primary rules cost a full search, so a limit per
 * search alone still grows with the square of the number of rules. The built-in rules use
 * about 500 steps in all; this is a few seconds of searching.
 */
export const RUN_BUDGET = 2_000_000;

/** A budget of search steps shared by every search of one run. */
export class SearchBudget {
  spent = 0;
  /** Searches that stopped because this budget, not their own limit, ran out. */
  starved = 0;
  constructor(
    readonly total: number = RUN_BUDGET,
    readonly perSearch: number = SEARCH_BUDGET,
    /** Called now and then with the steps spent so far, for a progress line. */
    readonly onProgress?: (spent: number, total: number) => void,
  ) {}

  get exhausted(): boolean {
    return this.spent >= this.total;
  }
}
const MAX_LIST_VALUES = 16;

/**
 * The answers to a question that can make a difference to some conditions: every choice and
 * "unknown" for a single or yes/no question; for a list question, every subset of the values
 * the conditions mention, and "unknown" (values no condition mentions change no verdict).
 * Undefined when a list question has too many mentioned values to enumerate their subsets.
 */
export function searchDomain(q: Question, conditions: readonly Condition[]): AnswerValue[] | undefined {
  if (q.type !== 'multi') return [...q.choices.map((c) => c.value), UNKNOWN];
  const mentioned = new Set<unknown>();
  for (const c of conditions)
    for (const { node } of leavesOf(c))
      if (node.fact === q.id) for (const v of Array.isArray(node.value) ? node.value : [node.value]) mentioned.add(v);
  const values = q.choices.map((c) => c.value).filter((v) => mentioned.has(v));
  if (values.length > MAX_LIST_VALUES) return undefined;
  const subsets: AnswerScalar[][] = [];
  for (let mask = 0; mask < 1 << values.length; mask++) subsets.push(values.filter((_, i) => mask & (1 << i)));
  return [...subsets, UNKNOWN];
}

/**
 * Depth-first search over the answer space, one question at a time, pruning as soon as the
 * questions fixed so far decide a condition against the goal (three-valued `holds`).
 */
export function findAnswers(
  rules: RuleBase,
  goal: Goal,
  budgetOrSteps: number | SearchBudget = SEARCH_BUDGET,
): SearchResult {
  const shared = typeof budgetOrSteps === 'number' ? undefined : budgetOrSteps;
  const budget = shared ? Math.min(shared.perSearch, shared.total - shared.spent) : (budgetOrSteps as number);
  if (shared && budget <= 0) {
    shared.starved++;
    return { undecided: true };
  }
  const all = [...goal.must, ...goal.mustNot];
  // Questions of the `must` conditions first: they prune soonest.
  const ids = [...new Set([...factsOf(goal.must), ...factsOf(goal.mustNot)])].filter((id) =>
    rules.questionById.has(id),
  );
  const questions = ids.map((id) => questionOf(rules, id));
  const domains = questions.map((q) => searchDomain(q, all));
  if (domains.some((d) => d === undefined)) return { undecided: true };
  const facts: Record<string, AnswerValue> = {};
  const answers: Answers = {};
  let steps = 0;

  const state = (): 'dead' | 'done' | 'open' => {
    let open = false;
    for (const c of goal.must) {
      const r = holds(c, facts);
      if (r === false) return 'dead';
      if (r === undefined) open = true;
    }
    for (const c of goal.mustNot) {
      const r = holds(c, facts);
      if (r === true) return 'dead';
      if (r === undefined) open = true;
    }
    return open ? 'open' : 'done';
  };

  const dfs = (i: number): boolean | 'budget' => {
    if (++steps > budget) return 'budget';
    if (shared?.onProgress && (steps & 0xffff) === 0) shared.onProgress(shared.spent + steps, shared.total);
    const s = state();
    if (s !== 'open') return s === 'done';
    const q = questions[i];
    const domain = domains[i];
    if (q === undefined || domain === undefined) return false;
    for (const v of domain) {
      facts[q.id] = factOf(q, v);
      answers[q.id] = v;
      const r = dfs(i + 1);
      if (r !== false) return r;
    }
    delete facts[q.id];
    delete answers[q.id];
    return false;
  };

  const r = dfs(0);
  if (shared) {
    shared.spent += Math.min(steps, budget);
    if (r === 'budget' && shared.exhausted) shared.starved++;
  }
  if (r === 'budget') return { undecided: true };
  if (!r) return { impossible: true };
  // Drop the answers the verdict does not hang on, so that an example reads short.
  for (const q of questions) {
    const fact = facts[q.id];
    if (fact === undefined) continue;
    delete facts[q.id];
    if (state() === 'done') delete answers[q.id];
    else facts[q.id] = fact;
  }
  return { found: { ...answers } };
}

/** Answers in one line, for messages: "governmentStance=selective, tipForms=[forced_labour]". */
export function answersInline(answers: Answers): string {
  const entries = Object.entries(answers);
  if (entries.length === 0) return '(any answers)';
  return entries.map(([id, v]) => `${id}=${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`).join(', ');
}
