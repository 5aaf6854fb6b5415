/**
 * Standard output and error on a pipe or a file are written straight to their file descriptors
 * (cli/direct-output.ts): the same bytes as through Node's streams, in order, to the end, also
 * when the pipe would block (then Node's stream takes over), and a failed write said as one is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, EXAMPLE, ROOT, STACK_LINE } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-direct-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DATE = '2026-03-01';
const JSON_ARGS = ['assess', '--answers', EXAMPLE, '--format', 'json', '--date', DATE];

/** The CLI under `sh -c SCRIPT`, where "$@" is `node BIN ARGS`. */
function shell(script: string, args: string[]) {
  const r = spawnSync('sh', ['-c', script, 'sh', process.execPath, BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv({ NO_COLOR: '1' }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const viaPipe = (args: string[]) => shell('"$@" | cat', args);
const hasPython = spawnSync('python3', ['-c', 'import os; os.set_blocking'], { stdio: 'ignore' }).status === 0;
// CI has python3: there the test runs, or fails for the want of it.
const skipNonBlocking = !hasPython && !process.env.CI;
if (skipNonBlocking)
  console.log('direct-output.test.ts: the non-blocking pipe test is skipped: no python3 to make one');

describe('standard output on a pipe or a file', () => {
  it('a file: the same bytes as a pipe', () => {
    const out = join(tmp, 'help.txt');
    const r = shell(`"$@" > '${out}'`, ['--help']);
    expect(r.code, r.stderr).toBe(0);
    const piped = viaPipe(['--help']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain('Usage: tip-coord');
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
  });

  it('a long output (90 KB of JSON, more than a pipe holds) through a pipe, whole and in order', () => {
    const r = viaPipe(JSON_ARGS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    expect((JSON.parse(r.stdout) as { primary?: unknown }).primary).toBeDefined();
  });

  it.skipIf(skipNonBlocking)(
    'a pipe that would block (non-blocking, its reader late): Node’s stream takes over, nothing lost',
    () => {
      const expected = viaPipe(JSON_ARGS).stdout;
      // The write end made non-blocking, then the reader waits: past the pipe's 64 KB, a write
      // would block (EAGAIN).
      const script =
        `python3 -c 'import os, sys; os.set_blocking(1, False); os.execv(sys.argv[1], sys.argv[1:])' "$@"` +
        ` | (sleep 1; cat)`;
      const r = shell(script, JSON_ARGS);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(expected);
    },
  );

  it('a file that cannot be written (opened read-only): said in plain words, exit 2', () => {
    const file = join(tmp, 'read-only.txt');
    writeFileSync(file, '');
    const r = shell(`"$@" 1< '${file}'`, JSON_ARGS);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^tip-coord: Cannot write to the standard output/m);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});
