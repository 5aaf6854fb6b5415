/**
 * No word split at any width from 40 to 200 columns (issue 14): the rendered report in the
 * terminal, English and French, and the wrapper itself with colour codes and wide characters.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { buildReport } from '../../src/render/report.js';
import { renderMarkdown } from '../../src/render/terminal.js';
import { hanging, wrapText } from '../../src/render/wrap.js';
import { wholeItems } from '../../src/cli/terminal/prompts.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SGR = /\x1b\[[0-9;]*m/g;
const plain = (s: string): string => s.replace(SGR, '');
/** Columns a line takes: wide (CJK) characters take two. */
const columns = (s: string): number =>
  [...plain(s)].reduce(
    (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1),
    0,
  );
/** The words of a text: runs of letters and digits. */
const words = (s: string): Set<string> => new Set(plain(s).match(/[\p{L}\p{N}]+/gu) ?? []);

async function reports(lang: 'en' | 'fr'): Promise<string> {
  const rules = loadRuleBase(undefined, lang);
  const raw = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8'));
  const file = validateAnswersFile(raw, rules, 'example');
  const result = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, file.answers),
    run: { date: '2026-11-29', toolVersion: '0.0.0', rulesFolder: null },
    responseName: 'Country X IDP response (internal displacement)',
  });
  return buildReport(rules, result, { answersFile: 'reports/2026-11-29-country-x.answers.json' });
}

describe('the rendered report splits no word at any width from 40 to 200', () => {
  const markdown: Record<string, string> = {};
  beforeAll(async () => {
    markdown.en = await reports('en');
    markdown.fr = await reports('fr');
  });

  for (const lang of ['en', 'fr'] as const)
    it(`${lang}: every line fits, every word on screen is a word of the report, no lone punctuation`, async () => {
      const source = words(markdown[lang]!);
      for (const width of [40, 41, 47, 53, 60, 67, 72, 79, 80, 99, 120, 133, 160, 200]) {
        for (const color of [false, true]) {
          const shown = await renderMarkdown(markdown[lang]!, { columns: width, color });
          const lines = shown.split('\n');
          const over = lines.filter((l) => columns(l) > width);
          expect(over, `${lang} at ${width}`).toEqual([]);
          // A word cut in two ("Clus" + "ter") is not a word of the source.
          const cut = [...words(shown)].filter((w) => !source.has(w));
          expect(cut, `${lang} at ${width}${color ? ' in colour' : ''}`).toEqual([]);
          expect(
            lines.filter((l) => /^\s*[.,;:]\s*$/.test(plain(l))),
            `${lang} at ${width}`,
          ).toEqual([]);
        }
      }
    });
});

describe('wrapText and hanging', () => {
  it('keeps colour codes whole, counts wide characters as two columns, and lines continuation up', () => {
    const text = `- \x1b[1mbold\x1b[22m ${'日本語のテキスト '.repeat(6)}and more words to wrap`;
    const out = wrapText(text, 30);
    for (const l of out.split('\n')) expect(columns(l)).toBeLessThanOrEqual(29);
    expect(out).toContain('\x1b[1mbold\x1b[22m');
    expect(
      out
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('  ')),
    ).toBe(true);
    const h = hanging('❯ ◯ ', 'Recruitment of children by armed forces or groups', 30).split('\n');
    expect(h[0]!.startsWith('❯ ◯ Recruitment')).toBe(true);
    expect(h.slice(1).every((l) => l.startsWith('    ') && !l.startsWith('     '))).toBe(true);
  });
});

describe('list pages', () => {
  it('hold whole items only, the active one always, within the height', () => {
    const items = [['a1'], ['b1', 'b2'], ['c1', 'c2', 'c3'], ['d1'], ['e1', 'e2']];
    expect(wholeItems(items, 0, 4)).toBe('a1\nb1\nb2');
    expect(wholeItems(items, 2, 4)).toBe('c1\nc2\nc3\nd1');
    expect(wholeItems(items, 4, 3)).toBe('d1\ne1\ne2');
    for (let active = 0; active < items.length; active++)
      for (let h = 1; h < 10; h++) {
        const shown = wholeItems(items, active, h).split('\n');
        expect(shown).toEqual(expect.arrayContaining(items[active]!));
        // Every item is there whole or not at all.
        for (const item of items) expect(item.filter((l) => shown.includes(l)).length % item.length).toBe(0);
        expect(shown.length <= Math.max(h, items[active]!.length)).toBe(true);
      }
  });
});
