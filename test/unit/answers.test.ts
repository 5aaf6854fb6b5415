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
    expect(m).toContain('"tipEvidnce"');
    expect(m).toContain('tipEvidence');
    expect(m).toContain('a.json');
  });

  it('rejects a value outside the list, naming id, value and allowed values', () => {
    const m = err({ version: 1, answers: { governmentStance: 'hostile' } });
    expect(m).toContain('"governmentStance"');
    expect(m).toContain('"hostile"');
    expect(m).toContain('"resists_terminology"');
    expect(m).toContain('"unknown"');
  });

  it('rejects wrong types', () => {
    expect(err({ version: 1, answers: { tipForms: 'forced_labour' } })).toContain('not a list');
    expect(err({ version: 1, answers: { expertiseElsewhere: 'true' } })).toContain('"expertiseElsewhere"');
    expect(err({ version: 1, answers: { tipForms: ['forced_labour', 'slavery'] } })).toContain('"slavery"');
    expect(err({ version: 3, answers: {} })).toContain('"version"');
    expect(err([])).toContain('JSON object');
    expect(err({ version: 1 })).toContain('"answers"');
    expect(err({ version: 1, answers: {}, extra: 1 })).toContain('"extra"');
    expect(err({ version: 1, response: { name: 3 }, answers: {} })).toContain('response.name');
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
