/**
 * French as francophone clusters write it, in every text a reader sees (reports, drafting text,
 * ToR), for every scenario: one abbreviation for each AoR (DdR VBG, DdR PE), « pré-identification »,
 * « phénomène récurrent », disaggregation by sex, age and disability in every indicator, no
 * brackets inside brackets, and no rule-file internals (a file path, a message key, a placeholder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { buildDraft, draftMarkdown } from '../../src/render/draft.js';
import { buildReport } from '../../src/render/report.js';
import { torMarkdown } from '../../src/render/tor.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { runOn } from '../support/run-info.js';

const fr = loadRuleBase(DEFAULT_RULES_DIR, 'fr');
const en = loadRuleBase();
const ROOT = join(DEFAULT_RULES_DIR, '..');
/** Every scenario's answers and the shipped example: the texts a French reader may get. */
const ANSWER_SETS: [string, Answers][] = [
  ...readdirSync(join(DEFAULT_RULES_DIR, 'scenarios'))
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, Answers] => [
      f,
      JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'scenarios', f), 'utf8')).answers,
    ]),
  ['example', JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8')).answers],
];

/** The first bracket opened inside another one, with some context; addresses and code are left out. */
export function nestedBracket(text: string): string | undefined {
  const prose = text.replace(/https?:\/\/\S+|`[^`]*`/g, ' ');
  const open: number[] = [];
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i]!;
    if (c === '(' || c === '[') {
      if (open.length > 0) return prose.slice(Math.max(0, open[0]! - 30), i + 30);
      open.push(i);
    } else if ((c === ')' || c === ']') && open.length > 0) open.pop();
  }
  return undefined;
}

/** What a reader never sees: a rule file's name or path, a message or text key, an unfilled placeholder. */
const INTERNALS =
  /\b[\w-]+\.json\b|locales\/|\bclé\s+[a-z]+\.[a-z]|\b(?:drafting|messages|questions|texts|byAnswer)\.[a-z]\w*|\{[a-zA-Z]+\}/;

async function textsOf(rules: typeof fr, answers: Answers) {
  const r = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, answers),
    run: runOn('2026-11-29'),
    responseName: 'Réponse X',
  });
  return { draft: buildDraft(rules, r), report: buildReport(rules, r), tor: torMarkdown(rules, r, 2) };
}

describe('French as francophone clusters write it', () => {
  it('in every report, drafting text and ToR: no rule-file internals, no brackets inside brackets, one abbreviation per AoR', async () => {
    const problems: string[] = [];
    for (const [name, answers] of ANSWER_SETS) {
      const { draft, report, tor } = await textsOf(fr, answers);
      for (const [what, text] of [
        ['report', report],
        ['draft', draftMarkdown(fr, draft)],
        ['ToR', tor],
      ] as const) {
        const internal = INTERNALS.exec(text);
        if (internal) problems.push(`${name} ${what}: ${internal[0]}`);
        const nested = nestedBracket(text);
        if (nested) problems.push(`${name} ${what}: nested brackets in “${nested}”`);
        // The same abbreviation everywhere: DdR VBG and DdR PE, never the English AoR.
        const aor =
          /\bAoR\b|domaines? de responsabilité (?:VBG|protection de l'enfance|PE)\b|\bfiltrage\b|schéma récurrent/.exec(
            text,
          );
        if (aor) problems.push(`${name} ${what}: “${aor[0]}”`);
      }
      // Every indicator, output or outcome, is disaggregated.
      for (const i of draft.hrp.indicators)
        if (!i.text.includes('par sexe, âge et handicap'))
          problems.push(`${name}: indicator without disaggregation: ${i.text}`);
    }
    expect(problems).toEqual([]);
  });

  it('says « pré-identification », « phénomène récurrent » and DdR VBG / DdR PE where the English says screening, recurring pattern, GBV / CP AoR', async () => {
    const example = ANSWER_SETS.find(([n]) => n === 'example')![1];
    const { draft } = await textsOf(fr, example);
    const md = draftMarkdown(fr, draft);
    expect(md).toContain('pré-identification');
    expect(draft.hno.text).toContain('phénomène récurrent');
    expect(md).toContain('le DdR VBG et le DdR PE');
    expect(md).not.toMatch(/locales|fr\.json|clé/);
    // The risk label is given as a translation a country team may replace, without naming a file.
    expect(draft.hno.where).toContain("l'équipe pays peut le remplacer par l'intitulé qu'elle emploie");
  });

  it('the English texts have no brackets inside brackets and no internals either', async () => {
    const problems: string[] = [];
    for (const [name, answers] of ANSWER_SETS) {
      const { draft, report, tor } = await textsOf(en, answers);
      for (const text of [report, draftMarkdown(en, draft), tor]) {
        const nested = nestedBracket(text);
        if (nested) problems.push(`${name}: nested brackets in “${nested}”`);
        const internal = INTERNALS.exec(text);
        if (internal) problems.push(`${name}: ${internal[0]}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
