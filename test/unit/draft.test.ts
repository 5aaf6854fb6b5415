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
  it('is an HNO risk analysis under the GPC risk label: threat, forms, groups, drivers, where, trend, capacities; gaps apart; no PiN per risk', async () => {
    const d = await draftOf(example);
    expect(d.variant).toBe('standard');
    const hno = d.hno.text;
    expect(hno.startsWith(`**${GPC_LABEL}.**`)).toBe(true);
    expect(hno).toContain('recurring pattern');
    expect(hno).toContain('[Who exploits and how');
    // Forced marriage is a GPC risk of its own: named, not counted under this label.
    expect(hno).toContain('Forms reported: sexual exploitation and forced labour.');
    expect(hno).toContain('child, early or forced marriage are analysed under their own GPC protection risks');
    expect(hno).toContain('[Drivers of vulnerability');
    expect(hno).toContain('[Where:');
    expect(hno).toContain('[Trend');
    expect(hno).not.toMatch(/Evidence level|Data limits/);
    expect(hno).toContain('Groups reported affected: women, girls and men.');
    expect(hno).toContain('leaves displaced people or non-nationals out');
    expect(hno).not.toContain('prevalence');
    expect(d.hno.gaps).toMatch(
      /^\*\*Information gaps and limitations\.\*\* The information comes from cases identified/,
    );
    expect(d.hno.gaps).toContain('no prevalence baseline');
    expect(d.hno.gaps).toContain('no count below 5 and nothing below admin level 2');
    // Girls are affected: the note that children need no "means" element, with the whole act of the definition.
    expect(hno).toContain('recruitment, transportation, transfer, harbouring or receipt of a child');
    expect(hno).toContain('whatever the means used');
    expect(hno).not.toMatch(/people in need|PiN/i);
    expect(d.hno.where).toMatch(/GBV and Child Protection AoRs.*not given per risk.*GPC severity and PiN method/);
  });

  it('states the data gap honestly and never a figure', async () => {
    const d = await draftOf({
      tipEvidence: 'anecdotal',
      tipScale: 'isolated',
      tipForms: ['forced_labour'],
      affectedGroups: ['men'],
    });
    expect(d.hno.gaps).toContain('community members or government counterparts');
    expect(d.hno.gaps).toContain('There is no baseline and no figure.');
    expect(d.hno.text).not.toContain('under their own GPC protection risks');
    expect(d.hno.text).not.toContain('whatever the means used');
    // No evidence: the forms and groups questions are skipped ("not_applicable"), not unknown.
    const none = await draftOf({ tipEvidence: 'none', tipScale: 'isolated' });
    expect(none.hno.gaps).toContain('No information on trafficking has yet been collected');
    expect(none.hno.text).toContain('The forms have not been established.');
    expect(none.hrp.objective).toContain('crisis-affected people');
    const unknown = await draftOf({});
    expect(unknown.hno.text).toContain('has not been estimated');
    expect(unknown.hno.gaps).toContain('The source of the information has not been established.');
    expect(unknown.hno.text).toContain('The forms have not been established.');
    expect(unknown.hno.gaps).toContain('There is no baseline and no figure.');
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
    const TRAINED =
      '# of frontline workers trained on safe identification and referral of persons at risk of or affected by trafficking (people; by sex)';
    expect(texts).toContain(TRAINED);
    // Logframe indicators count people, with a unit and a breakdown; yes/no steps go to the coordination workplan.
    for (const x of texts) expect(x).toMatch(/^# of (persons|frontline workers) .*\(people; by sex/);
    expect(d.hrp.milestones).toContain('Referral pathway names where trafficking cases are referred (yes/no)');
    expect(d.hrp.milestones).toContain('# of protection assessments including TIP indicator questions');
    expect(texts.join(' ')).not.toMatch(/yes\/no|%/);
    expect(new Set(texts).size).toBe(texts.length);
    for (const i of d.hrp.indicators) {
      expect(i.target).toBe('[target]');
      expect(i.baseline).toBe('[baseline]');
      expect(['output', 'outcome']).toContain(i.level);
    }
    const md = draftMarkdown(rules, d, { sections: ['hrp'] });
    expect(md).toContain('| Indicator | Level | Baseline | Target |');
    expect(md).toContain(`| ${TRAINED} | output | [baseline] | [target] |`);
    expect(md).toContain('**Coordination workplan (milestones, not logframe indicators)**');
    expect(md).not.toContain('Protection risk analysis');
    expect(d.hrp.where).toContain('under its existing protection objective');
  });

  it('follows the recommendation: a focal point response gets focal point activities, not working-group ones', async () => {
    const d = await draftOf({});
    expect(d.hrp.activities[0]).toMatch(/focal point/);
    expect(d.hrp.activities.join(' ')).not.toMatch(/working group/);
    expect(d.hrp.objective).toContain('crisis-affected people');
  });
});

describe('drafting text: plan names', () => {
  it('follow the response type and the phase: HNO/HRP or HNRP, Flash Appeal, RRP or JRP', async () => {
    const idp = await draftOf({ ...example, responseType: 'idp_cluster', phase: 'protracted' });
    expect(idp.hno.title).toBe('Protection risk analysis (HNO or HNRP)');
    expect(idp.hrp.title).toBe('Protection response (HRP or HNRP)');
    const acute = await draftOf({ ...example, responseType: 'idp_cluster', phase: 'acute' });
    expect(acute.hno.title).toBe('Protection risk analysis (Flash Appeal)');
    expect(acute.hrp.where).toContain('the protection part of the plan (Flash Appeal)');
    const refugee = await draftOf({ ...example, phase: 'acute' });
    expect(refugee.hrp.title).toContain('Refugee Response Plan, RRP, or Joint Response Plan, JRP');
    expect(refugee.hno.title).toBe('Protection risk analysis (needs analysis of the RRP or JRP)');
    expect((await draftOf({ ...example, responseType: 'mixed' })).hrp.title).toBe(
      'Protection response (HRP and Refugee Response Plan, RRP)',
    );
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

  it('adds the HCT paragraph only where the HCT step applies: widespread or complicity of officials, and not already covered', async () => {
    expect((await draftOf(example)).strategy.hct).toBeUndefined();
    const widespread = await draftOf({ ...example, tipScale: 'widespread' });
    expect(widespread.strategy.hct).toMatch(/collective outcome/);
    // The strategy and the leadership follow the response type: a refugee response has no HCT.
    expect(draftMarkdown(rules, widespread)).toContain('**Protection strategy of the refugee response.**');
    expect(widespread.strategy.hct).toContain('the Refugee Coordinator and the refugee coordination forum');
    const idp = await draftOf({ ...example, tipScale: 'widespread', responseType: 'idp_cluster' });
    expect(draftMarkdown(rules, idp)).toContain('**HCT protection strategy.**');
    expect(idp.strategy.hct).toContain('the Humanitarian Coordinator and the HCT');
    expect((await draftOf({ ...example, officialComplicity: 'suspected' })).strategy.hct).toBeDefined();
    expect(
      (await draftOf({ ...example, tipScale: 'widespread', tipInDocuments: ['hno', 'hct_strategy'] })).strategy.hct,
    ).toBeUndefined();
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
      '# of frontline workers trained on safe identification and referral of persons at risk of or affected by exploitation and forced labour (people; by sex)',
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
    const start = report.indexOf('## Annex A. Drafting text');
    const end = report.indexOf('## Annex B');
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
    const section = report.slice(report.indexOf('## Annex A. Drafting text'), report.indexOf('## Annex B'));
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
