/**
 * The CLI as a script or CI job runs it: a child process whose stdin is not a terminal.
 * Needs dist/ (the test script runs tsc first).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli, type Ran } from '../support/cli.js';

const DATE = '2026-11-29';
const EXAMPLE = 'examples/refugee-wg-documented.json';
const ALL_UNKNOWN = 'examples/all-unknown.json';
const TIMEOUT = 30_000;

const QUESTION_IDS = (
  JSON.parse(readFileSync(join(ROOT, 'rules', 'questions.json'), 'utf8')) as { questions: { id: string }[] }
).questions.map((q) => q.id);
const STACK_LINE = /^\s{4}at /m;

/**
 * Runs `node bin/tip-coord.js ...args` in the project folder. stdin is /dev/null, or with
 * `openStdin` a pipe that is never written to nor closed (a prompt would wait on it for ever).
 */
const run = (args: string[], opts: { openStdin?: boolean; timeoutMs?: number } = {}): Promise<Ran> =>
  runCli(args, opts);

function files(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

interface JsonResult {
  primary: string;
  recommendations: { mechanism: string; title: string; role: string; because: string }[];
  alsoConsidered: { mechanism: string }[];
  plan: { action: string; owner: string; ownerLabel: string; horizon: number; due: string }[];
  notRecommended: { mechanism: string }[];
  cautions: { id: string; title: string; text: string }[];
  actions: { id: string }[];
  answers: Record<string, unknown>;
  unknowns: string[];
  stamp: {
    answersHash: string;
    date: string;
    ruleSet: { name: string; version: string; hash: string };
    tool: { name: string; version: string };
  };
}

function parseResult(r: Ran): JsonResult {
  expect(r.stderr, r.stderr).not.toMatch(STACK_LINE);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonResult;
}

describe('tip-coord assess without a terminal', () => {
  let tmp: string;
  let out: string;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-cli-'));
    out = join(tmp, 'reports');
  });

  afterEach(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'with no --answers exits 2 at once, pointing to --answers, without waiting on stdin or a stack trace',
    async () => {
      const r = await run(['assess', '--out', out, '--date', DATE], { openStdin: true, timeoutMs: 10_000 });
      expect(r.timedOut, 'the CLI waited on stdin instead of failing').toBe(false);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--answers');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
      expect(files(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '--format json prints the whole result: one primary, cautions with id and text, every answer, a stamp',
    async () => {
      const r = await run(['assess', '--answers', EXAMPLE, '--format', 'json', '--out', out, '--date', DATE]);
      const j = parseResult(r);
      for (const key of [
        'recommendations',
        'alsoConsidered',
        'plan',
        'notRecommended',
        'cautions',
        'actions',
        'answers',
        'unknowns',
        'stamp',
      ])
        expect(j).toHaveProperty(key);
      // At most four recommendations, each with one line on why; page 1 as data, for scripts and a browser.
      expect(j.recommendations.length).toBeLessThanOrEqual(4);
      for (const rec of j.recommendations as { because: string }[]) expect(rec.because).not.toBe('');
      const plan = (
        j as { plan: { action: string; owner: string; ownerLabel: string; horizon: number; due: string }[] }
      ).plan;
      expect(plan.length).toBeGreaterThanOrEqual(5);
      expect(plan.length).toBeLessThanOrEqual(7);
      for (const row of plan) {
        expect(row.action).toMatch(/^[A-Z].*\.$/);
        expect(row.ownerLabel).not.toBe('');
        expect([30, 60, 90]).toContain(row.horizon);
        expect(row.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }

      const primaries = j.recommendations.filter((x) => x.role === 'primary');
      expect(primaries).toHaveLength(1);
      expect(primaries[0]!.mechanism).toBe('working_group');
      expect(primaries[0]!.title).toBe('The trafficking working group already in place');
      expect(j.recommendations.every((x) => ['primary', 'complementary'].includes(x.role))).toBe(true);

      expect(Array.isArray(j.notRecommended)).toBe(true);
      expect(j.cautions.length).toBeGreaterThan(0);
      for (const c of j.cautions) {
        expect(typeof c.id).toBe('string');
        expect(c.id).not.toBe('');
        expect(typeof c.text).toBe('string');
        expect(c.text).not.toBe('');
      }
      expect(Array.isArray(j.actions)).toBe(true);
      expect(j.actions.length).toBeGreaterThan(0);

      expect(QUESTION_IDS).toHaveLength(26);
      expect(Object.keys(j.answers).sort()).toEqual([...QUESTION_IDS].sort());
      const example = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as { answers: Record<string, unknown> };
      // The example answers every question that applies; skip logic marks the others "not_applicable".
      expect(Object.fromEntries(Object.entries(j.answers).filter(([, v]) => v !== 'not_applicable'))).toEqual(
        example.answers,
      );
      expect(j.unknowns).toEqual([]);

      expect(j.stamp.date).toBe(DATE);
      expect(j.stamp.answersHash).toMatch(/^[0-9a-f]{64}$/);
      expect(j.stamp.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(j.stamp.tool.name).toBe('tip-coord');
      // JSON goes to stdout only: no report file.
      expect(files(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '--format json over all-unknown.json: the focal point is primary and all 25 questions asked are unknowns',
    async () => {
      const j = parseResult(await run(['assess', '--answers', ALL_UNKNOWN, '--format', 'json', '--date', DATE]));
      const primaries = j.recommendations.filter((x) => x.role === 'primary');
      expect(primaries.map((x) => x.mechanism)).toEqual(['focal_point']);
      // Whether a mechanism delivers is asked only when one is known to exist.
      const asked = QUESTION_IDS.filter((id) => id !== 'mechanismState');
      expect(j.unknowns).toHaveLength(25);
      expect([...j.unknowns].sort()).toEqual([...asked].sort());
      expect(j.answers.mechanismState).toBe('not_applicable');
      expect(asked.every((id) => j.answers[id] === 'unknown')).toBe(true);
      expect((j as { review?: unknown }).review).toBeUndefined();
    },
    TIMEOUT,
  );

  describe('invalid answers files exit 2 with a one-line message, no stack trace and no report', () => {
    const cases: { name: string; content?: string; expected: (file: string) => string[] }[] = [
      {
        name: 'an unknown question id',
        content: JSON.stringify({ version: 1, answers: { fooBar: 'x' } }),
        expected: (file) => [file, 'unknown key "answers.fooBar"', '"responseType"', '"planningWindow"'],
      },
      {
        name: 'a value outside the list',
        content: JSON.stringify({ version: 1, answers: { phase: 'martian' } }),
        expected: (file) => [
          file,
          '"answers.phase" has "martian"',
          '"preparedness"',
          '"acute"',
          '"protracted"',
          '"transition"',
          '"unknown"',
        ],
      },
      {
        name: 'a string for a list question',
        content: JSON.stringify({ version: 1, answers: { tipForms: 'forced_labour' } }),
        expected: (file) => [
          file,
          '"answers.tipForms" has "forced_labour"',
          'a list (of',
          '"sexual_exploitation"',
          '"other"',
          '"unknown"',
        ],
      },
      {
        name: 'invalid JSON',
        content: '{ "version": 1, "answers": { "phase": ',
        expected: (file) => [file, 'JSON'],
      },
      {
        name: 'a missing file',
        expected: (file) => [file],
      },
    ];

    it.each(cases)(
      '$name',
      async ({ content, expected }) => {
        const file = join(tmp, 'answers.json');
        if (content !== undefined) writeFileSync(file, content);
        const r = await run(['assess', '--answers', file, '--out', out, '--date', DATE]);
        expect(r.code, r.stderr).toBe(2);
        for (const s of expected(file)) expect(r.stderr).toContain(s);
        expect(r.stderr).not.toMatch(STACK_LINE);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stdout).toBe('');
        expect(files(out)).toEqual([]);
      },
      TIMEOUT,
    );
  });

  it.each([[['assess', '--bogus']], [['--bogus', 'assess']]])(
    'an unknown option (%j) exits 2 and names it',
    async (args) => {
      const r = await run([...args, '--answers', EXAMPLE, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--bogus');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(files(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'an unknown --format exits 2 and lists the valid formats',
    async () => {
      const r = await run(['assess', '--answers', EXAMPLE, '--format', 'xml', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('xml');
      expect(r.stderr).toContain('"md"');
      expect(r.stderr).toContain('"json"');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(files(out)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '--help exits 0 and documents the exit codes, 130 included; assess --help does not repeat them',
    async () => {
      const r = await run(['--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Exit codes');
      expect(r.stdout).toMatch(/^\s*130\s/m);
      expect(r.stderr).toBe('');
      const sub = await run(['assess', '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).not.toContain('Exit codes');
      expect(sub.stderr).toBe('');
    },
    TIMEOUT,
  );

  it(
    'markdown mode writes a report in --out and prints only its path; a second run writes a second file',
    async () => {
      const first = await run(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout.endsWith('\n')).toBe(true);
      const path1 = first.stdout.trim();
      expect(path1.split('\n')).toHaveLength(1);
      expect(resolve(ROOT, path1).startsWith(`${out}/`)).toBe(true);
      // The report and, beside it, its answers (same name, .answers.json).
      const name1 = resolve(ROOT, path1).slice(out.length + 1);
      expect(files(out).sort()).toEqual([name1.replace(/\.md$/, '.answers.json'), name1]);
      const text1 = readFileSync(resolve(ROOT, path1), 'utf8');
      expect(text1).toContain('## Decision brief');
      expect(text1).toContain('Example refugee response (documented cases)');
      const ino1 = statSync(resolve(ROOT, path1)).ino;

      const second = await run(['assess', '--answers', EXAMPLE, '--out', out, '--date', DATE]);
      expect(second.code, second.stderr).toBe(0);
      const path2 = second.stdout.trim();
      expect(path2).not.toBe(path1);
      expect(
        files(out)
          .filter((f) => f.endsWith('.md'))
          .sort(),
      ).toEqual([resolve(ROOT, path1), resolve(ROOT, path2)].map((p) => p.slice(out.length + 1)).sort());
      // The first report is untouched: same file, same content.
      expect(statSync(resolve(ROOT, path1)).ino).toBe(ino1);
      expect(readFileSync(resolve(ROOT, path1), 'utf8')).toBe(text1);
      // The same report, but for the answers file its "To try one" line names: its own.
      const answers = (p: string): string => basename(p).replace(/\.md$/, '.answers.json');
      expect(readFileSync(resolve(ROOT, path2), 'utf8')).toBe(text1.replaceAll(answers(path1), answers(path2)));
    },
    TIMEOUT,
  );

  it(
    '--save-answers F, then --answers F: the same answers and the same answers hash',
    async () => {
      const saved = join(tmp, 'saved.json');
      const first = await run([
        'assess',
        '--answers',
        EXAMPLE,
        '--set',
        'meetingLoad=high',
        '--save-answers',
        saved,
        '--format',
        'json',
        '--date',
        DATE,
      ]);
      const j1 = parseResult(first);
      expect(existsSync(saved)).toBe(true);
      expect(first.stderr).toContain(saved);
      expect(j1.answers.meetingLoad).toBe('high');

      const j2 = parseResult(await run(['assess', '--answers', saved, '--format', 'json', '--date', DATE]));
      expect(j2.answers).toEqual(j1.answers);
      expect(j2.stamp.answersHash).toBe(j1.stamp.answersHash);
    },
    TIMEOUT,
  );

  it(
    '--set governmentStance=resists_terminology adds the terminology caution',
    async () => {
      const base = parseResult(await run(['assess', '--answers', EXAMPLE, '--format', 'json', '--date', DATE]));
      expect(base.cautions.map((c) => c.id)).not.toContain('terminology');
      const set = parseResult(
        await run([
          'assess',
          '--answers',
          EXAMPLE,
          '--set',
          'governmentStance=resists_terminology',
          '--format',
          'json',
          '--date',
          DATE,
        ]),
      );
      expect(set.answers.governmentStance).toBe('resists_terminology');
      expect(set.cautions.map((c) => c.id)).toContain('terminology');
    },
    TIMEOUT,
  );

  it(
    '--set foo=bar exits 2 naming foo',
    async () => {
      const r = await run(['assess', '--answers', EXAMPLE, '--set', 'foo=bar', '--out', out, '--date', DATE]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('"foo"');
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stdout).toBe('');
      expect(files(out)).toEqual([]);
    },
    TIMEOUT,
  );
});
