import type { AnswerScalar, AnswerValue, Condition, LeafCondition } from './types.js';

/** Facts as the engine sees them (see toFacts): a fact absent here is not known yet. */
export type Facts = Readonly<Record<string, AnswerValue>>;

/** Our one custom operator: a list answer shares at least one value with the rule's list. */
export function containsAny(factValue: unknown, jsonValue: unknown): boolean {
  return Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
}

/**
 * json-rules-engine 7.3.1's operators (engine-default-operators.js) restated, so that the
 * answer space can be searched without running the engine; a test checks that both agree.
 */
export function testLeaf(c: LeafCondition, fact: AnswerValue): boolean {
  const list = Array.isArray(c.value) ? (c.value as AnswerScalar[]) : [];
  switch (c.operator) {
    case 'equal':
      return fact === c.value;
    case 'notEqual':
      return fact !== c.value;
    case 'in':
      return list.includes(fact as AnswerScalar);
    case 'notIn':
      return !list.includes(fact as AnswerScalar);
    case 'contains':
      return Array.isArray(fact) && fact.includes(c.value as AnswerScalar);
    case 'doesNotContain':
      return Array.isArray(fact) && !fact.includes(c.value as AnswerScalar);
    case 'containsAny':
      return containsAny(fact, c.value);
  }
}

/**
 * Three-valued: true or false when the known facts decide the condition whatever the
 * others are, undefined when they do not. With every fact known it is the engine's verdict.
 * Synchronous and a few microseconds, where the engine costs about 1 ms a run (promise
 * overhead): the "what would change" search and the deep check try hundreds of answer sets.
 */
export function holds(c: Condition, facts: Facts): boolean | undefined {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    // As in the engine, no conditions hold, for "all" and "any" alike.
    if ((all ? c.all : c.any).length === 0) return true;
    let open = false;
    for (const child of all ? c.all : c.any) {
      const r = holds(child, facts);
      if (r === !all) return r;
      if (r === undefined) open = true;
    }
    return open ? undefined : all;
  }
  if ('not' in c) {
    const r = holds(c.not, facts);
    return r === undefined ? undefined : !r;
  }
  const fact = facts[c.fact];
  return fact === undefined ? undefined : testLeaf(c, fact);
}

/** A node of a condition tree and its place in the rule file, written as in problem messages: "conditions.all[0]". */
export interface NodeAt<C extends Condition = Condition> {
  path: string;
  node: C;
}

/** Every node of a condition tree, in file order, with its path. */
export function nodesOf(c: Condition, path = 'conditions'): NodeAt[] {
  const here: NodeAt = { path, node: c };
  if ('all' in c) return [here, ...c.all.flatMap((child, i) => nodesOf(child, `${path}.all[${i}]`))];
  if ('any' in c) return [here, ...c.any.flatMap((child, i) => nodesOf(child, `${path}.any[${i}]`))];
  if ('not' in c) return [here, ...nodesOf(c.not, `${path}.not`)];
  return [here];
}

export const isLeaf = (c: Condition): c is LeafCondition => 'fact' in c;

/** Every leaf of a condition tree, in file order, with its path. */
export function leavesOf(c: Condition, path = 'conditions'): NodeAt<LeafCondition>[] {
  return nodesOf(c, path).filter((n): n is NodeAt<LeafCondition> => isLeaf(n.node));
}

/** The facts (question ids) some conditions read. */
export function factsOf(conditions: readonly Condition[]): string[] {
  return [...new Set(conditions.flatMap((c) => leavesOf(c).map((l) => l.node.fact)))];
}

/** `holds` over a complete set of facts (every question answered, if only "unknown"): a plain verdict. */
export function holdsOn(c: Condition, facts: Facts): boolean {
  return holds(c, facts) === true;
}

/** The empty "all": a rule or step that always applies (the fallback). */
export function isAlwaysTrue(c: Condition): boolean {
  return 'all' in c && c.all.length === 0;
}
