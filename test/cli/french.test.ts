/**
 * The whole tool in French (issue 8): the same answers file gives the same recommendation ids in
 * both languages, and nothing English is left in what the user sees: every English text of the
 * rule base and of the tool's messages is searched for in the French output, fragment by fragment.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { englishFragments, englishIn, fr } from '../support/english.js';
import { cli, ROOT } from '../support/cli.js';

const EXAMPLE = 'examples/refugee-wg-documented.json';
const tmp = mkdtempSync(join(tmpdir(), 'tip-fr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function expectNoEnglish(text: string, where: string): void {
  const left = englishIn(text);
  expect(left, `${where} still shows English: ${left.slice(0, 5).join(' | ')}`).toEqual([]);
}

describe('tip-coord in French', () => {
  it('checks itself: the English fragments are found in an English report', () => {
    const out = join(tmp, 'en');
    const r = cli(['assess', '--answers', EXAMPLE, '--out', out, '--date', '2026-11-29', '--lang', 'en']);
    expect(r.code).toBe(0);
    const report = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(englishFragments.filter((f) => report.includes(f)).length).toBeGreaterThan(50);
  });

  it('writes the report in French, with no English left and dates in French', () => {
    const out = join(tmp, 'fr');
    const r = cli(['assess', '--answers', EXAMPLE, '--out', out, '--date', '2026-11-29', '--lang', 'fr']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(report).toContain(`## ${fr['messages.report.brief']}`);
    expect(report).toContain('29 novembre 2026');
    expect(report).toContain(fr['questions.governmentStance.choices.engaged']);
    expectNoEnglish(report, 'the report');
  });

  it('takes the language from the locale environment, and --lang overrides it', () => {
    const env = { LANG: 'fr_CD.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const frJson = JSON.parse(
      cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--date', '2026-11-29'], { env }).stdout,
    );
    const enJson = JSON.parse(
      cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--date', '2026-11-29', '--lang', 'en'], { env }).stdout,
    );
    // The example's group is in place: its title says so.
    expect(frJson.recommendations[0].title).toBe(fr['mechanisms.working_group.existingTitle']);
    expect(enJson.recommendations[0].title).toBe(
      loadRuleBase(DEFAULT_RULES_DIR, 'en').mechanisms.find((m) => m.id === 'working_group')!.existingTitle,
    );
    // One answers file, one recommendation: ids never depend on the language.
    const ids = (j: any) => ({
      primary: j.primary,
      recommended: j.recommendations.map((x: any) => [x.mechanism, x.role]),
      cautions: j.cautions.map((c: any) => c.id),
      actions: j.actions.map((a: any) => a.id),
      answersHash: j.stamp.answersHash,
    });
    expect(ids(frJson)).toEqual(ids(enJson));
  });

  it('explains, compares, drafts and runs a batch in French', () => {
    const explain = cli(['explain', '--answers', EXAMPLE, '--lang', 'fr']);
    expect(explain.code).toBe(0);
    expectNoEnglish(explain.stdout, 'explain');
    const compare = cli(['compare', EXAMPLE, '--set', 'governmentStance=resists_terminology', '--lang', 'fr']);
    expect(compare.code).toBe(0);
    expectNoEnglish(compare.stdout, 'compare');
    for (const set of [[], ['--set', 'governmentStance=resists_terminology']]) {
      const draft = cli(['draft', '--answers', EXAMPLE, ...set, '--lang', 'fr']);
      expect(draft.code).toBe(0);
      expectNoEnglish(draft.stdout + draft.stderr, 'draft');
    }
    const safe = cli([
      'draft',
      '--answers',
      EXAMPLE,
      '--set',
      'governmentStance=resists_terminology',
      '--lang',
      'fr',
    ]).stdout;
    expect(safe).not.toMatch(/(^|[^\p{L}])(traite|traités?|traitées?|trafiquants?|TdP)(?![\p{L}])/iu);
    const csv = join(tmp, 'batch.csv');
    writeFileSync(
      csv,
      'name,tipEvidence,governmentStance\nA,documented,engaged\nB,none,resists_terminology\nC,huge,engaged\n',
    );
    const out = join(tmp, 'batch');
    const batch = cli(['batch', csv, '--out', out, '--date', '2026-11-29', '--lang', 'fr']);
    expect(batch.code).toBe(0);
    expectNoEnglish(batch.stdout + batch.stderr, 'batch output');
    for (const f of readdirSync(out).filter((x) => x.endsWith('.md') || x.endsWith('.svg')))
      expectNoEnglish(readFileSync(join(out, f), 'utf8'), `batch file ${f}`);
  });

  it('words user errors and --help in French', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, answers: { governmentStance: 'hostile' } }));
    const r = cli(['assess', '--answers', bad, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"hostile"');
    expect(r.stderr).toContain(' ou ');
    expect(r.stderr).not.toContain('valid:');
    // Each user error of the main paths, worded in French and nothing else.
    const cases: [string[], string][] = [
      [['assess', '--lang', 'fr'], fr['messages.error.noTerminal']!.split('{cmd}')[0]!],
      [
        ['assess', '--answers', join(tmp, 'nowhere.json'), '--lang', 'fr'],
        fr['messages.error.file.notFound']!.split('{path}')[1]!,
      ],
      [
        ['assess', '--answers', EXAMPLE, '--date', '2026-13-01', '--lang', 'fr'],
        fr['messages.error.date']!.split(':')[1]!.trim().slice(0, 20),
      ],
      [['assess', '--answers', EXAMPLE, '--out', join(EXAMPLE, 'x'), '--lang', 'fr'], 'Impossible de créer le dossier'],
      [['rules', 'init', join(tmp, 'copy2'), '--name', 'a@b.org', '--lang', 'fr'], 'adresse'],
      [['explain', '--lang', 'fr'], fr['messages.error.explainNeedsAnswers']!],
    ];
    for (const [args, expected] of cases) {
      const e = cli(args);
      expect(e.code, args.join(' ')).toBe(2);
      expect(e.stderr, args.join(' ')).toContain(expected);
      expect(englishIn(e.stderr), args.join(' ')).toEqual([]);
      expect(e.stderr).not.toMatch(/^\s+at /m);
    }
    const help = cli(['assess', '--help', '--lang', 'fr']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Utilisation');
    expect(help.stdout).not.toMatch(/Usage:|Options:|display help for command|answers file/);
  });

  it('refuses a rule copy whose French is incomplete, naming the key', () => {
    const copy = join(tmp, 'rules-copy');
    expect(cli(['rules', 'init', copy]).code).toBe(0);
    const path = join(copy, 'locales', 'fr.json');
    const t = JSON.parse(readFileSync(path, 'utf8'));
    delete t['mechanisms.working_group.title'];
    t['messages.report.title'] = 'Coordination : sans le nom';
    writeFileSync(path, JSON.stringify(t));
    const r = cli(['assess', '--answers', EXAMPLE, '--rules', copy, '--lang', 'fr', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mechanisms.working_group.title');
    const all = cli(['rules', 'validate', '--rules', copy, '--lang', 'fr']);
    expect(all.code).toBe(2);
    expect(all.stdout + all.stderr).toContain('placeholders');
  });
});

void ROOT;
