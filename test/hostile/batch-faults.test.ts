/**
 * Issue 15, faults mid-batch: "all names taken" for one response skips it with a reason
 * instead of aborting; a taken name costs no temporary file; a signal leaves no temporary
 * file; those a killed run left are swept by the next one, and only ours.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeNewReport } from '../../src/cli/report-files.js';
import type { Checked } from '../../src/cli/gate.js';

/** These tests stand for the safety gate: the names they write under are theirs to choose. */
const checked = (s: string): Checked => s as Checked;
import { cli, ROOT, runCli } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-faults-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);

/** Fills every name writeNewReport would try for `slug` on 2026-01-01. */
function takeAllNames(dir: string, slug: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `2026-01-01-${slug}.md`), 'taken');
  for (let i = 2; i < 1000; i++) writeFileSync(join(dir, `2026-01-01-${slug}-${i}.md`), 'taken');
}

describe('batch faults', () => {
  it('a taken name costs no temporary file: the folder is not even touched when every name is taken', () => {
    const dir = fresh();
    takeAllNames(dir, 'goma');
    const before = statSync(dir, { bigint: true }).mtimeNs;
    expect(() => writeNewReport(checked(dir), '2026-01-01', checked('Goma'), 'md', 'x'.repeat(100_000))).toThrow(
      /free report name/,
    );
    expect(statSync(dir, { bigint: true }).mtimeNs).toBe(before);
  });

  it('"all names taken" for one response skips that response with a reason; the others and the summary are written', () => {
    const out = fresh();
    takeAllNames(out, 'goma');
    const csv = join(tmp, 'names.csv');
    writeFileSync(csv, 'name,tipScale\nGoma,isolated\nKivu,significant\n');
    const r = cli(['batch', csv, '--out', out, '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/free report name/);
    const files = readdirSync(out);
    expect(files).toContain('2026-01-01-kivu.md');
    expect(files).toContain('2026-01-01-portfolio.md');
    const summary = readFileSync(join(out, '2026-01-01-portfolio.md'), 'utf8');
    expect(summary).toMatch(/row 2: its report could not be written \(the name is taken\)/);
    expect(summary).toContain('1 skipped');
  });

  it('a write that fails for one response (file size limit) skips it with its reason; the others go on', async () => {
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    // The full example's report is about 43 KB, the all-unknown one about 36 KB: a 40 KiB limit
    // fails the first only (EFBIG, as a full disk would fail it with ENOSPC).
    writeFileSync(join(dir, 'a.json'), readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json')));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ version: 1, answers: {} }));
    const r = await runCli(['batch', dir, '--out', out, '--date', '2026-01-01'], {
      wrapper: ['bash', '-c', 'ulimit -f 40; exec "$0" "$@"'],
    });
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain('2026-01-01-b.md');
    expect(files).toContain('2026-01-01-portfolio.md');
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    const summary = readFileSync(join(out, '2026-01-01-portfolio.md'), 'utf8');
    expect(summary).toMatch(/a\.json: its report could not be written \(file larger than the limit in force\)/);
  });

  it('SIGTERM mid-batch leaves no temporary file, keeps the finished reports, exits 143', async () => {
    const out = fresh();
    const csv = join(tmp, 'many.csv');
    const rows = Array.from({ length: 400 }, (_, i) => `R${i},isolated`).join('\n');
    writeFileSync(csv, `name,tipScale\n${rows}\n`);
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'tip-coord.js'), 'batch', csv, '--out', out], {
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((done) => {
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).length >= 5) {
          clearInterval(poll);
          child.kill('SIGTERM');
        }
      }, 20);
      child.on('exit', (c) => {
        clearInterval(poll);
        done(c);
      });
    });
    expect(code).toBe(143);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.some((f) => f.includes('portfolio'))).toBe(false);
  });

  it('the next run sweeps temporary files that a killed run left, and only those', () => {
    const out = fresh();
    mkdirSync(out);
    // A process number that is not running: ours left by a run killed with SIGKILL.
    let gone = 4_000_000;
    for (; ; gone++) {
      try {
        process.kill(gone, 0);
      } catch {
        break;
      }
    }
    const stale = `.2026-01-01-goma.md.${gone}-0123456789ab.tmp`;
    const running = `.2026-01-01-goma.md.${process.pid}-0123456789ab.tmp`;
    const foreign = '.notes.md.swp.tmp';
    for (const f of [stale, running, foreign]) writeFileSync(join(out, f), 'x', { mode: 0o600 });
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ version: 1, answers: {} }));
    expect(cli(['batch', dir, '--out', out, '--date', '2026-01-01']).code).toBe(0);
    const files = readdirSync(out);
    expect(files).not.toContain(stale);
    expect(files).toContain(running);
    expect(files).toContain(foreign);
  });
});
