import { UNKNOWN } from '../core/types.js';
import type { Answers } from '../core/answers.js';
import { leavesOf, nodesOf } from '../core/conditions.js';
import { type Problem } from './problem.js';
import { isAlwaysTrue } from '../core/conditions.js';
import { isOrdered, type OrderedRule } from '../core/lookup.js';
import { answersInline, findAnswers, SearchBudget, type Goal, type SearchResult } from '../core/search.js';
import type { Condition, Item, RuleBase } from '../core/types.js';

/**
 * Checks that need the whole rule base and a search over the answer space, beyond what
 * loading checks (readRuleBase): conditions that can never hold, primary rules that can
 * never decide, gaps and overlaps between primary rules, operators that pass on "unknown".
 */

export type Level = 'error' | 'warning';

export interface Finding extends Problem {
  level: Level;
}

export interface RuleRef {
  item: Item;
  /** A rule tried in order: lint looks at primary rules. */
  rule: OrderedRule;
}

/** Two primary rules that can hold for the same answers: the lower order decides. */
export interface Overlap {
  first: RuleRef;
  second: RuleRef;
  example: Answers;
}

export interface LintResult {
  findings: Finding[];
  /** Primary rules in the order they are tried (first hit). */
  primaries: RuleRef[];
  overlaps: Overlap[];
  /** The fallback: the primary rule that decides when no other holds. */
  fallback?: RuleRef;
  /** Answers for which no primary rule holds, if there are any (an error). */
  gap?: Answers;
  /** Checks not made because the search budget of the run was spent (then a warning says so). */
  unchecked: number;
}

/** A place that holds a condition: a rule, a conditional step or an invariant. */
interface Place {
  file: string;
  rule?: string;
  where: string;
  condition: Condition;
  what: 'rule' | 'step' | 'invariant';
}

const NEGATIVE = new Set(['notEqual', 'notIn']);

function placesOf(rules: RuleBase): Place[] {
  const places: Place[] = [];
  for (const item of [...rules.mechanisms, ...rules.cautions, ...rules.actions, ...rules.verdicts]) {
    for (const rule of item.rules) places.push({ file: item.file, rule: rule.id, where: 'conditions', condition: rule.conditions, what: 'rule' });
    item.steps.forEach((step, i) => {
      if (step.when) places.push({ file: item.file, where: `steps[${i}].when`, condition: step.when, what: 'step' });
    });
  }
  for (const inv of rules.invariants)
    places.push({ file: 'invariants.json', where: `invariant "${inv.id}", when`, condition: inv.when, what: 'invariant' });
  return places;
}

/** The place of a sub-condition: "conditions.all[1]" for a rule, "steps[2].when.all[0]" for a step. */
const at = (p: Place, path: string): Omit<Problem, 'message'> => ({
  file: p.file,
  ...(p.rule ? { rule: p.rule } : {}),
  where: path.replace(/^conditions/, p.where),
});

/**
 * `budget`: the search steps this run may spend (one SearchBudget for the whole run),
 * or a number of steps for each search alone.
 */
