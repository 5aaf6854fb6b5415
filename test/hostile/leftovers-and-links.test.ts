/**
 * What a killed run leaves, and links planted where files are written: `assess` sweeps the
 * hidden temporary files of a run killed outright (only tip-coord's, only of processes gone), as
 * `batch` does; `rules init --force` never writes through a symbolic link (the folder, a folder
 * in it, or a file), refusing before it writes anything; `rules init` under /proc stops at once.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, runCli, STACK_LINE } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-leftovers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);

/** A process number that is not running. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid++) {
    try {
      process.kill(pid, 0);
    } catch {
      return pid;
    }
  }
}

describe('assess sweeps what a killed run left', () => {
  it("its stale temporary files go; a running process's and files of another pattern stay", () => {
    const out = fresh();
    mkdirSync(out);
    const stale = `.2026-01-01-goma.md.${deadPid()}-0123456789ab.tmp`;
    const running = `.2026-01-01-goma.md.${process.pid}-0123456789ab.tmp`;
    const foreign = '.notes.md.swp.tmp';
    for (const f of [stale, running, foreign]) writeFileSync(join(out, f), 'x', { mode: 0o600 });
    const r = cli(['assess', '--answers', EXAMPLE, '--out', out, '--date', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files).not.toContain(stale);
    expect(files).toContain(running);
    expect(files).toContain(foreign);
  });
});

describe('rules init --force and symbolic links', () => {
  /** A folder made by rules init, then a part of it replaced by a link to `victim`. */
  function planted(part: string, victimIsFile = false): { dir: string; victim: string } {
    const dir = fresh();
    expect(cli(['rules', 'init', dir, '--name', `Links ${n}`]).code).toBe(0);
    const victim = fresh();
    if (victimIsFile) writeFileSync(victim, 'keep me');
    else {
      mkdirSync(victim);
      writeFileSync(join(victim, 'keep.txt'), 'keep me');
    }
    rmSync(join(dir, part), { recursive: true, force: true });
    symlinkSync(victim, join(dir, part));
    return { dir, victim };
  }

  const refused = (r: { code: number | null; stderr: string }, link: string): void => {
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(link);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  };

  it('a folder inside it that is a link: refused, nothing written through it or elsewhere', () => {
    const { dir, victim } = planted('mechanisms');
    const before = readFileSync(join(dir, 'questions.json'), 'utf8');
    writeFileSync(join(dir, 'questions.json'), '{}');
    const r = cli(['rules', 'init', dir, '--force', '--name', 'Again']);
    refused(r, 'mechanisms');
    expect(readdirSync(victim)).toEqual(['keep.txt']);
    // Refused before writing anything: the other files are as they were.
    expect(readFileSync(join(dir, 'questions.json'), 'utf8')).toBe('{}');
    expect(before).not.toBe('{}');
  });

  it('a file that is a link: refused, its target kept', () => {
    const { dir, victim } = planted('sources.json', true);
    const r = cli(['rules', 'init', dir, '--force']);
    refused(r, 'sources.json');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'sources.json')).isSymbolicLink()).toBe(true);
  });

  it('the folder itself a link: refused, with or without --force, its target kept', () => {
    const victim = fresh();
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.txt'), 'keep me');
    const link = fresh();
    symlinkSync(victim, link);
    for (const force of [['--force'], []]) refused(cli(['rules', 'init', link, ...force]), link);
    expect(readdirSync(victim)).toEqual(['keep.txt']);
    const empty = fresh();
    mkdirSync(empty);
    const emptyLink = fresh();
    symlinkSync(empty, emptyLink);
    refused(cli(['rules', 'init', emptyLink]), emptyLink);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('rules init under /proc: refused at once', async () => {
    const r = await runCli(['rules', 'init', '/proc/tip-coord-rules'], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is under \/proc/);
    expect(existsSync('/proc/tip-coord-rules')).toBe(false);
  });
});
