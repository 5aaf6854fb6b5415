import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../../src/core/answers.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { failedLeaves, metLeaves } from '../../src/core/explain.js';
import { buildReport } from '../../src/render/report.js';
import { assess } from '../../src/core/assessment.js';
import { recommend } from '../../src/core/recommend.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { checkScenario } from '../../src/rules/scenarios.js';
import { runOn } from '../support/run-info.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
const wg = completeAnswers(rules, {
  tipEvidence: 'documented',
  tipScale: 'significant',
  antiTipActors: 'in_cluster',
  leadCapacity: 'agency_can_lead',
  governmentStance: 'engaged',
  meetingLoad: 'low',
});

describe('evaluation', () => {
  it('picks exactly one primary, by the order of primary rules', async () => {
    const o = recommend(rules, await evaluator.evaluate(wg));
    expect(o.primary).toBe('working_group');
    expect(o.decidedBy).toBe('wg-evidence-actors-lead');
    expect(o.recommendations.filter((r) => r.role === 'primary')).toHaveLength(1);
    // The fallback does not make focal_point complementary.
    expect(o.recommendations.map((r) => r.mechanism)).not.toContain('focal_point');
    expect(o.notRecommended.find((n) => n.mechanism === 'focal_point')?.outrankedBy).toBe('wg-evidence-actors-lead');
  });

  it('explains a failed condition with the answer that failed it', async () => {
    const o = recommend(rules, await evaluator.evaluate({ ...wg, governmentStance: 'resists_terminology' }));
    expect(o.primary).not.toBe('working_group');
    const why = o.notRecommended.find((n) => n.mechanism === 'working_group')!.why[0]!;
    const failed = failedLeaves(why.conditions);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.question).toBe('governmentStance');
    expect(failed[0]!.answer).toBe('Reluctant to acknowledge it; may forbid the word');
    expect(failed[0]!.condition).toMatch(/^The government's stance on the subject is “Engages on trafficking”/);
    expect(metLeaves(why.conditions).length).toBeGreaterThan(3);
  });

  it('runs concurrent evaluations one after another, each complete', async () => {
    const [a, b] = await Promise.all([evaluator.evaluate(wg), evaluator.evaluate(completeAnswers(rules, {}))]);
    const total = rules.mechanisms
      .concat(rules.cautions, rules.actions, rules.verdicts)
      .reduce((n, i) => n + i.rules.length, 0);
    expect(a.rules).toHaveLength(total);
    expect(b.rules).toHaveLength(total);
    expect(recommend(rules, a).primary).toBe('working_group');
    expect(recommend(rules, b).primary).toBe('focal_point');
  });

  it('tailors steps to the answers', async () => {
    const refugee = recommend(rules, await evaluator.evaluate({ ...wg, responseType: 'refugee_response' }));
    const steps = refugee.recommendations[0]!.steps.join('\n');
    expect(steps).toContain('refugee protection working group');
    expect(steps).not.toContain('Place it under the Protection Cluster');
  });

  it('reports a failing expectation as a difference', async () => {
    const o = recommend(rules, await evaluator.evaluate(wg));
    expect(
      checkScenario(o, { primary: 'focal_point', cautions: ['terminology'], excludes: ['working_group'] }),
    ).toHaveLength(3);
  });

  it('stamps results reproducibly and builds a report that cites its sources', async () => {
    const a = await assess(evaluator, { answers: wg, run: runOn('2026-11-29'), responseName: 'R' });
    const b = await assess(evaluator, { answers: wg, run: runOn('2026-11-29'), responseName: 'R' });
    expect(a.stamp).toEqual(b.stamp);
    expect(a.stamp.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.reviewBy).toBe('2027-11-29');
    const md = buildReport(rules, a);
    expect(md).toBe(buildReport(rules, b));
    for (const h of [
      '## Decision brief',
      '### Action plan: the next 30, 60 and 90 days',
      '### Cautions',
      '## Annex B. How this was decided',
      '### Not recommended',
      '## Annex C. Answers given',
      '## Sources cited',
    ])
      expect(md).toContain(h);
    expect(md).toContain('**S4**');
    const acute = await assess(evaluator, { answers: { ...wg, phase: 'acute' }, run: runOn('2026-11-29') });
    expect(acute.reviewBy).toBe('2027-02-27');
  });

  it('warns in the report when the government resists the terminology', async () => {
    const r = await assess(evaluator, {
      answers: { ...wg, governmentStance: 'resists_terminology' },
      run: runOn('2026-11-29'),
    });
    expect(buildReport(rules, r)).toContain('do not forward it as is');
  });
});
