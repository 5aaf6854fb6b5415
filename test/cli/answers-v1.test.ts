import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

/** Version-1 answers files through the real command line: read as version 2, said once on stderr (issue 12). */
const tmp = mkdtempSync(join(tmpdir(), 'tip-v1-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const V1_EXAMPLE = join(ROOT, 'test', 'fixtures', 'v1', 'examples', 'refugee-wg-documented.json');
const implicated = join(tmp, 'implicated.json');
writeFileSync(
  implicated,
  JSON.stringify({
    version: 1,
    response: { name: 'Old file' },
    answers: { governmentStance: 'implicated', antiTipActors: 'none', tipEvidence: 'anecdotal', gbvAor: 'active' },
  }),
);
const lines = (s: string): string[] => s.split('\n').filter(Boolean);

describe('a version-1 answers file', () => {
  it('assess: read as version 2, one notice on stderr listing what was read how, nothing dropped', () => {
    const r = cli(['assess', '--answers', implicated, '--format', 'json', '--date', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`${implicated}: answers file version 1, read as version 2`);
    expect(r.stderr).toContain(
      'governmentStance "implicated" read as officialComplicity "suspected", governmentStance "unknown"',
    );
    expect(r.stderr).toContain('antiTipActors "none" read as antiTipActors []');
    const j = JSON.parse(r.stdout);
    expect(j.answers.officialComplicity).toBe('suspected');
    expect(j.answers.governmentStance).toBe('unknown');
    expect(j.answers.antiTipActors).toEqual([]);
    expect(j.recommendations.map((x: { mechanism: string }) => x.mechanism)).not.toContain('national_linkage');
  });

  it('--save-answers writes version 2, which then loads without a notice and gives the same result', () => {
    const saved = join(tmp, 'saved.json');
    const r = cli([
      'assess',
      '--answers',
      implicated,
      '--save-answers',
      saved,
      '--format',
      'json',
      '--date',
      '2026-11-29',
    ]);
    expect(r.code).toBe(0);
    const file = JSON.parse(readFileSync(saved, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.answers.officialComplicity).toBe('suspected');
    const again = cli(['assess', '--answers', saved, '--format', 'json', '--date', '2026-11-29']);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).primary).toBe(JSON.parse(r.stdout).primary);
  });

  it('--resume, explain, draft and compare read it too, each saying so once', () => {
    const resumed = cli(['assess', '--resume', V1_EXAMPLE, '--format', 'json', '--date', '2026-11-29']);
    expect(resumed.code).toBe(0);
    expect(lines(resumed.stderr)).toEqual([
      expect.stringContaining('antiTipActors "in_cluster" read as antiTipActors ["in_cluster"]'),
    ]);
    for (const args of [
      ['explain', '--answers', V1_EXAMPLE, '--format', 'json'],
      ['draft', '--answers', V1_EXAMPLE, '--format', 'json'],
      ['compare', V1_EXAMPLE, '--format', 'json'],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(
        lines(r.stderr).filter((l) => l.includes('version 1, read as version 2')),
        args.join(' '),
      ).toHaveLength(1);
    }
  });

  it('batch: a folder of version-1 files runs, one notice per file', () => {
    const dir = join(tmp, 'batch');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), readFileSync(V1_EXAMPLE));
    writeFileSync(join(dir, 'b.json'), readFileSync(implicated));
    const r = cli(['batch', dir, '--out', join(tmp, 'out'), '--date', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(lines(r.stderr).filter((l) => l.includes('version 1, read as version 2'))).toHaveLength(2);
  });

  it('says it in French under --lang fr', () => {
    const r = cli(['assess', '--answers', implicated, '--format', 'json', '--lang', 'fr', '--date', '2026-11-29']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fichier de réponses en version 1, lu comme une version 2');
    expect(r.stderr).toContain('governmentStance "implicated" lu comme officialComplicity "suspected"');
  });
});
