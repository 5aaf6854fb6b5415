/**
 * What the drafting text needs travels with an outcome as a plain field: a spread or a copy of a
 * result keeps it, and the JSON output leaves it out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { withoutDrafting } from '../../src/core/recommend.js';
import { buildDraft, draftMarkdown } from '../../src/render/draft.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { run as assessCommand } from '../../src/cli/commands/assess.js';
import { EXAMPLE } from '../support/cli.js';
import { runOn } from '../support/run-info.js';
import { testContext } from '../support/context.js';

const rules = loadRuleBase(DEFAULT_RULES_DIR, 'en');
const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { answers: Record<string, never> };

describe('the drafting verdicts of a result', () => {
  it('survive a spread and a structured clone: the draft of a copy is the draft of the result', async () => {
    const result = await assess(new Evaluator(rules), {
      answers: completeAnswers(rules, answers.answers),
      run: runOn('2026-11-29'),
    });
    const text = draftMarkdown(rules, buildDraft(rules, result));
    expect(draftMarkdown(rules, buildDraft(rules, { ...result }))).toBe(text);
    expect(draftMarkdown(rules, buildDraft(rules, structuredClone(result)))).toBe(text);
    expect(result.drafting).toEqual({ children: expect.any(Boolean), hct: expect.any(Boolean) });
  });

  it('are no part of the JSON result', async () => {
    const result = await assess(new Evaluator(rules), {
      answers: completeAnswers(rules, answers.answers),
      run: runOn('2026-11-29'),
    });
    expect(Object.keys(withoutDrafting(result))).not.toContain('drafting');
    const t = testContext();
    expect(await assessCommand({ answers: EXAMPLE, format: 'json', out: 'reports' }, t.ctx)).toBe(0);
    const json = JSON.parse(t.stdout()) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain('drafting');
    expect(Object.keys(json)).toEqual(Object.keys(withoutDrafting(result)));
  });
});