export function lintRuleBase(rules: RuleBase, budgetOrSteps: number | SearchBudget = new SearchBudget()): LintResult {
  const budget =
    typeof budgetOrSteps === 'number' ? new SearchBudget(Number.POSITIVE_INFINITY, budgetOrSteps) : budgetOrSteps;
  const findings: Finding[] = [];
  const places = placesOf(rules);
  // A check the run's budget starved is counted, and said once at the end; one that ran out
  // of its own steps is a warning at its place.
  const undecided = (p: Omit<Problem, 'message'>): void => {
    if (budget.exhausted) return;
    findings.push({ ...p, level: 'warning', message: `could not be decided within ${budget.perSearch} search steps` });
  };
  const search = (goal: Goal, place: Omit<Problem, 'message'>): SearchResult => {
    const r = findAnswers(rules, goal, budget);
    if ('undecided' in r) undecided(place);
    return r;
  };

  // Operators that hold when the answer is "unknown" or the fact is missing.
  for (const p of places) {
    for (const { path, node } of leavesOf(p.condition))
      if (NEGATIVE.has(node.operator))
        findings.push({
          ...at(p, path),
          level: 'warning',
          message: `operator "${node.operator}" also holds when "${node.fact}" is answered "unknown" (Don't know), and json-rules-engine passes it when the fact is missing; prefer "${node.operator === 'notEqual' ? 'equal' : 'in'}" with the values meant`,
        });
    // "does not include X" also holds for "Don't know": in a rule, say "and not unknown" too.
    // (In a step it is the intended reading: when unsure, do the check the step describes.)
    const leaves = leavesOf(p.condition);
    if (p.what === 'rule')
      for (const { path, node } of leaves)
        if (
          node.operator === 'doesNotContain' &&
          node.value !== UNKNOWN &&
          !leaves.some((l) => l.node.fact === node.fact && l.node.operator === 'doesNotContain' && l.node.value === UNKNOWN)
        )
          findings.push({
            ...at(p, path),
            level: 'warning',
            message: `"doesNotContain" also holds when "${node.fact}" is answered "unknown" (Don't know); add {"fact": "${node.fact}", "operator": "doesNotContain", "value": "unknown"} beside it if the rule needs the answer known`,
          });
    for (const { path, node } of nodesOf(p.condition))
      if ('not' in node)
        findings.push({
          ...at(p, path),
          level: 'warning',
          message: '"not" also holds when its questions are answered "unknown" (Don\'t know); prefer naming the answers meant with "in" or "containsAny"',
        });
  }

  // Conditions no answers can meet.
  const unsatisfiable = new Set<Condition>();
  for (const p of places) {
    const r = search({ must: [p.condition], mustNot: [] }, at(p, 'conditions'));
    if (!('impossible' in r)) continue;
    unsatisfiable.add(p.condition);
    const { paths, reason } = conflict(rules, p.condition, budget);
    const never = p.what === 'step' ? 'this step can never apply' : p.what === 'invariant' ? 'this invariant never applies, so it checks nothing' : 'this rule can never hold';
    findings.push({ ...at(p, 'conditions'), where: paths.map((x) => at(p, x).where).join(' and '), level: p.what === 'invariant' ? 'warning' : 'error', message: `${never}: ${reason}` });
  }

  // Primary rules: first hit by order; each must be able to decide; together they leave no gap.
  const primaries: RuleRef[] = rules.mechanisms
    .flatMap((item) => item.rules.filter((r): r is OrderedRule => r.role === 'primary' && isOrdered(r)).map((rule) => ({ item, rule })))
    .sort((a, b) => a.rule.order - b.rule.order);
  const fallback = primaries.find((p) => isAlwaysTrue(p.rule.conditions));
  const overlaps: Overlap[] = [];
  const live = primaries.filter((p) => !unsatisfiable.has(p.rule.conditions));
  live.forEach((second, j) => {
    const earlier = live.slice(0, j);
    const place = { file: second.item.file, rule: second.rule.id };
    for (const first of earlier) {
      if (first === fallback || second === fallback) continue;
      const r = findAnswers(rules, { must: [first.rule.conditions, second.rule.conditions], mustNot: [] }, budget);
      if ('found' in r) overlaps.push({ first, second, example: r.found });
    }
    const r = search({ must: [second.rule.conditions], mustNot: earlier.map((e) => e.rule.conditions) }, place);
    if (!('impossible' in r)) return;
    // A fallback tried earlier is the whole reason; otherwise the earlier rules it overlaps with.
    const before =
      fallback && earlier.includes(fallback) ? [fallback] : second === fallback ? earlier : overlaps.filter((o) => o.second === second).map((o) => o.first);
    findings.push({
      ...place,
      level: 'error',
      message: `this primary rule can never decide: whenever it holds, a primary rule tried before it holds too (${before.map((b) => `"${b.rule.id}", order ${b.rule.order}`).join('; ')})`,
    });
  });
  const gap = primaries.length > 0 ? search({ must: [], mustNot: primaries.map((p) => p.rule.conditions) }, { file: 'mechanisms/' }) : undefined;
  if (gap && 'found' in gap)
    findings.push({ file: 'mechanisms/', level: 'error', message: `gap: no primary rule holds for some answers, e.g. ${answersInline(gap.found)}` });
  if (budget.starved > 0)
    findings.push({
      file: 'mechanisms/',
      level: 'warning',
      message: `${budget.starved} checks (conditions that can never hold, primary rules that can never decide, overlaps, gaps) were not made: the search budget of this run (${budget.total} steps) was spent; what they would have found is not proven either way`,
    });
  return {
    findings,
    primaries,
    overlaps,
    ...(fallback ? { fallback } : {}),
    ...(gap && 'found' in gap ? { gap: gap.found } : {}),
    unchecked: budget.starved,
  };
}

/**
 * Why a condition can never hold, as narrowly as we can say it: a single part of an "all"
 * that no answers meet, or two parts that no answers meet together.
 */
function conflict(rules: RuleBase, c: Condition, budget: SearchBudget): { paths: string[]; reason: string } {
  const impossible = (must: Condition[]): boolean => 'impossible' in findAnswers(rules, { must, mustNot: [] }, budget);
  if ('all' in c) {
    const parts = c.all.map((child, i) => ({ child, path: `conditions.all[${i}]` }));
    for (const p of parts) if (impossible([p.child])) return { paths: [p.path], reason: 'no answers meet this condition' };
    for (const [i, p] of parts.entries())
      for (const q of parts.slice(i + 1))
        if (impossible([p.child, q.child])) {
          const [a, b] = [p.child, q.child];
          const same = 'fact' in a && 'fact' in b && a.fact === b.fact;
          return {
            paths: [p.path, q.path],
            reason: same ? `they ask for answers to "${a.fact}" that exclude each other` : 'no answers meet these two conditions together',
          };
        }
  }
  if ('any' in c && c.any.length === 0) return { paths: ['conditions'], reason: '"any" of an empty list never holds' };
  return { paths: ['conditions'], reason: 'no answers meet these conditions' };
}
