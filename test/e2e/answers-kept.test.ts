/**
 * Interview answers are not lost (issue 15), through a real terminal (tmux): the report folder is
 * checked before the first question; a report that still cannot be written leaves the answers in
 * a draft somewhere writable, and says where; a closed terminal (SIGHUP) and SIGTERM keep a draft
 * like Ctrl-C; a name longer than the limit is refused as it is typed. Also batch's progress line.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rules/folder.js';
import { wording } from '../../src/core/messages.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'tip-coord.js');
const RULES = loadRuleBase();
const msg = wording(RULES);
const DATE = '2026-11-29';
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8'));
const flat = (s: string): string => s.replace(/\s+/g, ' ');
const onScreen = (what: string) => (s: string) => flat(s).includes(flat(what));
const label = (id: string): string => RULES.questionById.get(id)!.label;

describe.skipIf(noTmux())('interview answers are kept (tmux)', () => {
  let tmp: string;
  let term: Tmux | undefined;
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'tip-kept-'))));
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });
  function start(args: string[], cols = 100): Tmux {
    const env = { ...process.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'SOURCE_DATE_EPOCH']) delete env[k];
    term = Tmux.start(shellQuote([process.execPath, BIN, ...args, '--date', DATE]), { cwd: tmp, env, cols });
    return term;
  }
  /** An answers file with every answer of the example but those named, and no name. */
  function answersWithout(...ids: string[]): string {
    const answers = { ...EXAMPLE.answers };
    for (const id of ids) delete answers[id];
    const path = join(tmp, 'partial.json');
    writeFileSync(path, JSON.stringify({ version: 1, response: { name: 'Goma north' }, answers }));
    return path;
  }
  const waitForFile = async (dir: string, test: (f: string) => boolean): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      const f = existsSync(dir) ? readdirSync(dir).find(test) : undefined;
      if (f) return join(dir, f);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no file in ${dir}: ${existsSync(dir) ? readdirSync(dir).join(', ') : 'no folder'}`);
  };

  it('--out naming a file: refused before the first question, exit 2', async () => {
    const file = join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    const t = start(['assess', '--out', file]);
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=2');
    expect(screen).toContain(`tip-coord: Cannot make the folder ${file}`);
    expect(screen).toContain('Choose another folder with --out');
    expect(screen).not.toContain(msg('interview.name'));
  });

  it('a report that cannot be written after all: the answers are kept in a draft elsewhere, and the message says where', async () => {
    const out = join(tmp, 'reports');
    const t = start(['assess', '--answers', answersWithout('planningWindow'), '--out', out]);
    await t.waitFor(onScreen(`? ${label('planningWindow')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    // The folder becomes a file while the user reviews the answers.
    rmSync(out, { recursive: true, force: true });
    writeFileSync(out, 'in the way');
    t.press('Enter');
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=2');
    const draft = await waitForFile(tmp, (f) => f.endsWith('.draft.json'));
    expect(flat(screen)).toContain(`Your answers are kept in ${draft.slice(tmp.length + 1)}`);
    expect(flat(screen)).toContain(`assess --resume ${draft.slice(tmp.length + 1)}`);
    const kept = JSON.parse(readFileSync(draft, 'utf8'));
    expect(kept.answers.planningWindow).toBe(RULES.questionById.get('planningWindow')!.choices[0]!.value);
    expect(kept.response).toEqual({ name: 'Goma north' });
  });

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s mid-interview keeps a draft, like Ctrl-C', async (signal) => {
    const out = join(tmp, 'reports');
    const t = start(['assess', '--answers', answersWithout('planningWindow', 'meetingLoad'), '--out', out]);
    await t.waitFor(onScreen(`? ${label('meetingLoad')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${label('planningWindow')}`));
    const [pid] = t.commandPids();
    process.kill(pid!, signal);
    const draft = await waitForFile(out, (f) => f.endsWith('.draft.json'));
    const kept = JSON.parse(readFileSync(draft, 'utf8'));
    expect(kept.answers.meetingLoad).toBe(RULES.questionById.get('meetingLoad')!.choices[0]!.value);
    expect(kept.answers).not.toHaveProperty('planningWindow');
    const screen = await t.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=130');
    expect(flat(screen)).toContain(`--resume ${draft}`);
    expect(readdirSync(out)).toEqual([draft.slice(out.length + 1)]);
  });

  it('a closed terminal (the whole tmux server killed) keeps a draft', async () => {
    const out = join(tmp, 'reports');
    const t = start(['assess', '--answers', answersWithout('planningWindow', 'meetingLoad'), '--out', out]);
    await t.waitFor(onScreen(`? ${label('meetingLoad')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${label('planningWindow')}`));
    t.hangUp();
    const draft = await waitForFile(out, (f) => f.endsWith('.draft.json'));
    expect(JSON.parse(readFileSync(draft, 'utf8')).answers).toHaveProperty('meetingLoad');
  });

  it('a name longer than 200 characters is refused as it is typed, and asked again', async () => {
    const t = start(['assess', '--out', join(tmp, 'reports')]);
    await t.waitFor(onScreen(msg('interview.name')));
    t.sendKeys('x'.repeat(201));
    t.press('Enter');
    await t.waitFor(onScreen(msg('interview.nameLength', { max: 200, length: 201 })));
    t.press('BSpace');
    t.press('Enter');
    await t.waitFor(onScreen(`? ${label('responseType')}`));
  });
});

describe.skipIf(noTmux())('batch progress in a terminal (tmux)', () => {
  let tmp: string;
  let term: Tmux | undefined;
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'tip-progress-'))));
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('shows the count, the rate and the time left on stderr, and ends with the whole count', async () => {
    const rows = 40;
    writeFileSync(
      join(tmp, 'r.csv'),
      `name,tipScale\n${Array.from({ length: rows }, (_, i) => `Resp ${i},significant`).join('\n')}\n`,
    );
    mkdirSync(join(tmp, 'out'));
    // stdout to a file: what is left on screen is stderr alone.
    term = Tmux.start(
      shellQuote([process.execPath, BIN, 'batch', 'r.csv', '--out', 'out', '--date', DATE]) + ' >/dev/null',
      {
        cwd: tmp,
        env: { ...process.env },
      },
    );
    const screen = await term.waitFor(/EXIT=\d+/, 30_000);
    expect(screen).toContain('EXIT=0');
    const [, per, left] = /\{total\}(.*)\{rate\}(.*)\{left\}/.exec(msg('batch.progress'))!;
    expect(screen).toContain(`${rows} of ${rows}${per}`);
    expect(screen).toContain(left!.trim());
  });
});
