import { describe, expect, it } from 'vitest';
import { frenchTypographyProblem } from '../../src/core/typography.js';
import { WEB_TEXTS, webText } from '../../src/web/texts.js';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe("the page's own texts (src/web/texts.ts)", () => {
  it('are all in French, with the same placeholders', () => {
    expect(Object.keys(WEB_TEXTS.fr).sort()).toEqual(Object.keys(WEB_TEXTS.en).sort());
    for (const [key, en] of Object.entries(WEB_TEXTS.en)) {
      const fr = WEB_TEXTS.fr[key as keyof typeof WEB_TEXTS.fr];
      expect({ key, placeholders: placeholders(fr) }).toEqual({ key, placeholders: placeholders(en) });
      expect({ key, same: fr === en && /[a-z]{4}/.test(en) }).toEqual({ key, same: false });
    }
  });

  it('follow French typography (a no-break space before ; : ! ? and inside « »)', () => {
    const problems = Object.entries(WEB_TEXTS.fr)
      .map(([key, text]) => ({ key, problem: frenchTypographyProblem(text) }))
      .filter((p) => p.problem !== undefined);
    expect(problems).toEqual([]);
  });

  it('fill their placeholders, and only their own', () => {
    expect(webText('en', 'loaded', { file: 'a.json' })).toBe('Answers loaded from a.json.');
    expect(webText('fr', 'questionOf', { n: 2, total: 19 })).toBe('Question 2 sur 19');
    expect(webText('en', 'loaded', { constructor: 'x' })).toBe('Answers loaded from {file}.');
  });
});
