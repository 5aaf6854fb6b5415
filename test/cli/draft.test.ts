import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-draft-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EXAMPLE = 'examples/refugee-wg-documented.json';

describe('tip-coord draft', () => {
  it('prints all three sections as markdown on stdout, nothing on stderr', () => {
    const r = cli(['draft', '--answers', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('## Protection risk analysis (needs analysis of the RRP or JRP)');
    expect(r.stdout).toContain('**Information gaps and limitations.**');
    expect(r.stdout).toContain('**Trafficking in Persons, Forced Labour or Slavery-Like Practices.**');
    expect(r.stdout).toContain('## Protection response (Refugee Response Plan, RRP, or Joint Response Plan, JRP');
    expect(r.stdout).toContain('## Protection strategies');
  });

  it('prints one section with --section, and JSON with --format json', () => {
    const hrp = cli(['draft', '--answers', EXAMPLE, '--section', 'hrp']);
    expect(hrp.code).toBe(0);
    expect(hrp.stdout).toContain('[target]');
    expect(hrp.stdout).not.toContain('## Protection risk analysis');
    expect(hrp.stdout).not.toContain('## Protection strategies');
    const json = JSON.parse(cli(['draft', '--answers', EXAMPLE, '--section', 'strategy', '--format', 'json']).stdout);
    expect(Object.keys(json).sort()).toEqual(['sources', 'strategy', 'variant']);
    expect(json.strategy.cluster).toMatch(/^The protection working group/);
  });

  it('applies --set, and says on stderr (not in the text) when the safe variant is used', () => {
    const r = cli(['draft', '--answers', EXAMPLE, '--set', 'governmentStance=resists_terminology']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/traffick|\btip\b/i);
    expect(r.stderr).toMatch(/terminology-safe/);
  });

  it('refuses an invalid --section naming the valid ones', () => {
    const r = cli(['draft', '--answers', EXAMPLE, '--section', 'summary']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('"hno", "hrp", "strategy" or "tor"');
  });

  it('without a terminal and without --answers, stops at once naming --answers', () => {
    const r = cli(['draft']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--answers');
    expect(r.stdout).toBe('');
  });

  it('names the file and key of a bad answers file', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ version: 1, answers: { tipScale: 'huge' } }));
    const r = cli(['draft', '--answers', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toContain('"answers.tipScale" has "huge"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
