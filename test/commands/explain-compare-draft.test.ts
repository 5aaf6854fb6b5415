import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as explain } from '../../src/cli/commands/explain.js';
import { run as compare } from '../../src/cli/commands/compare.js';
import { run as draft } from '../../src/cli/commands/draft.js';
import { EXAMPLE, ROOT } from '../support/cli.js';
import { FIXED_DATE, testContext } from '../support/context.js';

const ALL_UNKNOWN = join(ROOT, 'examples', 'all-unknown.json');
const tmp = mkdtempSync(join(tmpdir(), 'tip-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('explain, run in-process', () => {
  it('prints the trace of one mechanism as markdown, and as JSON', async () => {
    const md = testContext();
    expect(await explain({ answers: EXAMPLE, mechanism: 'working_group', format: 'md' }, md.ctx)).toBe(0);
    expect(md.stdout()).toContain('wg-several-patterns');
    const json = testContext();
    expect(await explain({ answers: EXAMPLE, format: 'json' }, json.ctx)).toBe(0);
    expect(JSON.parse(json.stdout())).toBeTypeOf('object');
  });

  it('names the valid ids for an unknown --mechanism, in French too', async () => {
    const t = testContext({ lang: 'fr' });
    await expect(explain({ answers: EXAMPLE, mechanism: 'nope', format: 'md' }, t.ctx)).rejects.toThrow(
      /ni un mécanisme ni un point de vigilance.*working_group/,
    );
  });
});

describe('compare, run in-process', () => {
  it('compares two answers files, labelled by their response names', async () => {
    const t = testContext();
    expect(await compare({ a: EXAMPLE, b: ALL_UNKNOWN, format: 'json' }, t.ctx)).toBe(0);
    const c = JSON.parse(t.stdout());
    expect(JSON.stringify(c)).toContain('Example refugee response (documented cases)');
  });

  it('is a what-if with one file and --set, labelled with the change', async () => {
    const t = testContext();
    expect(await compare({ a: EXAMPLE, set: ['governmentStance=engaged'], format: 'md' }, t.ctx)).toBe(0);
    expect(t.stdout()).toContain('+ governmentStance=engaged');
  });
});

describe('draft, run in-process', () => {
  it('prints the paste-ready sections on stdout, nothing on stderr', async () => {
    const t = testContext();
    expect(await draft({ answers: EXAMPLE, format: 'md' }, t.ctx)).toBe(0);
    expect(t.stdout()).toContain('## Protection strategies');
    expect(t.stderr()).toBe('');
  });

  it('writes a Word file dated by the clock into --out and prints its path', async () => {
    const t = testContext();
    const out = join(tmp, 'draft');
    expect(await draft({ answers: EXAMPLE, format: 'docx', out }, t.ctx)).toBe(0);
    const [file] = readdirSync(out);
    expect(file).toBe(`${FIXED_DATE}-example-refugee-response-documented-cases.draft.docx`);
    expect(t.stdout()).toBe(`${join(out, file!)}\n`);
  });

  it('needs answers', async () => {
    await expect(draft({ format: 'md' }, testContext().ctx)).rejects.toThrow(/--answers/);
  });
});
