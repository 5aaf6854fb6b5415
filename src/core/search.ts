import { factOf, type Answers } from './answers.js';
import { factsOf, holds, leavesOf } from './conditions.js';
import { questionOf } from './lookup.js';
import {
  NOT_APPLICABLE,
  UNKNOWN,
  type AnswerScalar,
  type AnswerValue,
  type Condition,
  type Question,
  type RuleBase,
} from './types.js';

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

/**
 * Steps of one search before it gives up, a step being one condition checked: far above what the
 * built-in rules need (about 100,000 for all their searches together).
 */
export const SEARCH_BUDGET = 20_000_000;

/**
 * Steps of all the searches of one run (`rules validate`, `rules doc`) together: a crafted rule
 * folder can make every pair of primary rules cost a full search, so a limit per search alone
 * still grows with the square of the number of rules. The built-in rules use about 100,000
 * steps in all; this is a few seconds of searching.
 */
export const RUN_BUDGET = 20_000_000;

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
  // A question with skip logic can also be skipped: "not_applicable" is one of its answers.
  const skipped = q.askWhen ? [NOT_APPLICABLE] : [];
  if (q.type !== 'multi') return [...q.choices.map((c) => c.value), UNKNOWN, ...skipped];
  const mentioned = new Set<unknown>();
  for (const c of conditions)
    for (const { node } of leavesOf(c))
      if (node.fact === q.id) for (const v of Array.isArray(node.value) ? node.value : [node.value]) mentioned.add(v);
  const values = q.choices.map((c) => c.value).filter((v) => mentioned.has(v));
  if (values.length > MAX_LIST_VALUES) return undefined;
  const subsets: AnswerScalar[][] = [];
  for (let mask = 0; mask < 1 << values.length; mask++) subsets.push(values.filter((_, i) => mask & (1 << i)));
  return [...subsets, UNKNOWN, ...skipped];
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
  // Questions of the `must` conditions first: they prune soonest; among them, those most of the
  // `must` conditions read, then the smallest domains, so that a conflict on one answer is met
  // before a list question's subsets are enumerated.
  // A question several `must` conditions read comes before one only one of them reads.
  const inMust = new Map<string, number>();
  for (const c of goal.must) for (const f of factsOf([c])) inMust.set(f, (inMust.get(f) ?? 0) + 1);
  const ids = [...new Set([...factsOf(goal.must), ...factsOf(goal.mustNot)])].filter((id) =>
    rules.questionById.has(id),
  );
  // The questions a searched question's skip logic reads are searched too: an answer is only
  // possible where the question is asked (and "not_applicable" only where it is not).
  for (const id of ids) {
    const askWhen = questionOf(rules, id).askWhen;
    if (askWhen) for (const f of factsOf([askWhen])) if (!ids.includes(f) && rules.questionById.has(f)) ids.push(f);
  }
  const skipLogic = ids.map((id) => questionOf(rules, id)).filter((q) => q.askWhen);
  const byId = new Map<string, AnswerValue[]>();
  for (const id of ids) {
    const domain = searchDomain(questionOf(rules, id), all);
    if (domain === undefined) return { undecided: true };
    byId.set(id, domain);
  }
  const domainOf = (id: string): AnswerValue[] => byId.get(id) ?? [];
  ids.sort((a, b) => (inMust.get(b) ?? 0) - (inMust.get(a) ?? 0) || domainOf(a).length - domainOf(b).length);
  const questions = ids.map((id) => questionOf(rules, id));
  const domains = ids.map(domainOf);
  const facts: Record<string, AnswerValue> = {};
  const answers: Answers = {};
  let steps = 0;
  let nodes = 0;
  // A step of the search checks every condition of the goal: it costs one per condition checked
  // (leaf), so that wide conditions, or many of them, cannot make a step, and so a run, longer
  // without bound. (A budget in nodes let a crafted rule set take minutes.)
  const cost = Math.max(
    1,
    all.reduce((n, c) => n + leavesOf(c).length, 0),
  );

  /**
   * Whether the answers so far agree with the skip logic: dead where a question's askWhen is
   * decided against its answer; open (not yet proven) until every question it reads is known,
   * an unanswered one counting as "unknown", as it will once the example is completed.
   */
  const skips = (final: boolean): 'dead' | 'ok' | 'open' => {
    let open = false;
    for (const q of skipLogic) {
      const askWhen = q.askWhen;
      if (!askWhen || !(q.id in facts)) continue;
      const skipped = answers[q.id] === NOT_APPLICABLE;
      let asked = holds(askWhen, facts);
      if (asked === undefined && final) {
        const completed = { ...facts };
        for (const f of factsOf([askWhen])) if (!(f in completed)) completed[f] = factOf(questionOf(rules, f), UNKNOWN);
        asked = holds(askWhen, completed);
      }
      if (asked === undefined) open = true;
      else if (asked === skipped) return 'dead';
    }
    return open ? 'open' : 'ok';
  };

  const state = (): 'dead' | 'done' | 'open' => {
    if (skips(false) === 'dead') return 'dead';
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
    if (open) return 'open';
    // Decided: done only if the example, completed with "unknown", still agrees with the skip logic.
    return skips(true) === 'ok' ? 'done' : 'open';
  };

  const dfs = (i: number): boolean | 'budget' => {
    steps += cost;
    if (steps > budget) return 'budget';
    if (shared?.onProgress && (++nodes & 0xfff) === 0) shared.onProgress(shared.spent + steps, shared.total);
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
