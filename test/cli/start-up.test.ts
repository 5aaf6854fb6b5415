/**
 * What start-up loads (issue 7). Not timed (speed is measured by `npm run bench`): this checks
 * the structure that makes it fast, so that a static import added to the CLI front shows here.
 * --help and --version load the launcher, the CLI front and commander, and no ES module at all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const TIMEOUT = 30_000;

describe('start-up', () => {
  let tmp: string;
  let hook: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-startup-'));
    hook = join(tmp, 'loaded.cjs');
    // Preloaded with -r: at exit, reports the CommonJS files loaded and whether the ESM loader ran.
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify({
        files: Object.keys(require.cache).filter((f) => f !== __filename),
        esm: process.moduleLoadList.filter((m) => /internal\\/modules\\/esm\\/(loader|module_job)/.test(m)),
      }) + '\\n'));`,
    );
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([[['--help']], [['--version']], [['assess', '--help']]])(
    '%j loads only bin/, dist/cli.cjs and commander, and no ES module',
    async (args) => {
      const r = await runCli(args, { nodeArgs: ['-r', hook] });
      expect(r.code, r.stderr).toBe(0);
      const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '));
      expect(line, r.stderr).toBeDefined();
      const { files, esm } = JSON.parse(line!.slice('LOADED '.length)) as { files: string[]; esm: string[] };
      // commander is inlined in a bundled build, separate files in a tsc-only one.
      const ours = files
        .filter((f) => !/[/\\]node_modules[/\\]commander[/\\]/.test(f))
        .map((f) => relative(ROOT, f).split('\\').join('/'));
      expect(ours.sort()).toEqual(['bin/tip-coord.js', 'dist/cli.cjs']);
      expect(esm).toEqual([]);
    },
    TIMEOUT,
  );
});
