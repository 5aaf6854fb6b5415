import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as batch } from '../../src/cli/commands/batch.js';
import { run as form } from '../../src/cli/commands/form.js';
import { EXAMPLE, ROOT } from '../support/cli.js';
import { FIXED_DATE, testContext } from '../support/context.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-batch-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('batch, run in-process', () => {
  it('writes one report per response and a summary with its chart, dated by the clock', async () => {
    const input = join(tmp, 'in');
    mkdirSync(input);
    copyFileSync(EXAMPLE, join(input, 'a.json'));
    copyFileSync(join(ROOT, 'examples', 'all-unknown.json'), join(input, 'b.json'));
    const out = join(tmp, 'out');
    const t = testContext();
    expect(await batch({ path: input, out, format: 'md' }, t.ctx)).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(4);
    expect(files.every((f) => f.startsWith(`${FIXED_DATE}-`))).toBe(true);
    expect(files.filter((f) => f.endsWith('.svg'))).toHaveLength(1);
    expect(t.stdout()).toContain(out);
    expect(t.stderr()).toBe('');
  });

  it('stops with exit 2 and a clear error when no response could run', async () => {
    const input = join(tmp, 'empty.csv');
    const t = testContext();
    await expect(batch({ path: input, out: join(tmp, 'none'), format: 'md' }, t.ctx)).rejects.toThrow(/empty\.csv/);
    expect(existsSync(join(tmp, 'none'))).toBe(false);
  });
});

describe('form, run in-process', () => {
  it('writes the XLSForm and says how many questions in which languages', async () => {
    const out = join(tmp, 'form.xlsx');
    const t = testContext({ lang: 'fr' });
    expect(await form({ out }, t.ctx)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(t.stdout()).toMatch(/^XLSForm écrit.*langues\s:\sEnglish \(en\), Français \(fr\)/);
  });
});
