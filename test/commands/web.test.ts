import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as web } from '../../src/cli/commands/web.js';
import { ROOT } from '../support/cli.js';
import { testContext } from '../support/context.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-web-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const built = existsSync(join(ROOT, 'dist', 'web', 'page.js'));
if (!built) console.log('web, run in-process: skipped, dist/web/page.js is not built (npm run build).');

describe.skipIf(!built)('web, run in-process', () => {
  it('writes the page in the language of the run and says where, in that language', async () => {
    const out = join(tmp, 'page.html');
    const t = testContext({ lang: 'fr' });
    expect(await web({ out }, t.ctx)).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(t.stdout()).toContain(`Page écrite\u00a0: ${out}`);
    expect(t.stderr()).toBe('');
  });

  it('refuses to replace a file without --force', async () => {
    const out = join(tmp, 'taken.html');
    expect(await web({ out }, testContext().ctx)).toBe(0);
    await expect(web({ out }, testContext().ctx)).rejects.toThrow(/taken\.html/);
    expect(await web({ out, force: true }, testContext().ctx)).toBe(0);
  });
});
