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
      expect(f).toMatch(/\.cjs\.[0-9a-f]\.v8$/);
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
    expect(kept()).toEqual([expect.stringMatching(/^tip-coord\.cjs\.[0-9a-f]\.v8$/)]);

    const entry = join(root, 'dist', 'tip-coord.cjs');
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('sourced recommendation');
    writeFileSync(entry, text.replace('sourced recommendation', 'SOURCED RECOMMENDATION'));
    expect(help()).toContain('SOURCED RECOMMENDATION');
  }, 20_000);

  it("keeps each shape of command line's code apart, and a file's code again after a kind of run it had not served", async () => {
    // Code kept after --help lacks what an assessment compiles, and an assessment has no use
    // for the help's: each shape of command line (command, option names, format, terminal or
    // not) has its own kept file. Within one shape, a run that loads other files than those
    // before it keeps the file again (what it was handed and what it compiled); a run of a
    // kind already served does not.
    const entry = join(ROOT, 'dist', 'tip-coord.cjs');
    const st = statSync(entry);
    const age = Date.now() - Math.max(st.mtimeMs, st.ctimeMs);
    if (age < 3100) await sleep(3100 - age);
    const cache = fresh();
    const run = (args: string[], code = 0) => {
      const r = cli(args, { env: { XDG_CACHE_HOME: cache, TIP_COORD_NO_CODE_CACHE: undefined } });
      expect(r.code, r.stderr).toBe(code);
    };
    const kept = () => {
      const parent = join(cache, 'tip-coord');
      const dir = join(parent, readdirSync(parent)[0]!);
      return Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.startsWith('tip-coord.cjs.'))
          .map((f) => {
            const bytes = readFileSync(join(dir, f));
            const header = bytes.toString('latin1', 4, 4 + bytes.readUInt32LE(0));
            return [
              f,
              { kinds: header.split('|')[1]!.split(','), size: bytes.length, changed: statSync(join(dir, f)).mtimeMs },
            ];
          }),
      );
    };
    run(['--help']);
    const afterHelp = kept();
    expect(Object.keys(afterHelp)).toHaveLength(1);
    const [helpFile] = Object.keys(afterHelp);
    expect(afterHelp[helpFile!]!.kinds).toHaveLength(1);

    // Same shape of command line, two kinds of run: one stops at an answer the question does
    // not offer (and loads what says so).
    const example = join(ROOT, 'examples', 'refugee-wg-documented.json');
    const wrong = JSON.parse(readFileSync(example, 'utf8')) as { answers: Record<string, unknown> };
    wrong.answers.tipScale = 'enormous';
    const wrongFile = join(fresh(), 'answers.json');
    writeFileSync(wrongFile, JSON.stringify(wrong));
    const assess = (file: string) => ['assess', '--answers', file, '--format', 'json'];
    run(assess(wrongFile), 2);
    const afterError = kept();
    expect(Object.keys(afterError)).toHaveLength(2);
    expect(afterError[helpFile!]).toEqual(afterHelp[helpFile!]);
    const [assessFile] = Object.keys(afterError).filter((f) => f !== helpFile);
    expect(afterError[assessFile!]!.kinds).toHaveLength(1);

    run(assess(example));
    const afterAssess = kept();
    expect(Object.keys(afterAssess).sort()).toEqual(Object.keys(afterError).sort());
    expect(afterAssess[helpFile!]).toEqual(afterHelp[helpFile!]);
    expect(afterAssess[assessFile!]!.kinds).toEqual([...afterError[assessFile!]!.kinds, expect.any(String)]);
    expect(afterAssess[assessFile!]!.size).toBeGreaterThan(afterError[assessFile!]!.size);

    run(assess(example));
    run(['--help']);
    expect(kept()).toEqual(afterAssess);
  }, 30_000);
});
