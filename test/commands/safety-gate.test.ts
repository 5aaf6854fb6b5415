/**
 * The one safety gate (src/cli/gate.ts): every name or path that can reach a file the tool
 * writes passes one personal-data and control-character check, for every command and format.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as assess } from '../../src/cli/commands/assess.js';
import { run as batch } from '../../src/cli/commands/batch.js';
import { run as draft } from '../../src/cli/commands/draft.js';
import { run as form } from '../../src/cli/commands/form.js';
import { run as doc } from '../../src/cli/commands/rules/doc.js';
import { run as init } from '../../src/cli/commands/rules/init.js';
import { writeNewReport } from '../../src/cli/report-files.js';
import { EXAMPLE, ROOT } from '../support/cli.js';
import { testContext } from '../support/context.js';
import { masked } from '../../src/core/personal-data.js';

const EMAIL = 'amina.k@example.org';
const tmp = mkdtempSync(join(tmpdir(), 'tip-gate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An answers file whose response name holds an e-mail address. */
const named = join(tmp, 'named.json');
/** A rule copy whose rule-set name holds one. */
const copy = join(tmp, 'rules-copy');
beforeAll(async () => {
  const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
  answers.response.name = `Call with ${EMAIL}`;
  writeFileSync(named, JSON.stringify(answers));
  expect(await init({ dir: copy, name: `Rules of ${EMAIL}`, allowPersonalData: true }, testContext().ctx)).toBe(0);
});

const refused = async (run: Promise<number>): Promise<string> => {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'the run should have been refused').toBeInstanceOf(Error);
  return (err as Error).message;
};

/** Every file under a folder, by path relative to it. */
const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

