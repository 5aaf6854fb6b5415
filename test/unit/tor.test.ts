/**
 * The terms of reference outline (draft --section tor) and the meeting cost: membership follows
 * complicity and names who works on trafficking; a transition ToR has an end date and a
 * hand-over, a preparedness ToR is a contingency arrangement; meetings are counted in the words
 * coordinators use.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { meetingCostLines, meetingFrequency, torMarkdown } from '../../src/render/tor.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { runOn } from '../support/run-info.js';

const rules = loadRuleBase();
const fr = loadRuleBase(DEFAULT_RULES_DIR, 'fr');
const example = JSON.parse(
  readFileSync(join(DEFAULT_RULES_DIR, '..', 'examples', 'refugee-wg-documented.json'), 'utf8'),
).answers as Answers;
const resultOf = (answers: Partial<Answers>, r = rules) =>
  assess(new Evaluator(r), { answers: completeAnswers(r, answers as Answers), run: runOn('2026-01-01') });
const tor = async (answers: Partial<Answers>, r = rules) => torMarkdown(r, await resultOf(answers, r), 2);
/** The text of one numbered part of the outline. */
const part = (md: string, n: number): string => md.split('\n').find((l) => l.startsWith(`${n}. `))!;

describe('terms of reference', () => {
  it('lists the members, naming the UN agencies and NGOs that work on trafficking; government bodies only where no official is suspected', async () => {
    const engaged = part(await tor(example), 3);
    expect(engaged).toMatch(
      /^3\. \*\*Membership\*\*: UN agencies that work on trafficking here \(UNHCR, IOM, UNICEF and UNFPA, as present\); national and international NGOs/,
    );
    expect(engaged).toContain('the GBV and Child Protection AoR coordinators');
    expect(engaged).toContain('government anti-trafficking bodies and municipalities');
    expect(engaged).not.toContain('not members');
    for (const officialComplicity of ['suspected', 'documented']) {
      const line = part(await tor({ ...example, officialComplicity }), 3);
      // The members, then the exclusion as a sentence of its own.
      const [members, ...rest] = line.slice(line.indexOf('**: ') + 4).split('. ');
      expect(members).not.toMatch(/government|municipal|police/i);
      expect(members).toContain('UN agencies');
      expect(members).toContain('NGOs');
      expect(rest.join('. ')).toMatch(/^Government bodies, municipalities and police are not members: /);
      expect(part(await tor({ ...example, officialComplicity }), 8)).toContain(
        'No case information is shared with the authorities.',
      );
    }
    // IOM first outside a refugee response.
    expect(part(await tor({ ...example, responseType: 'idp_cluster' }), 3)).toContain(
      '(IOM, UNHCR, UNICEF and UNFPA, as present)',
    );
  });

  it('in transition has an end date and the hand-over; under complicity, an exit that gives the authorities nothing', async () => {
    const md = await tor({ ...example, phase: 'transition' });
    expect(part(md, 9)).toMatch(
      /^9\. \*\*End date and hand-over\*\*: The group ends on 1 January 2027\. .*handed over to \[the national coordinator or committee/,
    );
    expect(part(md, 7)).toContain('a hand-over plan');
    const complicit = await tor({ ...example, phase: 'transition', officialComplicity: 'documented' });
    expect(part(complicit, 9)).toMatch(/^9\. \*\*End date and exit\*\*: The group ends on 1 January 2027\./);
    expect(complicit).not.toMatch(/hand-over plan|national coordinator|handed over/);
  });

  it('before a crisis is a contingency arrangement, not a standing meeting', async () => {
    const md = await tor({ ...example, phase: 'preparedness' });
    expect(md).toMatch(/^## Terms of reference of a contingency arrangement \(outline\)/);
    expect(part(md, 1)).toContain('A contingency arrangement, not a standing group');
    expect(part(md, 6)).toContain('Not a standing meeting');
    expect(part(md, 7)).toContain('inter-agency contingency plan');
  });

  it('names the PSEA network where sexual exploitation is reported, and the refugee plans in a refugee response', async () => {
    expect(part(await tor(example), 3)).toContain('the PSEA network coordinator');
    expect(part(await tor({ ...example, tipForms: ['forced_labour'] }), 3)).not.toContain('PSEA');
    expect(part(await tor(example), 7)).toContain('logframe of the RRP or JRP');
    expect(await tor(example)).not.toMatch(/\bHNO\b|\bHRP\b/);
  });

  it('in French, with the same parts and the exclusion apart', async () => {
    const line = part(await tor({ ...example, officialComplicity: 'documented' }, fr), 3);
    expect(line).toContain('HCR, OIM, UNICEF et UNFPA');
    expect(line).toContain('DdR VBG');
    expect(line).toMatch(/\. Les organes gouvernementaux, les municipalités et la police ne sont pas membres\u00a0:/);
  });
});

describe('meeting cost', () => {
  it('counts meetings as coordinators do, in English and French', () => {
    expect(meetingFrequency(rules, 1)).toBe('one meeting a month');
    expect(meetingFrequency(rules, 2)).toBe('2 meetings a month');
    expect(meetingFrequency(rules, 0.5)).toBe('one meeting every two months');
    expect(meetingFrequency(rules, 0.25)).toBe('one meeting every 4 months');
    expect(meetingFrequency(rules, 1 / 3)).toBe('one meeting a quarter');
    expect(meetingFrequency(rules, 0.3)).toBe('one meeting a quarter');
    expect(meetingFrequency(rules, 1 / 12)).toBe('one meeting a year');
    expect(meetingFrequency(fr, 1 / 3)).toBe('une réunion par trimestre');
    expect(meetingFrequency(fr, 0.5)).toBe('une réunion tous les deux mois');
    expect(meetingFrequency(fr, 1)).toBe('une réunion par mois');
  });

  it('never shows a fraction of a meeting, whatever the assumptions', async () => {
    const r = await resultOf(example);
    fc.assert(
      fc.property(fc.double({ min: 0.02, max: 6, noNaN: true }), fc.integer({ min: 0, max: 5 }), (perMonth, days) => {
        const custom = {
          ...rules,
          meetingCost: {
            ...rules.meetingCost,
            meetingsPerMonthByLoad: { ...rules.meetingCost.meetingsPerMonthByLoad, moderate: perMonth },
            secretariatDaysPerMonth: days,
          },
        };
        const line = meetingCostLines(custom, r)[0]!;
        expect(line).not.toMatch(/\d[.,]\d+ meetings?|\(s\)/);
        expect(line).toMatch(/meetings? (a|every)/);
      }),
      { numRuns: 200 },
    );
  });
});
