/**
 * Offline by construction (issue 7): the main commands run inside a network namespace with no
 * interface up (`unshare -n` as root, `unshare -rn` otherwise) and give the same output as
 * outside. Skipped, with the reason, only where neither can make a namespace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, runCli } from '../support/cli.js';

const DATE = '2026-11-29';
const TIMEOUT = 60_000;

/** The first unshare command that works here, or undefined. */
const UNSHARE = [
  ['unshare', '-n'],
  ['unshare', '-rn'],
].find((cmd) => spawnSync(cmd[0]!, [...cmd.slice(1), 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0);
if (!UNSHARE)
  console.warn('offline.test.ts skipped: neither `unshare -n` nor `unshare -rn` can create a network namespace here');

describe.skipIf(!UNSHARE)('without any network', () => {
  const wrapper = UNSHARE!;
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-offline-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the namespace really has no network: a connection attempt fails at once', () => {
    const probe = `require('net').connect(53, '1.1.1.1').on('error', (e) => { console.log(e.code); process.exit(0); }).on('connect', () => { console.log('CONNECTED'); process.exit(0); })`;
    const r = spawnSync(wrapper[0]!, [...wrapper.slice(1), process.execPath, '-e', probe], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(r.stdout.trim()).toBe('ENETUNREACH');
  });

  it.each([[['--version']], [['--help']], [['assess', '--answers', EXAMPLE, '--format', 'json', '--date', DATE]]])(
    '%j: the same output, byte for byte',
    async (args) => {
      const outside = await runCli(args);
      const inside = await runCli(args, { wrapper });
      expect(outside.code, outside.stderr).toBe(0);
      expect(inside.code, inside.stderr).toBe(0);
      expect(inside.stderr).toBe(outside.stderr);
      expect(inside.stdout).toBe(outside.stdout);
      expect(inside.stdout.length).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    'assess writing a markdown report: the same report',
    async () => {
      const outside = await runCli(['assess', '--answers', EXAMPLE, '--out', join(tmp, 'outside'), '--date', DATE]);
      const inside = await runCli(['assess', '--answers', EXAMPLE, '--out', join(tmp, 'inside'), '--date', DATE], {
        wrapper,
      });
      expect(outside.code, outside.stderr).toBe(0);
      expect(inside.code, inside.stderr).toBe(0);
      expect(readFileSync(inside.stdout.trim(), 'utf8')).toBe(readFileSync(outside.stdout.trim(), 'utf8'));
    },
    TIMEOUT,
  );
});
