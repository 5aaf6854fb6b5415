import { toFacts } from './answers.js';
import { holdsOn, isAlwaysTrue, type Facts } from './conditions.js';
import type { Evaluation } from './evaluate.js';
import type { Item, RuleBase, RuleDef } from './types.js';

/** Which rules held, by rule id: from the engine's results or from the quick evaluator. */
export type Held = (ruleId: string) => boolean;

export interface PrimaryChoice {
  item: Item;
  rule: RuleDef;
}

/** At most this many mechanisms are recommended, primary first; the others that fitted are "also considered". */
export const MAX_RECOMMENDATIONS = 4;
/**
 * The verdicts under which the mechanism in place keeps running: under the others (merge, hand
 * over, close) its own set-up steps no longer apply; the review's steps say what happens to it.
 */
export const RUNNING_VERDICTS: readonly string[] = ['keep', 'strengthen'];

/** Rank of a complementary rule without an `order`. */
const DEFAULT_RANK = 50;
/** Rank of a mechanism supported only by a primary rule that another one outranked. */
const OUTRANKED_RANK = 30;

/**
 * Among the verdict rules that held, the lowest `order` decides. Undefined when none held
 * (no mechanism in place).
 */
export function chooseVerdict(rules: RuleBase, held: Held): PrimaryChoice | undefined {
  let best: PrimaryChoice | undefined;
  for (const item of rules.verdicts)
    for (const rule of item.rules)
      if (held(rule.id) && (!best || rule.order! < best.rule.order!)) best = { item, rule };
  return best;
}

/**
 * Whether a primary rule counts: it held and, when it names verdicts (a mechanism already in
 * place carries the work only when the review keeps or strengthens it), the review reached one.
 */
export function counts(rule: RuleDef, held: Held, verdict: string | undefined): boolean {
  return held(rule.id) && (!rule.verdicts || (verdict !== undefined && rule.verdicts.includes(verdict)));
}

/**
 * The primary: among the primary rules that count, the lowest `order` decides (a DMN "first"
 * hit policy). The review's verdict is decided first, because a mechanism in place that the
 * review keeps or strengthens is itself the primary.
 */
export function choosePrimary(rules: RuleBase, held: Held, verdict?: string): PrimaryChoice {
  let best: PrimaryChoice | undefined;
  for (const item of rules.mechanisms)
    for (const rule of item.rules)
      if (rule.role === 'primary' && counts(rule, held, verdict) && (!best || rule.order! < best.rule.order!))
        best = { item, rule };
  if (!best) throw new Error('No primary rule held: the rule base lacks a fallback (rules validate catches this).');
  return best;
}

/** A rule that held supports its mechanism, except a fallback (always true) that did not decide. */
export function supports(rule: RuleDef, held: Held, primary: PrimaryChoice, verdict?: string): boolean {
  if (rule === primary.rule) return true;
  if (isAlwaysTrue(rule.conditions)) return false;
  return rule.role === 'primary' ? counts(rule, held, verdict) : held(rule.id);
}

/** One mechanism the decision places: primary, complementary (ranked), or also considered. */
export interface Placed {
  item: Item;
  role: 'primary' | 'complementary';
  /** The rules that put it there (empty for a mechanism in place that no rule supports). */
  rules: RuleDef[];
  /** Lower ranks first among the complementary ones; the mechanism in place ranks first of them. */
  rank: number;
  /** The answers say it is already in place (its `existsWhen`). */
  existing: boolean;
}

/** The bare decision for an answer set: what every output reads, and what the search compares. */
export interface Decision {
  primary: string;
  /** The primary rule that decided, and its mechanism. */
  choice: PrimaryChoice;
  /** The recommendations, ranked: the primary first, at most MAX_RECOMMENDATIONS. */
  ranked: Placed[];
  /** Mechanisms that fitted too but were ranked out: the annex and the JSON's `alsoConsidered`. */
  alsoConsidered: Placed[];
  /** The ids of `ranked`. */
  recommended: Set<string>;
  cautions: Set<string>;
  /** The review's verdict, when a mechanism is in place. */
  verdict?: string;
  verdictChoice?: PrimaryChoice;
  /** The mechanism already in place, when the answers name one the rule base knows. */
  existing?: string;
}

const mechanismOrders = new WeakMap<RuleBase, Map<string, number>>();

/** Each mechanism's place in the rule base, worked out once (the search decides hundreds of times). */
function mechanismOrder(rules: RuleBase): Map<string, number> {
  let order = mechanismOrders.get(rules);
  if (!order) mechanismOrders.set(rules, (order = new Map(rules.mechanisms.map((m, i) => [m.id, i]))));
  return order;
}

/**
 * The one decision. The exploitation pattern (who is exploited, and how) chooses the primary
 * through the primary rules; a mechanism in place is always among the recommendations, with
 * its review's verdict as its role, never "not recommended"; the others are ranked by their
 * rules' `order` and cut at MAX_RECOMMENDATIONS.
 */
export function decide(rules: RuleBase, held: Held, facts: Facts): Decision {
  const verdictChoice = chooseVerdict(rules, held);
  const verdict = verdictChoice?.item.id;
  const choice = choosePrimary(rules, held, verdict);
  const placed: Placed[] = [];
  for (const item of rules.mechanisms) {
    const existing = item.existsWhen !== undefined && holdsOn(item.existsWhen, facts);
    const supporting = item.rules.filter((r) => supports(r, held, choice, verdict));
    if (item === choice.item) {
      placed.push({ item, role: 'primary', rules: supporting, rank: 0, existing });
      continue;
    }
    if (supporting.length === 0 && !existing) continue;
    const rank = existing
      ? 0
      : Math.min(...supporting.map((r) => (r.role === 'primary' ? OUTRANKED_RANK : (r.order ?? DEFAULT_RANK))));
    placed.push({ item, role: 'complementary', rules: supporting, rank, existing });
  }
  // Stable: equal ranks keep the rule base's order.
  const order = mechanismOrder(rules);
  placed.sort(
    (a, b) =>
      (a.role === 'primary' ? -1 : 0) - (b.role === 'primary' ? -1 : 0) ||
      a.rank - b.rank ||
      order.get(a.item.id)! - order.get(b.item.id)!,
  );
  const ranked = placed.slice(0, MAX_RECOMMENDATIONS);
  const cautions = new Set(rules.cautions.filter((c) => c.rules.some((r) => held(r.id))).map((c) => c.id));
  const existing = placed.find((p) => p.existing)?.item.id;
  return {
    primary: choice.item.id,
    choice,
    ranked,
    alsoConsidered: placed.slice(MAX_RECOMMENDATIONS),
    recommended: new Set(ranked.map((p) => p.item.id)),
    cautions,
    ...(verdictChoice ? { verdict, verdictChoice } : {}),
    ...(existing ? { existing } : {}),
  };
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
  return decide(rules, heldIn(e), toFacts(rules, e.answers));
}
