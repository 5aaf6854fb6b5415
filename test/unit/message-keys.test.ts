import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frenchTypographyProblem } from '../../src/core/typography.js';

// src/core/message-keys.ts is generated from the two catalogs, so that a text looked up under a
// key that does not exist is a compile error, and a tool text under a rule text's key too:
// ToolKey from src/core/texts/en.json (the tool's own texts, shipped with the code), RuleTextKey
// from rules/messages.en.json (the rule folder's). UPDATE_MESSAGE_KEYS=1 rewrites it.
const FILE = new URL('../../src/core/message-keys.ts', import.meta.url);
const TOOL = 'src/core/texts/en.json';
const RULES = 'rules/messages.en.json';

const read = (rel: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8')) as Record<string, string>;
const keysOf = (rel: string): string[] => Object.keys(read(rel)).filter((k) => k !== '$comment');

function union(name: string, keys: string[]): string[] {
  return [
    `export type ${name} =`,
    ...keys.map((k, i) => `  | ${JSON.stringify(k).replace(/"/g, "'")}${i === keys.length - 1 ? ';' : ''}`),
  ];
}

function generated(): string {
  return [
    `// Generated from ${TOOL} and ${RULES} by test/unit/message-keys.test.ts (UPDATE_MESSAGE_KEYS=1 npx vitest run message-keys).`,
    '// Do not edit: add the text to one of those files (and its French) instead.',
    '',
    `/** The tool's own texts (${TOOL}): help, errors, prompts. */`,
    ...union('ToolKey', keysOf(TOOL)),
    '',
    `/** The rule folder's texts (${RULES}): the report's and the other documents' words. */`,
    ...union('RuleTextKey', keysOf(RULES)),
    '',
    "/** Every text of a rule base: its own, and the tool's it may reword. */",
    'export type MessageKey = ToolKey | RuleTextKey;',
    '',
  ].join('\n');
}

describe('message keys', () => {
  it('src/core/message-keys.ts lists exactly the keys of the two catalogs', () => {
    if (process.env.UPDATE_MESSAGE_KEYS) writeFileSync(FILE, generated());
    expect(readFileSync(FILE, 'utf8')).toBe(generated());
  });

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
