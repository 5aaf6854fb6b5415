import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { buildDraft, draftMarkdown } from '../../src/render/draft.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { buildReport } from '../../src/render/report.js';
import { assess } from '../../src/core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { answersArbitrary } from '../support/arbitraries.js';
import { runOn } from '../support/run-info.js';
import { ruleCopies } from '../support/rule-copy.js';

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
    // The perpetrators answered fill the threat: kinds, never names; how they operate is left to the drafter.
    expect(hno).toContain('Partners report exploitation by criminal networks and employers, recruiters or brokers.');
    expect(hno).toContain('[How people are recruited, moved and controlled');
    expect(hno).not.toContain('[Who exploits and how');
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

/** Coordination tasks: set-up, ToR, protocol, inclusion in plans. They belong to the coordination workplan, never to the logframe. */
const COORDINATION =
  /working group|task force|terms of reference|\bToR\b|information-sharing protocol|\bSOPs?\b|focal point|include .* in the|included in|contingency plan|agenda|\bmap\b|mapping|advocate/i;
/** The services a donor funds, as plans name them. */
const SERVICES = [
  /case management/i,
  /cash for protection/i,
  /safe accommodation/i,
  /legal aid/i,
  /\bMHPSS\b|psychosocial/i,
  /information and awareness with communities/i,
  /frontline training/i,
];
const idpVariant = { ...example, responseType: 'idp_cluster', populationGroups: ['idps', 'host_community'] };

