import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/whatif.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { recommend } from '../../src/core/recommend.js';
import { message } from '../../src/core/messages.js';
import { buildReport } from '../../src/render/report.js';
import { buildTrace, traceMarkdown } from '../../src/render/trace.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { loadScenario } from '../../src/rules/scenarios.js';
import { runOn } from '../support/run-info.js';

/** The review of a mechanism already in place: decided by rules, shown first, explained, what-if'd. */
const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
const scenario = (name: string) =>
  loadScenario(join(import.meta.dirname, '..', '..', 'rules', 'scenarios', `${name}.json`), rules);

describe('review of the mechanism in place', () => {
  it('opens page 1: its steps are the first rows of the plan, and the mechanism in place is the primary, reviewed rather than set up', async () => {
    const s = scenario('review-keep-coxs-bazar');
    const r = await assess(evaluator, { answers: s.answers, run: runOn('2026-11-29') });
    expect(r.review?.verdict).toBe('keep');
    expect(r.plan[0]!.from).toEqual({ kind: 'review', id: 'keep' });
    const report = buildReport(rules, r);
    const brief = report.indexOf(`## ${message(rules, 'report.brief')}`);
    const review = report.indexOf(`**${message(rules, 'report.existingReview')}**`);
    expect(brief).toBeGreaterThan(0);
    expect(review).toBeGreaterThan(brief);
    expect(report).toContain('1. **The trafficking working group already in place** (primary, in place: Keep it).');
    // Never "strengthen" or "keep" the group beside "working group: not recommended".
    expect(r.notRecommended.map((n) => n.mechanism)).not.toContain('working_group');
    const wg = r.recommendations.find((x) => x.mechanism === 'working_group')!;
    expect(wg.existing).toBe(true);
    expect(wg.verdict).toBe('keep');
    expect(wg.steps.join(' ')).toContain('terms of reference, membership and deliverables against this assessment');
    expect(wg.steps.join(' ')).not.toMatch(/Set up a time-bound task force|Agree a chair/);
    // Without a mechanism in place, the same answers set it up.
    const fresh = recommend(
      rules,
      await evaluator.evaluate({ ...s.answers, existingMechanism: 'none', mechanismState: 'not_applicable' }),
    );
    expect(fresh.review).toBeUndefined();
    expect(fresh.recommendations.find((x) => x.mechanism === 'working_group')!.steps.join(' ')).toContain(
      'Set up a time-bound task force',
    );
  });

  it('says what would change the verdict, each change replayable', async () => {
    const s = scenario('review-keep-coxs-bazar');
    const r = await assess(evaluator, { answers: s.answers, run: runOn('2026-11-29') });
    expect(r.whatWouldChange.verdict.length).toBeGreaterThan(0);
    for (const f of r.whatWouldChange.verdict) {
      const after = recommend(rules, await evaluator.evaluate(applyChanges(rules, s.answers, f.changes)));
      expect(after.review?.verdict).toBe(f.verdict);
    }
    expect(r.whatWouldChange.verdict.map((f) => f.verdict)).toContain('strengthen');
    expect(buildReport(rules, r)).toContain(message(rules, 'report.verdictFlipIntro'));
  });

  it('explain shows the verdict rules first, in the order they are tried, and why the others did not hold', async () => {
    const s = scenario('review-merge-into-aor');
    const tr = buildTrace(rules, await evaluator.evaluate(s.answers));
    expect(tr.review?.verdict).toBe('merge');
    expect(tr.review!.order.map((o) => o.order)).toEqual(
      [...tr.review!.order.map((o) => o.order)].sort((a, b) => a - b),
    );
    expect(tr.review!.order.find((o) => o.decides)!.rule).toBe('review-merge-into-aor');
    expect(tr.review!.items.find((i) => i.id === 'keep')!.status).toBe('not_chosen');
    const md = traceMarkdown(rules, tr);
    expect(md.indexOf('Review of the mechanism in place')).toBe(2);
    expect(md.indexOf('Review of the mechanism in place')).toBeLessThan(md.indexOf('Why the primary mechanism is'));
  });

  it('no mechanism in place, no review: not in the result, the report or explain', async () => {
    const r = await assess(evaluator, {
      answers: scenario('complicity-no-handover').answers,
      run: runOn('2026-11-29'),
    });
    expect(r.review).toBeUndefined();
    expect(r.whatWouldChange.verdict).toEqual([]);
    expect(buildReport(rules, r)).not.toContain(message(rules, 'report.existingReview'));
  });
});
