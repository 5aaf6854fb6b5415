/**
 * Safe files through the real CLI (issue 7): an interrupted write leaves no partial report,
 * no overwrite without --force, mode 0600, the sensitivity note, safe names from unsafe ones.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, listDir, refusal, ROOT, runCli } from '../support/cli.js';

const DATE = '2026-11-29';
const TIMEOUT = 60_000;
const MESSAGES = JSON.parse(readFileSync(join(ROOT, 'rules', 'messages.en.json'), 'utf8')) as Record<string, string>;

describe('report and answers files', () => {
  let tmp: string;
  let out: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-safe-'));
    out = join(tmp, 'reports');
  });
  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'a write cut short by the disk (file-size limit of 8 KiB: the report is larger) leaves no report and no temporary file',
    async () => {
      // The reference report, to know it is larger than the limit.
      const full = await runCli(['assess', '--answers', EXAMPLE, '--out', join(tmp, 'ref'), '--date', DATE]);
      expect(full.code, full.stderr).toBe(0);
      expect(statSync(full.stdout.trim()).size).toBeGreaterThan(8 * 1024);

      // ulimit -f counts 1024-byte blocks; Node ignores SIGXFSZ, so the write stops part-way (EFBIG).
      const r = await runCli(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE], {
        wrapper: ['sh', '-c', 'ulimit -f 8 && exec "$0" "$@"'],
      });
      const { ok, why } = refusal(r);
      expect(ok, why).toBe(true);
      expect(r.stderr).toContain('file larger than the limit in force');
      expect(r.stderr).not.toContain('EFBIG');
      expect(r.stderr).toContain(out);
      expect(listDir(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'killed at any moment, a run leaves either no report or the whole report, never part of one',
    async () => {
      const ref = await runCli(['assess', '--answers', EXAMPLE, '--out', join(tmp, 'ref'), '--date', DATE]);
      const whole = readFileSync(ref.stdout.trim(), 'utf8');
      const reportName = ref.stdout.trim().split('/').pop()!;
      const answersName = reportName.replace(/\.md$/, '.answers.json');
      const wholeAnswers = readFileSync(join(tmp, 'ref', answersName), 'utf8');
      let killed = 0;
      // Kill points spread over the run, from start-up to after the write.
      for (const ms of [20, 40, 60, 70, 80, 90, 100, 110, 120, 140, 170, 200, 400]) {
        const dir = join(tmp, `kill-${ms}`);
        const r = await runCli(['assess', '--answers', EXAMPLE, '--out', dir, '--date', DATE], { killAfterMs: ms });
        const names = listDir(dir);
        // A SIGKILL can leave the hidden temporary file: never a file under a report's name with part of it.
        // The answers are written first, beside the report: either may be there, each whole.
        for (const n of names.filter((x) => !x.startsWith('.'))) {
          expect([reportName, answersName]).toContain(n);
          expect(readFileSync(join(dir, n), 'utf8')).toBe(n === reportName ? whole : wholeAnswers);
        }
        for (const n of names.filter((x) => x.startsWith('.')))
          expect(n).toMatch(/^\..+\.(md|answers\.json)\.(\d+-)?[0-9a-f]{12}\.tmp$/);
        if (r.signal === 'SIGKILL') killed++;
        else expect(r.code, r.stderr).toBe(0);
      }
      // The kills did happen (a run that ended first must have succeeded, checked above).
      expect(killed).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'the report is created with mode 0600 even under umask 000, and its header says it may be sensitive',
    async () => {
      const r = await runCli(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE], {
        wrapper: ['sh', '-c', 'umask 000 && exec "$0" "$@"'],
      });
      expect(r.code, r.stderr).toBe(0);
      const path = r.stdout.trim();
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const head = readFileSync(path, 'utf8').split('\n## ')[0]!;
      expect(head).toContain(MESSAGES['report.sensitive']);
    },
    TIMEOUT,
  );

  it(
    '--save-answers refuses an existing file unless --force; with --force it is replaced, mode 0600',
    async () => {
      const saved = join(tmp, 'answers.json');
      writeFileSync(saved, 'precious', { mode: 0o644 });
      const r = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--save-answers',
        saved,
        '--format',
        'json',
        '--date',
        DATE,
      ]);
      const { ok, why } = refusal(r);
      expect(ok, why).toBe(true);
      expect(r.stderr).toContain(`${saved} already exists (choose another --save-answers or add --force)`);
      expect(readFileSync(saved, 'utf8')).toBe('precious');

      const forced = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--save-answers',
        saved,
        '--force',
        '--format',
        'json',
        '--date',
        DATE,
      ]);
      expect(forced.code, forced.stderr).toBe(0);
      // The example's "$schema" is for editors; the answers saved are the example's.
      const { $schema: _schema, ...example } = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
      expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(example);
      expect(statSync(saved).mode & 0o777).toBe(0o600);
      expect(listDir(tmp)).toEqual(['answers.json']);
    },
    TIMEOUT,
  );

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['Réponse à Goma', 'réponse-à-goma'],
    ['استجابة', 'استجابة'],
    ['r'.repeat(200), 'r'.repeat(60)],
  ])(
    '--name %j gives the report file <date>-%s.md inside --out',
    async (name, slug) => {
      const r = await runCli(['assess', '--answers', EXAMPLE, '--name', name, '--out', out, '--date', DATE]);
      expect(r.code, r.stderr).toBe(0);
      expect(listDir(out)).toEqual([`${DATE}-${slug}.answers.json`, `${DATE}-${slug}.md`]);
      expect(resolve(ROOT, r.stdout.trim())).toBe(join(out, `${DATE}-${slug}.md`));
      expect(listDir(tmp)).toEqual(['reports']);
    },
    TIMEOUT,
  );
});
