import { toFacts, type Answers } from './answers.js';
import type { AnswerValue, Condition, RuleBase } from './types.js';

/**
 * Whether a rule-base condition holds for a set of answers, synchronously. For the few texts
 * chosen after the engine run from the Result alone (the HCT paragraph of the drafting text);
 * recommendations always come from the engine. A property test keeps the two in agreement
 * over every rule and step condition of the rule base (test/unit/condition-check.test.ts).
 */
export function holds(rules: RuleBase, condition: Condition, answers: Answers): boolean {
  return check(condition, toFacts(rules, answers));
}

function check(c: Condition, facts: Record<string, AnswerValue>): boolean {
  if ('all' in c) return c.all.every((x) => check(x, facts));
  // As in the engine, an empty "any" holds (it is read as "no condition").
  if ('any' in c) return c.any.length === 0 || c.any.some((x) => check(x, facts));
  if ('not' in c) return !check(c.not, facts);
  const fact = facts[c.fact];
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  // json-rules-engine's semantics: list operators on a non-list fact fail rather than throw.
  switch (c.operator) {
    case 'equal':
      return fact === c.value;
    case 'notEqual':
      return fact !== c.value;
    case 'in':
      return list(c.value).includes(fact);
    case 'notIn':
      return !list(c.value).includes(fact);
    case 'contains':
      return Array.isArray(fact) && fact.includes(c.value as never);
    case 'doesNotContain':
      return Array.isArray(fact) && !fact.includes(c.value as never);
    case 'containsAny':
      return Array.isArray(fact) && Array.isArray(c.value) && fact.some((v) => (c.value as unknown[]).includes(v));
  }
}
