import { leavesOf } from '../core/conditions.js';
import type { ConditionTrace, Evaluation } from '../core/evaluate.js';
import type { Outcome } from '../core/recommend.js';
import { isAlwaysTrue } from '../core/conditions.js';
import type { Item, LeafCondition, RuleBase, RuleDef } from '../core/types.js';

/** How often a single condition was met, failed, or left unevaluated across scenarios. */
export interface LeafCoverage {
  path: string;
  leaf: LeafCondition;
  met: number;
  failed: number;
}

/** How often a rule held, did not hold, and (for a primary rule) decided, across scenarios. */
export interface RuleCoverage {
  item: Item;
  rule: RuleDef;
  held: number;
  failed: number;
  decided: number;
  leaves: LeafCoverage[];
}

export function emptyCoverage(rules: RuleBase): RuleCoverage[] {
  return [...rules.mechanisms, ...rules.cautions, ...rules.actions, ...rules.verdicts].flatMap((item) =>
    item.rules.map((rule) => ({
      item,
      rule,
      held: 0,
      failed: 0,
      decided: 0,
      leaves: leavesOf(rule.conditions).map(({ path, node }) => ({ path, leaf: node, met: 0, failed: 0 })),
    })),
  );
}

/** The engine's verdict on each leaf of a trace, by path (the trace mirrors the rule's conditions). */
function leafResults(t: ConditionTrace, path = 'conditions'): Map<string, boolean | null> {
  if (t.kind === 'leaf') return new Map([[path, t.result]]);
  const out = new Map<string, boolean | null>();
  t.children.forEach((child, i) => {
    const sub = t.kind === 'not' ? `${path}.not` : `${path}.${t.kind}[${i}]`;
    for (const [k, v] of leafResults(child, sub)) out.set(k, v);
  });
  return out;
}

/** Adds one scenario's evaluation to the tally. */
export function recordCoverage(coverage: RuleCoverage[], e: Evaluation, o: Outcome): void {
  const byId = new Map(coverage.map((c) => [c.rule.id, c]));
  for (const t of e.rules) {
    const c = byId.get(t.rule.id);
    if (!c) continue;
    if (t.passed) c.held++;
    else c.failed++;
    if (o.decidedBy === t.rule.id) c.decided++;
    const results = leafResults(t.trace);
    for (const leaf of c.leaves) {
      const r = results.get(leaf.path);
      if (r === true) leaf.met++;
      else if (r === false) leaf.failed++;
    }
  }
}

/** What the scenarios never exercised: the gaps a new scenario should fill. */
export interface CoverageGaps {
  neverHeld: RuleCoverage[];
  /** Rules seen holding in every scenario (rules that always hold by design are left out). */
  neverFailed: RuleCoverage[];
  /** Primary rules that held in some scenario but never decided one. */
  neverDecided: RuleCoverage[];
  neverMet: Array<{ rule: RuleCoverage; leaf: LeafCoverage }>;
  neverFailedLeaves: Array<{ rule: RuleCoverage; leaf: LeafCoverage }>;
}

export function coverageGaps(coverage: RuleCoverage[]): CoverageGaps {
  const leaves = coverage.flatMap((rule) => rule.leaves.map((leaf) => ({ rule, leaf })));
  return {
    neverHeld: coverage.filter((c) => c.held === 0),
    neverFailed: coverage.filter((c) => c.failed === 0 && !isAlwaysTrue(c.rule.conditions)),
    neverDecided: coverage.filter((c) => c.rule.role === 'primary' && c.held > 0 && c.decided === 0),
    neverMet: leaves.filter((l) => l.leaf.met === 0),
    neverFailedLeaves: leaves.filter((l) => l.leaf.failed === 0),
  };
}
