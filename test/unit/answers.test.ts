import { describe, expect, it } from 'vitest';
import {
  completeAnswers,
  toAnswersFile,
  toFacts,
  unknownIds,
  validateAnswersFile,
  type Answers,
} from '../../src/core/answers.js';
import { UserError } from '../../src/core/errors.js';
import { applyOverrides } from '../../src/cli/inputs/answers.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const rules = loadRuleBase();
const v = (raw: unknown) => validateAnswersFile(raw, rules, 'a.json');
const err = (raw: unknown): string => {
  try {
    v(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
};

describe('answers file', () => {
  it('accepts a valid file and keeps only what was given', () => {
    const f = v({
      version: 1,
      response: { name: 'X' },
      answers: { tipEvidence: 'documented', tipForms: ['forced_labour'], expertiseElsewhere: true },
    });
    expect(f.answers).toEqual({ tipEvidence: 'documented', tipForms: ['forced_labour'], expertiseElsewhere: true });
    expect(f.response).toEqual({ name: 'X' });
  });

  it('fills missing ids with "unknown" in questionnaire order', () => {
    const all = completeAnswers(rules, { phase: 'acute' });
    expect(Object.keys(all)).toEqual(rules.questions.map((q) => q.id));
    expect(all.phase).toBe('acute');
    expect(all.tipScale).toBe('unknown');
    // mechanismState is asked only when a mechanism is known to exist: not applicable, not unknown.
    expect(all.mechanismState).toBe('not_applicable');
    expect(unknownIds(rules, all)).toHaveLength(rules.questions.length - 2);
  });

  it('rejects an unknown id, naming it and the valid ids', () => {
    const m = err({ version: 1, answers: { tipEvidnce: 'documented' } });
    expect(m).toContain('unknown key "answers.tipEvidnce" (did you mean "tipEvidence"?)');
    expect(m).toContain('"governmentStance"');
    expect(m).toContain('a.json');
  });

  it('rejects a value outside the list, naming id, value and allowed values', () => {
    const m = err({ version: 1, answers: { governmentStance: 'hostile' } });
    expect(m).toContain('"answers.governmentStance"');
    expect(m).toContain('"hostile"');
    expect(m).toContain('"resists_terminology"');
    expect(m).toContain('"unknown"');
  });

  it('rejects wrong types', () => {
    expect(err({ version: 1, answers: { tipForms: 'forced_labour' } })).toBe(
      'a.json: "answers.tipForms" has "forced_labour"; valid: a list (of "sexual_exploitation", "forced_labour", ' +
        '"domestic_servitude", "forced_marriage", "child_recruitment", "child_labour", "organ_removal" or "other") ' +
        'or "unknown" or "not_applicable".',
    );
    expect(err({ version: 1, answers: { expertiseElsewhere: 'true' } })).toContain(
      '"answers.expertiseElsewhere" has "true"; valid: true, false, "unknown" or "not_applicable"',
    );
    expect(err({ version: 1, answers: { tipForms: ['forced_labour', 'slavery'] } })).toContain(
      '"answers.tipForms[1]" has "slavery"',
    );
    expect(err({ version: 3, answers: {} })).toBe('a.json: "version" has 3; valid: 2 or 1.');
    expect(err([])).toBe('a.json: must be an object with "version", "answers", not a list.');
    expect(err({ version: 1 })).toBe('a.json: needs "answers" (an object).');
    expect(err({ version: 1, answers: {}, extra: 1 })).toContain(
      'unknown key "extra"; valid keys: "version", "response", "answers"',
    );
    expect(err({ version: 1, response: { name: 3 }, answers: {} })).toBe(
      'a.json: "response.name" must be a text, not a whole number.',
    );
    // A name is never echoed, whatever is wrong with it: it may name a person.
    const long = err({ version: 2, response: { name: `Jane Doe ${'x'.repeat(300)}` }, answers: {} });
    expect(long).toBe('a.json: "response.name" is 309 characters long; at most 200.');
  });

  it('lists every problem of a file at once, numbered', () => {
    expect(err({ version: 2, answers: { phase: 'late', tipScale: 3, nope: true } })).toBe(
      'a.json: 3 problems: (1) "answers.phase" has "late"; valid: "preparedness", "acute", "protracted", "transition" or "unknown". ' +
        '(2) "answers.tipScale" has 3; valid: "isolated", "significant", "widespread" or "unknown". ' +
        '(3) unknown key "answers.nope"; valid keys: ' +
        rules.questions.map((q) => `"${q.id}"`).join(', ') +
        '.',
    );
  });

  it('normalises list answers to questionnaire order without duplicates', () => {
    const f = v({ version: 1, answers: { affectedGroups: ['men', 'women', 'men'] } });
    expect(f.answers.affectedGroups).toEqual(['women', 'men']);
  });

  it('gives the engine lists for list questions, even when unknown', () => {
    const facts = toFacts(rules, completeAnswers(rules, {}));
    expect(facts.tipForms).toEqual(['unknown']);
    expect(facts.tipScale).toBe('unknown');
  });

  it('round-trips through the saved answers file', () => {
    const given: Answers = { tipForms: [], expertiseElsewhere: false, phase: 'unknown' };
    const saved = JSON.parse(JSON.stringify(toAnswersFile({ ...given }, 'R')));
    expect(saved.version).toBe(2);
    expect(v(saved)).toEqual({ version: 2, response: { name: 'R' }, answers: given });
  });

  it('applies --set overrides with validation', () => {
    const out = applyOverrides(rules, {}, [
      'tipForms=forced_labour;child_labour',
      'expertiseElsewhere=yes',
      'phase=acute',
      'tipInDocuments=none',
    ]);
    expect(out).toEqual({
      tipForms: ['forced_labour', 'child_labour'],
      expertiseElsewhere: true,
      phase: 'acute',
      tipInDocuments: [],
    });
    expect(() => applyOverrides(rules, {}, ['phase'])).toThrow(/id=value/);
    expect(() => applyOverrides(rules, {}, ['phase=late'])).toThrow(/"late"/);
    expect(() => applyOverrides(rules, {}, ['nope=1'])).toThrow(/"nope"/);
  });
});
