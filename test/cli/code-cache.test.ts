/**
 * The launcher keeps V8's code for the bundle in the user's cache folder (bin/tip-coord.js).
 * That folder is private (0700, files 0600, written whole), never read when others could have
 * written into it, and a cache that cannot be written never breaks a run.
 */
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, cleanEnv, ROOT } from '../support/cli.js';

const hasEnableCompileCache = 'enableCompileCache' in (await import('node:module')).default;
const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'tip-coord-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A run that loads the bundle (`--version` alone does not: the launcher answers it). */
const version = (cache: string) => {
  const r = cli(['--version', '--lang', 'en'], { env: { XDG_CACHE_HOME: cache, TIP_COORD_NO_CODE_CACHE: undefined } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
};
const mode = (path: string): number => statSync(path).mode & 0o777;

// Node 22 and later keep their own compile cache (module.enableCompileCache): the launcher uses it.
describe.skipIf(hasEnableCompileCache)('the code cache', () => {
  it('is a private folder of whole files, and serves the next run', () => {
    const cache = fresh();
    version(cache);
    const parent = join(cache, 'tip-coord');
    const [code] = readdirSync(parent);
    expect(code).toMatch(/^code-/);
    const dir = join(parent, code!);
    expect(mode(parent)).toBe(0o700);
    expect(mode(dir)).toBe(0o700);
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f).toMatch(/\.cjs\.v8$/);
      expect(mode(join(dir, f))).toBe(0o600);
    }
    version(cache);
    expect(readdirSync(dir).sort()).toEqual(files.sort());
  });

  it('is not read from a folder that others could write into, and is started afresh there', () => {
    const cache = fresh();
    version(cache);
    const parent = join(cache, 'tip-coord');
    const dir = join(parent, readdirSync(parent)[0]!);
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, 'tip-coord.cjs.v8'), 'not code');
    writeFileSync(join(dir, 'planted'), 'x');
    version(cache);
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir)).not.toContain('planted');
  });

  it('never follows a link put in place of its folder', () => {
    const cache = fresh();
    const elsewhere = fresh();
    mkdirSync(join(cache, 'tip-coord'), { mode: 0o700 });
    version(cache);
    const parent = join(cache, 'tip-coord');
    const code = readdirSync(parent)[0]!;
    rmSync(join(parent, code), { recursive: true });
    symlinkSync(elsewhere, join(parent, code));
    version(cache);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('does not break a run when it cannot be written', () => {
    const cache = fresh();
    // A file where the cache folder would go: no folder can be made there.
    writeFileSync(join(cache, 'tip-coord'), '');
    version(cache);
    version(join(cache, 'tip-coord', 'below-a-file'));
  });

  it('hands V8 no code kept for another text of a file, even one of the same length', async () => {
    // A copy of the program, whose bundle can be changed; kept code is checked against each
    // file's stamp (size, times, inode), and a file changed in the last 3 s is not kept.
    const root = fresh();
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(root, part), { recursive: true });
    const cache = fresh();
    const help = () => {
      const r = spawnSync(process.execPath, [join(root, 'bin', 'tip-coord.js'), '--help', '--lang', 'en'], {
        env: { ...cleanEnv(), XDG_CACHE_HOME: cache, TIP_COORD_NO_CODE_CACHE: '' },
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return r.stdout;
    };
    const kept = () => {
      const parent = join(cache, 'tip-coord');
      const dir = join(parent, readdirSync(parent)[0]!);
      return readdirSync(dir).filter((f) => f.startsWith('tip-coord.cjs'));
    };
    expect(help()).toContain('sourced recommendation');
    expect(kept()).toEqual([]);
    await sleep(3100);
    help();
    expect(kept()).toEqual(['tip-coord.cjs.v8']);

    const entry = join(root, 'dist', 'tip-coord.cjs');
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('sourced recommendation');
    writeFileSync(entry, text.replace('sourced recommendation', 'SOURCED RECOMMENDATION'));
    expect(help()).toContain('SOURCED RECOMMENDATION');
  }, 20_000);

  it("keeps a file's code again after a kind of run it had not served, with the code of both", async () => {
    // A kept file made after --help lacks what an assessment compiles; the first assessment
    // keeps the file again (what it was handed and what it compiled), a second one does not.
    const entry = join(ROOT, 'dist', 'tip-coord.cjs');
    const st = statSync(entry);
    const age = Date.now() - Math.max(st.mtimeMs, st.ctimeMs);
    if (age < 3100) await sleep(3100 - age);
    const cache = fresh();
    const run = (args: string[]) => {
      const r = cli(args, { env: { XDG_CACHE_HOME: cache, TIP_COORD_NO_CODE_CACHE: undefined } });
      expect(r.code, r.stderr).toBe(0);
    };
    const kept = () => {
      const parent = join(cache, 'tip-coord');
      const file = join(parent, readdirSync(parent)[0]!, 'tip-coord.cjs.v8');
      const bytes = readFileSync(file);
      const header = bytes.toString('latin1', 4, 4 + bytes.readUInt32LE(0));
      return { kinds: header.split('|')[1]!.split(','), size: bytes.length, changed: statSync(file).mtimeMs };
    };
    run(['--help']);
    const afterHelp = kept();
    expect(afterHelp.kinds).toHaveLength(1);
    const assess = ['assess', '--answers', join(ROOT, 'examples', 'refugee-wg-documented.json'), '--format', 'json'];
    run(assess);
    const afterAssess = kept();
    expect(afterAssess.kinds).toEqual([...afterHelp.kinds, expect.any(String)]);
    expect(afterAssess.size).toBeGreaterThan(afterHelp.size);
    run(assess);
    expect(kept()).toEqual(afterAssess);
    run(['--help']);
    expect(kept()).toEqual(afterAssess);
  }, 30_000);
});
