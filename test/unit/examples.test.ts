/**
 * The example answers files of examples/: files that teach. Each is accepted by the tool, answers
 * only questions that apply (never "not_applicable", which is what skip logic records, not an
 * answer), tells the story its name tells, and has a line in the README saying what it shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, isApplicable, validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { runOn } from '../support/run-info.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { ROOT } from '../support/cli.js';

const rules = loadRuleBase();
const EXAMPLES = join(ROOT, 'examples');
const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const load = (f: string) => validateAnswersFile(JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')), rules, f);
const resultOf = (answers: Answers) =>
  assess(new Evaluator(rules), { answers: completeAnswers(rules, answers), run: runOn('2026-11-29') });

describe('the examples', () => {
  it('include an IDP response with no mechanism yet, a refugee response with a working group and a mixed response with a selective government', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'idp-no-mechanism.json',
        'refugee-wg-documented.json',
        'mixed-selective-government.json',
      ]),
    );
  });

  it.each(files)('%s is accepted, answers only questions that apply, and never says "not_applicable"', (f) => {
    const { answers } = load(f);
    for (const [id, value] of Object.entries(answers)) {
      expect(value, `${f}: ${id}`).not.toBe('not_applicable');
      expect(isApplicable(rules, rules.questionById.get(id)!, answers), `${f}: ${id} is not asked`).toBe(true);
    }
  });

  it.each(['idp-no-mechanism.json', 'refugee-wg-documented.json', 'mixed-selective-government.json'])(
    '%s answers every question that applies: a whole response to learn from',
    (f) => {
      const { answers } = load(f);
      const open = rules.questions.filter((q) => isApplicable(rules, q, answers) && !(q.id in answers));
      expect(open.map((q) => q.id)).toEqual([]);
    },
  );

  it('the IDP example: an activated cluster with nothing in place yet, so no review of an existing mechanism', async () => {
    const { answers } = load('idp-no-mechanism.json');
    expect(answers).toMatchObject({ responseType: 'idp_cluster', existingMechanism: 'none' });
    expect((await resultOf(answers)).review).toBeUndefined();
  });

  it('the refugee example: its working group is in place and reviewed, and its planning answers are those of a refugee response', async () => {
    const { answers } = load('refugee-wg-documented.json');
    expect(answers).toMatchObject({
      responseType: 'refugee_response',
      tipEvidence: 'documented',
      existingMechanism: 'working_group',
    });
    expect(answers.mechanismState).toMatch(/^(delivering|stalled)$/);
    // The plans of a refugee response are the RRP or JRP; these values carry their labels there.
    expect(answers.planningWindow).toBe('hno_hrp_drafting');
    const r = await resultOf(answers);
    expect(r.review?.existing).toBe('working_group');
    expect(r.recommendations.map((x) => x.mechanism)).toContain('working_group');
  });

  it('the mixed example: several populations, a government that acknowledges only some forms, a group outside the response', async () => {
    const { answers } = load('mixed-selective-government.json');
    expect(answers).toMatchObject({ responseType: 'mixed', governmentStance: 'selective' });
    expect((answers.populationGroups as string[]).length).toBeGreaterThan(1);
    expect((await resultOf(answers)).review?.existing).toBe(answers.existingMechanism);
  });

  it('each example has a line in the README saying what it shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of [...files, 'kobo-export.xlsx']) {
      const line = readme.split('\n').find((l) => l.includes(`examples/${f}`) && /^\s*[-|*]/.test(l));
      expect(line, `README: a line for examples/${f}`).toBeDefined();
      expect(
        line!
          .replace(/`[^`]*`|\[[^\]]*\]\([^)]*\)/g, '')
          .trim()
          .split(/\s+/).length,
      ).toBeGreaterThan(4);
    }
  });
});
