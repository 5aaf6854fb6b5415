import { describe, expect, it } from 'vitest';
import {
  completeAnswers,
  dependentsOf,
  settleApplicability,
  unknownIds,
  validateAnswersFile,
} from '../../src/core/answers.js';
import { describeAnswer } from '../../src/core/explain.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { wrapText } from '../../src/render/wrap.js';

const rules = loadRuleBase();

describe('skip logic', () => {
  it('records a skipped question as not applicable, never as unknown', () => {
    const a = completeAnswers(rules, { parallelResponses: 'single', tipEvidence: 'none' });
    expect(a.expertiseElsewhere).toBe('not_applicable');
    expect(a.tipForms).toBe('not_applicable');
    expect(a.affectedGroups).toBe('not_applicable');
    expect(unknownIds(rules, a)).not.toContain('expertiseElsewhere');
    expect(describeAnswer(rules, 'expertiseElsewhere', a.expertiseElsewhere)).toBe('Not applicable');
  });

  it('asks a question again once it applies', () => {
    const a = settleApplicability(rules, {
      parallelResponses: 'parallel_linked',
      expertiseElsewhere: 'not_applicable',
    });
    expect(a).not.toHaveProperty('expertiseElsewhere');
    expect(completeAnswers(rules, { parallelResponses: 'parallel_linked' }).expertiseElsewhere).toBe('unknown');
    // Unknown answers keep dependent questions asked: the conservative choice.
    expect(completeAnswers(rules, {}).expertiseElsewhere).toBe('unknown');
  });

  it('drops an answer given to a question the skip logic rules out: every path sees what the interview would ask', () => {
    expect(completeAnswers(rules, { parallelResponses: 'single', expertiseElsewhere: false }).expertiseElsewhere).toBe(
      'not_applicable',
    );
    expect(completeAnswers(rules, { tipEvidence: 'none', tipForms: ['forced_labour'] }).tipForms).toBe(
      'not_applicable',
    );
  });

  it('names the questions that depend on an answer, and only those', () => {
    expect(dependentsOf(rules, 'parallelResponses').map((q) => q.id)).toEqual(['expertiseElsewhere']);
    expect(dependentsOf(rules, 'tipEvidence').map((q) => q.id)).toEqual(['tipForms', 'affectedGroups', 'perpetrators']);
    expect(dependentsOf(rules, 'existingMechanism').map((q) => q.id)).toEqual(['mechanismState']);
    expect(dependentsOf(rules, 'meetingLoad')).toEqual([]);
  });

  it('accepts "not_applicable" in an answers file only for questions with skip logic', () => {
    expect(
      validateAnswersFile({ version: 1, answers: { expertiseElsewhere: 'not_applicable' } }, rules, 'f').answers
        .expertiseElsewhere,
    ).toBe('not_applicable');
    expect(() => validateAnswersFile({ version: 1, answers: { phase: 'not_applicable' } }, rules, 'f')).toThrow(
      /"answers\.phase" has "not_applicable"/,
    );
  });
});

describe('wrapping to the terminal', () => {
  it('wraps at spaces, keeps list indentation, ignores colour codes', () => {
    const text = `  - ${'word '.repeat(30).trim()}`;
    const lines = wrapText(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(39);
    expect(lines[0]!.startsWith('  - word')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('    word')).toBe(true);
    const coloured = `\x1b[1m${'abc '.repeat(8).trim()}\x1b[22m`;
    expect(wrapText(coloured, 40)).toBe(coloured);
  });

  it('never breaks table rows or short lines, and keeps non-ASCII text whole', () => {
    const row = `│ ${'x'.repeat(100)} │`;
    expect(wrapText(row, 40)).toBe(row);
    const arabic = 'استجابة '.repeat(12).trim();
    const wrapped = wrapText(arabic, 40);
    expect(wrapped.replace(/\n/g, ' ')).toBe(arabic);
    for (const l of wrapped.split('\n')) expect([...l].length).toBeLessThanOrEqual(39);
  });
});
