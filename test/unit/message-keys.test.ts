import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// src/core/message-keys.ts is generated from rules/messages.en.json, so that a text looked up
// under a key that does not exist is a compile error. UPDATE_MESSAGE_KEYS=1 rewrites it.
const FILE = new URL('../../src/core/message-keys.ts', import.meta.url);

function generated(): string {
  const catalog = JSON.parse(readFileSync(new URL('../../rules/messages.en.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  const keys = Object.keys(catalog).filter((k) => k !== '$comment');
  return [
    '// Generated from rules/messages.en.json by test/unit/message-keys.test.ts (UPDATE_MESSAGE_KEYS=1 npx vitest run message-keys).',
    '// Do not edit: add the text to rules/messages.en.json (and its translations) instead.',
    'export type MessageKey =',
    ...keys.map((k, i) => `  | ${JSON.stringify(k).replace(/"/g, "'")}${i === keys.length - 1 ? ';' : ''}`),
    '',
  ].join('\n');
}

describe('message keys', () => {
  it('src/core/message-keys.ts lists exactly the keys of rules/messages.en.json', () => {
    if (process.env.UPDATE_MESSAGE_KEYS) writeFileSync(FILE, generated());
    expect(readFileSync(FILE, 'utf8')).toBe(generated());
  });
});
