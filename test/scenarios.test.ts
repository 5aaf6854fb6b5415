import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../src/core/evaluate.js';
import { recommend } from '../src/core/recommend.js';
import { DEFAULT_RULES_DIR, loadRuleBase, scenarioFolder } from '../src/rules/folder.js';
import { checkScenario, loadScenario } from '../src/rules/scenarios.js';
import { outcomeText } from '../src/render/draft.js';
import { buildReport } from '../src/render/report.js';
import { assess } from '../src/core/assessment.js';
import { quickDecision } from '../src/core/whatif.js';
import { completeAnswers } from '../src/core/answers.js';
import { message } from '../src/core/messages.js';
import { runOn } from './support/run-info.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
// The scenario tests travel with the rules (rules init copies them; rules test reads them).
const dir = scenarioFolder(DEFAULT_RULES_DIR);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('scenarios (rules/scenarios/*.json)', () => {
  it.each(files)('%s', async (file) => {
    const s = loadScenario(join(dir, file), rules);
    const outcome = recommend(rules, await evaluator.evaluate(s.answers));
    // Text expectations are checked on the drafting text as well as on the outcome's texts.
    expect(checkScenario(outcome, s.expect, outcomeText(rules, outcome))).toEqual([]);
    if (outcome.review) {
      expect(outcome.review.why.length).toBeGreaterThan(0);
      expect(outcome.review.sources.length).toBeGreaterThan(0);
    }
    // Every recommendation is explained and sourced.
    for (const r of outcome.recommendations) {
      expect(r.why.length).toBeGreaterThan(0);
      expect(r.sources.length).toBeGreaterThan(0);
    }
    for (const c of outcome.cautions) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('cover every mechanism as primary and every caution', () => {
    const scenarios = files.map((f) => loadScenario(join(dir, f), rules));
    const primaries = new Set(scenarios.map((s) => s.expect.primary));
    for (const m of rules.mechanisms) expect(primaries, `no scenario has ${m.id} as primary`).toContain(m.id);
    const cautions = new Set(scenarios.flatMap((s) => s.expect.cautions ?? []));
    for (const c of rules.cautions) expect(cautions, `no scenario expects caution ${c.id}`).toContain(c.id);
    const verdicts = new Set(scenarios.map((s) => s.expect.verdict));
    for (const v of rules.verdicts) expect(verdicts, `no scenario expects verdict ${v.id}`).toContain(v.id);
  });

  // Issue 12: each question new in answers version 2 changes some outcome in some scenario
  // (the primary, the mechanisms recommended, the cautions or the review's verdict).
  it.each([
    'existingMechanism',
    'mechanismState',
    'officialComplicity',
    'perpetrators',
    'populationGroups',
    'antiTipActors',
  ])('the new question %s changes some outcome in some scenario', (id) => {
    const q = rules.questionById.get(id)!;
    const values = q.type === 'multi' ? [[], ...q.choices.map((c) => [c.value])] : q.choices.map((c) => c.value);
    const key = (a: Parameters<typeof quickDecision>[1]): string => {
      const d = quickDecision(rules, a);
      return JSON.stringify([d.primary, [...d.recommended].sort(), [...d.cautions].sort(), d.verdict ?? null]);
    };
    const changed = files.some((f) => {
      const s = loadScenario(join(dir, f), rules);
      if (s.answers[id] === 'not_applicable') return false;
      const now = key(s.answers);
      return values.some((v) => key(completeAnswers(rules, { ...s.answers, [id]: v as never })) !== now);
    });
    expect(changed).toBe(true);
  });

  // With complicity, the report itself offers no hand-over to the state: its recommendation,
  // brief, review, set-up, cautions, actions and drafting sections hold none of the invariant's phrases.
  it('renders no hand-over to the state in the report of any scenario with suspected or documented complicity', async () => {
    const phrases = rules.invariants.find((i) => i.id === 'no-state-handover-when-complicit')!.expect.textExcludes!;
    // The annexes explain (why, why not, what would change) and list: they offer nothing.
    const skipped = [
      'report.annexDecided',
      'report.existingReviewWhy',
      'report.annexAnswers',
      'report.sourcesCited',
    ] as const;
    const skippedTitles = new Set(skipped.map((k) => message(rules, k)));
    let seen = 0;
    for (const f of files) {
      const s = loadScenario(join(dir, f), rules);
      if (!['suspected', 'documented'].includes(String(s.answers.officialComplicity))) continue;
      seen++;
      const report = buildReport(rules, await assess(evaluator, { answers: s.answers, run: runOn('2026-11-29') }));
      expect(report).toContain(message(rules, 'report.complicityNotice'));
      expect(report).toContain(
        `| ${rules.questionById.get('officialComplicity')!.label} | ${message(rules, 'report.seeSensitivityNote')} |`,
      );
      // What the report offers, without its explanations: rule lines (why), their conditions, and sources.
      const offered = report
        .split(/^## /m)
        .filter((section) => !skippedTitles.has(section.split('\n')[0]!.trim()))
        .join('\n')
        .split('\n')
        .filter((line) => !/\(`[a-z0-9-]+`\)/.test(line) && !/^\s+- /.test(line) && !/^- \*\*/.test(line))
        .join('\n');
      for (const p of phrases) expect(offered.toLowerCase(), `${f}: "${p}"`).not.toContain(p.toLowerCase());
    }
    expect(seen).toBeGreaterThan(2);
  });
});
