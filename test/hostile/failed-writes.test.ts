/**
 * A failed write is an error: when the standard output cannot be written (a full disk, here
 * /dev/full), the tool says so in plain words and exits 2, for every command that prints what
 * it made. A reader that stops early on purpose (`| head`, EPIPE) is not an error: exit 0, quiet.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, EXAMPLE, ROOT, STACK_LINE } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-writes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FULL = '/dev/full';

/** Runs the CLI with its standard output on /dev/full: every write fails with ENOSPC. */
function toFullDisk(args: string[]) {
  const fd = openSync(FULL, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: cleanEnv({ NO_COLOR: '1' }),
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, signal: r.signal, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(!existsSync(FULL))('standard output on a full disk', () => {
  it.each([
    ['assess --format json', ['assess', '--answers', EXAMPLE, '--format', 'json']],
    ['draft', ['draft', '--answers', EXAMPLE]],
    ['explain', ['explain', '--answers', EXAMPLE]],
    ['rules doc', ['rules', 'doc']],
    ['assess --save-answers -', ['assess', '--answers', EXAMPLE, '--save-answers', '-', '--out', join(tmp, 'save')]],
    ['compare', ['compare', EXAMPLE, '--set', 'governmentStance=engaged']],
    ['rules validate', ['rules', 'validate']],
  ])('%s: exit 2, said in plain words, no stack', (_, args) => {
    const r = toFullDisk(args);
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^tip-coord: Cannot write to the standard output \(no space left on the disk\)/m);
    expect(r.stderr).not.toContain('ENOSPC');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });
});

describe('a reader that stops early', () => {
  it('rules doc | head -c 100: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'rules', 'doc'], {
      cwd: ROOT,
      env: cleanEnv({ NO_COLOR: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Like `head`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
