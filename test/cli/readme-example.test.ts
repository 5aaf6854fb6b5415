/**
 * The README's first run shows real output: its `assess` command, run as written in a fresh
 * folder, prints the path shown, and the part of the report it quotes is what the report says
 * (the words; `fmt` only re-wraps them).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The README's console block: commands ("$ ...") and the output after each. */
const CONSOLE = /```console\n([\s\S]*?)```/.exec(README)?.[1] ?? '';

function steps(): { command: string; output: string[] }[] {
  const out: { command: string; output: string[] }[] = [];
  for (const line of CONSOLE.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) out.push({ command: line.slice(2), output: [] });
    else out.at(-1)?.output.push(line);
  }
  return out;
}

const words = (lines: readonly string[]): string[] => lines.join(' ').split(/\s+/).filter(Boolean);

let cwd: string;
beforeEach(() => (cwd = mkdtempSync(join(tmpdir(), 'tip-readme-'))));
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('the README’s first report', () => {
  it('is what the tool prints and writes', async () => {
    const [assess, quote] = steps();
    expect(assess?.command).toMatch(/^npx tip-coord assess --answers examples\/\S+\.json/);
    // As a newcomer types it in a clone; here from a fresh folder, with the example's full path.
    const args = (assess?.command ?? '')
      .replace(/^npx tip-coord /, '')
      .split(' ')
      .map((a) => (a.startsWith('examples/') ? join(ROOT, a) : a));
    const r = await runCli(args, { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${assess?.output.join('\n')}\n`);

    // sed -n '/^### Decision/,/^### Action plan/p' REPORT | fmt: the lines from one title to the other.
    const [, from, to] = /sed -n '\/\^(.+?)\/,\/\^(.+?)\/p'/.exec(quote?.command ?? '') ?? [];
    expect(from, quote?.command).toBeDefined();
    const report = readFileSync(join(cwd, r.stdout.trim()), 'utf8').split('\n');
    const start = report.findIndex((l) => l.startsWith(from ?? '\0'));
    const end = report.findIndex((l, i) => i > start && l.startsWith(to ?? '\0'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    expect(words(quote?.output ?? [])).toEqual(words(report.slice(start, end + 1)));
  }, 60_000);
});
