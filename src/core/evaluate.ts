import { Engine } from 'json-rules-engine';
import { toFacts, type Answers } from './answers.js';
import { containsAny, holdsOn } from './conditions.js';
import type { AnswerValue, Condition, Item, LeafCondition, RuleBase, RuleDef } from './types.js';

/** A condition as the engine evaluated it. `result` is null where the engine did not evaluate it. */
export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean | null; children: ConditionTrace[] }
  | { kind: 'not'; result: boolean | null; children: [ConditionTrace] }
  | { kind: 'leaf'; result: boolean | null; condition: LeafCondition; answer: AnswerValue | undefined };

export interface RuleTrace {
  item: Item;
  rule: RuleDef;
  passed: boolean;
  trace: ConditionTrace;
}

export interface StepTrace {
  item: Item;
  index: number;
  passed: boolean;
}

/** The conditions of the drafting file (drafting.en.json), as decided on the answers. */
export interface DraftingVerdicts {
  /** `childrenWhen`: the HNO paragraph adds its note on children. */
  children: boolean;
}

/** One answer set evaluated: the engine's trace of every rule, and whether each conditional step applies. */
export interface Evaluation {
  answers: Answers;
  rules: RuleTrace[];
  steps: StepTrace[];
  drafting: DraftingVerdicts;
}

/**
 * Evaluates answer sets against one rule base. json-rules-engine decides every rule (which
 * mechanisms, cautions, actions and verdicts hold, and why, with its trace of each condition).
 * A step's `when` and the drafting file's `childrenWhen` only say whether a line applies: they
 * carry no explanation, so they are decided by the compiled conditions (conditions.ts: the
 * engine's own operators, proved by test/unit/conditions.test.ts to decide as an Engine does),
 * which halves the engine's work on every run. Runs are queued one after another: concurrent
 * run() on one json-rules-engine Engine can drop rules from the results.
 */
export class Evaluator {
  private readonly engine: Engine;
  private readonly byName = new Map<string, { item: Item; rule: RuleDef }>();
  /** The steps that apply only `when` their condition holds, in the rule base's order. */
  private readonly conditionalSteps: { item: Item; index: number; when: Condition }[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly rules: RuleBase) {
    this.engine = new Engine([], { allowUndefinedFacts: false });
    this.engine.addOperator('containsAny', containsAny);
    for (const item of [...rules.mechanisms, ...rules.cautions, ...rules.actions, ...rules.verdicts]) {
      for (const rule of item.rules) {
        this.byName.set(rule.id, { item, rule });
        // Equal priorities: every rule and condition is evaluated, so every one can be explained.
        this.engine.addRule({
          name: rule.id,
          conditions: structuredClone(rule.conditions) as never,
          event: { type: item.kind },
        });
      }
      item.steps.forEach((step, index) => {
        if (step.when) this.conditionalSteps.push({ item, index, when: step.when });
      });
    }
  }

  evaluate(answers: Answers): Promise<Evaluation> {
    const run = this.queue.then(() => this.run(answers));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(answers: Answers): Promise<Evaluation> {
    const facts = toFacts(this.rules, answers);
    const out = await this.engine.run(facts);
    const evaluation: Evaluation = {
      answers,
      rules: [],
      steps: [],
      drafting: { children: holdsOn(this.rules.drafting.childrenWhen, facts) },
    };
    for (const [list, passed] of [
      [out.results, true],
      [out.failureResults, false],
    ] as const) {
      for (const r of list) {
        const meta = this.byName.get(r.name as string);
        if (!meta) continue;
        evaluation.rules.push({
          item: meta.item,
          rule: meta.rule,
          passed,
          trace: traceOf(r.conditions, facts, true),
        });
      }
    }
    // Keep the rule base's order, not the engine's, so output is stable.
    const order = new Map([...this.byName.keys()].map((k, i) => [k, i]));
    // Every name is in the map: the engine runs only the rules registered in it.
    const rank = (name: string): number => order.get(name) ?? order.size;
    evaluation.rules.sort((a, b) => rank(a.rule.id) - rank(b.rule.id));
    for (const { item, index, when } of this.conditionalSteps)
      evaluation.steps.push({ item, index, passed: holdsOn(when, facts) });
    return evaluation;
  }
}

/** Walks the live condition objects: their `result` is lost in toJSON() (see json-rules-engine notes). */
function traceOf(
  node: unknown,
  facts: Record<string, AnswerValue>,
  root = false,
  rootResult?: boolean,
): ConditionTrace {
  const n = node as Record<string, unknown> & { result?: boolean };
  const result = typeof n.result === 'boolean' ? n.result : root ? (rootResult ?? null) : null;
  if (Array.isArray(n.all) || Array.isArray(n.any)) {
    const kind = Array.isArray(n.all) ? 'all' : 'any';
    const children = (n[kind] as unknown[]).map((c) => traceOf(c, facts));
    // The root never carries a result: derive it from the children the engine evaluated.
    const derived =
      result ??
      (children.every((c) => c.result !== null)
        ? kind === 'all'
          ? children.every((c) => c.result)
          : children.some((c) => c.result)
        : null);
    return { kind, result: derived, children };
  }
  if (n.not !== undefined) {
    const child = traceOf(n.not, facts);
    return { kind: 'not', result: result ?? (child.result === null ? null : !child.result), children: [child] };
  }
  const condition = { fact: n.fact, operator: n.operator, value: n.value } as LeafCondition;
  return { kind: 'leaf', result, condition, answer: facts[condition.fact] };
}
