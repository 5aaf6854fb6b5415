import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { buildDraft, draftMarkdown } from '../../src/render/draft.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { buildReport } from '../../src/render/report.js';
import { assess } from '../../src/core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { answersArbitrary } from '../support/arbitraries.js';
import { runOn } from '../support/run-info.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
const GPC_LABEL = 'Trafficking in Persons, Forced Labour or Slavery-Like Practices';
// Written independently of drafting.en.json's own "avoid" list: the test must not trust what it tests.
const FORBIDDEN = /traffick|\btip\b/i;

const example = JSON.parse(
  readFileSync(join(DEFAULT_RULES_DIR, '..', 'examples', 'refugee-wg-documented.json'), 'utf8'),
).answers as Answers;
const resultOf = (answers: Partial<Answers>) =>
  assess(evaluator, { answers: completeAnswers(rules, answers as Answers), run: runOn('2026-01-01') });
const draftOf = async (answers: Partial<Answers>) => buildDraft(rules, await resultOf(answers));

describe('drafting text: HNO', () => {
  it('puts what is known under the GPC risk label: scale, evidence level, forms, groups, data limits, where PiN goes', async () => {
    const d = await draftOf(example);
    expect(d.variant).toBe('standard');
    const hno = d.hno.text;
    expect(hno.startsWith(`**${GPC_LABEL}.**`)).toBe(true);
    expect(hno).toContain('recurring pattern');
    expect(hno).toContain('Evidence level: identified cases');
    expect(hno).toContain('Forms reported: sexual exploitation, forced labour and forced marriage.');
    expect(hno).toContain('Groups reported affected: women, girls and men.');
    expect(hno).toContain('leaves displaced people or non-nationals out');
    expect(hno).toContain('no prevalence baseline');
    // Girls are affected: the note that children need no "means" element.
    expect(hno).toContain('whatever the means used');
    expect(hno).toContain('[People in need and severity');
    expect(d.hno.where).toMatch(/GBV and Child Protection AoRs.*GPC severity and PiN method/);
  });

  it('states the data gap honestly and never a figure', async () => {
    const d = await draftOf({
      tipEvidence: 'anecdotal',
      tipScale: 'isolated',
      tipForms: ['forced_labour'],
      affectedGroups: ['men'],
    });
    expect(d.hno.text).toContain('Evidence level: anecdotal');
    expect(d.hno.text).toContain('no baseline; figures not available');
    expect(d.hno.text).not.toContain('whatever the means used');
    // No evidence: the forms and groups questions are skipped ("not_applicable"), not unknown.
    const none = await draftOf({ tipEvidence: 'none', tipScale: 'isolated' });
    expect(none.hno.text).toContain('Evidence level: none yet');
    expect(none.hno.text).toContain('The forms have not been established.');
    expect(none.hrp.objective).toContain('crisis-affected people');
    const unknown = await draftOf({});
    expect(unknown.hno.text).toContain('has not been estimated');
    expect(unknown.hno.text).toContain('Evidence level: not established');
    expect(unknown.hno.text).toContain('The forms have not been established.');
    expect(unknown.hno.text).toContain('no baseline; figures not available');
    await fc.assert(
      fc.asyncProperty(answersArbitrary(rules), async (answers) => {
        const x = await draftOf(answers);
        expect(x.hno.text).not.toMatch(/\d/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('drafting text: HRP', () => {
  it('has an objective, activities from the recommended mechanisms and actions, and logframe indicators with placeholders', async () => {
    const r = await resultOf(example);
    const d = buildDraft(rules, r);
    expect(d.hrp.objective).toContain('crisis-affected women, girls and men');
    const drafting = rules.drafting;
    const expected = [
      ...r.recommendations.map((m) => drafting.mechanisms[m.mechanism]!),
      ...r.actions.map((a) => drafting.actions[a.id]!),
    ];
    expect(d.hrp.activities).toEqual(expected.map((x) => x.activity.standard));
    expect(d.hrp.activities[0]).toMatch(/working group/);
    const texts = d.hrp.indicators.map((i) => i.text);
    expect(texts).toContain('# of frontline staff trained on TIP identification and referral');
    expect(texts).toContain('Referral pathway names where trafficking cases are referred (yes/no)');
    expect(texts).toContain('# of protection assessments including TIP indicator questions');
    expect(new Set(texts).size).toBe(texts.length);
    for (const i of d.hrp.indicators) {
      expect(i.target).toBe('[target]');
      expect(i.baseline).toBe('[baseline]');
      expect(['output', 'outcome']).toContain(i.level);
    }
    const md = draftMarkdown(rules, d, { sections: ['hrp'] });
    expect(md).toContain('| Indicator | Level | Baseline | Target |');
    expect(md).toContain(
      '| # of frontline staff trained on TIP identification and referral | output | [baseline] | [target] |',
    );
    expect(md).not.toContain('HNO: protection risk analysis');
  });

  it('follows the recommendation: a focal point response gets focal point activities, not working-group ones', async () => {
    const d = await draftOf({});
    expect(d.hrp.activities[0]).toMatch(/focal point/);
    expect(d.hrp.activities.join(' ')).not.toMatch(/working group/);
    expect(d.hrp.objective).toContain('crisis-affected people');
  });
});

describe('drafting text: strategies', () => {
  it('writes the cluster paragraph for the coordination body, with the cautions as commitments', async () => {
    const d = await draftOf(example);
    expect(d.strategy.cluster).toMatch(/^The protection working group will address/);
    expect(d.strategy.cluster).toContain('time-bound anti-trafficking working group');
    expect(d.strategy.cluster).toContain('aggregated, non-identifiable');
    expect((await draftOf({ ...example, responseType: 'idp_cluster' })).strategy.cluster).toMatch(
      /^The Protection Cluster/,
    );
  });

  it('adds the HCT paragraph only where the HCT step applies: widespread or complicity, an HCT, and not already covered', async () => {
    const idp = { ...example, responseType: 'idp_cluster' };
    expect((await draftOf(idp)).strategy.hct).toBeUndefined();
    const widespread = await draftOf({ ...idp, tipScale: 'widespread' });
    expect(widespread.strategy.hct).toMatch(/collective outcome/);
    expect(draftMarkdown(rules, widespread)).toContain('**HCT protection strategy.**');
    expect((await draftOf({ ...idp, officialComplicity: 'suspected' })).strategy.hct).toBeDefined();
    expect(
      (await draftOf({ ...idp, tipScale: 'widespread', tipInDocuments: ['hno', 'hct_strategy'] })).strategy.hct,
    ).toBeUndefined();
    // A refugee response has no HC-led HCT: its strategy goes through the Refugee Coordinator instead.
    expect((await draftOf({ ...example, tipScale: 'widespread' })).strategy.hct).toBeUndefined();
    expect(draftMarkdown(rules, await draftOf(example))).not.toContain('HCT protection strategy.**');
  });
});

describe('terminology-safe variant', () => {
  it('is used when the terminology caution applies, and holds none of the words', async () => {
    const d = await draftOf({ ...example, governmentStance: 'resists_terminology' });
    expect(d.variant).toBe('safe');
    const md = draftMarkdown(rules, d);
    expect(md).not.toMatch(FORBIDDEN);
    expect(JSON.stringify(d)).not.toMatch(FORBIDDEN);
    expect(md).toContain('Exploitation, forced labour and related protection risks');
    expect(md).toContain(
      '# of frontline staff trained on identifying and referring survivors of exploitation and forced labour',
    );
  });

  it('never lets a forbidden word through, whatever the other answers', async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary(rules, { governmentStance: 'selective' }), async (answers) => {
        const d = await draftOf(answers);
        expect(d.variant).toBe('safe');
        expect(draftMarkdown(rules, d)).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 80 },
    );
  });

  it('the standard variant carries the GPC risk label in every section set', async () => {
    await fc.assert(
      fc.asyncProperty(answersArbitrary(rules, { governmentStance: 'engaged' }), async (answers) => {
        const d = await draftOf(answers);
        expect(d.variant).toBe('standard');
        expect(draftMarkdown(rules, d, { sections: ['hno'] })).toContain(GPC_LABEL);
      }),
      { numRuns: 40 },
    );
  });
});

describe('drafting text in the report', () => {
  it('comes before the answers, with the safe-variant notice outside the text', async () => {
    const report = buildReport(rules, await resultOf({ ...example, governmentStance: 'resists_terminology' }));
    const start = report.indexOf('## Drafting text');
    const end = report.indexOf('## Answers given');
    expect(start).toBeGreaterThan(report.indexOf('## Actions for every response'));
    expect(end).toBeGreaterThan(start);
    const section = report.slice(start, end);
    const notice = section.split('\n').filter((l) => l.startsWith('> '));
    expect(notice.join(' ')).toContain('terminology-safe variant');
    const text = section.slice(section.indexOf('### '));
    expect(text).not.toMatch(FORBIDDEN);
    // The sources the drafting conventions rest on are listed with the others.
    expect(report.slice(report.indexOf('## Sources cited'))).toMatch(/\*\*S40\*\*/);
  });

  it('has the standard text and no notice otherwise', async () => {
    const report = buildReport(rules, await resultOf(example));
    const section = report.slice(report.indexOf('## Drafting text'), report.indexOf('## Answers given'));
    expect(section).toContain(GPC_LABEL);
    expect(section).not.toContain('terminology-safe');
  });
});

describe('drafting.en.json is checked when the rules load', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const broken = (edit: (j: any) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), 'tip-drafting-'));
    dirs.push(dir);
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const path = join(dir, 'drafting.en.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    return dir;
  };
  const problem = (dir: string): string => {
    try {
      loadRuleBase(dir);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the rule base to be rejected');
  };

  it('refuses a safe text holding an avoided word', () => {
    const m = problem(
      broken((j) => (j.actions.training.indicators[0].text.safe = '# of staff trained on TIP referral')),
    );
    expect(m).toContain('drafting.en.json');
    expect(m).toContain('actions."training".indicators[0].text');
    expect(m).toContain('"TIP"');
  });

  it('refuses a misspelt placeholder, naming the valid ones', () => {
    const m = problem(broken((j) => (j.texts['hrp.objective'].standard = 'Reduce the risk for {grups}.')));
    expect(m).toContain('{grups}');
    expect(m).toContain('{groups}');
  });

  it('refuses a missing mechanism entry and an unknown answer value', () => {
    expect(problem(broken((j) => delete j.mechanisms.focal_point))).toContain('mechanisms."focal_point"');
    expect(problem(broken((j) => (j.byAnswer.scale.texts.huge = 'x')))).toContain('"huge"');
  });

  it('refuses an HCT step that does not exist', () => {
    expect(problem(broken((j) => (j.hctStep.step = 'hcx')))).toContain('hctStep');
  });
});
