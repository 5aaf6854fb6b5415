import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeAnswers, toFacts, type Answers } from '../../src/core/answers.js';
import { holds, leavesOf } from '../../src/core/conditions.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { lintRuleBase } from '../../src/rules/lint.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { findAnswers } from '../../src/core/search.js';
import type { Condition, RuleBase } from '../../src/core/types.js';
import { answersArbitrary } from '../support/arbitraries.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);

const answersArb = answersArbitrary(rules);

/** A fresh, editable copy of the built-in rule base. */
function edited(edit: (r: RuleBase) => void): RuleBase {
  const copy = loadRuleBase();
  edit(copy);
  return copy;
}
const mechanism = (r: RuleBase, id: string) => r.mechanisms.find((m) => m.id === id)!;
const caution = (r: RuleBase, id: string) => r.cautions.find((c) => c.id === id)!;

describe('the search model of conditions', () => {
  it('agrees with json-rules-engine on every rule and step, for any answers', async () => {
    await fc.assert(
      fc.asyncProperty(answersArb, async (answers) => {
        const e = await evaluator.evaluate(answers);
        const facts = toFacts(rules, answers);
        for (const t of e.rules) expect(holds(t.rule.conditions, facts), t.rule.id).toBe(t.passed);
        for (const s of e.steps) expect(holds(s.item.steps[s.index]!.when!, facts)).toBe(s.passed);
      }),
      { numRuns: 300 },
    );
  });

  it('decides a condition on some answers only when every completion agrees', () => {
    const conditions: Condition[] = [...rules.mechanisms, ...rules.cautions].flatMap((i) =>
      i.rules.map((r) => r.conditions),
    );
    fc.assert(
      fc.property(answersArb, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), answersArb, (a, keep, b) => {
        const partial = toFacts(rules, a);
        rules.questions.forEach((q, i) => {
          if (!keep[i]) delete partial[q.id];
        });
        const completion = { ...toFacts(rules, b), ...partial };
        for (const c of conditions) {
          const r = holds(c, partial);
          if (r !== undefined) expect(holds(c, completion)).toBe(r);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds answers that meet a goal, and proves none exist when they cannot', async () => {
    const wg = mechanism(rules, 'working_group').rules.find((x) => x.id === 'wg-several-patterns')!.conditions;
    const terminology = caution(rules, 'terminology').rules[0]!.conditions;
    const r = findAnswers(rules, { must: [wg], mustNot: [terminology] });
    expect('found' in r).toBe(true);
    const answers = completeAnswers(rules, (r as { found: Answers }).found);
    const e = await evaluator.evaluate(answers);
    expect(e.rules.find((t) => t.rule.id === 'wg-several-patterns')!.passed).toBe(true);
    expect(e.rules.find((t) => t.rule.id === 'caution-terminology-stance')!.passed).toBe(false);
    // Several patterns need an agency able to chair: with nobody to lead, no answers make the rule hold.
    const noLead: Condition = { all: [{ fact: 'leadCapacity', operator: 'equal', value: 'none' }] };
    expect(findAnswers(rules, { must: [wg, noLead], mustNot: [] })).toEqual({ impossible: true });
  });
});

describe('rules lint', () => {
  it('finds nothing wrong in the built-in rule base, and lists primaries, fallback and overlaps', async () => {
    const lint = lintRuleBase(rules);
    expect(lint.findings).toEqual([]);
    expect(lint.primaries.map((p) => p.rule.order)).toEqual([
      10, 12, 14, 16, 18, 30, 40, 42, 44, 45, 48, 52, 55, 60, 65, 100,
    ]);
    expect(lint.fallback?.rule.id).toBe('fp-fallback');
    expect(lint.overlaps.length).toBeGreaterThan(0);
    // Each overlap's example really makes both rules hold, and the earlier one decide.
    for (const o of lint.overlaps) {
      const e = await evaluator.evaluate(completeAnswers(rules, o.example));
      expect(e.rules.find((t) => t.rule === o.first.rule)!.passed).toBe(true);
      expect(e.rules.find((t) => t.rule === o.second.rule)!.passed).toBe(true);
      expect(o.first.rule.order!).toBeLessThan(o.second.rule.order!);
    }
  });

  it('names the two conditions of a rule that can never hold', () => {
    const r = edited((x) =>
      (caution(x, 'terminology').rules[0]!.conditions as { all: Condition[] }).all.push({
        fact: 'governmentStance',
        operator: 'equal',
        value: 'engaged',
      }),
    );
    const [f] = lintRuleBase(r).findings;
    expect(f).toMatchObject({
      level: 'error',
      file: 'cautions/terminology.json',
      rule: 'caution-terminology-stance',
      where: 'conditions.all[0] and conditions.all[1]',
    });
    expect(f!.message).toContain('can never hold');
    expect(f!.message).toContain('"governmentStance"');
  });

  it('finds a rule whose alternatives are all impossible', () => {
    const r = edited((x) => {
      mechanism(x, 'national_linkage').rules.find((r) => r.id === 'nl-nrm-exists')!.conditions = {
        all: [
          { fact: 'tipForms', operator: 'contains', value: 'forced_labour' },
          {
            any: [
              { fact: 'tipForms', operator: 'doesNotContain', value: 'forced_labour' },
              {
                all: [
                  { fact: 'phase', operator: 'equal', value: 'acute' },
                  { fact: 'phase', operator: 'equal', value: 'transition' },
                ],
              },
            ],
          },
        ],
      };
    });
    const f = lintRuleBase(r).findings.filter((x) => x.level === 'error');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'nl-nrm-exists', where: 'conditions.all[0] and conditions.all[1]' });
  });

  it('finds a step that can never apply', () => {
    const r = edited((x) => {
      mechanism(x, 'working_group').steps[1]!.when = {
        all: [
          { fact: 'responseType', operator: 'equal', value: 'refugee_response' },
          { fact: 'responseType', operator: 'equal', value: 'mixed' },
        ],
      };
    });
    const [f] = lintRuleBase(r).findings;
    expect(f).toMatchObject({
      level: 'error',
      file: 'mechanisms/working_group.json',
      where: 'steps[1].when.all[0] and steps[1].when.all[1]',
    });
    expect(f!.message).toContain('step can never apply');
  });

  it('finds a primary rule that can never decide, naming the rules that always come first', () => {
    const r = edited((x) => {
      // Narrower than pcm-outside-aor (order 44), tried after it.
      mechanism(x, 'strategy_inclusion').rules.find((rule) => rule.id === 'si-planning-window')!.conditions = {
        all: [
          { fact: 'tipForms', operator: 'contains', value: 'organ_removal' },
          { fact: 'tipEvidence', operator: 'equal', value: 'anecdotal' },
          { fact: 'phase', operator: 'equal', value: 'protracted' },
          { fact: 'existingMechanism', operator: 'equal', value: 'none' },
        ],
      };
    });
    const errors = lintRuleBase(r).findings.filter((f) => f.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'mechanisms/strategy_inclusion.json', rule: 'si-planning-window' });
    expect(errors[0]!.message).toContain('can never decide');
    expect(errors[0]!.message).toContain('"pcm-outside-aor", order 44');
  });

  it('finds a gap when no fallback catches what the primary rules leave', () => {
    const r = edited((x) => {
      const fp = mechanism(x, 'focal_point');
      fp.rules = fp.rules.filter((rule) => rule.role !== 'primary');
    });
    const lint = lintRuleBase(r);
    expect(lint.fallback).toBeUndefined();
    const gap = lint.findings.find((f) => f.message.startsWith('gap'));
    expect(gap).toMatchObject({ level: 'error', file: 'mechanisms/' });
    expect(gap!.message).toMatch(/e\.g\. \w+=/);
    expect(lint.gap).toBeDefined();
    expect(lintRuleBase(rules).gap).toBeUndefined();
  });

  it('warns on operators that hold on "unknown" and on a missing fact, at their place', () => {
    const r = edited((x) => {
      const c = mechanism(x, 'cross_response_learning').rules[0]!.conditions as { all: Condition[] };
      c.all[0] = { fact: 'parallelResponses', operator: 'notEqual', value: 'single' };
      c.all.push({ not: { fact: 'phase', operator: 'in', value: ['acute'] } });
      x.invariants[0]!.when = { all: [{ fact: 'meetingLoad', operator: 'notIn', value: ['low'] }] };
    });
    const warnings = lintRuleBase(r).findings;
    expect(warnings.every((f) => f.level === 'warning')).toBe(true);
    expect(warnings.map((f) => f.where)).toEqual([
      'conditions.all[0]',
      'conditions.all[3]',
      'invariant "terminology-when-resisted", when.all[0]',
    ]);
    expect(warnings[0]!.message).toContain('"notEqual"');
    expect(warnings[0]!.message).toContain('missing');
  });

  it('warns about an invariant that never applies, and about a search out of budget', () => {
    const r = edited((x) => {
      // An empty "any" holds in json-rules-engine (no conditions, nothing to fail): use a contradiction.
      x.invariants[1]!.when = {
        all: [
          { fact: 'phase', operator: 'equal', value: 'acute' },
          { fact: 'phase', operator: 'equal', value: 'transition' },
        ],
      };
    });
    const [f] = lintRuleBase(r).findings;
    expect(f).toMatchObject({ level: 'warning', file: 'invariants.json' });
    expect(f!.message).toContain('never applies');
    const starved = lintRuleBase(rules, 1).findings;
    expect(starved.length).toBeGreaterThan(0);
    expect(starved.every((x) => x.level === 'warning' && x.message.includes('could not be decided'))).toBe(true);
  });

  it('reports each leaf with its path', () => {
    const c = mechanism(rules, 'working_group').rules.find((x) => x.id === 'wg-several-patterns')!.conditions;
    expect(
      leavesOf(c)
        .map((l) => l.path)
        .slice(-3),
    ).toEqual(['conditions.all[5].any[0]', 'conditions.all[5].any[1]', 'conditions.all[6]']);
  });
});
