/**
 * Plain errors everywhere: no system code (ENOENT, EACCES, EISDIR...) in any text the tool can say,
 * and every command, given a path that is missing, unreadable, or a folder where a file belongs
 * (or a file where a folder belongs), says in one line what went wrong, with which path, and what
 * to do; exit 2, no stack trace, nothing written; every line ends with a newline.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { constants } from 'node:os';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemReason } from '../../src/core/system-errors.js';
import { toolTexts } from '../../src/core/texts.js';
import { EXAMPLE, ROOT, STACK_LINE, cleanEnv, listDir, runCli, type Ran } from '../support/cli.js';

const TIMEOUT = 60_000;
const CODES = Object.keys(constants.errno);
const CODE_WORD = new RegExp(`\\b(${CODES.join('|')})\\b`);
/** What an error message tells the user to do next. */
const ADVICE =
  /\b(Check|check|Choose|choose|Give|give|Put|put|Remove|remove|Move|move|Fix|fix|pass|use|Save|save|Rename|Shorten)\b/;

/** The tool's own texts and the rule base's, in both languages. */
const catalog = (...path: string[]): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, ...path), 'utf8')) as Record<string, string>;
const catalogs = {
  en: { ...catalog('src', 'core', 'texts', 'en.json'), ...catalog('rules', 'messages.en.json') },
  fr: { ...catalog('src', 'core', 'texts', 'fr.json'), ...catalog('rules', 'locales', 'fr.json') },
};

describe('the messages catalogs', () => {
  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s: no text holds a system error code', (lang) => {
    const withCode = Object.entries(catalogs[lang]).filter(([, text]) => CODE_WORD.test(text) || /\{code\}/.test(text));
    expect(withCode).toEqual([]);
  });

  it('a system error is worded, in English and French, and never shown as its code', () => {
    for (const lang of ['en', 'fr'] as const) {
      const texts = toolTexts(lang);
      for (const code of [...CODES, 'ERR_SOMETHING_NEW', undefined]) {
        const why = systemReason(texts, Object.assign(new Error(`${code}: x`), { code }));
        expect(why, `${lang} ${code}`).not.toMatch(CODE_WORD);
        expect(why.length).toBeGreaterThan(3);
      }
    }
    expect(systemReason(toolTexts('en'), { code: 'ENOENT' })).toBe('not found');
    expect(systemReason(toolTexts('en'), { code: 'EACCES' })).toBe('permission denied');
  });
});

/**
 * How to make a file unreadable: chmod, unless the tests run as root (CI does), who reads
 * everything; then the command runs as nobody through setpriv.
 */
