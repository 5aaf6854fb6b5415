import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as validate } from '../../src/cli/commands/rules/validate.js';
import { run as test } from '../../src/cli/commands/rules/test.js';
import { run as doc } from '../../src/cli/commands/rules/doc.js';
import { run as init } from '../../src/cli/commands/rules/init.js';
import { testContext } from '../support/context.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-rules-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('rules commands, run in-process', () => {
  it('validate: the built-in rule base is valid', async () => {
    const t = testContext();
    expect(await validate({}, t.ctx)).toBe(0);
    expect(t.stdout()).toMatch(/✓ Valid/);
  });

  it('validate: a bad --samples is refused by name', async () => {
    await expect(validate({ deep: true, samples: 'many' }, testContext().ctx)).rejects.toThrow(/--samples "many"/);
  });

  it('test: every built-in scenario passes', async () => {
    const t = testContext();
    expect(await test({ files: [] }, t.ctx)).toBe(0);
    expect(t.stdout()).toMatch(/, 0 failed/);
  });

  it('doc: the review document on stdout, or in --out', async () => {
    const t = testContext();
    expect(await doc({}, t.ctx)).toBe(0);
    expect(t.stdout()).toMatch(/^# /);
    const out = join(tmp, 'review.md');
    const f = testContext({ lang: 'fr' });
    expect(await doc({ out }, f.ctx)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    expect(f.stdout()).toContain(out);
  });

  it('init: copies the built-in rule base, named, and the copy validates', async () => {
    const dir = join(tmp, 'rules-country-x');
    const t = testContext();
    expect(await init({ dir, name: 'Country X' }, t.ctx)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'ruleset.json'), 'utf8')).name).toBe('Country X');
    expect(existsSync(join(dir, 'scenarios'))).toBe(true);
    const v = testContext();
    expect(await validate({ rules: dir }, v.ctx)).toBe(0);
  });
});