describe('drafting text: HRP', () => {
  for (const [name, answers] of [
    ['the refugee example', example],
    ['an IDP variant', idpVariant],
  ] as const)
    it(`is a logframe a donor can fund on ${name}: services as activities, outputs that count people, outcomes in percent, coordination apart`, async () => {
      const d = await draftOf(answers);
      const activities = d.hrp.activities;
      for (const a of activities) expect(a).not.toMatch(COORDINATION);
      expect(SERVICES.filter((re) => activities.some((a) => re.test(a))).length).toBeGreaterThanOrEqual(4);
      const outcomes = d.hrp.indicators.filter((i) => i.level === 'outcome');
      const outputs = d.hrp.indicators.filter((i) => i.level === 'output');
      expect(outcomes.length).toBeGreaterThan(0);
      for (const i of outcomes) expect(i.text).toMatch(/^% of .*\(by sex, age and disability\)$/);
      // Outputs count people, by sex, age and disability; a count of people trained is an output.
      for (const i of outputs) expect(i.text).toMatch(/^# of .*\(people; by sex, age and disability\)$/);
      expect(outputs.map((i) => i.text)).toContain(
        '# of frontline workers trained on safe identification and referral (people; by sex, age and disability)',
      );
      expect(outcomes.map((i) => i.text)).toContain(
        '% of identified survivors whose case plan goals are met at case closure (by sex, age and disability)',
      );
      for (const i of d.hrp.indicators) {
        expect(i.target).toBe('[target]');
        expect(i.baseline).toBe('[baseline]');
        expect(i.text).not.toMatch(/yes\/no/);
      }
      const texts = d.hrp.indicators.map((i) => i.text);
      expect(new Set(texts).size).toBe(texts.length);
      // The coordination tasks are in the workplan, with their milestones.
      const tasks = d.hrp.workplan.map((w) => w.task).join('\n');
      // A group to set up gets its terms of reference; one in place (the refugee example's), their review.
      expect(tasks).toMatch(/working group(?::|'s) terms of reference/);
      expect(tasks).toMatch(/information-sharing protocol/);
      expect(d.hrp.workplan.flatMap((w) => w.milestones)).toContain(
        'Information-sharing protocol covering trafficking data agreed (yes/no)',
      );
      const md = draftMarkdown(rules, d, { sections: ['hrp'] });
      expect(md).toContain('**Activities**');
      expect(md).toContain('| Indicator | Level | Baseline | Target |');
      expect(md).toContain('| Coordination task | Milestone |');
      expect(md.indexOf('| Coordination task')).toBeGreaterThan(md.indexOf('| Indicator |'));
      expect(md).not.toContain('Protection risk analysis');
      expect(d.hrp.where).toContain('under its existing protection objective');
    });

  it('offers the services the answers call for: no shelter or cash with no evidence, outreach where men or labour, the NRM only when linked', async () => {
    const none = await draftOf({ tipEvidence: 'none', tipScale: 'isolated' });
    expect(none.hrp.activities.join(' ')).not.toMatch(/cash|accommodation|legal aid|psychosocial|outreach/i);
    expect(none.hrp.activities.join(' ')).toMatch(/case management/i);
    const womenOnly = await draftOf({
      ...example,
      affectedGroups: ['women', 'girls'],
      tipForms: ['sexual_exploitation'],
    });
    expect(womenOnly.hrp.activities.join(' ')).not.toMatch(/outreach/i);
    expect(womenOnly.hrp.activities[0]).toContain('through GBV and child protection case management');
    const men = await draftOf({ ...example, affectedGroups: ['men'], tipForms: ['forced_labour'] });
    expect(men.hrp.activities.join(' ')).toMatch(/outreach/i);
    expect(men.hrp.activities[0]).toContain('through general protection case management');
    // With no planning moment, the link to the national referral mechanism is among the four ranked mechanisms.
    const linked = await resultOf({ ...example, planningWindow: 'none' });
    expect(linked.recommendations.map((m) => m.mechanism)).toContain('national_linkage');
    expect(
      buildDraft(rules, linked)
        .hrp.indicators.map((i) => i.text)
        .join(' '),
    ).toContain('national referral mechanism');
    const complicit = await draftOf({ ...example, officialComplicity: 'documented' });
    expect(JSON.stringify(complicit.hrp)).not.toMatch(/national referral mechanism/i);
  });

  it('counts each person once: child recruitment under Child Protection only, said below the indicators', async () => {
    const d = await draftOf({
      ...idpVariant,
      tipForms: ['child_recruitment', 'forced_labour'],
      affectedGroups: ['boys', 'men'],
    });
    expect(d.hrp.indicators.map((i) => i.text).join(' ')).not.toMatch(/armed forces|CAAFAG|under 18/i);
    expect(d.hrp.activities.join(' ')).not.toMatch(/armed forces|CAAFAG/i);
    expect(d.hrp.notCounted).toBe(
      'Children associated with armed forces or groups are counted under the Child Protection objective, not again here.',
    );
    expect(d.hrp.workplan.map((w) => w.task).join(' ')).toMatch(/MRM country task force/);
    expect((await draftOf({ ...idpVariant, tipForms: ['forced_labour'] })).hrp.notCounted).toBeUndefined();
  });

  it('puts coordination tasks of a focal-point response in the workplan, and reviews a mechanism already in place', async () => {
    const d = await draftOf({});
    expect(d.hrp.activities.join(' ')).not.toMatch(/focal point|working group/);
    expect(d.hrp.workplan[0]!.task).toMatch(/focal point/);
    expect(d.hrp.objective).toContain('crisis-affected people');
    const existing = await resultOf({ ...example, existingMechanism: 'working_group', mechanismState: 'delivering' });
    expect(existing.recommendations.find((m) => m.mechanism === 'working_group')?.existing).toBe(true);
    expect(buildDraft(rules, existing).hrp.workplan[0]!.task).toMatch(/^Review the anti-trafficking working group/);
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
    // Before a crisis, whatever the response type: the contingency plan.
    for (const responseType of ['idp_cluster', 'refugee_response']) {
      const prep = await draftOf({ ...example, responseType, phase: 'preparedness' });
      expect(prep.hrp.title).toBe('Protection response (inter-agency contingency plan)');
      expect(prep.hrp.where).toContain('Before a crisis these activities are planned, not yet funded');
      expect(prep.strategy.cluster).toContain(
        'Before a crisis, it will write trafficking into the inter-agency contingency plan',
      );
    }
  });
});

describe('drafting texts read the answers', () => {
  it('say nothing of adult men when no men are affected, and name who is outside the AoRs as answered', async () => {
    const women = await draftOf({
      ...example,
      affectedGroups: ['women', 'girls'],
      tipForms: ['forced_labour', 'domestic_servitude'],
    });
    const all = JSON.stringify(women);
    expect(all).not.toMatch(/\bmen\b|\bmale\b/i);
    expect(all).toContain('women in forced labour and people in domestic servitude');
    const men = await draftOf({ ...example, affectedGroups: ['men'], tipForms: ['forced_labour'] });
    expect(men.strategy.cluster).toContain('adult men in forced labour');
    expect(men.strategy.cluster).not.toContain('domestic servitude');
  });

  it('say nothing of a referral system beside a national one where there is none', async () => {
    for (const parallelResponses of ['single', 'parallel_separate']) {
      const md = draftMarkdown(rules, await draftOf({ ...example, nationalReferral: 'none', parallelResponses }));
      expect(md).not.toMatch(/beside the national|national one|hand-over points|to the national referral mechanism/i);
      expect(md).toContain('There is no national referral mechanism.');
    }
  });

  it('speak of the RRP or JRP in a refugee response, never of an HNO or HRP, whatever else is answered', async () => {
    for (const extra of [
      {},
      { tipScale: 'widespread' },
      { officialComplicity: 'documented' },
      { phase: 'transition' },
    ]) {
      const d = await draftOf({ ...example, ...extra });
      const md = draftMarkdown(rules, d);
      expect(md).not.toMatch(/\bHNO\b|\bHRP\b|\bHNRP\b|\bHCT\b/);
      expect(md).toMatch(/RRP or JRP/);
      expect(d.title).not.toMatch(/\bHNO\b|\bHRP\b/);
    }
    const idp = draftMarkdown(rules, await draftOf({ ...example, responseType: 'idp_cluster' }));
    expect(idp).toMatch(/HNO and HRP, or HNRP/);
  });

  it('plan the hand-over in transition and the exit under complicity; write the contingency plan before a crisis', async () => {
    const transition = await draftOf({ ...example, phase: 'transition' });
    expect(transition.hrp.where).toContain('each activity carries its hand-over');
    expect(transition.strategy.cluster).toContain(
      'when this work passes to them and when the humanitarian arrangements close',
    );
    const complicit = await draftOf({ ...example, phase: 'transition', officialComplicity: 'documented' });
    expect(complicit.hrp.where).toContain('each activity carries its exit');
    expect(complicit.strategy.cluster).toContain('no case information goes to the authorities');
    expect(JSON.stringify(complicit)).not.toMatch(/hand-over plan|national coordinator|passes to them/);
    const prep = await draftOf({ ...example, phase: 'preparedness' });
    expect(prep.title).toBe('Text for the inter-agency contingency plan, now being drafted');
    expect(prep.hno.title).toBe('Protection risk analysis (inter-agency contingency plan)');
  });

  it('name the PSEA network and its reporting channel where sexual exploitation is reported', async () => {
    const d = await draftOf(example);
    expect(d.strategy.cluster).toContain(
      'Reports of sexual exploitation by aid workers will go to the PSEA network through its reporting channel',
    );
    expect(d.strategy.cluster).toContain('IASC Six Core Principles relating to sexual exploitation and abuse (2019)');
    expect((await draftOf({ ...example, tipForms: ['forced_labour'] })).strategy.cluster).not.toContain('PSEA');
    const safe = await draftOf({ ...example, governmentStance: 'resists_terminology' });
    expect(safe.strategy.cluster).toContain('PSEA network');
  });

  it('title the annex by the planning window', async () => {
    expect((await draftOf(example)).title).toBe('Text for the RRP or JRP, now being drafted');
    expect((await draftOf({ ...example, planningWindow: 'strategy_review' })).title).toBe(
      'Text for the protection strategy review',
    );
    expect((await draftOf({ ...example, planningWindow: 'none', responseType: 'idp_cluster' })).title).toBe(
      'Text for the next HNO and HRP, or HNRP',
    );
    const report = buildReport(rules, await resultOf({ ...example, planningWindow: 'strategy_review' }));
    expect(report).toContain('## Annex A. Text for the protection strategy review');
  });

  it('fill the HNO threat with kinds of perpetrators, never names; state forces as armed actors', async () => {
    const d = await draftOf({
      ...example,
      perpetrators: ['state_forces', 'non_state_armed_groups', 'family_community'],
    });
    expect(d.hno.text).toContain('Partners report exploitation by armed actors and family or community members.');
    expect(d.hno.text).not.toMatch(/state|non-state/i);
    expect((await draftOf({ ...example, perpetrators: 'unknown' })).hno.text).toContain('[Who exploits and how');
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
    expect(md).toContain('# of survivors of exploitation and people at risk receiving case management');
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
    const start = report.indexOf('## Annex A. ');
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
    const section = report.slice(report.indexOf('## Annex A. '), report.indexOf('## Annex B'));
    expect(section).toContain(GPC_LABEL);
    expect(section).not.toContain('terminology-safe');
  });
});

describe('drafting.en.json is checked when the rules load', () => {
  const copies = ruleCopies('tip-drafting-');
  const broken = (edit: (j: any) => void): string => copies.edited('drafting.en.json', edit);
  const problem = copies.problemOf;

  it('refuses a safe text holding an avoided word', () => {
    const m = problem(broken((j) => (j.services[0].indicators[0].text.safe = '# of staff trained on TIP referral')));
    expect(m).toContain('drafting.en.json');
    expect(m).toContain('services[0].indicators[0].text');
    expect(m).toContain('"TIP"');
  });

  it('refuses an outcome that is not a percentage and a yes/no milestone among the indicators', () => {
    expect(problem(broken((j) => (j.services[0].indicators[1].text = '# of cases closed')))).toContain(
      'an outcome is a percentage',
    );
    expect(
      problem(broken((j) => j.services[0].indicators.push({ level: 'milestone', text: 'ToR endorsed (yes/no)' }))),
    ).toContain('coordination workplan');
  });

  it('says how to write an action in the form before the workplan was split from the logframe', () => {
    const m = problem(
      broken(
        (j) =>
          (j.actions.mapping = {
            activity: 'Map pathways.',
            indicators: [{ level: 'milestone', text: 'Mapped (yes/no)' }],
          }),
      ),
    );
    expect(m).toContain('unknown key "actions.mapping.activity"');
    expect(m).toContain('a coordination task is "task", with its yes/no steps in "milestones"');
  });

  it('refuses a misspelt placeholder, naming the valid ones', () => {
    const m = problem(broken((j) => (j.texts['hrp.objective'].standard = 'Reduce the risk for {grups}.')));
    expect(m).toContain('{grups}');
    expect(m).toContain('{groups}');
  });

  it('refuses a missing mechanism entry and an unknown answer value', () => {
    expect(problem(broken((j) => delete j.mechanisms.focal_point))).toContain('needs "mechanisms.focal_point"');
    expect(problem(broken((j) => (j.byAnswer.scale.texts.huge = 'x')))).toContain('"huge"');
  });

  it('refuses an HCT step that does not exist', () => {
    expect(problem(broken((j) => (j.hctStep.step = 'hcx')))).toContain('hctStep');
  });
});
