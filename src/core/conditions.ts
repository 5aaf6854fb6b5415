import engineOperators from 'json-rules-engine/dist/engine-default-operators.js';
import type { AnswerValue, Condition, LeafCondition, Operator } from './types.js';

/** Facts as the engine sees them (see toFacts): a fact absent here is not known yet. */
export type Facts = Readonly<Record<string, AnswerValue>>;

/** Our one custom operator: a list answer shares at least one value with the rule's list. */
export function containsAny(factValue: unknown, jsonValue: unknown): boolean {
  return Array.isArray(factValue) && Array.isArray(jsonValue) && factValue.some((v) => jsonValue.includes(v));
}

/** What one operator means: the fact (an answer as the engine sees it) against the rule's value. */
export type LeafTest = (fact: AnswerValue, value: LeafCondition['value']) => boolean;

/**
 * The leaf semantics: what each operator a rule may use means on our facts. They are the
 * engine's own operator objects (json-rules-engine's default operator table, with its fact type
 * checks), and `containsAny`, the very function the engine is given (Evaluator): nothing here
 * restates what an operator means. test/unit/conditions.test.ts proves, on any condition and
 * any answers, that `holds` decides as the engine does, and that it would notice a difference.
 */
export const LEAF_SEMANTICS: Readonly<Record<Operator, LeafTest>> = (() => {
  const table = 'default' in engineOperators ? engineOperators.default : engineOperators;
  const engine = new Map(table.map((op) => [op.name, op]));
  const of = (name: Operator): LeafTest => {
    const op = engine.get(name);
    // An operator rules may use that this engine lacks (a newer engine renamed it): fail at once.
    if (!op) throw new Error(`json-rules-engine has no operator "${name}"`);
    return (fact, value) => op.evaluate(fact, value);
  };
  return {
    equal: of('equal'),
    notEqual: of('notEqual'),
    in: of('in'),
    notIn: of('notIn'),
    contains: of('contains'),
    doesNotContain: of('doesNotContain'),
    containsAny,
  };
})();

/** One leaf condition on a known fact, by the leaf semantics. */
export function testLeaf(c: LeafCondition, fact: AnswerValue): boolean {
  return LEAF_SEMANTICS[c.operator](fact, c.value);
}

/** Three-valued verdict of a condition on facts that may be partial (see `holds`). */
export type Holds = (c: Condition, facts: Facts) => boolean | undefined;

/**
 * `holds` over some leaf semantics: the groups (all, any, not) as the engine combines them.
 * Each condition becomes a function of the facts the first time it is asked, kept for as long
 * as the condition is (a rule base is not changed once loaded). Exported so that a test can
 * build one on deliberately wrong semantics and see the agreement with the engine fail (a
 * mutation check); the product uses `holds` alone.
 */
export function holdsWith(leaf: (c: LeafCondition, fact: AnswerValue) => boolean): Holds {
  const compiledConditions = new WeakMap<Condition, Compiled>();
  const compiled = (c: Condition): Compiled => {
    let f = compiledConditions.get(c);
    if (!f) compiledConditions.set(c, (f = compile(c)));
    return f;
  };
  const compile = (c: Condition): Compiled => {
    if ('all' in c || 'any' in c) {
      const all = 'all' in c;
      const children = (all ? c.all : c.any).map(compiled);
      // As in the engine, no conditions hold, for "all" and "any" alike.
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
    const id = c.fact;
    return (facts) => {
      const fact = facts[id];
      return fact === undefined ? undefined : leaf(c, fact);
    };
  };
  return (c, facts) => compiled(c)(facts);
}

/** A condition made into a function of the facts. */
type Compiled = (facts: Facts) => boolean | undefined;

/**
 * The synchronous twin of the engine. Three-valued: true or false when the known facts decide
 * the condition whatever the others are, undefined when they do not. With every fact known it
 * is the engine's verdict. Synchronous and a few microseconds, where the engine costs about
 * 1 ms a run (promise overhead): the "what would change" search, skip logic and the deep check
 * try hundreds of answer sets. json-rules-engine stays the engine of record for every result.
 */
export const holds: Holds = holdsWith(testLeaf);

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

/**
 * The facts (question ids) some conditions read, in file order, each once: the facts of
 * leavesOf, without making every node's path (the what-if search asks this of every rule).
 */
export function factsOf(conditions: readonly Condition[]): string[] {
  const facts = new Set<string>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else facts.add(c.fact);
  };
  conditions.forEach(walk);
  return [...facts];
}

/** `holds` over a complete set of facts (every question answered, if only "unknown"): a plain verdict. */
export function holdsOn(c: Condition, facts: Facts): boolean {
  return holds(c, facts) === true;
}

/** The empty "all": a rule or step that always applies (the fallback). */
export function isAlwaysTrue(c: Condition): boolean {
  return 'all' in c && c.all.length === 0;
}
