/**
 * The command line itself (issue 14 points 7 and 8, issue 11 item 5): commander's errors worded
 * by the tool, with "did you mean", in one line, exit 2, in English and French; formats in any
 * case; what each help says (top-level: what the tool does, where to start, exit codes, examples;
 * subcommands: no exit-code table, where ids are listed, examples).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, STACK_LINE, cleanEnv, refusal, runCli, type Ran } from '../support/cli.js';

const TIMEOUT = 30_000;
// Without npm's variables: run through `npx vitest`, the tool would say "npx tip-coord".
const run = (args: string[]): Promise<Ran> => runCli(args, { env: cleanEnv({ npm_command: '' }) });

describe('command-line errors', () => {
  it.each<[string[], string[]]>([
    [['asess'], ['unknown command "asess"', 'did you mean "assess"?', 'tip-coord --help lists the commands']],
    [
      ['help', 'asess'],
      ['unknown command "asess"', 'did you mean "assess"?'],
    ],
    [
      ['rules', 'valdate'],
      ['unknown command "valdate"', 'did you mean "validate"?', 'tip-coord rules --help'],
    ],
    [
      ['rules', 'help', 'doc2'],
      ['unknown command "doc2"', 'did you mean "doc"?'],
    ],
    [['frobnicate'], ['unknown command "frobnicate"; tip-coord --help']],
    [
      ['assess', '--answerz', EXAMPLE],
      ['unknown option "--answerz"', 'did you mean "--answers"?', 'tip-coord assess --help lists the options'],
    ],
    [
      ['--lnag', 'fr', 'assess'],
      ['unknown option "--lnag"', 'did you mean "--lang"?'],
    ],
    [['assess', '--bogus'], ['unknown option "--bogus"; tip-coord assess --help']],
    [
      ['assess', '--answers'],
      ['--answers <file>: a value is missing', 'tip-coord assess --help'],
    ],
    [['compare'], ['missing <a>', 'tip-coord compare --help']],
    [['batch'], ['missing <path>']],
    [
      ['assess', 'extra'],
      ['too many arguments', '"extra"'],
    ],
    [
      ['assess', '--answers', EXAMPLE, '--format', 'jsn'],
      ['--format "jsn"', '"md", "html", "docx" or "json"', 'did you mean "json"?'],
    ],
    [
      ['batch', 'x', '--format', 'json'],
      ['--format "json"', '"md", "html" or "docx"'],
    ],
  ])(
    '%j: one line "tip-coord: …", exit 2, no stack',
    async (args, expected) => {
      const r = await run(args);
      const { ok, why } = refusal(r);
      expect(ok, why).toBe(true);
      for (const e of expected) expect(r.stderr).toContain(e);
    },
    TIMEOUT,
  );

  it(
    'in French with --lang fr, before or after the command',
    async () => {
      for (const args of [
        ['--lang', 'fr', 'asess'],
        ['assess', '--answerz', 'x', '--lang', 'fr'],
        ['assess', '--format', 'jsn', '--lang', 'fr'],
      ]) {
        const r = await run(args);
        const { ok, why } = refusal(r);
        expect(ok, why).toBe(true);
        expect(r.stderr).toMatch(/vouliez-vous dire «\s(assess|--answers|json)\s»/);
        expect(r.stderr).not.toMatch(/unknown|did you mean|valid formats/);
      }
    },
    TIMEOUT,
  );

  it(
    '"already exists (choose another --out or add --force)" in French too',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'tip-coord-force-')), 'doc.md');
      writeFileSync(out, 'kept');
      const r = await run(['rules', 'doc', '--out', out, '--lang', 'fr']);
      const { ok, why } = refusal(r);
      expect(ok, why).toBe(true);
      expect(r.stderr).toMatch(/existe déjà \(choisissez un autre --out ou ajoutez --force\)/);
      expect(readFileSync(out, 'utf8')).toBe('kept');
      rmSync(dirname(out), { recursive: true, force: true });
    },
    TIMEOUT,
  );

  it(
    "help COMMAND shows that command's help and exits 0",
    async () => {
      const r = await run(['help', 'assess']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: tip-coord assess');
      expect(r.stderr).toBe('');
    },
    TIMEOUT,
  );
});

describe('formats in any case', () => {
  it.each([['JSON'], ['Json'], ['json']])(
    'assess --format %s prints the JSON result',
    async (format) => {
      const r = await run(['assess', '--answers', EXAMPLE, '--format', format, '--date', '2026-01-01']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toHaveProperty('primary');
    },
    TIMEOUT,
  );
});

describe('help', () => {
  it(
    'tip-coord alone: the short help on stdout (what it is, "Start here", the next things to do, where the documentation is), exit 0',
    async () => {
      const r = await run([]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^tip-coord helps a Protection Cluster coordinator/);
      expect(r.stdout).toContain('Start here: tip-coord assess');
      expect(r.stdout).toContain('tip-coord batch export.xlsx');
      expect(r.stdout).toContain('Every command and option: tip-coord --help. Documentation: docs/README.md');
      expect(r.stdout).not.toContain('Options:');
      expect(r.stdout.endsWith('\n')).toBe(true);
      expect(r.stdout.split('\n').length).toBeLessThanOrEqual(24);
      const fr = await run(['--lang', 'fr']);
      expect(fr.code, fr.stderr).toBe(0);
      expect(fr.stdout).toContain('Pour commencer\u00a0: tip-coord assess');
    },
    TIMEOUT,
  );

  it(
    'a command group alone (tip-coord rules) shows its help on stdout, exit 0',
    async () => {
      const r = await run(['rules']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Usage: tip-coord rules');
      expect(r.stderr).toBe('');
    },
    TIMEOUT,
  );

  it(
    'top level: starts with what the tool does and where to start, ends with examples; exit codes once',
    async () => {
      const r = await run(['--help']);
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^tip-coord helps a Protection Cluster coordinator decide how to coordinate/);
      expect(lines.slice(0, 4).join(' ')).toMatch(/\bStart here: tip-coord assess\b/);
      // Wrapped at words, within 80 columns (the width when not in a terminal).
      expect(lines.filter((l) => l.length > 80 && !l.startsWith('  tip-coord '))).toEqual([]);
      expect(r.stdout).toContain('Exit codes:');
      const examples = r.stdout.lastIndexOf('Examples:');
      expect(examples).toBeGreaterThan(r.stdout.indexOf('Exit codes:'));
      expect(lines.at(-1)).toMatch(/^ {2}tip-coord /);
      expect(r.stdout).toContain('tip-coord assess --answers examples/refugee-wg-documented.json');
    },
    TIMEOUT,
  );

  it.each([
    [['assess']],
    [['explain']],
    [['compare']],
    [['draft']],
    [['batch']],
    [['rules']],
    [['rules', 'validate']],
    [['rules', 'test']],
    [['rules', 'doc']],
    [['rules', 'init']],
  ])(
    '%j --help: examples, no exit-code table',
    async (cmd) => {
      const r = await run([...cmd, '--help']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).not.toContain('Exit codes:');
      expect(r.stdout).not.toMatch(STACK_LINE);
    },
    TIMEOUT,
  );

  it(
    'options taking ids say where the ids are listed, or list them',
    async () => {
      const assess = await run(['assess', '--help']);
      // A short page of ids and values (docs/answers.md), not the whole rules document.
      expect(assess.stdout.replace(/\s+/g, ' ')).toContain('the question ids and their values: docs/answers.md');
      const explain = await run(['explain', '--help']);
      expect(explain.stdout).toContain('working_group');
      expect(explain.stdout).toContain('data_protection');
    },
    TIMEOUT,
  );

  it(
    "in French: commander's titles and defaults, the notes and the exit codes",
    async () => {
      const top = await run(['--help', '--lang', 'fr']);
      expect(top.code).toBe(0);
      expect(top.stdout).toMatch(/^tip-coord aide /);
      expect(top.stdout).toContain('Pour commencer');
      expect(top.stdout).toContain('Codes de sortie');
      expect(top.stdout).toContain('Exemples');
      expect(top.stdout).not.toMatch(/Usage:|Options:|Commands:|Examples:|display help/);
      const batch = await run(['batch', '--help', '--lang', 'fr']);
      expect(batch.stdout).toMatch(/\(par défaut\s:\s"reports"\)/);
      expect(batch.stdout).not.toMatch(/default:|Exit code/);
    },
    TIMEOUT,
  );
});

describe('rule copies', () => {
  it(
    "need not carry the tool's own texts (cli.* and the others): they ship with the program",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tip-coord-copy-'));
      const copy = join(dir, 'rules-x');
      expect((await run(['rules', 'init', copy])).code).toBe(0);
      for (const [file, prefix] of [
        ['messages.en.json', 'cli.'],
        [join('locales', 'fr.json'), 'messages.cli.'],
      ] as const) {
        const path = join(copy, file);
        const texts = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
        for (const k of Object.keys(texts)) if (k.startsWith(prefix)) delete texts[k];
        writeFileSync(path, JSON.stringify(texts, null, 2));
      }
      const validate = await run(['rules', 'validate', '--rules', copy]);
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);
      const r = await run(['assess', '--answers', EXAMPLE, '--rules', copy, '--format', 'json', '--lang', 'fr']);
      expect(r.code, r.stderr).toBe(0);
      // A report and saved answers: the run says where with the tool's own words (cli.answersSaved).
      for (const lang of ['en', 'fr']) {
        const saved = join(dir, `saved-${lang}.json`);
        const args = ['--rules', copy, '--out', join(dir, 'out'), '--save-answers', saved, '--lang', lang];
        const md = await run(['assess', '--answers', EXAMPLE, ...args]);
        expect(md.code, md.stderr).toBe(0);
        expect(md.stderr).toContain(
          lang === 'en' ? `Answers saved to ${saved}` : `Réponses enregistrées dans ${saved}`,
        );
        expect(md.stderr).not.toMatch(/Missing message|unexpected error/);
      }
      const help = await run(['assess', '--help', '--rules', copy, '--lang', 'fr']);
      expect(help.stdout).toContain('Utilisation');
      rmSync(dir, { recursive: true, force: true });
    },
    TIMEOUT,
  );
});
