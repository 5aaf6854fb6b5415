import { isAlwaysTrue } from './conditions.js';
import type { Evaluation } from './evaluate.js';
import type { Item, RuleBase, RuleDef } from './types.js';

/** Which rules held, by rule id: from the engine's results or from the quick evaluator. */
export type Held = (ruleId: string) => boolean;

export interface PrimaryChoice {
  item: Item;
  rule: RuleDef;
}

/**
 * The decision policy, in one place for the report and the "what would change" search:
 * among the primary rules that held, the lowest `order` decides (a DMN "first" hit policy).
 */
export function choosePrimary(rules: RuleBase, held: Held): PrimaryChoice {
  let best: PrimaryChoice | undefined;
  for (const item of rules.mechanisms)
    for (const rule of item.rules)
      if (rule.role === 'primary' && held(rule.id) && (!best || rule.order! < best.rule.order!)) best = { item, rule };
  if (!best) throw new Error('No primary rule held: the rule base lacks a fallback (rules validate catches this).');
  return best;
}

/** A rule that held supports its mechanism, except a fallback (always true) that did not decide. */
export function supports(rule: RuleDef, held: Held, primary: PrimaryChoice): boolean {
  return held(rule.id) && (rule === primary.rule || !isAlwaysTrue(rule.conditions));
}

/**
 * The review of a mechanism already in place: among the verdict rules that held,
 * the lowest `order` decides, as for primary rules. Undefined when none held (no mechanism in place).
 */
export function chooseVerdict(rules: RuleBase, held: Held): PrimaryChoice | undefined {
  let best: PrimaryChoice | undefined;
  for (const item of rules.verdicts)
    for (const rule of item.rules)
      if (held(rule.id) && (!best || rule.order! < best.rule.order!)) best = { item, rule };
  return best;
}

/** The bare decision for an answer set: what the search compares. */
export interface Decision {
  primary: string;
  /** The primary rule that decided, and its mechanism. */
  choice: PrimaryChoice;
  recommended: Set<string>;
  cautions: Set<string>;
  /** The review's verdict, when a mechanism is in place. */
  verdict?: string;
}

export function decide(rules: RuleBase, held: Held): Decision {
  const primary = choosePrimary(rules, held);
  const recommended = new Set(
    rules.mechanisms.filter((m) => m.rules.some((r) => supports(r, held, primary))).map((m) => m.id),
  );
  const cautions = new Set(rules.cautions.filter((c) => c.rules.some((r) => held(r.id))).map((c) => c.id));
  const verdict = chooseVerdict(rules, held)?.item.id;
  return { primary: primary.item.id, choice: primary, recommended, cautions, ...(verdict ? { verdict } : {}) };
}

/** Which rules held, as json-rules-engine said. */
export function heldIn(e: Evaluation): Held {
  const passed = new Set(e.rules.filter((t) => t.passed).map((t) => t.rule.id));
  return (id) => passed.has(id);
}

/**
 * The decision for an evaluation: made once per evaluation, on the engine's verdicts, and
 * handed to the report (recommend) and to the "what would change" search as their start.
 */
export function decideEvaluation(rules: RuleBase, e: Evaluation): Decision {
  return decide(rules, heldIn(e));
}
