import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { recommend } from '../../src/core/recommend.js';
import { assess } from '../../src/core/assessment.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { loadScenario } from '../../src/rules/scenarios.js';
import { applyChanges, changesFor, describeChange, quickDecision } from '../../src/core/whatif.js';
import type { Change } from '../../src/core/shapes/result.js';
import { factsOf } from '../../src/core/conditions.js';
import { answersArbitrary } from '../support/arbitraries.js';
import { runOn } from '../support/run-info.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
const dir = join(import.meta.dirname, '..', '..', 'rules', 'scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => loadScenario(join(dir, f), rules));

/** Any answer set the questionnaire allows, "unknown" half the time. */
const answersArb = answersArbitrary(rules, {}, { unknownHalf: true });

const engineDecision = async (answers: Answers) => {
  const o = recommend(rules, await evaluator.evaluate(completeAnswers(rules, answers)));
  return {
    primary: o.primary,
    recommended: o.recommendations.map((r) => r.mechanism).sort(),
    cautions: o.cautions.map((c) => c.id).sort(),
  };
};

describe('what would change', () => {
  it('the quick evaluator decides as the engine does, on any answers', async () => {
    await fc.assert(
      fc.asyncProperty(answersArb, async (answers) => {
        const quick = quickDecision(rules, completeAnswers(rules, answers));
        expect({
          primary: quick.primary,
          recommended: [...quick.recommended].sort(),
          cautions: [...quick.cautions].sort(),
        }).toEqual(await engineDecision(answers));
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it.each(scenarios.map((s) => [s.name, s] as const))(
    '%s: every stated change really changes the outcome (engine replay)',
    async (_name, s) => {
      const r = await assess(evaluator, { answers: s.answers, run: runOn('2026-11-29') });
      for (const flip of r.whatWouldChange.primary) {
        expect(flip.changes).toHaveLength(1);
        expect((await engineDecision(applyChanges(rules, s.answers, flip.changes))).primary).toBe(flip.primary);
      }
      for (const m of r.whatWouldChange.mechanisms) {
        expect(r.notRecommended.map((n) => n.mechanism)).toContain(m.mechanism);
        for (const option of m.options) {
          expect(option.length).toBe(m.fewest);
          expect((await engineDecision(applyChanges(rules, s.answers, option))).recommended).toContain(m.mechanism);
        }
        if (m.fewest !== 1) {
          // Fewest means fewest: no single realistic change brings it in (checked with the engine).
          for (const q of rules.questions.filter((x) => s.answers[x.id] !== 'not_applicable'))
            for (const c of changesFor(q, s.answers[q.id]!))
              expect(
                (await engineDecision(applyChanges(rules, s.answers, [c]))).recommended,
                `${m.mechanism} by ${c.question}=${JSON.stringify(c.to)}`,
              ).not.toContain(m.mechanism);
        }
      }
      // Every mechanism not recommended has a why-not naming rule, condition and answer.
      for (const n of r.notRecommended) {
        expect(n.whyNot.length + (n.outrankedBy ? 1 : 0)).toBeGreaterThan(0);
        for (const w of n.whyNot) {
          expect(rules.mechanisms.find((m) => m.id === n.mechanism)!.rules.map((x) => x.id)).toContain(w.rule);
          if (w.met === false) expect(w.condition && w.answer).toBeTruthy();
        }
      }
    },
  );

  it.each(scenarios.map((s) => [s.name, s] as const))(
    '%s: unknowns that matter are exactly those that flip the primary',
    async (_name, s) => {
      const r = await assess(evaluator, { answers: s.answers, run: runOn('2026-11-29') });
      for (const u of r.unknownsThatMatter) {
        expect(s.answers[u.question]).toBe('unknown');
        for (const o of u.outcomes) {
          expect(o.primary).not.toBe(r.primary);
          expect((await engineDecision({ ...s.answers, [u.question]: o.to })).primary).toBe(o.primary);
        }
      }
      const mattering = new Set(r.unknownsThatMatter.map((u) => u.question));
      for (const id of r.unknowns.filter((q) => !mattering.has(q))) {
        const q = rules.questionById.get(id)!;
        const tries = q.type === 'multi' ? [[], ...q.choices.map((c) => [c.value])] : q.choices.map((c) => c.value);
        for (const v of tries)
          expect((await engineDecision({ ...s.answers, [id]: v as Answers[string] })).primary).toBe(r.primary);
      }
    },
  );

  // The search skips change sets that cannot bring a mechanism in (none of its rules holds) and
  // re-evaluates only the rules that read a changed fact: what it finds must be what trying
  // every set, each decided from scratch, finds, in the same order.
  const exhaustive = [
    ...readdirSync(join(import.meta.dirname, '..', '..', 'examples'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map(
        (f) =>
          [
            `examples/${f}`,
            validateAnswersFile(
              JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', f), 'utf8')),
              rules,
              f,
            ).answers,
          ] as const,
      ),
    ...scenarios.filter((_, i) => i % 12 === 0).map((s) => [s.name, s.answers] as const),
  ];
  it.each(exhaustive)('%s: the search finds what trying every change set finds', async (_name, given) => {
    const answers = completeAnswers(rules, given);
    const r = await assess(evaluator, { answers, run: runOn('2026-11-29') });
    const primaryFacts = factsOf(
      rules.mechanisms.flatMap((m) => m.rules.filter((x) => x.role === 'primary').map((x) => x.conditions)),
    );
    const all = rules.questions.flatMap((q) => changesFor(q, answers[q.id]!));
    const recommends = (id: string, changes: Change[]): boolean =>
      quickDecision(rules, applyChanges(rules, answers, changes)).recommended.has(id);
    for (const found of r.whatWouldChange.mechanisms) {
      const relevant = new Set([
        ...primaryFacts,
        ...factsOf(rules.mechanisms.find((m) => m.id === found.mechanism)!.rules.map((x) => x.conditions)),
      ]);
      const candidates = all.filter((c) => relevant.has(c.question));
      let options: Change[][] = candidates.filter((c) => recommends(found.mechanism, [c])).map((c) => [c]);
      if (options.length === 0)
        for (let i = 0; i < candidates.length && options.length < 3; i++)
          for (let j = i + 1; j < candidates.length && options.length < 3; j++)
            if (
              candidates[i]!.question !== candidates[j]!.question &&
              recommends(found.mechanism, [candidates[i]!, candidates[j]!])
            )
              options.push([candidates[i]!, candidates[j]!]);
      options = options.slice(0, 3);
      expect(found.fewest, found.mechanism).toBe(options.length === 0 ? null : options[0]!.length);
      expect(
        found.options.map((o) => o.map((c) => c.set)),
        found.mechanism,
      ).toEqual(options.map((o) => o.map((c) => describeChange(rules, c).set)));
    }
  });

  it('says so when no unknown matters, and lists those that do', async () => {
    const all = await assess(evaluator, { answers: completeAnswers(rules, {}), run: runOn('2026-11-29') });
    // With nothing known, single answers matter: the phase, the evidence, the forms (who is
    // exploited and how) and what is in place; and some only together.
    expect(all.unknownsThatMatter.map((u) => u.question)).toEqual([
      'phase',
      'tipEvidence',
      'tipForms',
      'existingMechanism',
    ]);
    expect(all.unknownsThatMatter.find((u) => u.question === 'tipForms')!.outcomes.map((o) => o.primary)).toContain(
      'protection_case_management',
    );
    // What is in place is a fact to check, never a change to propose: it is no "what would change".
    expect(all.whatWouldChange.primary.map((f) => f.changes[0]!.question)).not.toContain('existingMechanism');
    expect(all.whatWouldChange.inPlace.map((f) => f.primary)).toEqual(['working_group']);
    const combos = all.unknownCombinations;
    expect(combos.map((c) => c.primary).sort()).toEqual(
      ['cross_response_learning', 'ct_capacity', 'national_linkage', 'strategy_inclusion', 'working_group'].sort(),
    );
    for (const c of combos) {
      expect(c.changes.length).toBeGreaterThan(1);
      expect((await engineDecision(applyChanges(rules, all.answers, c.changes))).primary).toBe(c.primary);
      // Fewest: dropping any one of the answers loses the change.
      for (let i = 0; i < c.changes.length; i++) {
        const fewer = c.changes.filter((_, j) => j !== i);
        expect((await engineDecision(applyChanges(rules, all.answers, fewer))).primary).not.toBe(c.primary);
      }
    }
    // The acute-phase specialist: the phase, who can lead and some evidence.
    expect(
      combos
        .find((c) => c.primary === 'ct_capacity')!
        .changes.map((c) => c.question)
        .sort(),
    ).toEqual(['leadCapacity', 'phase', 'tipEvidence'].sort());
    const full = scenarios.find((s) => s.name === 'wg-refugee-documented')!;
    const r = await assess(evaluator, { answers: full.answers, run: runOn('2026-11-29') });
    expect(r.unknownsThatMatter).toEqual([]);
    expect(r.unknownCombinations).toEqual([]);
  });
});
