/**
 * What start-up loads. Not timed (speed is measured by `npm run bench`): this checks the
 * structure that makes it fast, so that a static require of a command's code added to the
 * command line shows here. --version alone loads the launcher only; --help loads the launcher,
 * the bundle's entry (commander inlined) and the chunks it requires at its top (the catalog
 * reader), and neither any command's code nor any package from node_modules (the bundle inlines
 * them all). None of these runs, their output on pipes, loads node:crypto, node:child_process,
 * or Node's stream, network and terminal modules, which cost milliseconds to load (the output is
 * written straight to the pipe: cli/direct-output.ts; the temporary names of a report's files
 * come from /dev/urandom: cli/random-hex.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, runCli } from '../support/cli.js';

const TIMEOUT = 30_000;
const ENTRY = join(ROOT, 'dist', 'tip-coord.cjs');

/** The chunks a bundle file requires at its top, and those it requires lazily (inside a function). */
function chunksOf(file: string): { staticImports: string[]; lazyImports: string[] } {
  const text = readFileSync(file, 'utf8');
  const rel = (m: RegExpMatchArray): string => `dist/${m[1]!}`;
  return {
    // The bundle is written without whitespace: a top-level require is a statement of its own,
    // a lazy one the body of an arrow function.
    staticImports: [...text.matchAll(/(?<=^|;)\s*(?:const|let|var) \w+\s*=\s*require\("\.\/([^"]+)"\);/gm)].map(rel),
    lazyImports: [...text.matchAll(/\(\)\s*=>\s*require\("\.\/([^"]+)"\)/g)].map(rel),
  };
}

describe('start-up', () => {
  let tmp: string;
  let hook: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-startup-'));
    // A preload that reports at exit every file require() loaded, and whether an ES module was.
    hook = join(tmp, 'required.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeSync(2, '\\nREQUIRED ' + JSON.stringify(
        Object.keys(require.cache).filter((f) => f !== __filename)) + '\\nBUILTINS ' + JSON.stringify(
        process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13))) + '\\n'));`,
    );
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  const builtins = (stderr: string): string[] => {
    const line = stderr.split('\n').find((l) => l.startsWith('BUILTINS '));
    expect(line, stderr).toBeDefined();
    return JSON.parse(line!.slice('BUILTINS '.length)) as string[];
  };
  const SLOW_BUILTINS = ['crypto', 'child_process', 'stream', 'net', 'tty'];

  const required = (stderr: string): string[] => {
    const line = stderr.split('\n').find((l) => l.startsWith('REQUIRED '));
    expect(line, stderr).toBeDefined();
    return (JSON.parse(line!.slice('REQUIRED '.length)) as string[]).map((f) =>
      relative(ROOT, f).split('\\').join('/'),
    );
  };

  it("the bundle's files are ASCII, without doc comments: Node reads each into a one-byte string", () => {
    const files = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.cjs'));
    expect(files.length).toBeGreaterThan(10);
    const notAscii = files.filter((f) => /[^\x00-\x7f]/.test(readFileSync(join(ROOT, 'dist', f), 'latin1')));
    expect(notAscii).toEqual([]);
    expect(readFileSync(ENTRY, 'utf8')).not.toMatch(/^\s*\/\*\*\s*$/m);
  });

  it('the bundle entry requires some chunks at its top and each command lazily', () => {
    const { staticImports, lazyImports } = chunksOf(ENTRY);
    expect(staticImports.length).toBeGreaterThanOrEqual(1);
    expect(lazyImports.length).toBeGreaterThanOrEqual(6);
    expect(staticImports.filter((s) => lazyImports.includes(s))).toEqual([]);
  });

  it.each([[['--version']], [['-V']]])(
    '%j loads the launcher alone, and prints the version package.json gives',
    async (args) => {
      const r = await runCli(args, { nodeArgs: ['-r', hook], env: cleanEnv() });
      expect(r.code, r.stderr).toBe(0);
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(r.stdout).toBe(`${version}\n`);
      expect(required(r.stderr)).toEqual(['bin/tip-coord.js']);
    },
    TIMEOUT,
  );

  it.each([[['--help']], [['--version', '--lang', 'fr']], [['assess', '--help']], [['--help', '--lang', 'fr']]])(
    '%j loads bin/, the bundle entry and its static chunks only: no command code, no package',
    async (args) => {
      const r = await runCli(args, { nodeArgs: ['-r', hook], env: cleanEnv() });
      expect(r.code, r.stderr).toBe(0);
      const loaded = required(r.stderr);
      const { staticImports, lazyImports } = chunksOf(ENTRY);
      expect(loaded.sort()).toEqual(['bin/tip-coord.js', 'dist/tip-coord.cjs', ...staticImports].sort());
      expect(loaded.filter((f) => lazyImports.includes(f))).toEqual([]);
      expect(loaded.filter((f) => f.includes('node_modules'))).toEqual([]);
      expect(builtins(r.stderr).filter((m) => SLOW_BUILTINS.includes(m))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'an assessment loads its command chunk, and still no package (the check above can fail)',
    async () => {
      const r = await runCli(
        ['assess', '--answers', join(ROOT, 'examples', 'refugee-wg-documented.json'), '--format', 'json'],
        { nodeArgs: ['-r', hook], env: cleanEnv() },
      );
      expect(r.code, r.stderr).toBe(0);
      const loaded = required(r.stderr);
      const { lazyImports } = chunksOf(ENTRY);
      expect(lazyImports.some((f) => loaded.includes(f))).toBe(true);
      expect(loaded.filter((f) => !f.startsWith('bin/') && !f.startsWith('dist/'))).toEqual([]);
      expect(builtins(r.stderr).filter((m) => SLOW_BUILTINS.includes(m))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a markdown report written to a folder loads no slow module either',
    async () => {
      const out = join(tmp, 'report');
      const r = await runCli(
        ['assess', '--answers', join(ROOT, 'examples', 'refugee-wg-documented.json'), '--out', out],
        {
          nodeArgs: ['-r', hook],
          env: cleanEnv(),
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(out);
      expect(builtins(r.stderr).filter((m) => SLOW_BUILTINS.includes(m))).toEqual([]);
    },
    TIMEOUT,
  );
});
