/**
 * The end of an interview on a small laptop's terminal (80×24) with a long --out path: the
 * decision, the first actions and the whole report path stay on screen above the "What next?"
 * menu, whose first choice is Finish; after the pager the short result is shown again; and the
 * last screen, once the tool has exited, still shows all three.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wording } from '../../src/core/messages.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { runOn } from '../support/run-info.js';
import { BIN, ROOT } from '../support/cli.js';
import { shellQuote, Tmux, tmuxAvailable } from './tmux.js';

const RULES = loadRuleBase();
const msg = wording(RULES);
const flat = (s: string): string => s.replace(/\s+/g, ' ');
/** The screen as one line: a path the terminal wrapped reads whole again. */
const joined = (s: string): string => s.replace(/\n/g, '');

describe.skipIf(!tmuxAvailable())('the end screen at 80×24 with a long --out path (tmux)', () => {
  let tmp: string;
  let out: string;
  let term: Tmux | undefined;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-small-'));
    out = join(tmp, 'a-country-office-with-a-long-name', 'protection-cluster', 'trafficking', 'reports-2026-november');
    mkdirSync(out, { recursive: true });
  });
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The example but one answer, so the interview asks one question, then the review. */
  function start(example: string, env: Record<string, string> = {}): Tmux {
    const file = JSON.parse(readFileSync(join(ROOT, 'examples', example), 'utf8'));
    delete file.answers.planningWindow;
    const answers = join(tmp, 'answers.json');
    writeFileSync(answers, JSON.stringify(file));
    // Enter keeps the first choice of the question asked: the expected result is that of those answers.
    file.answers.planningWindow = RULES.questionById.get('planningWindow')!.choices[0]!.value;
    return launch(answers, file.answers, env);
  }

  function launch(answers: string, given: Answers, env: Record<string, string>): Tmux {
    const e: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete e[k];
    const cmd = [process.execPath, BIN, 'assess', '--answers', answers, '--out', out, '--date', '2026-11-29'];
    term = Tmux.start(shellQuote(cmd), { cwd: ROOT, env: e, cols: 80, rows: 24 });
    pending = assess(new Evaluator(RULES), { answers: completeAnswers(RULES, given), run: runOn('2026-11-29') }).then(
      (r) => {
        primary = r.recommendations.find((x) => x.role === 'primary')!;
      },
    );
    return term;
  }
  let pending: Promise<void>;

  async function toTheMenu(t: Tmux): Promise<string> {
    await pending;
    await t.waitFor((s) => joined(s).includes(`? ${RULES.questionById.get('planningWindow')!.label}`));
    t.press('Enter');
    await t.waitFor((s) => s.includes(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    return t.waitFor((s) => s.includes(`? ${msg('interview.afterResults')}`));
  }

  let primary: { title: string; steps: string[] };

  /** What the end screen must show: the decision and first action of the same answers, the report written. */
  function expected(): { decision: string; firstAction: string; path: string } {
    const report = readdirSync(out).find((f) => f.endsWith('.md'))!;
    return {
      decision: msg('result.decision', { title: primary.title }),
      firstAction: primary.steps[0]!.split(' ').slice(0, 6).join(' '),
      path: join(out, report),
    };
  }

  function expectEndScreen(screen: string): void {
    const { decision, firstAction, path } = expected();
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(flat(screen), screen).toContain(decision);
    expect(flat(screen), screen).toContain(msg('result.firstActions'));
    expect(flat(screen), screen).toContain(`1. ${firstAction}`);
    expect(joined(screen), screen).toContain(msg('result.report', { path }));
  }

  it.each(['idp-no-mechanism.json', 'refugee-wg-documented.json', 'mixed-selective-government.json'])(
    '%s: the decision, the first actions and the whole report path above the menu, Finish first; still there once it has exited',
    async (example) => {
      const t = start(example);
      const menu = await toTheMenu(t);
      expect(expected().path.length).toBeGreaterThan(80);
      expectEndScreen(menu);
      // Finish is the first choice: Enter takes it.
      expect(menu).toMatch(new RegExp(`❯ ${msg('interview.finish')}\\n`));
      t.press('Enter');
      const last = await t.waitFor(/EXIT=0/);
      expectEndScreen(last);
    },
    60_000,
  );

  it('after the pager, the short result is shown again above the menu', async () => {
    const t = start('idp-no-mechanism.json', { PAGER: 'less', LESS: '' });
    await toTheMenu(t);
    t.press('Down', 'Enter'); // Read the full report
    await t.waitFor(
      (s) => s.includes('# Coordinating the response') && !s.includes(`? ${msg('interview.afterResults')}`),
    );
    t.press('q');
    const again = await t.waitFor((s) => s.includes(`? ${msg('interview.afterResults')}`));
    expectEndScreen(again);
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
  }, 60_000);
});
