/**
 * What start-up loads (issue 7, issue 11 item 6). Not timed (speed is measured by `npm run bench`):
 * this checks the structure that makes it fast, so that a static import of a command's code
 * added to the command line shows here. --help and --version load the launcher, the bundle's
 * entry (commander inlined) and the chunks it imports statically (the catalog reader), and
 * neither any command's code nor any package from node_modules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, runCli } from '../support/cli.js';

const TIMEOUT = 30_000;
const ENTRY = join(ROOT, 'dist', 'tip-coord.js');

/** The chunks a bundle file imports statically (`from "./x.js"`) and lazily (`import("./x.js")`). */
function chunksOf(file: string): { staticImports: string[]; lazyImports: string[] } {
  const text = readFileSync(file, 'utf8');
  const rel = (m: RegExpMatchArray): string => `dist/${m[1]!}`;
  return {
    staticImports: [...text.matchAll(/^import [^;]*? from "\.\/([^"]+)";$/gm)].map(rel),
    lazyImports: [...text.matchAll(/\bimport\("\.\/([^"]+)"\)/g)].map(rel),
  };
}

describe('start-up', () => {
  let tmp: string;
  let register: string;
  let cjsHook: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-startup-'));
    // An ES-module loader hook that writes down every file: URL loaded, and a CommonJS preload
    // that reports at exit the files require() loaded.
    writeFileSync(
      join(tmp, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.TIP_LOADED_LOG, url + '\\n');
  return next(url, context);
}`,
    );
    register = join(tmp, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
    cjsHook = join(tmp, 'required.cjs');
    writeFileSync(
      cjsHook,
      `process.on('exit', () => require('node:fs').writeSync(2, '\\nREQUIRED ' + JSON.stringify(
        Object.keys(require.cache).filter((f) => f !== __filename)) + '\\n'));`,
    );
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the bundle entry imports some chunks statically and each command lazily', () => {
    const { staticImports, lazyImports } = chunksOf(ENTRY);
    expect(lazyImports.length).toBeGreaterThanOrEqual(6);
    expect(staticImports.filter((s) => lazyImports.includes(s))).toEqual([]);
  });

  it.each([[['--help']], [['--version']], [['assess', '--help']], [['--help', '--lang', 'fr']]])(
    '%j loads bin/, the bundle entry and its static chunks only: no command code, no package',
    async (args) => {
      const log = join(tmp, `loaded-${args.join('_')}.txt`);
      writeFileSync(log, '');
      const r = await runCli(args, {
        nodeArgs: ['--import', register, '-r', cjsHook],
        env: cleanEnv({ TIP_LOADED_LOG: log }),
      });
      expect(r.code, r.stderr).toBe(0);
      const loaded = readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((url) => relative(ROOT, fileURLToPath(url)).split('\\').join('/'))
        .filter((f) => !f.startsWith('..'));
      const { staticImports, lazyImports } = chunksOf(ENTRY);
      expect(loaded.sort()).toEqual(['bin/tip-coord.js', 'dist/tip-coord.js', ...staticImports].sort());
      expect(loaded.filter((f) => lazyImports.includes(f))).toEqual([]);
      const line = r.stderr.split('\n').find((l) => l.startsWith('REQUIRED '));
      expect(line, r.stderr).toBeDefined();
      expect(JSON.parse(line!.slice('REQUIRED '.length))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'an assessment loads its command chunk (the check above can fail)',
    async () => {
      const log = join(tmp, 'loaded-assess.txt');
      writeFileSync(log, '');
      const r = await runCli(
        ['assess', '--answers', join(ROOT, 'examples', 'refugee-wg-documented.json'), '--format', 'json'],
        { nodeArgs: ['--import', register], env: cleanEnv({ TIP_LOADED_LOG: log }) },
      );
      expect(r.code, r.stderr).toBe(0);
      const { lazyImports } = chunksOf(ENTRY);
      const loaded = readFileSync(log, 'utf8');
      expect(lazyImports.some((f) => loaded.includes(f))).toBe(true);
    },
    TIMEOUT,
  );
});
