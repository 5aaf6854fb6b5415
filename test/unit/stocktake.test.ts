import { describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import type { Question, RuleBase } from '../../src/core/types.js';
import { MAX_LISTED, portfolioMarkdown, Tally } from '../../src/render/portfolio.js';
import { stockTakeCounters } from '../../src/render/stocktake.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const builtIn = loadRuleBase();

/** The built-in rule base as version 1 had it (before issue 12): no existingMechanism, antiTipActors one value. */
function v1Like(): RuleBase {
  const antiTipActors: Question = {
    ...builtIn.questionById.get('antiTipActors')!,
    type: 'single',
    choices: ['in_cluster', 'outside_cluster', 'none'].map((value) => ({ value, label: value })),
  };
  const questions = builtIn.questions
    .filter((q) => q.id !== 'existingMechanism' && q.id !== 'mechanismState')
    .map((q) => (q.id === 'antiTipActors' ? antiTipActors : q));
  return { ...builtIn, questions, questionById: new Map(questions.map((q) => [q.id, q])) };
}
const v1 = v1Like();

/** The version-2 questions the figures read (issue 12), grafted on the built-in rule base. */
function v2Like(): RuleBase {
  const existingMechanism: Question = {
    id: 'existingMechanism',
    section: 'coordination',
    type: 'single',
    factor: 'Q0',
    label: 'Existing mechanism',
    term: 'the existing mechanism',
    hint: '',
    choices: ['none', 'agenda_item', 'focal_point', 'working_group', 'outside_group', 'national_body'].map((value) => ({
      value,
      label: value,
    })),
  };
  const antiTipActors: Question = {
    ...v1.questionById.get('antiTipActors')!,
    type: 'multi',
    choices: ['in_cluster', 'outside_cluster', 'government_body'].map((value) => ({ value, label: value })),
  };
  const questions = v1.questions.map((q) => (q.id === 'antiTipActors' ? antiTipActors : q));
  questions.push(existingMechanism);
  return { ...v1, questions, questionById: new Map(questions.map((q) => [q.id, q])) };
}

const figures = (rules: RuleBase, sets: Partial<Answers>[]): Record<string, [boolean, number, number]> => {
  const counters = stockTakeCounters(rules);
  for (const s of sets) for (const c of counters) c.add(completeAnswers(rules, s as Answers));
  return Object.fromEntries(
    counters.map((c) => {
      const f = c.figure();
      return [f.id, [f.asked, f.count, f.unknown]];
    }),
  );
};

describe('the 2018 stock-take figures, from the answers', () => {
  it('version 1: no question on an existing mechanism ("not asked"); the others from antiTipActors and tipEvidence', () => {
    expect(
      figures(v1, [
        { antiTipActors: 'outside_cluster', tipEvidence: 'anecdotal' },
        { antiTipActors: 'none', tipEvidence: 'none' },
        { antiTipActors: 'in_cluster', tipEvidence: 'documented' },
        {},
      ]),
    ).toEqual({
      mechanism: [false, 0, 0],
      outside: [true, 1, 1],
      anecdotal: [true, 1, 1],
      noWork: [true, 1, 1],
    });
  });

  it('version 2: existingMechanism, antiTipActors as a list ([] is none; outside but not in the cluster)', () => {
    const v2 = v2Like();
    expect(
      figures(v2, [
        { existingMechanism: 'working_group', antiTipActors: ['in_cluster', 'outside_cluster'] },
        { existingMechanism: 'none', antiTipActors: ['outside_cluster'] },
        { existingMechanism: 'none', antiTipActors: [] },
        { existingMechanism: 'agenda_item', antiTipActors: [] },
        { antiTipActors: [] },
      ]),
    ).toEqual({
      mechanism: [true, 2, 1],
      outside: [true, 1, 0],
      anecdotal: [true, 0, 5],
      noWork: [true, 1, 1],
    });
  });
});

describe('the summary keeps counts, not responses', () => {
  it(`lists at most ${MAX_LISTED} responses and says how many more it counted`, () => {
    const tally = new Tally(v1, '0.0.0');
    const answers = completeAnswers(v1, {});
    for (let i = 0; i < MAX_LISTED + 3; i++)
      tally.add(`row ${i + 2}`, {
        primary: 'focal_point',
        cautions: [{ id: 'no_data' }],
        unknowns: ['tipScale'],
        answers,
      });
    const p = tally.portfolio();
    expect(p.total).toBe(MAX_LISTED + 3);
    expect(p.entries).toHaveLength(MAX_LISTED);
    expect(p.unlisted).toBe(3);
    expect(p.panels[0].counts.find((c) => c.id === 'focal_point')!.count).toBe(MAX_LISTED + 3);
    const { body } = portfolioMarkdown(v1, p, '2026-01-01');
    expect(body).toContain(`3 more responses are not listed here (the list stops at ${MAX_LISTED})`);
    expect(body).toContain('## Beside the 2018 stock-take');
    expect(body).toContain('covered 29 humanitarian responses');
  });

  it('shows the review verdicts when results carry them (version 2)', () => {
    const tally = new Tally(v1, '0.0.0');
    const answers = completeAnswers(v1, {});
    for (const verdict of ['keep', 'strengthen', 'keep'])
      tally.add('x', { primary: 'focal_point', cautions: [], unknowns: [], answers, review: { verdict } });
    const { body } = portfolioMarkdown(v1, tally.portfolio(), '2026-01-01');
    expect(body).toContain('### Review of existing mechanisms');
    expect(body).toMatch(/\| Keep \| 2 \| 67% \|/);
  });
});
