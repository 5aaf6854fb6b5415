/**
 * Questions worded by the type of response (questions.json "byResponseType"): a refugee response
 * is asked about, and reads back, its RRP or JRP, never an HNO or HRP; the values, and so every
 * answers file written before, stay as they were.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { questionFor, rulesForResponse } from '../../src/core/response-wording.js';
import { buildReport } from '../../src/render/report.js';
import { buildTrace, traceMarkdown } from '../../src/render/trace.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { runOn } from '../support/run-info.js';
import { ruleCopies } from '../support/rule-copy.js';

const rules = loadRuleBase();
const fr = loadRuleBase(DEFAULT_RULES_DIR, 'fr');
const evaluator = new Evaluator(rules);
const ROOT = join(DEFAULT_RULES_DIR, '..');
const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8'))
  .answers as Answers;
const resultOf = (answers: Answers) =>
  assess(evaluator, { answers: completeAnswers(rules, answers), run: runOn('2026-01-01') });
const label = (r: typeof rules, id: string, value: string) =>
  r.questionById.get(id)!.choices.find((c) => c.value === value)!.label;

describe('questions worded by the type of response', () => {
  it('name the RRP or JRP in a refugee response, the HNO and HRP in a cluster response, both when not known', () => {
    const refugee = rulesForResponse(rules, 'refugee_response');
    expect(label(refugee, 'planningWindow', 'hno_hrp_drafting')).toBe('RRP or JRP drafting');
    expect(label(refugee, 'tipInDocuments', 'hrp')).toBe('Refugee Response Plan (RRP) or Joint Response Plan (JRP)');
    for (const c of refugee.questionById.get('tipInDocuments')!.choices)
      expect(c.label).not.toMatch(/\bHNO\b|\bHRP\b|HCT/);
    expect(label(rulesForResponse(rules, 'idp_cluster'), 'planningWindow', 'hno_hrp_drafting')).toBe(
      'HNO/HRP drafting',
    );
    const general = label(rulesForResponse(rules, 'unknown'), 'planningWindow', 'hno_hrp_drafting');
    expect(general).toMatch(/HNO and HRP, or RRP or JRP/);
    // The values do not change, and the same rule base object is given back for the same type.
    expect(refugee.questionById.get('planningWindow')!.choices.map((c) => c.value)).toEqual(
      rules.questionById.get('planningWindow')!.choices.map((c) => c.value),
    );
    expect(rulesForResponse(rules, 'refugee_response')).toBe(refugee);
    expect(refugee.hash).toBe(rules.hash);
    expect(questionFor(rules.questionById.get('phase')!, 'refugee_response')).toBe(rules.questionById.get('phase'));
    // In French too.
    expect(label(rulesForResponse(fr, 'refugee_response'), 'planningWindow', 'hno_hrp_drafting')).toBe(
      'Rédaction du RRP ou du JRP',
    );
  });

  it('carry into the report and the trace: a refugee report reads its answers back as RRP or JRP', async () => {
    const refugee = buildReport(rules, await resultOf(example));
    const answers = refugee.slice(refugee.indexOf('## Annex C'), refugee.indexOf('## Sources cited'));
    expect(answers).toContain('| Is a drafting or review moment coming up? | RRP or JRP drafting |');
    expect(answers).toContain('Needs analysis of the Refugee Response Plan (RRP) or Joint Response Plan (JRP)');
    expect(answers).not.toMatch(/\bHNO\b|\bHRP\b/);
    const idp = buildReport(rules, await resultOf({ ...example, responseType: 'idp_cluster' }));
    expect(idp).toContain('| Is a drafting or review moment coming up? | HNO/HRP drafting |');
    const trace = traceMarkdown(rules, buildTrace(rules, await evaluator.evaluate(completeAnswers(rules, example))));
    // The conditions quote the labels as this response words them (the rationales are the rules' own words).
    expect(trace).toContain('“RRP or JRP drafting”');
    expect(trace).not.toContain('“HNO/HRP drafting”');
  });

  it('need no migration: a version-1 refugee file with "hno" reads the same values, worded for refugees', async () => {
    const v1 = JSON.parse(
      readFileSync(join(ROOT, 'test', 'fixtures', 'v1', 'examples', 'refugee-wg-documented.json'), 'utf8'),
    );
    const loaded = validateAnswersFile(v1, rules, 'v1.json');
    expect(loaded.answers.tipInDocuments).toEqual(['hno']);
    expect(loaded.answers.planningWindow).toBe('hno_hrp_drafting');
    const r = await resultOf(loaded.answers);
    expect(r.answered.find((a) => a.id === 'tipInDocuments')!.answer).toBe(
      'Needs analysis of the Refugee Response Plan (RRP) or Joint Response Plan (JRP)',
    );
  });
});

describe('byResponseType is checked when the rules load', () => {
  const copies = ruleCopies('tip-wording-');
  const problemWith = (edit: (q: any) => void): string =>
    copies.problemOf(
      copies.edited('questions.json', (json) => edit(json.questions.find((q: any) => q.id === 'planningWindow'))),
    );

  it('names the file, the question and what would be valid', () => {
    const m = problemWith((q) => (q.byResponseType.refugees = { label: 'x' }));
    expect(m).toContain('questions.json');
    expect(m).toContain('question "planningWindow" byResponseType."refugees"');
    expect(m).toContain('refugee_response');
    expect(problemWith((q) => (q.byResponseType.refugee_response.choices.rrp = 'RRP drafting'))).toContain(
      '"rrp" is not a choice of this question',
    );
    expect(problemWith((q) => (q.byResponseType.refugee_response.lable = 'x'))).toContain(
      'question "planningWindow": unknown key "byResponseType.refugee_response.lable" (did you mean "label"?)',
    );
  });
});
