/**
 * The HTML report prints on A4 (issue 13, item 10), checked in a real browser: headless Chromium
 * (Debian's chromium, installed by .ci/run) prints it to PDF; pdftotext (poppler-utils) reads it
 * back. Page 1 holds the decision and the whole action plan, and no word runs past the margins.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { actionPlan } from '../../src/render/report.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { cli } from '../support/cli.js';
import { skipWithout } from '../support/system-tools.js';
import { runOn } from '../support/run-info.js';

const runs = (cmd: string, args: string[]): boolean => {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore', timeout: 20000 }).status === 0;
  } catch {
    return false;
  }
};
const noPrinter =
  skipWithout('chromium', runs('chromium', ['--version']), 'Debian package chromium') ||
  skipWithout('pdftotext', runs('pdftotext', ['-v']), 'Debian package poppler-utils');
const tmp = mkdtempSync(join(tmpdir(), 'tip-print-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The same flags as the machine notes: no network, no first-run, a fresh profile. */
function printToPdf(html: string, pdf: string): void {
  const r = spawnSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${mkdtempSync(join(tmp, 'profile-'))}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: 90000 },
  );
  expect(r.status, r.stderr).toBe(0);
}

const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe.skipIf(noPrinter)('the HTML report printed by Chromium', () => {
  for (const [lang, example] of [
    ['en', 'examples/idp-no-mechanism.json'],
    ['fr', 'examples/idp-no-mechanism.json'],
    ['en', 'examples/all-unknown.json'],
  ] as const)
    it(`holds the decision and the action plan on page 1, on A4, with nothing past the margins (${lang}, ${example})`, async () => {
      const out = join(tmp, `${lang}-${example.replace(/\W/g, '')}`);
      const r = cli([
        'assess',
        '--answers',
        example,
        '--out',
        out,
        '--date',
        '2026-01-01',
        '--format',
        'html',
        '--lang',
        lang,
      ]);
      expect(r.code).toBe(0);
      const html = join(
        out,
        readdirSync(out).find((f) => f.endsWith('.html'))!,
      );
      const pdf = join(out, 'report.pdf');
      printToPdf(html, pdf);

      const page1 = words(spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout);
      const rules = loadRuleBase(DEFAULT_RULES_DIR, lang);
      const answers = JSON.parse(readFileSync(example, 'utf8')).answers as Answers;
      const result = await assess(new Evaluator(rules), {
        answers: completeAnswers(rules, answers),
        run: runOn('2026-01-01'),
      });
      const primary = result.recommendations.find((m) => m.role === 'primary')!;
      expect(page1).toContain(words(primary.title));
      const plan = actionPlan(rules, result);
      expect(plan.length).toBeGreaterThan(3);
      for (const row of plan) expect(page1).toContain(words(row.action).split(' ').slice(0, 6).join(' '));

      // Every word inside the page, within the 13 mm side margins of the print stylesheet (1 pt of slack).
      const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      }).stdout;
      const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(bbox)!;
      expect(Number(page[1])).toBeCloseTo(595, 0);
      expect(Number(page[2])).toBeCloseTo(842, 0);
      const margin = (13 / 25.4) * 72;
      const outside = [
        ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
      ]
        .filter(
          (m) =>
            Number(m[1]) < margin - 1 || Number(m[3]) > Number(page[1]) - margin + 1 || Number(m[4]) > Number(page[2]),
        )
        .map((m) => m[5]);
      expect(outside).toEqual([]);
    });
});
