/**
 * A command's JSON as gh prints it: indented on a terminal, where a person reads it; one line on
 * a pipe or in a file, where a program does. Both are the same JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, cli, cleanEnv } from '../support/cli.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';

const ARGS = ['explain', '--answers', EXAMPLE, '--format', 'json', '--lang', 'en'];

describe('JSON on stdout', () => {
  it('on a pipe: one line, then a newline', () => {
    const r = cli(ARGS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(r.stdout)).toBeTypeOf('object');
  });

  describe.skipIf(noTmux())('in a terminal (tmux)', () => {
    let tmp: string;
    let term: Tmux | undefined;
    beforeEach(() => {
      tmp = mkdtempSync(join(tmpdir(), 'tip-coord-json-'));
    });
    afterEach(() => {
      term?.kill();
      term = undefined;
      rmSync(tmp, { recursive: true, force: true });
    });

    it('indented, two spaces a level, and the same JSON as on a pipe', async () => {
      const piped = JSON.parse(cli(ARGS).stdout) as unknown;
      term = Tmux.start(shellQuote([process.execPath, BIN, ...ARGS]), {
        cwd: tmp,
        env: cleanEnv({ NO_COLOR: '1' }),
        cols: 200,
        rows: 50,
      });
      const screen = await term.waitFor(/EXIT=\d+/, 15_000, { history: true });
      expect(screen).toContain('EXIT=0');
      const lines = screen.split('\n');
      const start = lines.findIndex((l) => l === '{');
      const end = lines.findIndex((l, i) => i > start && l === '}');
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start + 1);
      expect(lines[start + 1]).toMatch(/^ {2}"\w+": /);
      expect(JSON.parse(lines.slice(start, end + 1).join('\n'))).toEqual(piped);
    }, 30_000);
  });
});
