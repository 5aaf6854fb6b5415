/**
 * End to end through a real terminal (tmux): the interview as a user drives it, Ctrl-C, and NO_COLOR.
 * Needs dist/ (the test script runs tsc first) and tmux (CI installs it).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/core/answers.js';
import { isApplicable } from '../../src/core/answers.js';
import { questionFor } from '../../src/core/response-wording.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { BIN, ROOT } from '../support/cli.js';
import { messagesEn } from '../support/english.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';

const RULES = loadRuleBase();

const DATE = '2026-11-29';

type Scalar = string | boolean;
interface Question {
  id: string;
  type: 'single' | 'multi' | 'boolean';
  label: string;
  choices: { value: Scalar; label: string }[];
}
/** The questions that apply before any answer: skip logic leaves out those that need one (mechanismState). */
const askableAtStart = (): number =>
  QUESTIONS.filter((q) => isApplicable(RULES, RULES.questionById.get(q.id)!, {})).length;
/** As the interview words them for the refugee response PLAN answers (questions.json "byResponseType"). */
const QUESTIONS = (
  JSON.parse(readFileSync(join(ROOT, 'rules', 'questions.json'), 'utf8')) as { questions: Question[] }
).questions.map((q) => questionFor(q as never, 'refugee_response') as unknown as Question);
const MESSAGES = messagesEn;
/** An interview text as the CLI shows it, placeholders filled in. */
function msg(key: string, vars: Record<string, string | number> = {}): string {
  const text = MESSAGES[key];
  if (text === undefined) throw new Error(`no text ${key}`);
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * Answers that make the working group primary (rule wg-evidence-actors-lead in
 * rules/mechanisms/working_group.json): documented evidence at a significant scale, actors in the
 * cluster, an agency able to chair, an engaged government and a moderate meeting load.
 * Keys are question ids and values are choice values (the answers-file contract); the keys to press
 * are worked out from the order of the choices in rules/questions.json.
 */
const PLAN: Record<string, Scalar | Scalar[]> = {
  responseType: 'refugee_response',
  phase: 'protracted',
  populationGroups: ['refugees'],
  tipScale: 'significant',
  tipEvidence: 'documented',
  tipForms: ['sexual_exploitation', 'forced_labour'],
  affectedGroups: ['women', 'girls'],
  perpetrators: ['criminal_networks'],
  antiTipActors: ['in_cluster'],
  nationalReferral: 'excludes_displaced',
  ruleOfLaw: 'functioning',
  governmentStance: 'engaged',
  officialComplicity: 'none_known',
  existingMechanism: 'none',
  // Not asked: no mechanism exists to deliver (skip logic).
  mechanismState: 'delivering',
  parallelResponses: 'single',
  expertiseElsewhere: false,
  meetingLoad: 'moderate',
  leadCapacity: 'agency_can_lead',
  gbvAor: 'case_management',
  cpAor: 'case_management',
  referralPathways: 'formal',
  tipInCaseManagement: false,
  tipInDocuments: ['hno'],
  planningWindow: 'hno_hrp_drafting',
};
const WG_TITLE = 'Dedicated anti-trafficking working group or task force';
const NAME = 'E2E Terminal Response 42';

/** A screen or a text with every run of spaces and line breaks as one space. */
const flatWords = (s: string): string => s.replace(/\s+/g, ' ');

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A test of the screen with line breaks removed: @inquirer hard-wraps a long prompt line at the
 * terminal width (a real newline, which capture-pane -J cannot join), even in the middle of a word.
 */
const onScreen =
  (what: string | RegExp) =>
  (screen: string): boolean => {
    // Prompts break lines mid-word, our own lines break at spaces: try both joins.
    const joins = [screen.replace(/\n/g, ''), screen.replace(/\n/g, ' ')];
    return joins.some((flat) => (typeof what === 'string' ? flat.includes(what) : what.test(flat)));
  };

function choiceIndex(q: Question, value: Scalar): number {
  const i = q.choices.findIndex((c) => c.value === value);
  if (i < 0) throw new Error(`Test plan: ${JSON.stringify(value)} is not a choice of ${q.id}`);
  return i;
}

function mdFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
}

