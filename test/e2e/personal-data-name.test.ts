/**
 * The response name typed in the interview goes through the same personal-data check as --name
 * (issue 7): a phone number is refused on the spot and the name asked again. Real terminal (tmux).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/cli.js';
import { messagesEn } from '../support/english.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';
import { masked } from '../../src/core/personal-data.js';

const MESSAGES = messagesEn;
const msg = (key: string, vars: Record<string, string> = {}): string =>
  MESSAGES[key]!.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
const LAST_QUESTION = (
  JSON.parse(readFileSync(join(ROOT, 'rules', 'questions.json'), 'utf8')) as {
    questions: { id: string; label: string }[];
  }
).questions.find((q) => q.id === 'planningWindow')!.label;
/** Compared without white space: prompts wrap at the terminal width, where a space may vanish. */
const onScreen = (what: string) => (screen: string) => screen.replace(/\s+/g, '').includes(what.replace(/\s+/g, ''));

describe.skipIf(noTmux())('the interview refuses a response name with a phone number', () => {
  let term: Tmux | undefined;
  let tmp: string | undefined;
  afterEach(() => {
    term?.kill();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('shows why, asks again, and writes the report under the corrected name', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-e2e-pd-'));
    const out = join(tmp, 'reports');
    // Every answer but the last, and no name: the interview asks the name, then one question.
    const example = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8')) as {
      answers: Record<string, unknown>;
    };
    delete example.answers.planningWindow;
    const answers = join(tmp, 'answers.json');
    writeFileSync(answers, JSON.stringify({ version: 1, answers: example.answers }));

    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.SOURCE_DATE_EPOCH;
    term = Tmux.start(
      shellQuote([process.execPath, BIN, 'assess', '--answers', answers, '--out', out, '--date', '2026-11-29']),
      { cwd: ROOT, env },
    );

    await term.waitFor(onScreen(msg('interview.name')), 15_000);
    const typed = 'Goma, focal point +243 81 234 5678';
    term.sendKeys(typed);
    term.press('Enter');
    await term.waitFor(
      onScreen(msg('interview.personalData', { kind: msg('personalData.phone'), text: masked('+243 81 234 5678') })),
    );

    for (let i = 0; i < typed.length; i++) term.press('BSpace');
    term.sendKeys('Goma response');
    term.press('Enter');
    await term.waitFor(onScreen(LAST_QUESTION), 15_000);
    term.press('Enter');
    // The review screen (Done is first), then the results and the "what next" menu: finish.
    await term.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`), 15_000);
    term.press('Enter');
    await term.waitFor(onScreen(`? ${msg('interview.afterResults')}`), 15_000);
    term.press('Enter');
    const screen = await term.waitFor(/EXIT=\d+/, 20_000);
    expect(screen).toContain('EXIT=0');

    const reports = readdirSync(out).sort();
    expect(reports).toEqual(['2026-11-29-goma-response.answers.json', '2026-11-29-goma-response.md']);
    const report = readFileSync(join(out, reports[1]!), 'utf8');
    expect(report).toContain('Goma response');
    expect(report).not.toContain('+243');
  }, 60_000);
});
