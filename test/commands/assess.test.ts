import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/assess.js';
import { UserError } from '../../src/core/errors.js';
import { EXAMPLE } from '../support/cli.js';
import { FIXED_DATE, testContext } from '../support/context.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-assess-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = { format: 'md', out: join(tmp, 'reports') };

describe('assess, run in-process', () => {
  it('writes the report and its answers beside it, dated by the clock, and prints the report path', async () => {
    const t = testContext();
    const out = join(tmp, 'md');
    expect(await run({ ...base, out, answers: EXAMPLE }, t.ctx)).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual([
      `${FIXED_DATE}-example-refugee-response-documented-cases.answers.json`,
      `${FIXED_DATE}-example-refugee-response-documented-cases.md`,
    ]);
    expect(t.stdout()).toBe(`${join(out, files[1]!)}\n`);
    expect(t.stderr()).toBe('');
    const report = readFileSync(join(out, files[1]!), 'utf8');
    expect(report).toMatch(/^# .*Example refugee response \(documented cases\)\n/);
    expect(statSync(join(out, files[0]!)).mode & 0o777).toBe(0o600);
  });

  it('prints the JSON result with --format json and writes nothing', async () => {
    const t = testContext({ env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const out = join(tmp, 'json');
    expect(await run({ ...base, out, format: 'json', answers: EXAMPLE }, t.ctx)).toBe(0);
    const result = JSON.parse(t.stdout());
    // SOURCE_DATE_EPOCH from the context's environment, not the process's.
    expect(result.stamp.date).toBe('2023-11-14');
    expect(result.primary).toBe('working_group');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to ask questions without a terminal, in the language of the context', async () => {
    const en = testContext();
    await expect(run({ ...base }, en.ctx)).rejects.toThrow(/No terminal to ask the questions in/);
    const fr = testContext({ lang: 'fr' });
    await expect(run({ ...base }, fr.ctx)).rejects.toThrow(/Pas de terminal où poser les questions/);
  });

  it('refuses a response name holding personal data before writing anything', async () => {
    const t = testContext();
    const out = join(tmp, 'named');
    const err = await run({ ...base, out, answers: EXAMPLE, name: 'Call with amina.k@example.org' }, t.ctx).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/--name holds what looks like an e-mail address/);
    expect(existsSync(out)).toBe(false);
  });

  it('applies --set and saves the answers where --save-answers says', async () => {
    const t = testContext();
    const out = join(tmp, 'set');
    const saved = join(tmp, 'saved.json');
    const code = await run(
      { ...base, out, answers: EXAMPLE, set: ['governmentStance=engaged'], saveAnswers: saved, date: '2025-01-02' },
      t.ctx,
    );
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(saved, 'utf8')).answers.governmentStance).toBe('engaged');
    expect(t.stderr()).toContain(`Answers saved to ${saved}`);
    expect(readdirSync(out)).toEqual(['2025-01-02-example-refugee-response-documented-cases.md']);
  });
});
