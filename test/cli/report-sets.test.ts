/**
 * One set of files per run: `assess --format md,docx,html` writes the report in each format and
 * one answers file, under one name, directly in --out; a re-run numbers the whole set together
 * (-2 for all of its files), --force replaces it; batch names its reports and summary the same way.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, listDir, refusal, runCli } from '../support/cli.js';

const TIMEOUT = 60_000;
const DATE = '2026-11-29';
const STEM = `${DATE}-example-refugee-response-documented-cases`;

let tmp: string;
let out: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tip-sets-'));
  out = join(tmp, 'reports');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const assess = (...more: string[]) => runCli(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE, ...more]);
const set = (stem: string, exts: string[]) => exts.map((e) => `${stem}.${e}`);

describe('assess: one set of files per run', () => {
  it(
    '--format md,docx,html: three reports and one answers file under one name; the reports name that answers file',
    async () => {
      const r = await assess('--format', 'md,docx,html');
      expect(r.code, r.stderr).toBe(0);
      // One path a line, in the order asked for: what scripts read.
      expect(r.stdout).toBe(
        set(STEM, ['md', 'docx', 'html'])
          .map((f) => `${join(out, f)}\n`)
          .join(''),
      );
      expect(listDir(out)).toEqual(set(STEM, ['answers.json', 'docx', 'html', 'md']));
      expect(readFileSync(join(out, `${STEM}.md`), 'utf8')).toContain(`${STEM}.answers.json`);
      expect(readFileSync(join(out, `${STEM}.html`), 'utf8')).toContain(`${STEM}.answers.json`);
    },
    TIMEOUT,
  );

  it(
    'a re-run numbers the whole set together, whatever its formats; --force replaces the first set instead',
    async () => {
      expect((await assess('--format', 'md,docx')).code).toBe(0);
      expect((await assess('--format', 'html')).code).toBe(0);
      expect(listDir(out)).toEqual(
        [...set(STEM, ['answers.json', 'docx', 'md']), ...set(`${STEM}-2`, ['answers.json', 'html'])].sort(),
      );
      const r = await assess('--format', 'md', '--set', 'meetingLoad=high', '--force');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(join(out, `${STEM}.md`));
      // The earlier Word file of that set is gone: the name holds one run's files.
      expect(listDir(out)).toEqual(
        [...set(STEM, ['answers.json', 'md']), ...set(`${STEM}-2`, ['answers.json', 'html'])].sort(),
      );
      expect(JSON.parse(readFileSync(join(out, `${STEM}.answers.json`), 'utf8')).answers.meetingLoad).toBe('high');
    },
    TIMEOUT,
  );

  it(
    'every format behaves the same: html or docx alone also get their answers file beside them',
    async () => {
      for (const format of ['html', 'docx']) {
        const r = await assess('--format', format, '--out', join(tmp, format));
        expect(r.code, r.stderr).toBe(0);
        expect(listDir(join(tmp, format))).toEqual(set(STEM, ['answers.json', format]));
      }
    },
    TIMEOUT,
  );

  it(
    'json goes to stdout and cannot be mixed with report files; an unknown format in the list is named',
    async () => {
      const mixed = await assess('--format', 'md,json');
      expect(refusal(mixed).ok, refusal(mixed).why).toBe(true);
      expect(mixed.stderr).toContain('--format md,json: json prints the result on stdout');
      const typo = await assess('--format', 'md,dcx');
      expect(refusal(typo).ok, refusal(typo).why).toBe(true);
      expect(typo.stderr).toContain('did you mean "docx"?');
      expect(listDir(out)).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('batch: the same naming', () => {
  it(
    'each response is one set in the formats asked for; the summaries link the reports of their own format; a re-run gets -2, --force replaces',
    async () => {
      const dir = join(ROOT, 'test', 'fixtures', 'v1', 'examples');
      const run = (...more: string[]) =>
        runCli(['batch', dir, '--out', out, '--date', DATE, '--format', 'md,docx,html', ...more]);
      const first = await run();
      expect(first.code, first.stderr).toBe(0);
      const files = listDir(out);
      expect(files).toContain(`${DATE}-portfolio.md`);
      expect(files).toContain(`${DATE}-portfolio.html`);
      expect(files).toContain(`${DATE}-portfolio.docx`);
      expect(files).toContain(`${DATE}-portfolio.svg`);
      const reports = files.filter((f) => f.endsWith('.md') && !f.includes('portfolio'));
      expect(reports.length).toBeGreaterThan(0);
      for (const f of reports)
        for (const ext of ['html', 'docx']) expect(files).toContain(f.replace(/\.md$/, `.${ext}`));
      // No answers file: batch reads its answers, it does not make them.
      expect(files.filter((f) => f.endsWith('.answers.json'))).toEqual([]);
      const html = readFileSync(join(out, `${DATE}-portfolio.html`), 'utf8');
      expect(html).toContain(`href="${reports[0]!.replace(/\.md$/, '.html')}"`);
      expect(readFileSync(join(out, `${DATE}-portfolio.md`), 'utf8')).toContain(`](${reports[0]})`);

      expect((await run()).code).toBe(0);
      expect(listDir(out)).toHaveLength(files.length * 2);
      expect(listDir(out)).toContain(`${DATE}-portfolio-2.html`);

      const forced = await run('--force');
      expect(forced.code, forced.stderr).toBe(0);
      expect(listDir(out)).toHaveLength(files.length * 2);
    },
    TIMEOUT,
  );
});

describe('draft: its Word file is named and numbered the same way', () => {
  it(
    '--format docx writes <date>-<name>.draft.docx in --out; a re-run gets -2, --force replaces the first',
    async () => {
      const draft = (...more: string[]) =>
        runCli(['draft', '--answers', EXAMPLE, '--format', 'docx', '--out', out, '--date', DATE, ...more]);
      const first = await draft();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe(`${join(out, `${STEM}.draft.docx`)}\n`);
      expect((await draft()).stdout).toBe(`${join(out, `${STEM}-2.draft.docx`)}\n`);
      const forced = await draft('--force');
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stdout).toBe(`${join(out, `${STEM}.draft.docx`)}\n`);
      expect(listDir(out)).toEqual([`${STEM}-2.draft.docx`, `${STEM}.draft.docx`]);
      // Markdown goes to stdout: nothing more in the folder.
      expect((await runCli(['draft', '--answers', EXAMPLE, '--out', out])).code).toBe(0);
      expect(listDir(out)).toHaveLength(2);
    },
    TIMEOUT,
  );
});
