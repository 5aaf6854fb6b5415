/**
 * A first run that goes right (issue 14) and answers that are not lost (issue 15), through the
 * real CLI without a terminal: answers saved beside every report, errors in plain words with
 * what to do, one name limit counted in characters, batch quiet when piped.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLE, listDir, refusal, ROOT, runCli } from '../support/cli.js';
import { messagesEn } from '../support/english.js';

const DATE = '2026-11-29';
const TIMEOUT = 30_000;
const MESSAGES = messagesEn;
const FR = JSON.parse(readFileSync(join(ROOT, 'src', 'core', 'texts', 'fr.json'), 'utf8')) as Record<string, string>;

let tmp: string;
let out: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tip-first-run-'));
  out = join(tmp, 'reports');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

function answersFile(answers: Record<string, unknown>, name?: string): string {
  const path = join(tmp, `a-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ version: 1, ...(name === undefined ? {} : { response: { name } }), answers }));
  return path;
}

describe('answers saved beside every report', () => {
  it(
    'writes <report>.answers.json (0600) beside the report, names it in "To try one", and it reproduces the run; a second run takes new names for both',
    async () => {
      const r = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--set',
        'meetingLoad=high',
        '--out',
        out,
        '--date',
        DATE,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const report = resolve(ROOT, r.stdout.trim());
      const saved = report.replace(/\.md$/, '.answers.json');
      expect(listDir(out)).toEqual([saved, report].map((p) => p.slice(out.length + 1)));
      expect(statSync(saved).mode & 0o777).toBe(0o600);
      const text = readFileSync(report, 'utf8');
      // Outside the current folder: named by its file name alone (a full path can name a person).
      expect(text).toContain(`To try one: \`tip-coord assess --answers ${basename(saved)} --set `);
      expect(text).not.toContain(tmp);
      // The --set is in the saved answers: reading them back gives the same result.
      const savedAnswers = JSON.parse(readFileSync(saved, 'utf8'));
      expect(savedAnswers.answers.meetingLoad).toBe('high');
      const a = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--set',
        'meetingLoad=high',
        '--format',
        'json',
        '--date',
        DATE,
      ]);
      const b = await runCli(['assess', '--answers', saved, '--format', 'json', '--date', DATE]);
      expect(JSON.parse(b.stdout).primary).toBe(JSON.parse(a.stdout).primary);
      expect(JSON.parse(b.stdout).stamp.answersHash).toBe(JSON.parse(a.stdout).stamp.answersHash);

      const again = await runCli(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE]);
      expect(again.code, again.stderr).toBe(0);
      expect(listDir(out)).toHaveLength(4);
      expect(again.stdout.trim()).toMatch(/-2\.md$/);
      // The first answers file is untouched.
      expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(savedAnswers);
    },
    TIMEOUT,
  );

  it(
    '--no-save-answers writes the report alone; --save-answers FILE writes FILE instead, which the report does not name',
    async () => {
      const r = await runCli(['assess', '--answers', EXAMPLE, '--no-save-answers', '--out', out, '--date', DATE]);
      expect(r.code, r.stderr).toBe(0);
      expect(listDir(out)).toHaveLength(1);
      expect(readFileSync(resolve(ROOT, r.stdout.trim()), 'utf8')).toContain('--answers FILE --set');

      const file = join(tmp, 'kept.json');
      const s = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--save-answers',
        file,
        '--out',
        join(tmp, 'o2'),
        '--date',
        DATE,
      ]);
      expect(s.code, s.stderr).toBe(0);
      expect(listDir(join(tmp, 'o2'))).toHaveLength(1);
      // A file the user named is not named in the report: a path the user typed can name a person.
      expect(readFileSync(resolve(ROOT, s.stdout.trim()), 'utf8')).toContain('--answers FILE --set');

      // Beside the report, inside the current folder or not: by its own name, which the tool gave it.
      const inside = await runCli(['assess', '--answers', EXAMPLE, '--out', 'here', '--date', DATE], { cwd: tmp });
      expect(inside.code, inside.stderr).toBe(0);
      const report = join(tmp, inside.stdout.trim());
      expect(readFileSync(report, 'utf8')).toContain(
        `--answers ${basename(report).replace(/\.md$/, '.answers.json')} --set`,
      );
      expect(statSync(file).mode & 0o777).toBe(0o600);
    },
    TIMEOUT,
  );
});

describe('errors in plain words, with what to do', () => {
  const refused = async (args: string[], ...expected: string[]): Promise<string> => {
    const r = await runCli(args);
    const { ok, why } = refusal(r);
    expect(ok, why).toBe(true);
    for (const e of expected) expect(r.stderr).toContain(e);
    expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/); // no ENOENT, EEXIST...
    return r.stderr;
  };

  it(
    'a missing answers file is "not found"; an existing --save-answers file "already exists (choose another … or add --force)", before any evaluation',
    async () => {
      await refused(['assess', '--answers', join(tmp, 'nowhere.json')], 'nowhere.json: not found. Check the name');
      const taken = join(tmp, 'taken.json');
      writeFileSync(taken, 'precious');
      await refused(
        ['assess', '--answers', EXAMPLE, '--save-answers', taken, '--out', out],
        `${taken} already exists (choose another --save-answers or add --force).`,
      );
      expect(readFileSync(taken, 'utf8')).toBe('precious');
      expect(listDir(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '--save-answers "" is refused, not ignored',
    async () => {
      await refused(
        ['assess', '--answers', EXAMPLE, '--save-answers', '', '--out', out],
        '--save-answers needs a file name',
      );
      expect(listDir(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'invalid JSON names the line and the column',
    async () => {
      const path = join(tmp, 'broken.json');
      writeFileSync(path, '{\n  "version": 1,\n  "answers": {\n    tipScale: "isolated"\n  }\n}\n');
      const e = await refused(['assess', '--answers', path], 'not valid JSON at line 4, column 5');
      expect(e).not.toContain('position');
    },
    TIMEOUT,
  );

  it(
    'every problem of an answers file at once, on one line, with "did you mean" for ids and values, and "unknown" said once',
    async () => {
      const path = answersFile({
        tipScale: 'signficant',
        phse: 'acute',
        tipForms: ['forced_labor'],
        governmentStance: 'engaged',
        meetingLoad: 'heavy',
      });
      const e = await refused(
        ['assess', '--answers', path],
        '4 problems:',
        '"answers.tipScale" has "signficant" (did you mean "significant"?)',
        'unknown key "answers.phse" (did you mean "phase"?)',
        '"answers.tipForms[0]" has "forced_labor" (did you mean "forced_labour"?)',
        '"answers.meetingLoad" has "heavy"',
      );
      // Once for each list of a question's values; never inside a list, where it is not valid.
      expect(e.split('"unknown"').length - 1).toBe(2);
      const notList = await refused(['assess', '--answers', answersFile({ tipForms: 'forced_labour' })]);
      expect(notList).not.toMatch(/"unknown", or "unknown"/);
      expect(notList.split('"unknown"').length - 1).toBe(1);
    },
    TIMEOUT,
  );

  it(
    'in French too',
    async () => {
      const path = answersFile({ tipScale: 'signficant', phse: 'acute' });
      const r = await runCli(['assess', '--answers', path, '--lang', 'fr']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(FR['error.answers.many']!.replace('{where}', '').split('{count}')[0]!.trim());
      expect(r.stderr).toContain('(vouliez-vous dire «\u00a0significant\u00a0»\u00a0?)');
      const nf = await runCli(['assess', '--answers', join(tmp, 'nowhere.json'), '--lang', 'fr']);
      expect(nf.stderr).toContain('nowhere.json\u00a0: introuvable. Vérifiez le nom et le dossier.');
    },
    TIMEOUT,
  );
});

describe('one name limit, counted in characters, wherever a name enters', () => {
  const max = 200;
  const astral = '𝔊'; // one character, two UTF-16 units

  it(
    '--name: 200 characters of two UTF-16 units each are accepted (and written back as accepted); 201 are refused before anything is written',
    async () => {
      const name = astral.repeat(max);
      const saved = join(tmp, 'saved.json');
      const ok = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--name',
        name,
        '--save-answers',
        saved,
        '--out',
        out,
        '--date',
        DATE,
      ]);
      expect(ok.code, ok.stderr).toBe(0);
      // What was written is read back: the same limit on both sides.
      const back = await runCli(['assess', '--answers', saved, '--format', 'json', '--date', DATE]);
      expect(back.code, back.stderr).toBe(0);
      expect(JSON.parse(back.stdout).response.name).toBe(name);

      const long = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--name',
        'x'.repeat(max + 1),
        '--out',
        join(tmp, 'o2'),
      ]);
      const { ok: refusedOk, why } = refusal(long);
      expect(refusedOk, why).toBe(true);
      expect(long.stderr).toContain(`--name is ${max + 1} characters long; a response name has at most ${max}`);
      expect(listDir(join(tmp, 'o2'))).toEqual([]);
      const huge = await runCli([
        'assess',
        '--answers',
        EXAMPLE,
        '--name',
        'x'.repeat(100_000),
        '--out',
        join(tmp, 'o3'),
      ]);
      expect(huge.code).toBe(2);
      expect(listDir(join(tmp, 'o3'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'an answers file (or a draft) with 201 characters is refused, naming the length in characters',
    async () => {
      const r = await runCli(['assess', '--answers', answersFile({}, astral.repeat(max + 1))]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`is ${max + 1} characters long; at most ${max}`);
    },
    TIMEOUT,
  );
});

describe('batch progress', () => {
  it(
    'says nothing about progress when stderr is not a terminal',
    async () => {
      const csv = join(tmp, 'r.csv');
      writeFileSync(csv, `name,tipScale\n${Array.from({ length: 5 }, (_, i) => `Resp ${i},significant`).join('\n')}\n`);
      const r = await runCli(['batch', csv, '--out', out, '--date', DATE]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stderr).not.toContain(MESSAGES['batch.progress']!.split('{rate}')[1]!.split('·')[0]!.trim());
      expect(readdirSync(out).filter((f) => f.endsWith('.md'))).toHaveLength(6);
    },
    TIMEOUT,
  );
});
