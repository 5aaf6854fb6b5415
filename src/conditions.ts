import type { AnswerValue, Condition } from './types.js';

/**
 * A synchronous twin of json-rules-engine's condition evaluation, for the "what would change"
 * search, which tries hundreds of answer sets per report: the engine costs about 1 ms a run
 * (promise overhead), this a few microseconds. The engine stays the authority for the report
 * itself; tests compare both on random answers and replay every reported change through the CLI.
 * Operators follow json-rules-engine's defaults (engine-default-operators.js) plus ours.
 */
export function holds(c: Condition, facts: Record<string, AnswerValue>): boolean {
  if ('all' in c) return c.all.every((x) => holds(x, facts));
  // As in the engine, an empty "any" holds: json-rules-engine reads no conditions as true for all and any alike.
  if ('any' in c) return c.any.length === 0 || c.any.some((x) => holds(x, facts));
  if ('not' in c) return !holds(c.not, facts);
  const a = facts[c.fact];
  const b = c.value;
  switch (c.operator) {
    case 'equal':
      return a === b;
    case 'notEqual':
      return a !== b;
    case 'in':
      return (b as unknown[]).includes(a);
    case 'notIn':
      return !(b as unknown[]).includes(a);
    case 'contains':
      return Array.isArray(a) && a.includes(b as never);
    case 'doesNotContain':
      return Array.isArray(a) && !a.includes(b as never);
    case 'containsAny':
      return containsAny(a, b);
  }
}

/** Our one custom operator: a list answer shares at least one value with the rule's list. */
export function containsAny(factValue: unknown, jsonValue: unknown): boolean {
  return Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
}

/** The facts (question ids) a condition looks at. */
export function conditionFacts(c: Condition, into = new Set<string>()): Set<string> {
  if ('all' in c) c.all.forEach((x) => conditionFacts(x, into));
  else if ('any' in c) c.any.forEach((x) => conditionFacts(x, into));
  else if ('not' in c) conditionFacts(c.not, into);
  else into.add(c.fact);
  return into;
}
