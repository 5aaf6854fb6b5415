/**
 * Issue 15, "Analysis without bounds": a crafted rule folder makes every pair of primary rules
 * cost a full search. One search budget per run bounds `rules validate` and `rules doc`, and
 * what it could not check is said; --samples is capped (exit 2, no stack); a progress line
 * shows on stderr in a terminal when the work takes more than a second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/terminal/progress.js';
import { ROOT } from '../support/cli.js';
import { craftRules } from './support/crafted-rules.js';

const BIN = join(ROOT, 'bin', 'tip-coord.js');
const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-bounds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const rules = join(tmp, 'crafted');

/** The CLI, killed after 25 s: without a bound, the crafted folder takes minutes. */
const run = (args: string[]) => {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 25_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - started };
};

describe('analysis within bounds', () => {
  beforeAll(() => craftRules(rules, BIN, 12));

  it('rules validate on a crafted folder stops at the run budget and says what it could not check', () => {
    const r = run(['rules', 'validate', '--rules', rules]);
    expect(r.signal).toBeNull();
    expect(r.stdout).toMatch(/search budget of this run \(2,000,000 steps\) was spent: \d+ checks were not made/);
    expect(r.stdout).not.toContain('no two primary rules can hold');
  }, 30_000);

  it('rules doc on a crafted folder stops too, and the document says what is not proven', () => {
    const r = run(['rules', 'doc', '--rules', rules]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/search budget of this run/);
    expect(r.stdout).toMatch(/Not every check could be made/);
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
