/**
 * The tool's own texts ship with the program (src/core/texts): a rule folder need not carry
 * them, may reword a few of them (in English, and in French as "messages.<key>"), and falls
 * back to the built-in text for the rest.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as assess } from '../../src/cli/commands/assess.js';
import { run as init } from '../../src/cli/commands/rules/init.js';
import { run as validate } from '../../src/cli/commands/rules/validate.js';
import { toolTexts, isToolKey } from '../../src/core/texts.js';
import { EXAMPLE } from '../support/cli.js';
import { testContext } from '../support/context.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-texts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readJson = (path: string): Record<string, string> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
const writeJson = (path: string, value: unknown): void => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

async function copy(name: string): Promise<string> {
  const dir = join(tmp, name);
  expect(await init({ dir }, testContext().ctx)).toBe(0);
  return dir;
}

/** assess with --save-answers, which says where the answers went in the tool's words (cli.answersSaved). */
async function saving(rules: string, lang: 'en' | 'fr'): Promise<string> {
  const t = testContext({ lang });
  const saved = join(tmp, `${lang}-${Math.random().toString(36).slice(2)}.json`);
  expect(
    await assess({ answers: EXAMPLE, format: 'md', out: join(tmp, 'out'), saveAnswers: saved, rules }, t.ctx),
  ).toBe(0);
  return t.stderr();
}

describe("the tool's own texts", () => {
  it('are not copied by rules init: the copy validates and runs assess in English and French', async () => {
    const dir = await copy('plain');
    const messages = readJson(join(dir, 'messages.en.json'));
    expect(Object.keys(messages).filter(isToolKey)).toEqual([]);
    expect(Object.keys(readJson(join(dir, 'locales', 'fr.json'))).filter((k) => k.startsWith('messages.cli.'))).toEqual(
      [],
    );
    expect(await validate({ rules: dir }, testContext().ctx)).toBe(0);
    expect(await saving(dir, 'en')).toContain('Answers saved to');
    expect(await saving(dir, 'fr')).toContain('Réponses enregistrées dans');
  });

  it('may be reworded by a rule folder, in English and in French; the rest fall back to the built-in', async () => {
    const dir = await copy('reworded');
    const messages = readJson(join(dir, 'messages.en.json'));
    writeJson(join(dir, 'messages.en.json'), { ...messages, 'cli.answersSaved': 'Kept the answers in {path}' });
    const fr = readJson(join(dir, 'locales', 'fr.json'));
    writeJson(join(dir, 'locales', 'fr.json'), { ...fr, 'messages.cli.answersSaved': 'Réponses gardées dans {path}' });
    expect(await validate({ rules: dir }, testContext().ctx)).toBe(0);
    expect(await saving(dir, 'en')).toMatch(/^Kept the answers in /);
    expect(await saving(dir, 'fr')).toMatch(/^Réponses gardées dans /);
    // Only in French: English falls back to the tool's text.
    writeJson(join(dir, 'messages.en.json'), messages);
    expect(await validate({ rules: dir }, testContext().ctx)).toBe(0);
    expect(await saving(dir, 'en')).toMatch(/^Answers saved to /);
    expect(await saving(dir, 'fr')).toMatch(/^Réponses gardées dans /);
  });

  it('reworded with other placeholders, or under a key that is no text, is an error rules validate names', async () => {
    const dir = await copy('broken');
    const messages = readJson(join(dir, 'messages.en.json'));
    writeJson(join(dir, 'messages.en.json'), { ...messages, 'cli.answersSaved': 'Kept the answers in {file}' });
    const t = testContext();
    expect(await validate({ rules: dir }, t.ctx)).toBe(2);
    expect(t.stdout()).toContain('"cli.answersSaved": placeholders {file} differ from the tool\'s own text {path}');

    writeJson(join(dir, 'messages.en.json'), messages);
    const fr = readJson(join(dir, 'locales', 'fr.json'));
    writeJson(join(dir, 'locales', 'fr.json'), { ...fr, 'messages.cli.noSuchText': 'rien' });
    const u = testContext();
    expect(await validate({ rules: dir }, u.ctx)).toBe(2);
    expect(u.stdout()).toContain('"messages.cli.noSuchText" is not a text of the rule base');
  });

  it('a copy made by an earlier version, with every text, still validates; without its cli.* texts too', async () => {
    const dir = await copy('earlier');
    const messages = readJson(join(dir, 'messages.en.json'));
    const fr = readJson(join(dir, 'locales', 'fr.json'));
    const frTool = toolTexts('fr');
    writeJson(join(dir, 'messages.en.json'), { ...toolTexts('en'), ...messages });
    writeJson(join(dir, 'locales', 'fr.json'), {
      ...fr,
      ...Object.fromEntries(Object.entries(frTool).map(([k, v]) => [`messages.${k}`, v])),
    });
    expect(await validate({ rules: dir }, testContext().ctx)).toBe(0);
    // The cli.* texts deleted from its messages only: their French stays, as a rewording.
    writeJson(
      join(dir, 'messages.en.json'),
      Object.fromEntries(
        Object.entries(readJson(join(dir, 'messages.en.json'))).filter(([k]) => !k.startsWith('cli.')),
      ),
    );
    expect(await validate({ rules: dir }, testContext().ctx)).toBe(0);
    expect(await saving(dir, 'en')).toContain('Answers saved to');
    expect(existsSync(join(tmp, 'out'))).toBe(true);
  });
});
