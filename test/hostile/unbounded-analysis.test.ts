/**
 * Analysis without bounds: a crafted rule folder makes every pair of primary rules cost a full
 * search, or every step of a search check hundreds of conditions, or every evaluation of the deep
 * check run hundreds of rules; --samples 100000 asks for minutes of evaluations. One search
 * budget per run, counted in conditions checked, bounds `rules validate` and `rules doc`; a time
 * budget (--time, 10 s by default) bounds `--deep`, which then says how far it got; --samples is
 * capped (exit 2, no stack); a progress line shows on stderr in a terminal after a second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/terminal/progress.js';
import { ROOT } from '../support/cli.js';
import { countCombinations } from '../../src/rules/covering.js';
import { deepCheck, MAX_COMBINATIONS } from '../../src/rules/deep.js';
import { findAnswers, RUN_BUDGET, SearchBudget } from '../../src/core/search.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import type { Condition, Question } from '../../src/core/types.js';
import { craftRules } from './support/crafted-rules.js';

const BIN = join(ROOT, 'bin', 'tip-coord.js');
const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const rules = join(tmp, 'crafted');

/** The CLI, killed after `killMs` (25 s): without a bound, the crafted folder takes minutes. */
const run = (args: string[], killMs = 25_000) => {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: killMs,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
};

describe('analysis within bounds', () => {
  beforeAll(() => craftRules(rules, BIN, 12));

  it('rules validate on a crafted folder stops at the run budget and says what it could not check', () => {
    const r = run(['rules', 'validate', '--rules', rules]);
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/search budget of this run \(20,000,000 steps\) was spent: \d+ checks were not made/);
    expect(r.stdout).not.toContain('no two primary rules can hold');
  }, 30_000);

  it('rules doc on a crafted folder stops too, and the document says what is not proven', () => {
    const r = run(['rules', 'doc', '--rules', rules]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/search budget of this run/);
    expect(r.stdout).toMatch(/Not every check could be made/);
  }, 30_000);

  it('rules validate --deep --samples 100000 stops at its default time budget and says how far it got', () => {
    const r = run(['rules', 'validate', '--deep', '--samples', '100000'], 90_000);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Deep check: [\d,]+ answer sets in [\d.]+ s, when its time budget of 10 s ran out: [\d,]+ of the [\d,]+ sets of a covering array, covering [\d,]+ of the [\d,]+ 3-way combinations of answer values over \d+ questions \([\d.]+%\), and [\d,]+ of 100,000 random sets with seed 1\./,
    );
    expect(r.stdout).toContain('The deep check stopped at its time budget');
    // The time suggested would do at the rate of this run: every set, with a quarter to spare.
    const [, checked, total] = /Deep check: ([\d,]+) answer sets .*? of the ([\d,]+) sets/.exec(r.stdout)!;
    const [, suggest] = /e\.g\. --time (\d+)\./.exec(r.stdout)!;
    const count = (s: string | undefined): number => Number(s?.replaceAll(',', ''));
    expect(count(suggest)).toBe(Math.min(86_400, Math.ceil(((10 * (count(total) + 100_000)) / count(checked)) * 1.25)));
    expect(r.stdout).toMatch(/Valid \(warnings: 1\)/);
  }, 100_000);

  it('a folder of 200 crafted rules that every evaluation runs: the deep check stops at --time 2', () => {
    const many = join(tmp, 'many');
    craftRules(many, BIN, 200, { role: 'complementary' });
    const r = run(['rules', 'validate', '--rules', many, '--deep', '--time', '2'], 60_000);
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/when its time budget of 2 s ran out/);
  }, 70_000);

  it.each(['0', '86401', 'soon'])('--time %s: exit 2, one line', (n) => {
    const r = run(['rules', 'validate', '--deep', '--time', n]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tip-coord: --time .*expected a whole number from 1 to 86400\.\n$/);
  });

  it('a search step costs as many conditions as it checks: wide conditions do not make a run longer', () => {
    const rules = loadRuleBase();
    // Fifteen questions, each answered: decided only once all are set, so the search runs to its budget.
    const known: Condition = {
      all: rules.questions
        .filter((q) => q.type !== 'multi')
        .slice(0, 15)
        .map((q) => ({
          fact: q.id,
          operator: 'in' as const,
          value: [...q.choices.map((c) => c.value), 'unknown', 'not_applicable'],
        })),
    };
    let reads = 0;
    // Every time the search looks at a leaf's operator, it checks that leaf.
    const counted = (c: Condition): Condition =>
      'fact' in c
        ? new Proxy(c, { get: (t, k) => (k === 'operator' && reads++, Reflect.get(t, k)) })
        : 'all' in c
          ? { all: c.all.map(counted) }
          : c;
    const mustNot = Array.from({ length: 200 }, () => counted(known));
    const budget = new SearchBudget(100_000);
    const r = findAnswers(rules, { must: [], mustNot }, budget);
    expect(r).toEqual({ undecided: true });
    // Counted per node, the same budget checked 200 × 15 leaves at each of 100,000 nodes.
    expect(reads).toBeLessThan(3 * budget.total);
    expect(RUN_BUDGET).toBeGreaterThanOrEqual(20_000_000);
  });

  it('combinations are counted without listing every set of columns, and too many lower the strength', async () => {
    expect(countCombinations(new Array<number>(1000).fill(5), 3)).toBe(((1000 * 999 * 998) / 6) * 125);
    const rules = loadRuleBase();
    const extra: Question[] = Array.from({ length: 200 }, (_, i) => ({ ...rules.questions[1]!, id: `extra${i}` }));
    const wide = { ...rules, questions: [...rules.questions, ...extra] };
    const r = await deepCheck(wide, { samples: 0, timeLimitMs: 1500 });
    expect(r.strength).toBeLessThan(3);
    expect(r.combinations).toBeLessThanOrEqual(MAX_COMBINATIONS);
    expect(r.combinationsAsked).toBeGreaterThan(MAX_COMBINATIONS);
  }, 30_000);

  it.each(['4294967296', '50000000', '1'.repeat(500)])('--samples %s: exit 2, one line, no stack', (n) => {
    const r = run(['rules', 'validate', '--deep', '--samples', n]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tip-coord: --samples .*expected a whole number from 0 to 100000/);
    expect(r.stderr.length).toBeLessThan(200);
  });

  it('a progress line on stderr in a terminal after a second, erased at the end; nothing when not a terminal', () => {
    let clock = 0;
    const written: string[] = [];
    const tty = { isTTY: true, write: (s: string) => void written.push(s) } as unknown as NodeJS.WriteStream;
    const p = progressLine(
      tty,
      (percent) => `checking ${percent}%`,
      () => clock,
    );
    p.update(10, 100);
    expect(written).toEqual([]);
    clock = 1500;
    p.update(40, 100);
    expect(written.join('')).toContain('checking 40%');
    p.end();
    expect(written.at(-1)).toBe('\r\u001b[K');

    const pipe: string[] = [];
    const notTty = { isTTY: false, write: (s: string) => void pipe.push(s) } as unknown as NodeJS.WriteStream;
    const q = progressLine(
      notTty,
      () => 'x',
      () => clock,
    );
    clock = 5000;
    q.update(1, 2);
    q.end();
    expect(pipe).toEqual([]);
  });
});
