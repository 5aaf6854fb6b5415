import type { AnswerScalar, AnswerValue, Condition, LeafCondition, Operator } from './types.js';

/** Facts as the engine sees them (see toFacts): a fact absent here is not known yet. */
export type Facts = Readonly<Record<string, AnswerValue>>;

/** Our one custom operator: a list answer shares at least one value with the rule's list. */
export function containsAny(factValue: unknown, jsonValue: unknown): boolean {
  return Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
}

/** What one operator means: the fact (an answer as the engine sees it) against the rule's value. */
export type LeafTest = (fact: AnswerValue, value: LeafCondition['value']) => boolean;

const listOf = (value: LeafCondition['value']): readonly AnswerScalar[] =>
  Array.isArray(value) ? (value as AnswerScalar[]) : [];

/**
 * The leaf semantics, in one place: what each operator a rule may use means on our facts.
 * json-rules-engine 7.3.1's default operators (engine-default-operators.js) restated, so that
 * the answer space can be searched without running the engine; `containsAny` is ours and is the
 * very function the engine is given (Evaluator). test/unit/conditions.test.ts proves, on any
 * condition and any answers, that `holds` built on this table decides as the engine does, and
 * that it would notice if one entry meant something else.
 */
export const LEAF_SEMANTICS: Readonly<Record<Operator, LeafTest>> = {
  equal: (fact, value) => fact === value,
  notEqual: (fact, value) => fact !== value,
  in: (fact, value) => listOf(value).includes(fact as AnswerScalar),
  notIn: (fact, value) => !listOf(value).includes(fact as AnswerScalar),
  // The engine's list operators answer false when the fact is not a list (factValueValidator).
  contains: (fact, value) => Array.isArray(fact) && fact.includes(value as AnswerScalar),
  doesNotContain: (fact, value) => Array.isArray(fact) && !fact.includes(value as AnswerScalar),
  containsAny: (fact, value) => containsAny(fact, value),
};

/** One leaf condition on a known fact, by the leaf semantics. */
export function testLeaf(c: LeafCondition, fact: AnswerValue): boolean {
  return LEAF_SEMANTICS[c.operator](fact, c.value);
}

/** Three-valued verdict of a condition on facts that may be partial (see `holds`). */
export type Holds = (c: Condition, facts: Facts) => boolean | undefined;

/**
 * `holds` over some leaf semantics: the groups (all, any, not) as the engine combines them.
 * Exported so that a test can build a twin on deliberately wrong semantics and see the
 * agreement property fail (a mutation check); the product uses `holds` alone.
 */
export function holdsWith(leaf: (c: LeafCondition, fact: AnswerValue) => boolean): Holds {
  const h: Holds = (c, facts) => {
    if ('all' in c || 'any' in c) {
      const all = 'all' in c;
      const children = all ? c.all : c.any;
      // As in the engine, no conditions hold, for "all" and "any" alike.
      if (children.length === 0) return true;
      let open = false;
      for (const child of children) {
        const r = h(child, facts);
        if (r === !all) return r;
        if (r === undefined) open = true;
      }
      return open ? undefined : all;
    }
    if ('not' in c) {
      const r = h(c.not, facts);
      return r === undefined ? undefined : !r;
    }
    const fact = facts[c.fact];
    return fact === undefined ? undefined : leaf(c, fact);
  };
  return h;
}

/** A condition made into a function of the facts (see compiled). */
type Compiled = (facts: Facts) => boolean | undefined;

const compiledConditions = new WeakMap<Condition, Compiled>();

/**
 * `holdsWith(testLeaf)` with the tree read once: each condition of a rule base becomes a
 * function of the facts the first time it is asked, kept for as long as the condition is (a
 * rule base is not changed once loaded). The same verdicts, in the same order of evaluation;
 * test/unit/conditions.test.ts compares the two on any condition and any facts.
 */
function compiled(c: Condition): Compiled {
  let f = compiledConditions.get(c);
  if (!f) compiledConditions.set(c, (f = compile(c)));
  return f;
}

function compile(c: Condition): Compiled {
  if ('all' in c || 'any' in c) {
    const all = 'all' in c;
    const children = (all ? c.all : c.any).map(compiled);
    if (children.length === 0) return () => true;
    return (facts) => {
      let open = false;
      for (const child of children) {
        const r = child(facts);
        if (r === !all) return r;
        if (r === undefined) open = true;
      }
      return open ? undefined : all;
    };
  }
  if ('not' in c) {
    const inner = compiled(c.not);
    return (facts) => {
      const r = inner(facts);
      return r === undefined ? undefined : !r;
    };
  }
  const test = LEAF_SEMANTICS[c.operator];
  const { fact: id, value } = c;
  return (facts) => {
    const fact = facts[id];
    return fact === undefined ? undefined : test(fact, value);
  };
}

/**
 * The synchronous twin of the engine. Three-valued: true or false when the known facts decide
 * the condition whatever the others are, undefined when they do not. With every fact known it
 * is the engine's verdict. Synchronous and a few microseconds, where the engine costs about
 * 1 ms a run (promise overhead): the "what would change" search, skip logic and the deep check
 * try hundreds of answer sets. json-rules-engine stays the engine of record for every result.
 */
export const holds: Holds = (c, facts) => compiled(c)(facts);

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
