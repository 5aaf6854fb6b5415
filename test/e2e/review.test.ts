/**
 * The interview a support call needs, through a real terminal (tmux): help on demand, the review
 * screen re-asking only what depends on a changed answer, the live "change an answer" loop after
 * the results, and --edit pre-filling every question from an answers file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isApplicable } from '../../src/core/answers.js';
import { BIN, ROOT } from '../support/cli.js';
import { noTmux, shellQuote, Tmux } from './tmux.js';
import { EXAMPLE, msg, onScreen, q, reportIn, RULES } from './screen.js';
const flat = (s: string): string => s.replace(/\s+/g, ' ');
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (screen: string, what: string): number => screen.replace(/\n/g, '').split(what).length - 1;

describe.skipIf(noTmux())('the interview on a support call (tmux)', () => {
  let tmp: string;
  let out: string;
  let term: Tmux | undefined;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-review-'));
    out = join(tmp, 'reports');
  });
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(tmp, { recursive: true, force: true });
  });

  /** An answers file with every answer of the example but those named. */
  function answersWithout(...ids: string[]): string {
    const answers = { ...EXAMPLE.answers };
    for (const id of ids) delete answers[id];
    const path = join(tmp, 'answers.json');
    writeFileSync(path, JSON.stringify({ ...EXAMPLE, answers }));
    return path;
  }
  function start(args: string[], opts: { cols?: number; rows?: number; env?: Record<string, string> } = {}): Tmux {
    const env = { ...process.env, ...opts.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[k];
    term = Tmux.start(shellQuote([process.execPath, BIN, ...args, '--out', out, '--date', '2026-11-29']), {
      cwd: ROOT,
      env,
      ...(opts.cols ? { cols: opts.cols } : {}),
      ...(opts.rows ? { rows: opts.rows } : {}),
    });
    return term;
  }
  const down = (t: Tmux, n: number): void => {
    for (let i = 0; i < n; i++) t.press('Down');
  };
  /** Moves from "Done" to a question in the review list (separators are skipped, n/a entries too). */
  function pick(t: Tmux, id: string, skipped: string[] = []): void {
    const enabled = RULES.questions.filter((x) => !skipped.includes(x.id));
    down(t, enabled.findIndex((x) => x.id === id) + 1);
    t.press('Enter');
  }
  const prompt = (id: string): string => `? ${q(id).label}`;

  it('help and glossary open from keys shown in the key hint, page by page at 80x24, and come back to the question; only the answer is echoed', async () => {
    const t = start(['assess', '--answers', answersWithout('planningWindow')], { cols: 80, rows: 24 });
    const question = await t.waitFor(onScreen(prompt('planningWindow')));
    // The keys are in the hint; help and glossary are not answer choices.
    expect(flat(question)).toContain(`? ${msg('prompt.help')}`);
    expect(flat(question)).toContain(`g ${msg('prompt.glossary')}`);
    expect(flat(question)).not.toContain('? Glossary');
    t.press('?');
    await t.waitFor(onScreen(RULES.help.questions.planningWindow!.text.slice(0, 60)));
    t.press('Escape');
    await t.waitFor((s) => onScreen(prompt('planningWindow'))(s) && !flat(s).includes(msg('prompt.back')));
    // The glossary is longer than a screen: pages, each one whole on a 24-row screen.
    t.press('g');
    const first = await t.waitFor(onScreen(msg('prompt.page', { n: 1, total: 2 }).slice(0, 7)));
    const total = Number(
      new RegExp(escapeRe(msg('prompt.page', { n: 1, total: 999 })).replace('999', '(\\d+)')).exec(flat(first))![1],
    );
    expect(total).toBeGreaterThan(1);
    expect(first).toContain(msg('interview.glossary')); // its title still on screen: nothing scrolled off
    const seen = [flat(first)];
    for (let n = 2; n <= total; n++) {
      t.press('Space');
      seen.push(flat(await t.waitFor(onScreen(msg('prompt.page', { n, total })))));
    }
    expect(seen.join(' ')).toContain('NRM: National Referral Mechanism');
    t.press('Space'); // past the last page: back to the question
    await t.waitFor((s) => onScreen(prompt('planningWindow'))(s) && !flat(s).includes(msg('prompt.back')));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    const screen = flat(t.capture({ history: true }));
    // The example is a refugee response: the choice names its plans, never the HNO or HRP.
    expect(screen).toContain(`✔ ${q('planningWindow').label} RRP or JRP drafting`);
    expect(flat(question)).toContain('RRP or JRP drafting');
    expect(flat(question)).not.toMatch(/\bHNO\b|\bHRP\b/);
    expect(screen).not.toMatch(/✔[^✔?]*Help/);
  });

  it('in a tick-box question "a" ticks every answer but "Don\'t know"; ticking nothing is echoed as "None"', async () => {
    const t = start(['assess', '--answers', answersWithout('tipForms', 'tipInDocuments')]);
    await t.waitFor(onScreen(prompt('tipForms')));
    t.press('a');
    t.press('Enter');
    const all = q('tipForms')
      .choices.map((c) => c.label)
      .join(', ');
    await t.waitFor(onScreen(`✔ ${q('tipForms').label} ${all}`));
    expect(flat(t.capture({ history: true }))).not.toContain(`${all}, ${RULES.unknownLabel}`);
    await t.waitFor(onScreen(prompt('tipInDocuments')));
    t.press('Enter');
    await t.waitFor(onScreen(`✔ ${q('tipInDocuments').label} ${msg('interview.none')}`));
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
    const saved = JSON.parse(
      readFileSync(
        join(
          out,
          readdirSync(out).find((f) => f.endsWith('.answers.json'))!,
        ),
        'utf8',
      ),
    );
    expect(saved.answers.tipForms).toEqual(q('tipForms').choices.map((c) => c.value));
    expect(saved.answers.tipInDocuments).toEqual([]);
  });

  it('"Read the full report" pages it (less), q comes back to the menu', async () => {
    const t = start(['assess', '--answers', answersWithout('planningWindow')], { env: { PAGER: 'less', LESS: '' } });
    await t.waitFor(onScreen(prompt('planningWindow')));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    down(t, 1);
    t.press('Enter');
    // The report's first screen, from its title; the pager waits.
    await t.waitFor(
      (s) => s.includes('# Coordinating the response') && !s.includes(`? ${msg('interview.afterResults')}`),
    );
    t.press('q');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
  });

  it('review: changing an answer re-asks only the questions that depend on it', async () => {
    const t = start(['assess', '--answers', answersWithout('planningWindow')]);
    await t.waitFor(onScreen(prompt('planningWindow')));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    pick(t, 'parallelResponses', ['expertiseElsewhere']); // not applicable with one response: not in the list
    // The changed question says where it stands, counted as everywhere: among the questions that apply.
    const applicable = RULES.questions.filter((x) => isApplicable(RULES, x, EXAMPLE.answers));
    const place = msg('interview.progress', {
      n: applicable.findIndex((x) => x.id === 'parallelResponses') + 1,
      total: applicable.length,
    });
    await t.waitFor(onScreen(`${place} · ${q('parallelResponses').hint}`));
    await t.waitFor(onScreen(prompt('parallelResponses')));
    down(t, 1); // "Several responses, coordinated separately"
    t.press('Enter');
    // Its dependent, skipped until now (not applicable), is asked next...
    await t.waitFor(onScreen(prompt('expertiseElsewhere')));
    t.press('Enter'); // "Yes", the first choice
    // ...and then straight back to the review: nothing else re-asked.
    await t.waitFor(
      (s) =>
        count(s, `✔ ${q('expertiseElsewhere').label}`) >= 1 &&
        onScreen(`? ${msg('interview.reviewPrompt')}`)(s.slice(s.lastIndexOf(q('expertiseElsewhere').label))),
    );
    const screen = t.capture({ history: true });
    expect(count(screen, prompt('meetingLoad'))).toBe(0);
    expect(count(screen, prompt('leadCapacity'))).toBe(0);
    // A question with no dependents: only itself.
    pick(t, 'meetingLoad');
    await t.waitFor(onScreen(prompt('meetingLoad')));
    t.press('Up'); // from the default "Moderate" to "Low"
    t.press('Enter');
    await t.waitFor(
      (s) =>
        count(s, `✔ ${q('meetingLoad').label}`) >= 1 &&
        onScreen(`? ${msg('interview.reviewPrompt')}`)(s.slice(s.lastIndexOf(q('meetingLoad').label))),
    );
    t.press('Enter'); // Done
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    t.press('Enter'); // finish
    await t.waitFor(/EXIT=0/);
    const report = reportIn(out);
    expect(report).toContain(
      '| Is there more than one response in the country? | Several responses, coordinated separately |',
    );
    expect(report).toContain(
      '| Does anti-trafficking expertise already exist in another response in the country? | Yes |',
    );
    expect(report).toContain('| How heavy is the coordination meeting load on partners? | Low |');
  });

  it('after the results, "change an answer" shows what changed, and the report written is the last one', async () => {
    const t = start(['assess', '--answers', answersWithout('planningWindow')]);
    await t.waitFor(onScreen(prompt('planningWindow')));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    expect(flat(t.capture({ history: true }))).toContain(
      msg('result.decision', { title: 'The trafficking working group already in place' }),
    );
    const before = readdirSync(out).sort();
    down(t, 2); // change an answer
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    pick(t, 'governmentStance');
    await t.waitFor(onScreen(prompt('governmentStance')));
    down(t, 3); // from the default "engaged" to "resists_terminology"
    t.press('Enter');
    await t.waitFor(onScreen(msg('interview.whatChanged')), 10_000, { history: true });
    const screen = t.capture({ history: true }).replace(/\n/g, ' ');
    // The word resisted changes labels and brings its caution; it does not change the mechanism.
    expect(screen).not.toContain('Primary mechanism now');
    expect(screen).toContain('caution added: Mind the terminology');
    await t.waitFor(
      (s) => onScreen(`? ${msg('interview.afterResults')}`)(s.slice(s.lastIndexOf(msg('interview.whatChanged')))),
      10_000,
      { history: true },
    );
    await t.waitFor(onScreen(msg('result.updated')));
    t.press('Enter'); // finish
    await t.waitFor(/EXIT=0/);
    // The same two files, rewritten: the report and the answers are the last ones.
    expect(readdirSync(out).sort()).toEqual(before);
    const files = readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(out, files[0]!.replace(/\.md$/, '.answers.json')), 'utf8'));
    expect(saved.answers.governmentStance).toBe('resists_terminology');
    const report = readFileSync(join(out, files[0]!), 'utf8');
    expect(report).toContain('1. **The trafficking working group already in place** (primary');
    expect(report).toContain('- **Mind the terminology**: ');
  });

  it("--edit asks every question with the file's answers as defaults: Enter keeps them", async () => {
    const t = start(['assess', '--answers', 'examples/refugee-wg-documented.json', '--edit']);
    // Skipped by the example's answers: expertise elsewhere (one response).
    const asked = RULES.questions.filter((x) => x.id !== 'expertiseElsewhere');
    for (const x of asked) {
      await t.waitFor(onScreen(prompt(x.id)));
      const before = count(t.capture({ history: true }), prompt(x.id));
      t.press('Enter');
      await t.waitFor((s) => count(s, `✔ ${x.label}`) >= 1 || count(s, prompt(x.id)) > before);
    }
    await t.waitFor(onScreen(`? ${msg('interview.reviewPrompt')}`));
    t.press('Enter');
    await t.waitFor(onScreen(`? ${msg('interview.afterResults')}`));
    t.press('Enter');
    await t.waitFor(/EXIT=0/);
    const report = reportIn(out);
    expect(report).toContain('1. **The trafficking working group already in place** (primary');
    expect(report).toContain(
      '| Which forms of trafficking are observed or reported? | Sexual exploitation; Forced labour; Forced marriage |',
    );
  });
});
