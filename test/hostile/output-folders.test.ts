/**
 * Output folders that cannot work are refused at once, before any work: --out under /proc,
 * /sys or /dev (where Node's recursive mkdir spun for ever on /proc), by way of a link too,
 * or a path where a folder cannot be made (a file in the way), for assess, batch, draft and
 * form: exit 2, one line, nothing made. A batch into a folder it may not write says so first,
 * instead of skipping every response and saying none could be evaluated.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, EXAMPLE, ROOT, STACK_LINE } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-out-'));
// Others may look in (the read-only case runs as another user).
chmodSync(tmp, 0o755);
afterAll(() => {
  if (existsSync(join(tmp, 'read-only'))) chmodSync(join(tmp, 'read-only'), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});
const KOBO = join(ROOT, 'examples', 'kobo-export.xlsx');

/** The CLI, killed after 20 s: a spinning mkdir would otherwise hold the test for ever. */
function run(args: string[], wrapper: string[] = []) {
  const [file, ...rest] = [...wrapper, process.execPath, BIN, ...args];
  const r = spawnSync(file!, rest, {
    cwd: ROOT,
    env: cleanEnv({ NO_COLOR: '1' }),
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const refusedAtOnce = (r: ReturnType<typeof run>, reason: RegExp): void => {
  expect(r.signal, 'killed: it did not stop by itself').toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).not.toMatch(STACK_LINE);
};

/** What each command is given as --out, for a folder `dir`. */
const COMMANDS: Array<[string, (dir: string) => string[]]> = [
  ['assess', (dir) => ['assess', '--answers', EXAMPLE, '--out', dir]],
  ['batch', (dir) => ['batch', KOBO, '--out', dir]],
  ['draft --format docx', (dir) => ['draft', '--answers', EXAMPLE, '--format', 'docx', '--out', dir]],
  ['form', (dir) => ['form', '--out', join(dir, 'form.xlsx')]],
];

describe('--out where no folder can work', () => {
  it.each(COMMANDS)('%s --out /proc/..., /sys/..., /dev/...: refused at once', (_, args) => {
    for (const dir of ['/proc/tip-coord-x', '/proc/self/tip-coord/y', '/sys/tip-coord-x', '/dev/tip-coord-x']) {
      refusedAtOnce(run(args(dir)), /is under \/(proc|sys|dev), .*not a folder for reports/);
      expect(existsSync(dir)).toBe(false);
    }
  });

  it.each(COMMANDS)('%s --out through a link to /proc: refused too', (_, args) => {
    const link = join(tmp, 'to-proc');
    if (!existsSync(link)) symlinkSync('/proc', link);
    refusedAtOnce(run(args(join(link, 'x'))), /is under \/proc/);
  });

  it.each(COMMANDS)('%s --out below a file: refused at once, naming why', (_, args) => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    refusedAtOnce(
      run(args(join(file, 'reports'))),
      /Cannot make the folder .*a-file\/reports \(part of the path is not a folder\)/,
    );
  });
});

describe('batch into a folder it may not write', () => {
  // As root every folder is writable: the run is made as "nobody" (setpriv), or skipped without it.
  const asRoot = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const canDrop = !asRoot || existsSync(setpriv[0]!);

  it.skipIf(!canDrop)('says the folder cannot be written, before reading a response; nothing is evaluated', () => {
    const dir = join(tmp, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const r = run(['batch', KOBO, '--out', dir], asRoot ? setpriv : []);
    refusedAtOnce(r, /Cannot write in the folder .*read-only \(permission denied\)/);
    expect(r.stderr).not.toMatch(/could be evaluated|skipped/);
  });
});