const asRoot = process.getuid?.() === 0;
const setpriv = asRoot && spawnSync('setpriv', ['--version'], { stdio: 'ignore' }).status === 0;
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const canDenyReading = !asRoot || setpriv;
if (!canDenyReading)
  console.warn('plain-errors: running as root without setpriv: the unreadable-path cases are skipped');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tip-plain-errors-'));
  // Nobody (the unprivileged user) must reach the files meant to be readable.
  chmodSync(tmp, 0o755);
  mkdirSync(join(tmp, 'a-folder'));
  copyFileSync(EXAMPLE, join(tmp, 'a-folder', 'a.json'));
  chmodSync(join(tmp, 'a-folder', 'a.json'), 0o644);
  writeFileSync(join(tmp, 'locked.json'), readFileSync(EXAMPLE));
  writeFileSync(join(tmp, 'locked.csv'), 'responseType\nidp_cluster\n');
  copyFileSync(join(ROOT, 'examples', 'kobo-export.xlsx'), join(tmp, 'locked.xlsx'));
  mkdirSync(join(tmp, 'locked-folder'));
  copyFileSync(EXAMPLE, join(tmp, 'locked-folder', 'a.json'));
  mkdirSync(join(tmp, 'read-only'));
  writeFileSync(join(tmp, 'a-file'), 'not a folder');
  for (const f of ['locked.json', 'locked.csv', 'locked.xlsx', 'locked-folder']) chmodSync(join(tmp, f), 0o000);
  chmodSync(join(tmp, 'read-only'), 0o555);
});
afterAll(() => {
  for (const f of ['locked-folder', 'read-only']) chmodSync(join(tmp, f), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

const run = (args: string[], opts: { locked?: boolean } = {}): Promise<Ran> =>
  runCli(args, {
    cwd: tmp,
    env: cleanEnv({ NO_COLOR: '1', npm_command: '' }),
    ...(opts.locked && asRoot ? { wrapper: NOBODY } : {}),
  });

/** One line on stderr, exit 2, no trace, no code, the path named, advice given, nothing written. */
function expectPlain(r: Ran, path: string): void {
  const why = `stderr: ${r.stderr}\nstdout: ${r.stdout}`;
  expect(r.code, why).toBe(2);
  expect(r.stderr, why).toMatch(/^tip-coord: [^\n]+\n$/);
  expect(r.stderr, why).not.toMatch(STACK_LINE);
  expect(r.stderr, why).not.toMatch(CODE_WORD);
  expect(r.stderr, why).toContain(path);
  expect(r.stderr, why).toMatch(ADVICE);
  expect(r.stdout, why).toBe('');
}

const D = '--date=2026-11-29';

describe('a missing path, a folder for a file, a file for a folder', () => {
  it.each([
    [['assess', '--answers', 'missing.json', D], 'missing.json'],
    [['assess', '--answers', 'a-folder', D], 'a-folder'],
    [['assess', '--resume', 'missing.json', D], 'missing.json'],
    [['explain', '--answers', 'missing.json'], 'missing.json'],
    [['explain', '--answers', 'a-folder'], 'a-folder'],
    [['draft', '--answers', 'missing.json'], 'missing.json'],
    [['draft', '--answers', 'a-folder'], 'a-folder'],
    [['compare', 'missing.json'], 'missing.json'],
    [['compare', EXAMPLE, 'a-folder'], 'a-folder'],
    [['batch', 'missing.csv', '--out', 'out'], 'missing.csv'],
    [['batch', 'missing.xlsx', '--out', 'out'], 'missing.xlsx'],
    [['batch', 'a-file', '--out', 'out'], 'a-file'],
    [['rules', 'validate', '--rules', 'missing'], 'missing'],
    [['rules', 'validate', '--rules', 'a-file'], 'a-file'],
    [['rules', 'test', 'missing.json'], 'missing.json'],
    [['assess', '--answers', EXAMPLE, '--rules', 'missing', D], 'missing'],
    [['assess', '--answers', EXAMPLE, '--out', 'a-file', D], 'a-file'],
    [['assess', '--answers', EXAMPLE, '--out', 'out', '--save-answers', 'a-folder', D], 'a-folder'],
    [['assess', '--answers', EXAMPLE, '--out', 'out', '--save-answers', 'a-folder', '--force', D], 'a-folder'],
    [['batch', 'a-folder', '--out', 'a-file', D], 'a-file'],
    [['draft', '--answers', EXAMPLE, '--format', 'docx', '--out', 'a-file', D], 'a-file'],
    [['form', '--out', 'a-folder'], 'a-folder'],
    [['form', '--out', 'a-file/form.xlsx'], 'a-file'],
    [['rules', 'doc', '--out', 'a-folder'], 'a-folder'],
    [['rules', 'init', 'a-file'], 'a-file'],
  ])(
    '%j',
    async (args, path) => {
      const before = listDir(tmp);
      expectPlain(await run(args), path);
      expect(listDir(tmp)).toEqual(before);
    },
    TIMEOUT,
  );
});

describe.skipIf(!canDenyReading)('a path that cannot be read or written', () => {
  it.each([
    [['assess', '--answers', 'locked.json', D], 'locked.json'],
    [['explain', '--answers', 'locked.json'], 'locked.json'],
    [['draft', '--answers', 'locked.json'], 'locked.json'],
    [['compare', EXAMPLE, 'locked.json'], 'locked.json'],
    [['batch', 'locked.csv', '--out', 'out'], 'locked.csv'],
    [['batch', 'locked.xlsx', '--out', 'out'], 'locked.xlsx'],
    [['batch', 'locked-folder', '--out', 'out'], 'locked-folder'],
    [['rules', 'test', 'locked.json'], 'locked.json'],
    [['rules', 'validate', '--rules', 'locked-folder'], 'locked-folder'],
    [['assess', '--answers', EXAMPLE, '--out', 'read-only', D], 'read-only'],
    [['assess', '--answers', EXAMPLE, '--out', 'read-only/reports', D], 'read-only/reports'],
    [['batch', 'a-folder', '--out', 'read-only/reports', D], 'read-only/reports'],
    [['draft', '--answers', EXAMPLE, '--format', 'docx', '--out', 'read-only', D], 'read-only'],
    [['form', '--out', 'read-only/form.xlsx'], 'read-only/form.xlsx'],
    [['rules', 'doc', '--out', 'read-only/rules.md'], 'read-only/rules.md'],
    [['rules', 'init', 'read-only/rules'], 'read-only/rules'],
    [['rules', 'init', 'locked-folder'], 'locked-folder'],
  ])(
    '%j',
    async (args, path) => {
      expectPlain(await run(args, { locked: true }), path);
      expect(listDir(join(tmp, 'read-only'))).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('every command ends its output with a newline', () => {
  it.each([
    [[]],
    [['--version']],
    [['--help']],
    [['assess', '--answers', EXAMPLE, '--format', 'json', D]],
    [['assess', '--answers', EXAMPLE, '--out', 'nl', D]],
    [['explain', '--answers', EXAMPLE]],
    [['compare', EXAMPLE, '--set', 'meetingLoad=high']],
    [['draft', '--answers', EXAMPLE]],
    [['draft', '--answers', EXAMPLE, '--section', 'tor']],
    [['batch', 'a-folder', '--out', 'nl-batch', D]],
    [['form', '--out', 'nl-form.xlsx']],
    [['rules', 'validate']],
    [['rules', 'doc']],
  ])(
    '%j',
    async (args) => {
      const r = await run(args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\n$/);
      if (r.stderr !== '') expect(r.stderr).toMatch(/\n$/);
    },
    TIMEOUT,
  );
});
