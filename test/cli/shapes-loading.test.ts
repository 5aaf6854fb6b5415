/**
 * The files' shapes, their checkers and TypeBox make a chunk of their own (vite.build.config.ts),
 * loaded at first use: an assessment with the built-in rules and a valid answers file goes
 * through the answers checker compiled ahead of time and never loads it; a rule folder read
 * from its files, or a file with a mistake, does. Not timed: this checks the structure that
 * keeps a run from paying for what it does not use.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, runCli } from '../support/cli.js';

const TIMEOUT = 30_000;

describe('the chunk of the shapes', () => {
  let tmp: string;
  let hook: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-shapes-'));
    hook = join(tmp, 'required.cjs');
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeSync(2, '\\nREQUIRED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));`,
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** Whether a run loaded the chunk of the shapes, and what it wrote on stderr before. */
  async function run(args: string[]): Promise<{ loaded: boolean; code: number | null; stderr: string }> {
    const r = await runCli(args, { nodeArgs: ['-r', hook] });
    const line = r.stderr.split('\n').find((l) => l.startsWith('REQUIRED '));
    expect(line, r.stderr).toBeDefined();
    const files = JSON.parse(line!.slice('REQUIRED '.length)) as string[];
    return {
      loaded: files.some((f) => /[/\\]dist[/\\]shapes-[\w-]+\.cjs$/.test(f)),
      code: r.code,
      stderr: r.stderr.slice(0, r.stderr.indexOf('\nREQUIRED ')),
    };
  }

  it('is a chunk of the build', () => {
    expect(readdirSync(join(ROOT, 'dist')).filter((f) => /^shapes-[\w-]+\.cjs$/.test(f))).toHaveLength(1);
  });

  it(
    'is not loaded by --help, nor by an assessment of a valid answers file with the built-in rules',
    async () => {
      expect((await run(['--help'])).loaded).toBe(false);
      const assessed = await run(['assess', '--answers', EXAMPLE, '--format', 'json']);
      expect(assessed.code, assessed.stderr).toBe(0);
      expect(assessed.loaded).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'is loaded to say what is wrong with a file, and to read a rule folder from its files',
    async () => {
      const bad = join(tmp, 'bad.json');
      writeFileSync(bad, JSON.stringify({ version: 2, answers: { phase: 'late' } }));
      const refused = await run(['assess', '--answers', bad, '--format', 'json']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('"answers.phase" has "late"; valid: "preparedness"');
      expect(refused.loaded).toBe(true);
      const validated = await run(['rules', 'validate']);
      expect(validated.code, validated.stderr).toBe(0);
      expect(validated.loaded).toBe(true);
    },
    TIMEOUT,
  );
});
