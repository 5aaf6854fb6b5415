import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frenchTypographyProblem } from '../../src/core/typography.js';

// The tool's own texts (src/core/texts) and the rule folder's (rules/messages.en.json) are two
// catalogs; src/core/message-keys.ts is generated from both (npm run gen; test/unit/generated.test.ts).
const TOOL = 'src/core/texts/en.json';
const RULES = 'rules/messages.en.json';

const read = (rel: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8')) as Record<string, string>;
const keysOf = (rel: string): string[] => Object.keys(read(rel)).filter((k) => k !== '$comment');

describe('message keys', () => {
  it("a key is the tool's or the rule folder's, never both", () => {
    const rules = new Set(keysOf(RULES));
    expect(keysOf(TOOL).filter((k) => rules.has(k))).toEqual([]);
  });
});

describe("the tool's own texts in French", () => {
  const en = read(TOOL);
  const fr = read('src/core/texts/fr.json');
  const placeholders = (s: string): string =>
    [...s.matchAll(/\{(\w+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join();

  it('translate every English text, with the same placeholders, and nothing else', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const differ = Object.keys(en).filter((k) => placeholders(en[k]!) !== placeholders(fr[k]!));
    expect(differ).toEqual([]);
  });

  it('follow French typography', () => {
    const bad = Object.entries(fr).flatMap(([k, v]) => {
      const p = frenchTypographyProblem(v);
      return p ? [`${k}: ${p}`] : [];
    });
    expect(bad).toEqual([]);
  });
});