/**
 * The environment of the command: that of an interactive user. Colour settings of the developer's
 * shell are removed, and so is CI: chalk turns colour off under an unknown CI, which would make the
 * NO_COLOR check below pass whatever the CLI does.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'SOURCE_DATE_EPOCH', 'CI']) delete env[k];
  return { ...env, ...extra };
}

const SGR = /\x1b\[[0-9;:]*m/;

describe.skipIf(noTmux())('assess in a real terminal (tmux)', () => {
  let tmp: string;
  let out: string;
  let term: Tmux | undefined;

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-e2e-'));
    out = join(tmp, 'reports');
  });

  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  function start(
    args: string[],
    env: NodeJS.ProcessEnv = cleanEnv(),
    size: { cols?: number; rows?: number } = {},
  ): Tmux {
    term = Tmux.start(shellQuote([process.execPath, BIN, ...args]), { cwd: ROOT, env, ...size });
    return term;
  }

  async function exitCode(t: Tmux): Promise<number> {
    const screen = await t.waitFor(/EXIT=\d+/, 20_000);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  it('has the 25 questions the interview below answers', () => {
    expect(QUESTIONS).toHaveLength(25);
    expect(QUESTIONS.map((q) => q.id).sort()).toEqual(Object.keys(PLAN).sort());
  });

  it.each([60, 80])(
    'at %i columns: walks the whole interview with arrow keys, space and enter, shows the short result beside the menu, writes the report and its answers, and splits no word',
    async (cols) => {
      const t = start(['assess', '--out', out, '--date', DATE], cleanEnv(), { cols, rows: 24 });

      await t.waitFor(onScreen(msg('interview.name')));
      t.sendKeys(NAME);
      t.press('Enter');

      // Skip logic: a question whose askWhen fails on the plan is not asked, and the
      // "of N" count drops as soon as an answer rules a later question out.
      const asked = QUESTIONS.filter((q) => isApplicable(RULES, RULES.questionById.get(q.id)!, PLAN as Answers));
      expect(asked.length).toBeLessThan(QUESTIONS.length);
      const given: Answers = {};
      for (const [i, q] of asked.entries()) {
        const left = QUESTIONS.slice(QUESTIONS.indexOf(q) + 1).filter((x) =>
          isApplicable(RULES, RULES.questionById.get(x.id)!, given),
        ).length;
        given[q.id] = PLAN[q.id]!;
        const progress = msg('interview.progress', { n: i + 1, total: i + 1 + left });
        await t.waitFor(onScreen(new RegExp(`${escapeRe(progress)} .*\\? ${escapeRe(q.label)}`)));
        const planned = PLAN[q.id]!;
        let answerLabel: string;
        if (q.type === 'multi') {
          // Checkbox: the cursor starts on the first choice; Down to each value, Space ticks it.
          const targets = (planned as Scalar[]).map((v) => choiceIndex(q, v)).sort((a, b) => a - b);
          let at = 0;
          for (const target of targets) {
            for (; at < target; at++) t.press('Down');
            t.press('Space');
          }
          answerLabel = targets.map((x) => q.choices[x]!.label).join(', ');
        } else {
          // Select: Enter picks the highlighted choice, the first one to begin with.
          const target = choiceIndex(q, planned as Scalar);
          for (let n = 0; n < target; n++) t.press('Down');
          answerLabel = q.choices[target]!.label;
        }
        t.press('Enter');
        // The answered prompt shows the choice taken: proof the keys landed where intended.
        await t.waitFor(onScreen(`${q.label} ${answerLabel}`));
      }
      // The review screen: Done is first. Then the short result beside the "what next" menu.
      await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
      t.press('Enter');
      const menu = await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
      // On a 24-row screen the decision and the menu are both in view.
      expect(flatWords(menu)).toContain(msg('result.decision', { title: WG_TITLE }));
      expect(flatWords(menu)).toContain(msg('interview.showReport'));
      const files = mdFiles(out);
      expect(files).toHaveLength(1);
      const path = join(out, files[0]!);
      const answersPath = path.replace(/\.md$/, '.answers.json');
      // The whole report path, and its answers beside it under the same name.
      expect(menu.replace(/\n/g, '')).toContain(msg('result.report', { path }));
      expect(flatWords(menu)).toContain(
        msg('result.beside', { list: msg('result.answersBeside', { ext: '.answers.json' }) }),
      );
      expect(existsSync(answersPath)).toBe(true);
      t.press('Enter');

      expect(await exitCode(t)).toBe(0);
      const screen = t.capture({ history: true });
      expect(screen).not.toMatch(/^\s+at /m);
      // Finish leaves the short result as the last thing on screen.
      expect(flatWords(t.capture())).toContain(msg('result.decision', { title: WG_TITLE }));
      expect(t.capture().replace(/\n/g, '')).toContain(path);

      // No word is cut at the screen's edge: every question, hint and answer shown reads whole
      // once line breaks are taken as spaces (a word cut in two would read "Coun try").
      const whole = flatWords(screen);
      for (const q of asked) {
        const r = RULES.questionById.get(q.id)!;
        expect(whole, q.id).toContain(q.label);
        expect(whole, q.id).toContain(r.hint);
      }
      expect(whole).toContain(msg('interview.name'));
      expect(whole).toContain(flatWords(msg('interview.intro', { questions: `${askableAtStart()} questions` })));
      // Nothing wider than the screen either (paths aside: they are never broken, for copy and paste).
      for (const line of screen.split('\n').filter((l) => !l.includes(tmp)))
        expect([...line].length, line).toBeLessThanOrEqual(cols);

      const report = readFileSync(path, 'utf8');
      expect(report).toContain(NAME);
      expect(report).toContain('## Decision brief');
      expect(report).toContain(WG_TITLE);
      expect(report).toMatch(new RegExp(`Primary mechanism: \\*\\*${escapeRe(WG_TITLE)}\\*\\*`));
      // Every answer given in the terminal is the one recorded in the report.
      for (const q of asked) {
        const row = report.split('\n').find((l) => l.startsWith(`| ${q.label} |`));
        expect(row, `row for ${q.id}`).toBeDefined();
        const planned = PLAN[q.id]!;
        for (const v of Array.isArray(planned) ? planned : [planned])
          expect(row).toContain(q.choices[choiceIndex(q, v)]!.label);
      }
      // The answers, beside the report, private, and named by its "To try one" line.
      expect(statSync(answersPath).mode & 0o777).toBe(0o600);
      const saved = JSON.parse(readFileSync(answersPath, 'utf8'));
      expect(saved.response).toEqual({ name: NAME });
      for (const q of asked) expect(saved.answers[q.id], q.id).toEqual(PLAN[q.id]);
      expect(report).toContain(`tip-coord assess --answers ${basename(answersPath)} --set`);
    },
    60_000,
  );

  it('Ctrl-C at the third question prints "Interrupted", exits 130, writes no report but a draft that --resume finishes', async () => {
    const t = start(['assess', '--out', out, '--date', DATE]);
    await t.waitFor(onScreen(msg('interview.name')));
    t.sendKeys(NAME);
    t.press('Enter');
    // With no answer yet, skip logic already leaves out the questions that need one (mechanismState).
    const askable = askableAtStart();
    for (const [i, q] of QUESTIONS.slice(0, 3).entries()) {
      const progress = msg('interview.progress', { n: i + 1, total: askable });
      await t.waitFor(onScreen(new RegExp(`${escapeRe(progress)} .*\\? ${escapeRe(q.label)}`)));
      if (i < 2) {
        t.press('Enter');
        await t.waitFor(onScreen(`${q.label} ${q.choices[0]!.label}`));
      }
    }
    t.press('C-c');
    expect(await exitCode(t)).toBe(130);
    const screen = t.capture({ history: true });
    expect(screen).toContain('Interrupted');
    expect(screen).not.toContain('Report written to');
    expect(screen).not.toMatch(/^\s+at /m);
    expect(mdFiles(out)).toEqual([]);
    // Only the draft of the answers given so far: no temporary file, no report.
    const files = readdirSync(out);
    expect(files).toEqual([`${DATE}-e2e-terminal-response-42.draft.json`]);
    const draftPath = join(out, files[0]!);
    expect(screen.replace(/\n/g, '')).toContain(`--resume ${draftPath}`);
    const draft = JSON.parse(readFileSync(draftPath, 'utf8'));
    expect(draft).toEqual({
      version: 2,
      response: { name: NAME },
      answers: {
        [QUESTIONS[0]!.id]: QUESTIONS[0]!.choices[0]!.value,
        [QUESTIONS[1]!.id]: QUESTIONS[1]!.choices[0]!.value,
      },
    });
    t.kill();

    // --resume: only the questions not yet answered are asked, starting at the third; one count
    // everywhere: the questions that apply, 2 already answered, "question 3 of N".
    const third = msg('interview.progress', { n: 3, total: askable });
    const again = start(['assess', '--resume', draftPath, '--out', out, '--date', DATE]);
    await again.waitFor(onScreen(msg('interview.intro', { questions: `${askable} questions` })));
    await again.waitFor(onScreen(msg('interview.kept', { questions: '2 questions' })));
    await again.waitFor(onScreen(new RegExp(`${escapeRe(third)} .*\\? ${escapeRe(QUESTIONS[2]!.label)}`)));
    // Interrupted again: the same draft is kept up to date, no second draft.
    again.press('Enter');
    // Enter alone picks the first choice, or, in a tick-box question, ticks nothing: "None".
    const echoed = QUESTIONS[2]!.type === 'multi' ? msg('interview.none') : QUESTIONS[2]!.choices[0]!.label;
    await again.waitFor(onScreen(`${QUESTIONS[2]!.label} ${echoed}`));
    await again.waitFor(onScreen(`? ${QUESTIONS[3]!.label}`));
    again.press('C-c');
    expect(await exitCode(again)).toBe(130);
    expect(readdirSync(out)).toEqual([`${DATE}-e2e-terminal-response-42.draft.json`]);
    expect(Object.keys(JSON.parse(readFileSync(draftPath, 'utf8')).answers)).toHaveLength(3);
    again.kill();

    const r = start(['assess', '--resume', draftPath, '--out', out, '--date', DATE]);
    await r.waitFor(onScreen(msg('interview.kept', { questions: '3 questions' })));
    // Answer "Don't know" everywhere: the last choice before help in each list.
    for (let asked = 0; asked < 40; asked++) {
      const screen2 = r.capture();
      if (onScreen(`? ${msg('interview.reviewPrompt')}`)(screen2)) break;
      const before = screen2;
      r.press('Enter');
      await r.waitFor((s) => s !== before, 5_000).catch(() => undefined);
      await new Promise((res) => setTimeout(res, 80));
    }
    await r.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    r.press('Enter');
    await r.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    r.press('Enter');
    expect(await exitCode(r)).toBe(0);
    const reports = mdFiles(out);
    expect(reports).toHaveLength(1);
    expect(readFileSync(join(out, reports[0]!), 'utf8')).toContain(NAME);
    // The draft has done its work: the answers are beside the report now.
    expect(readdirSync(out).sort()).toEqual([reports[0]!.replace(/\.md$/, '.answers.json'), reports[0]!]);
  }, 60_000);

  it('NO_COLOR=1: the rendered report shows no SGR colour sequence', async () => {
    const t = start(
      ['assess', '--answers', 'examples/refugee-wg-documented.json', '--out', out, '--date', DATE],
      cleanEnv({ NO_COLOR: '1' }),
    );
    expect(await exitCode(t)).toBe(0);
    const screen = t.capture({ history: true, escapes: true });
    expect(screen).toContain('Primary mechanism');
    expect(screen).toContain('Report written to');
    const sgr = SGR.exec(screen);
    expect(
      sgr,
      sgr
        ? `SGR ${JSON.stringify(sgr[0])} near ${JSON.stringify(screen.slice(Math.max(0, sgr.index - 80), sgr.index + 80))}`
        : '',
    ).toBeNull();
    expect(mdFiles(out)).toHaveLength(1);
  }, 30_000);

  it('control: without NO_COLOR the same capture does show SGR sequences (so the check above can fail)', async () => {
    const t = start(['assess', '--answers', 'examples/refugee-wg-documented.json', '--out', out, '--date', DATE]);
    expect(await exitCode(t)).toBe(0);
    expect(t.capture({ history: true, escapes: true })).toMatch(SGR);
  }, 30_000);
});
