/** The personal-data check (issue 7): e-mail addresses and phone numbers, not dates or years. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, masked, personalDataProblem } from '../../src/core/personal-data.js';
import { loadRuleBase } from '../../src/rules/folder.js';

describe('findPersonalData', () => {
  it.each([
    ['call +243 81 234 5678', '+243 81 234 5678'],
    ['Goma 0812345678', '0812345678'],
    ['(555) 123-4567', '(555) 123-4567'],
    ['tel. 555-1234', '555-1234'],
    ['00 33 1 23 45 67 89', '00 33 1 23 45 67 89'],
    ['081.234.5678', '081.234.5678'],
    ['+243812345678', '+243812345678'],
    ['+20 2 2345 6789 (Cairo office)', '+20 2 2345 6789'],
    ['01712-345678', '01712-345678'],
  ])('%j holds a phone number', (text, found) => {
    expect(findPersonalData(text)).toEqual({ kind: 'phone', text: found });
  });

  it.each([
    ['jean.dupont@example.org', 'jean.dupont@example.org'],
    ['Goma (focal point: a.b+tip@ngo-x.co.uk)', 'a.b+tip@ngo-x.co.uk'],
    ['réponse: amélie@exemple.fr', 'amélie@exemple.fr'],
  ])('%j holds an e-mail address', (text, found) => {
    expect(findPersonalData(text)).toEqual({ kind: 'email', text: found });
  });

  it.each([
    'Goma 2026-11-29',
    'Cox’s Bazar 2017-2018',
    'Response 2017/18',
    '2017 – 2018 plan',
    'North Kivu 2025 2026',
    'Meeting of 29/11/2026 14:00',
    '2026-11-29T10:30',
    '20261129',
    'HRP 2026',
    'HRP-2026-001',
    'Phase 2 of 3',
    '1,000,000 people',
    'Réponse à Goma',
    'استجابة',
    'v1.2.3 at 10.0.0.1',
    'Example refugee response (documented cases)',
    '@cluster_lead',
  ])('%j holds none', (text) => {
    expect(findPersonalData(text)).toBeUndefined();
  });

  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const words = fc
    .array(fc.constantFrom('Goma', 'response', 'Réponse', 'à', 'استجابة', 'North', 'Kivu', 'plan'), { maxLength: 3 })
    .map((w) => w.join(' '));

  it('finds international numbers in any grouping (+CC then 9 digits in groups of 2-4, any separator)', () => {
    const grouped = fc
      .tuple(
        fc.integer({ min: 1, max: 999 }),
        digits(9),
        fc.constantFrom(' ', '-', '.', ''),
        fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 3, maxLength: 4 }),
      )
      .map(([cc, body, sep, sizes]) => {
        const parts: string[] = [];
        let rest = body;
        for (const n of sizes)
          if (rest) {
            parts.push(rest.slice(0, n));
            rest = rest.slice(n);
          }
        if (rest) parts.push(rest);
        return `+${cc} ${parts.join(sep)}`;
      });
    fc.assert(
      fc.property(words, grouped, words, (before, phone, after) => {
        const found = findPersonalData(`${before} ${phone} ${after}`);
        expect(found?.kind).toBe('phone');
        expect(found?.text).toBe(phone);
      }),
      { numRuns: 1000 },
    );
  });

  it('never takes a date (ISO, day/month/year, with a time) or a year range for a phone number', () => {
    const year = fc.integer({ min: 1990, max: 2098 }); // ranges stay within 19xx-20xx
    const day = fc.integer({ min: 1, max: 28 });
    const month = fc.integer({ min: 1, max: 12 });
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = fc.oneof(
      fc
        .tuple(year, month, day, fc.constantFrom('-', '/', '.'))
        .map(([y, m, d, s]) => `${y}${s}${pad(m)}${s}${pad(d)}`),
      fc.tuple(year, month, day, fc.constantFrom('-', '/', '.')).map(([y, m, d, s]) => `${d}${s}${m}${s}${y}`),
      fc
        .tuple(year, month, day, fc.integer({ min: 0, max: 23 }))
        .map(([y, m, d, h]) => `${y}-${pad(m)}-${pad(d)}T${pad(h)}:00`),
      fc.tuple(year, fc.constantFrom('-', '/', ' – ')).map(([y, s]) => `${y}${s}${y + 1}`),
      fc.tuple(year, fc.constantFrom('-', '/')).map(([y, s]) => `${y}${s}${String((y + 1) % 100).padStart(2, '0')}`),
      fc.array(year, { minLength: 1, maxLength: 4 }).map((ys) => ys.join(' ')),
      fc.tuple(year, month, day).map(([y, m, d]) => `${y}${pad(m)}${pad(d)}`),
    );
    fc.assert(
      fc.property(words, date, words, (before, d, after) => {
        expect(findPersonalData(`${before} ${d} ${after}`.trim())).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('what an error shows of the personal data it refuses', () => {
  it('enough to find it, never the whole address or number', () => {
    expect(masked('amina.k@example.org')).toBe('am…rg');
    expect(masked('+243 81 234 5678')).toBe('+2…78');
    expect(masked('a@b')).toBe('…');
    const rules = loadRuleBase();
    const why = personalDataProblem(rules, 'call amina.k@example.org', '--name') ?? '';
    expect(why).toContain('--name holds what looks like an e-mail address (“am…rg”)');
    expect(why).not.toContain('amina');
    const asked = personalDataProblem(rules, 'Goma +243 81 234 5678') ?? '';
    expect(asked).not.toContain('234 5678');
  });
});