describe('the safety gate', () => {
  it('draft --format docx refuses a response name holding an e-mail address, and writes nothing', async () => {
    const out = join(tmp, 'draft-docx');
    const why = await refused(draft({ answers: named, format: 'docx', out }, testContext().ctx));
    expect(why).toContain(`"response.name" holds what looks like an e-mail address (“${masked(EMAIL)}”)`);
    expect(why).not.toContain(EMAIL);
    expect(files(out)).toEqual([]);
    // Every format: the markdown on stdout goes into documents too.
    await refused(draft({ answers: named, format: 'md' }, testContext().ctx));
    // Unless the user says it is no personal data.
    const t = testContext();
    expect(await draft({ answers: named, format: 'docx', out, allowPersonalData: true }, t.ctx)).toBe(0);
    expect(files(out)).toHaveLength(1);
  });

  it('assess refuses --save-answers amina.k@example.org.json before anything is written', async () => {
    const out = join(tmp, 'save-email');
    const saved = join(tmp, `${EMAIL}.json`);
    const why = await refused(assess({ answers: EXAMPLE, format: 'md', out, saveAnswers: saved }, testContext().ctx));
    expect(why).toMatch(/^--save-answers holds what looks like an e-mail address/);
    expect(existsSync(saved)).toBe(false);
    expect(files(out)).toEqual([]);
  });

  it('a report never copies a path the user typed: --save-answers is named generically, answers beside by their own name', async () => {
    const out = join(tmp, 'call-3', 'reports');
    const saved = join(tmp, 'call-3', 'my-answers.json');
    expect(await assess({ answers: EXAMPLE, format: 'md', out, saveAnswers: saved }, testContext().ctx)).toBe(0);
    const [report] = files(out);
    const text = readFileSync(join(out, report!), 'utf8');
    expect(text).toMatch(/To try one: `tip-coord assess --answers FILE --set /);
    expect(text).not.toContain('my-answers');
    expect(text).not.toContain(tmp);

    // Beside the report: named by the file's own name, not by the --out folder the user typed.
    const beside = join(tmp, 'call-4', 'reports');
    expect(await assess({ answers: EXAMPLE, format: 'md', out: beside }, testContext().ctx)).toBe(0);
    const [answersFile, md] = files(beside);
    expect(readFileSync(join(beside, md!), 'utf8')).toContain(`\`tip-coord assess --answers ${answersFile} --set `);
    expect(readFileSync(join(beside, md!), 'utf8')).not.toContain('call-4');
  });

  it('rules doc refuses a rule-set name holding an e-mail address, on stdout as in a file', async () => {
    const t = testContext();
    const why = await refused(doc({ rules: copy }, t.ctx));
    expect(why).toContain(`ruleset.json: "name" holds what looks like an e-mail address (“${masked(EMAIL)}”)`);
    expect(why).not.toContain(EMAIL);
    expect(t.stdout()).toBe('');
    const out = join(tmp, 'review.md');
    await refused(doc({ rules: copy, out }, testContext().ctx));
    expect(existsSync(out)).toBe(false);
    const allowed = testContext();
    expect(await doc({ rules: copy, allowPersonalData: true }, allowed.ctx)).toBe(0);
    expect(allowed.stdout()).toContain(EMAIL);
  });

  it('form refuses a rule-set name holding an e-mail address: the XLSForm is titled by it', async () => {
    const out = join(tmp, 'form.xlsx');
    const why = await refused(form({ rules: copy, out }, testContext().ctx));
    expect(why).toContain('ruleset.json: "name" holds what looks like an e-mail address');
    expect(existsSync(out)).toBe(false);
  });

  it('--out holding personal data or a control character is refused by every command that writes', async () => {
    const email = join(tmp, EMAIL);
    const runs: Array<[string, () => Promise<number>]> = [
      ['assess', () => assess({ answers: EXAMPLE, format: 'md', out: email }, testContext().ctx)],
      ['draft', () => draft({ answers: EXAMPLE, format: 'docx', out: email }, testContext().ctx)],
      ['batch', () => batch({ path: join(ROOT, 'examples'), format: 'md', out: email }, testContext().ctx)],
      ['form', () => form({ out: join(email, 'form.xlsx') }, testContext().ctx)],
      ['rules doc', () => doc({ out: join(email, 'doc.md') }, testContext().ctx)],
    ];
    for (const [name, run] of runs)
      expect(await refused(run()), name).toMatch(/^--out holds what looks like an e-mail/);
    expect(existsSync(email)).toBe(false);
    const bell = join(tmp, 'out\u0007');
    expect(await refused(assess({ answers: EXAMPLE, format: 'md', out: bell }, testContext().ctx))).toContain('--out');
    expect(await refused(assess({ answers: EXAMPLE, format: 'md', out: bell }, testContext().ctx))).toContain(
      '\\u0007',
    );
    expect(existsSync(bell)).toBe(false);
  });

  it('batch: a file name holding an e-mail address becomes a numbered label; a name cell holding one skips its row', async () => {
    const input = join(tmp, 'batch-in');
    const out = join(tmp, 'batch-out');
    mkdirSync(input);
    const unnamed = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response?: unknown };
    delete unnamed.response;
    writeFileSync(join(input, `${EMAIL}.json`), JSON.stringify(unnamed));
    copyFileSync(named, join(input, 'named.json'));
    copyFileSync(EXAMPLE, join(input, 'plain.json'));
    const t = testContext();
    expect(await batch({ path: input, format: 'md', out }, t.ctx)).toBe(0);
    for (const f of files(out)) {
      expect(f).not.toMatch(/amina/);
      expect(readFileSync(join(out, f), 'utf8')).not.toContain(EMAIL);
    }
    expect(t.stderr()).toContain('named.json: the name holds what looks like an e-mail address');
  });

  it('in src/cli, only the gate calls the personal-data check', () => {
    const cli = join(ROOT, 'src', 'cli');
    const callers = readdirSync(cli, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && /core\/personal-data\.js/.test(readFileSync(join(cli, f), 'utf8')))
      .sort();
    expect(callers).toEqual(['gate.ts']);
  });

  it('report-files writes only under names that passed the gate (a compile-time check)', () => {
    // @ts-expect-error a plain string has not passed the gate
    const write = (): string => writeNewReport(join(tmp, 'x'), '2024-03-01', 'x', 'md', '');
    expect(write).toBeTypeOf('function');
  });
});
