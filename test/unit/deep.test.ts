import { describe, expect, it } from 'vitest';
import { validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { countCombinations } from '../../src/rules/covering.js';
import {
  deepCheck,
  randomAnswers,
  representativeAnswers,
  seededRandom,
  soundnessProblems,
} from '../../src/rules/deep.js';
import { Evaluator, type Evaluation } from '../../src/core/evaluate.js';
import { recommend } from '../../src/core/recommend.js';
import { outcomeText } from '../../src/render/draft.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const rules = loadRuleBase();

describe('deep check over the answer space', () => {
  // Each goes over the whole answer space (two thousand answer sets): minutes on a loaded machine.
  it('passes on the built-in rule base: no error, one primary, everything explained and sourced, every invariant met', async () => {
    // With the drafting text rendered, the text invariants (textExcludes, draftingSafe) are checked too.
    const r = await deepCheck(rules, { draftText: (o) => outcomeText(rules, o) });
    expect(r.problems).toEqual([]);
    expect(r.questions).toBe(26);
    expect(r.combinations).toBe(
      countCombinations(
        rules.questions.map((q) => representativeAnswers(q).length),
        3,
      ),
    );
    expect(r.coveringSets).toBeGreaterThan(1000);
    expect(r.randomSets).toBe(500);
    // Each invariant applied to many answer sets: none of them checked nothing.
    for (const inv of rules.invariants) expect(r.invariantHits[inv.id], inv.id).toBeGreaterThan(10);
    // Coverage of the exploitation patterns: every primary rule and every verdict decided some answer sets,
    // and the modifier pairs (complicity, the government's stance, state forces changed alone) were compared.
    for (const [id, n] of Object.entries(r.decidedBy)) expect(n, id).toBeGreaterThan(0);
    for (const [id, n] of Object.entries(r.verdicts)) expect(n, id).toBeGreaterThan(0);
    expect(r.pairs).toBeGreaterThan(5000);
  }, 240_000);

  it('catches a contextualised edit that drops a safeguard, with answers that show it', async () => {
    const copy = loadRuleBase();
    copy.cautions.find((c) => c.id === 'terminology')!.rules[0]!.conditions = {
      all: [{ fact: 'governmentStance', operator: 'equal', value: 'selective' }],
    };
    const r = await deepCheck(copy, { samples: 50 });
    // Two invariants hold the terminology caution where the word is resisted; both catch the edit.
    expect(r.problems.map((x) => x.check).sort()).toEqual([
      'invariant safe-drafting-with-terminology-caution',
      'invariant terminology-when-resisted',
    ]);
    const p = r.problems.find((x) => x.check === 'invariant terminology-when-resisted');
    expect(p!.message).toContain('expected caution terminology; it is missing');
    expect(p!.count).toBe(r.invariantHits['terminology-when-resisted']);
    // The example keeps only the answer the failure needs.
    expect(Object.entries(p!.example).filter(([, v]) => v !== 'unknown')).toEqual([
      ['governmentStance', 'resists_terminology'],
    ]);
    const outcome = recommend(copy, await new Evaluator(copy).evaluate(p!.example));
    expect(outcome.cautions.map((c) => c.id)).not.toContain('terminology');
  }, 240_000);

  it('reports an evaluation that throws as an error, with its answers', async () => {
    class Failing extends Evaluator {
      override evaluate(answers: Answers): Promise<Evaluation> {
        return answers.tipScale === 'widespread' ? Promise.reject(new Error('boom')) : super.evaluate(answers);
      }
    }
    const r = await deepCheck(rules, { samples: 0 }, new Failing(rules));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ check: 'no error', message: 'boom' });
    expect(r.problems[0]!.example.tipScale).toBe('widespread');
  }, 240_000);

  it('flags outcomes without exactly one primary, or without rationale or source', async () => {
    const outcome = recommend(rules, await new Evaluator(rules).evaluate({}));
    expect(soundnessProblems(rules, outcome)).toEqual([]);
    const broken = structuredClone(outcome);
    broken.recommendations[0]!.sources = [];
    broken.recommendations.push({ ...broken.recommendations[0]!, mechanism: 'working_group', rationale: [''] });
    broken.cautions[0]!.why = [];
    const checks = soundnessProblems(rules, broken).map((p) => p.check);
    expect(checks).toEqual(expect.arrayContaining(['one primary', 'every mechanism placed', 'explained', 'sourced']));
  });

  it('draws the same valid random answers from the same seed', () => {
    const a = Array.from(
      { length: 20 },
      (
        (r) => () =>
          randomAnswers(rules, r)
      )(seededRandom(7)),
    );
    const b = Array.from(
      { length: 20 },
      (
        (r) => () =>
          randomAnswers(rules, r)
      )(seededRandom(7)),
    );
    expect(a).toEqual(b);
    expect(
      Array.from(
        { length: 20 },
        (
          (r) => () =>
            randomAnswers(rules, r)
        )(seededRandom(8)),
      ),
    ).not.toEqual(a);
    for (const answers of a)
      expect(validateAnswersFile({ version: 1, answers }, rules, 'sample').answers).toEqual(answers);
  });
});
