import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const root = ROOT;
const tmp = mkdtempSync(join(tmpdir(), 'tip-explain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[]) => cli(args);
const json = (args: string[]) => {
  const r = run(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

/** Like json(), for files whose version-1 notice on stderr was checked once already. */
const quiet = (args: string[]) => {
  const r = run(args);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

/** Each scenario as a plain answers file, so the CLI reads it as a user would. */
const scenarioDir = join(root, 'rules', 'scenarios');
const scenarioFiles = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const s = JSON.parse(readFileSync(join(scenarioDir, f), 'utf8'));
    const path = join(tmp, f);
    writeFileSync(
      path,
      JSON.stringify({ version: s.version ?? 1, ...(s.response ? { response: s.response } : {}), answers: s.answers }),
    );
    return [f, path] as const;
  });

describe('what would change, replayed through the CLI with --set', () => {
  it.each(scenarioFiles)('%s', (_f, path) => {
    const first = run(['assess', '--answers', path, '--format', 'json', '--date', '2026-11-29']);
    // A scenario written for answers version 1 is read as version 2, and says so once on stderr.
    if (JSON.parse(readFileSync(path, 'utf8')).version === 1)
      expect(first.stderr).toMatch(/version 1, read as version 2/);
    else expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const r = JSON.parse(first.stdout);
    for (const key of ['whatWouldChange', 'unknownsThatMatter', 'unknownCombinations']) expect(r).toHaveProperty(key);
    for (const n of r.notRecommended) expect(Array.isArray(n.whyNot)).toBe(true);
    // The first flip of the primary, and the first way to bring in each mechanism not recommended.
    const flip = r.whatWouldChange.primary[0];
    if (flip) {
      const after = quiet([
        'assess',
        '--answers',
        path,
        '--format',
        'json',
        '--date',
        '2026-11-29',
        ...flip.changes.flatMap((c: { set: string }) => ['--set', c.set]),
      ]);
      expect(after.primary).toBe(flip.primary);
      expect(after.primary).not.toBe(r.primary);
    }
    const path2 = r.whatWouldChange.mechanisms.find((m: { options: unknown[] }) => m.options.length > 0);
    if (path2) {
      const sets = path2.options[0].flatMap((c: { set: string }) => ['--set', c.set]);
      const after = quiet(['assess', '--answers', path, '--format', 'json', '--date', '2026-11-29', ...sets]);
      expect(after.recommendations.map((x: { mechanism: string }) => x.mechanism)).toContain(path2.mechanism);
    }
  });
});

describe('tip-coord explain', () => {
  it('traces one mechanism rule by rule, with answers in words', () => {
    const r = run(['explain', '--answers', 'examples/refugee-wg-documented.json', '--mechanism', 'working_group']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Primary rules are tried in this order');
    expect(r.stdout).toMatch(/`wg-in-place` .*: met ← decides/);
    expect(r.stdout).toContain('## Dedicated anti-trafficking working group or task force: primary');
    expect(r.stdout).toContain('(answered “Identified and assisted cases”)');
    expect(r.stdout).not.toContain('## Mind the terminology');
  });

  it('shows every mechanism and caution without --mechanism, and honours --set', () => {
    const r = json([
      'explain',
      '--answers',
      'examples/refugee-wg-documented.json',
      '--set',
      'governmentStance=resists_terminology',
      '--set',
      'leadCapacity=none',
      '--set',
      'existingMechanism=none',
      '--format',
      'json',
    ]);
    // Nobody to chair: no group; the word resisted changes labels, not the route.
    expect(r.primary).toBe('aor_integration');
    expect(r.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['working_group', 'terminology', 'no_data']),
    );
    const wg = r.items.find((i: { id: string }) => i.id === 'working_group');
    expect(wg.status).toBe('not_recommended');
    const failed = JSON.stringify(wg.rules.find((x: { rule: string }) => x.rule === 'wg-several-patterns').conditions);
    expect(failed).toContain('"answer":"Neither"');
    expect(r.items.find((i: { id: string }) => i.id === 'terminology').status).toBe('applies');
  });

  it('refuses an unknown mechanism and missing answers with exit 2', () => {
    const bad = run(['explain', '--answers', 'examples/all-unknown.json', '--mechanism', 'task_force']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"task_force"');
    expect(bad.stderr).toContain('working_group');
    const none = run(['explain']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--answers');
  });
});

describe('tip-coord compare', () => {
  it('shows which answers, recommendations and cautions differ', () => {
    const a = join(tmp, 'a.json');
    const b = join(tmp, 'b.json');
    writeFileSync(
      a,
      JSON.stringify({
        version: 2,
        response: { name: 'IDP response' },
        answers: { governmentStance: 'engaged', nationalReferral: 'includes_displaced', tipEvidence: 'anecdotal' },
      }),
    );
    writeFileSync(
      b,
      JSON.stringify({
        version: 2,
        response: { name: 'Refugee response' },
        answers: {
          governmentStance: 'resists_terminology',
          nationalReferral: 'excludes_displaced',
          tipEvidence: 'anecdotal',
          tipForms: ['sexual_exploitation'],
          affectedGroups: ['women'],
          gbvAor: 'active',
        },
      }),
    );
    const c = json(['compare', a, b, '--format', 'json']);
    expect(c.a).toEqual({ label: 'IDP response', primary: 'focal_point' });
    expect(c.b).toEqual({ label: 'Refugee response', primary: 'aor_integration' });
    expect(c.answers.map((x: { question: string }) => x.question)).toEqual([
      'tipForms',
      'affectedGroups',
      'nationalReferral',
      'governmentStance',
      'gbvAor',
    ]);
    expect(c.cautions.onlyB).toEqual(expect.arrayContaining(['terminology', 'parallel_system']));
    expect(c.primaryChanged).toBe(true);
    const md = run(['compare', a, b]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(
      "| the government's stance on the subject | Engages on trafficking | Reluctant to acknowledge it; may forbid the word |",
    );
  });

  it('compares a file with itself under --set (a what-if)', () => {
    const c = json(['compare', 'examples/refugee-wg-documented.json', '--set', 'meetingLoad=high', '--format', 'json']);
    expect(c.answers).toHaveLength(1);
    expect(c.b.label).toContain('meetingLoad=high');
    expect(c.cautions.onlyB).toEqual(['meeting_load']);
    const same = json(['compare', 'examples/refugee-wg-documented.json', '--format', 'json']);
    expect(same.answers).toEqual([]);
    expect(same.primaryChanged).toBe(false);
  });

  it('refuses a bad --set with exit 2', () => {
    const r = run(['compare', 'examples/all-unknown.json', '--set', 'meetingLoad=huge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"huge"');
  });
});
