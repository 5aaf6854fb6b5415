/**
 * The interview in French through a real terminal: every question, the review, the results and
 * the report, with no English left on screen; Ctrl-C worded in French.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { englishIn, fr } from '../support/english.js';
import { BIN, ROOT } from '../support/cli.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';

const flat = (s: string): string => s.replace(/\s+/g, ' ');
const onScreen = (what: string) => (s: string) => flat(s).includes(flat(what)) || s.replace(/\n/g, '').includes(what);

describe.skipIf(noTmux())('the interview in French (tmux)', () => {
  let tmp: string;
  let term: Tmux | undefined;
  beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'tip-fr-e2e-'))));
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });
  function start(args: string[], env: Record<string, string> = {}): Tmux {
    const e = { ...process.env, ...env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete e[k];
    term = Tmux.start(shellQuote([process.execPath, BIN, 'assess', '--out', tmp, '--date', '2026-11-29', ...args]), {
      cwd: ROOT,
      env: e,
    });
    return term;
  }

  it('runs from the first question to the report in French, with no English on screen', async () => {
    const t = start([], { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    await t.waitFor(onScreen(fr['messages.interview.name']!));
    t.sendKeys('Réponse Goma');
    t.press('Enter');
    await t.waitFor(onScreen(fr['questions.responseType.label']!));
    expect(flat(t.capture())).toContain(fr['messages.prompt.navigate']!);
    expect(flat(t.capture())).toContain(`? ${fr['messages.prompt.help']!}`);
    // Help from its key, in French, then back to the question.
    t.press('?');
    await t.waitFor(onScreen(fr['messages.prompt.back']!));
    expect(englishIn(t.capture())).toEqual([]);
    t.press('Escape');
    await t.waitFor((s) => !flat(s).includes(fr['messages.prompt.back']!));
    // The first choice everywhere, then Done on the review and Finish after the results.
    for (let i = 0; i < 40; i++) {
      const screen = t.capture();
      if (onScreen(fr['messages.interview.afterResults']!)(screen)) break;
      t.press('Enter');
      await t.waitFor((s) => s !== screen, 5_000).catch(() => undefined);
    }
    await t.waitFor(onScreen(fr['messages.interview.afterResults']!));
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
    const screen = t.capture({ history: true });
    // The short result beside the menu, in French.
    expect(flat(screen)).toContain(flat(fr['messages.result.decision']!.split('{title}')[0]!));
    expect(flat(screen)).toContain(flat(fr['messages.result.beside']!.split('{list}')[0]!));
    expect(englishIn(screen)).toEqual([]);
    const files = readdirSync(tmp).filter((f) => f.endsWith('.md'));
    expect(files).toEqual(['2026-11-29-réponse-goma.md']);
    expect(readdirSync(tmp)).toContain('2026-11-29-réponse-goma.answers.json');
    expect(englishIn(readFileSync(join(tmp, files[0]!), 'utf8'))).toEqual([]);
  }, 60_000);

  it('says in French that Ctrl-C wrote no report', async () => {
    const t = start(['--lang', 'fr']);
    await t.waitFor(onScreen(fr['messages.interview.name']!));
    t.sendKeys('Réponse Bangui');
    t.press('Enter');
    await t.waitFor(onScreen(fr['questions.responseType.label']!));
    t.press('C-c');
    await t.waitFor(/EXIT=130/);
    const screen = t.capture({ history: true });
    expect(flat(screen)).toContain(flat(fr['messages.cli.interrupted']!));
    expect(englishIn(screen)).toEqual([]);
  }, 30_000);
});
