/**
 * The interview asks what an answer makes relevant, through a real terminal (tmux) and the built
 * CLI: the questions left to ask are recomputed after every answer, so picking an existing
 * working group brings "Is it delivering?", and the saved answers file holds both answers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/cli.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';
import { EXAMPLE, msg, onScreen, q, reportIn, RULES } from './screen.js';

describe.skipIf(noTmux())('the interview recomputes what is left to ask (tmux)', () => {
  let tmp: string;
  let term: Tmux | undefined;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-relevant-'));
  });
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The example's answers without the existing mechanism and its state: only those are asked. */
  function answersFile(): string {
    const answers = { ...EXAMPLE.answers };
    delete answers.existingMechanism;
    delete answers.mechanismState;
    const path = join(tmp, 'answers.json');
    writeFileSync(path, JSON.stringify({ ...EXAMPLE, answers }));
    return path;
  }

  it('asks "Is it delivering?" once an existing working group is picked, and saves both answers', async () => {
    const out = join(tmp, 'reports');
    const env = { ...process.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[k];
    const t = (term = Tmux.start(
      shellQuote([process.execPath, BIN, 'assess', '--answers', answersFile(), '--out', out, '--date', '2026-11-29']),
      { cwd: ROOT, env },
    ));
    // At the start the state of a mechanism is not relevant (nothing in place is known yet)...
    await t.waitFor(onScreen(`? ${q('existingMechanism').label}`));
    const choices = q('existingMechanism').choices.map((c) => c.value);
    for (let i = 0; i < choices.indexOf('working_group'); i++) t.press('Down');
    t.press('Enter');
    // ...picking a working group makes it relevant: it is asked at once, not guessed.
    await t.waitFor(onScreen(`? ${q('mechanismState').label}`));
    const states = q('mechanismState').choices.map((c) => c.value);
    for (let i = 0; i < states.indexOf('stalled'); i++) t.press('Down');
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
    const saved = readdirSync(out).find((f) => f.endsWith('.answers.json'))!;
    const answers = JSON.parse(readFileSync(join(out, saved), 'utf8')).answers as Record<string, unknown>;
    expect(answers.existingMechanism).toBe('working_group');
    expect(answers.mechanismState).toBe('stalled');
    // The report reviews the group as asked: stalled, with an agency to chair, it is strengthened.
    const report = reportIn(out);
    expect(report).toContain(
      `(primary, ${msg('report.inPlace', { verdict: RULES.verdicts.find((v) => v.id === 'strengthen')!.title })})`,
    );
  });
});
