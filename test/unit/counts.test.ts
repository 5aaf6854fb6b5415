/** One count of questions everywhere (issue 14): asked, answered, unknown, with singular and plural, in both languages. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { NOT_APPLICABLE } from '../../src/core/types.js';
import { questionCount } from '../../src/core/messages.js';
import { buildReport } from '../../src/render/report.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8'));

async function report(lang: 'en' | 'fr', change: Answers): Promise<string> {
  const rules = loadRuleBase(undefined, lang);
  const given = { ...validateAnswersFile(EXAMPLE, rules, 'example').answers, ...change };
  const result = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, given),
    run: { date: '2026-11-29', toolVersion: '0.0.0', rulesFolder: null },
  });
  return buildReport(rules, result);
}

describe('counts of questions', () => {
  it('counts unknowns over the questions asked (a skipped one was never asked), singular and plural', async () => {
    // The example has a single response and no mechanism in place: the questions skip logic rules
    // out (expertise elsewhere, how the mechanism delivers) were never asked, so they do not count.
    const rules = loadRuleBase();
    const answers = completeAnswers(rules, validateAnswersFile(EXAMPLE, rules, 'example').answers);
    const asked = rules.questions.filter((q) => answers[q.id] !== NOT_APPLICABLE).length;
    expect(asked).toBeLessThan(rules.questions.length);
    expect(await report('en', { meetingLoad: 'unknown' })).toContain(
      `1 of the ${asked} questions asked was answered “Don't know”`,
    );
    expect(await report('en', { meetingLoad: 'unknown', ruleOfLaw: 'unknown' })).toContain(
      `2 of the ${asked} questions asked were answered “Don't know”`,
    );
    expect(await report('fr', { meetingLoad: 'unknown' })).toContain(
      `1 des ${asked} questions posées a reçu la réponse`,
    );
    expect(await report('fr', { meetingLoad: 'unknown', ruleOfLaw: 'unknown' })).toContain(
      `2 des ${asked} questions posées ont reçu la réponse`,
    );
  });

  it('says "1 question" and "2 questions" in both languages', () => {
    const en = loadRuleBase();
    const fr = loadRuleBase(undefined, 'fr');
    expect([questionCount(en, 1), questionCount(en, 2), questionCount(en, 0)]).toEqual([
      '1 question',
      '2 questions',
      '0 questions',
    ]);
    expect([questionCount(fr, 1), questionCount(fr, 2), questionCount(fr, 0)]).toEqual([
      '1 question',
      '2 questions',
      '0 question',
    ]);
  });
});
