/**
 * The page `tip-coord web` writes, in a real browser (headless Chromium through Playwright),
 * opened from disk as a user opens it: the interview by keyboard alone, the what-if, answers
 * saved and loaded, the same answer as `tip-coord assess --format json` for every scenario file,
 * the reports, the draft, accessibility (axe-core) and not one request to any address.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, validateAnswersFile, type Answers } from '../../src/core/answers.js';
import { UNKNOWN, type AnswerValue } from '../../src/core/types.js';
import { DEFAULT_RULES_DIR, loadRuleBase, scenarioFolder } from '../../src/rules/folder.js';
import {
  answersFragment,
  browserMissing,
  cliResult,
  launch,
  offlineContext,
  pageResult,
  seriousViolations,
  skipBrowser,
  writePage,
} from '../support/browser.js';
import { cli } from '../support/cli.js';

const rules = loadRuleBase();
const tmp = mkdtempSync(join(tmpdir(), 'tip-web-page-'));
const scenarioDir = scenarioFolder(DEFAULT_RULES_DIR);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/**
 * A scenario's answers as an answers file (a scenario also holds its description and expectation);
 * `complete`: every question answered, the ones it leaves out "Don't know".
 */
function answersFileOf(scenario: string, complete = false): { path: string; json: string; answers: Answers } {
  const s = JSON.parse(readFileSync(join(scenarioDir, scenario), 'utf8')) as { answers: Answers };
  const answers = complete ? completeAnswers(rules, s.answers) : s.answers;
  const json = `${JSON.stringify({ version: 2, answers }, null, 2)}\n`;
  const path = join(tmp, `${scenario.replace(/\.json$/, '')}.answers.json`);
  writeFileSync(path, json);
  return { path, json, answers };
}

describe.skipIf(skipBrowser)('the page in a browser (Chromium)', () => {
  let browser: Browser;
  let pagePath: string;
  let context: BrowserContext;
  let requests: string[];
  let url: string;

  beforeAll(async () => {
    if (browserMissing) throw new Error(`CI requires the browser tests: ${browserMissing}`);
    pagePath = writePage();
    browser = await launch();
    ({ context, requests, url } = await offlineContext(browser, pagePath));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
    if (pagePath) rmSync(join(pagePath, '..'), { recursive: true, force: true });
  });

  /** Errors the page reported (uncaught, or on its console, a CSP refusal included), by page, and all of them. */
  const pageErrors = new WeakMap<Page, string[]>();
  const allErrors: string[] = [];
  const errorsOf = (page: Page): string[] => pageErrors.get(page) ?? [];

  async function watched(): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    pageErrors.set(page, errors);
    const report = (text: string): void => {
      errors.push(text);
      allErrors.push(text);
    };
    page.on('pageerror', (e) => report(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') report(m.text());
    });
    return page;
  }

  async function open(fragment = ''): Promise<Page> {
    const page = await watched();
    await page.goto(`${url}${fragment}`);
    await page.locator('html[data-ready]').waitFor({ timeout: 15_000 });
    return page;
  }

  /**
   * Answers every question on screen with the keyboard alone, as a user without a mouse would:
   * Tab from control to control, arrows to pick a radio button, Space to tick a box, Enter on
   * "Next". A question not in `wanted` gets "Don't know". Returns when the review is shown.
   */
  async function interviewByKeyboard(page: Page, wanted: Answers, name: string): Promise<void> {
    await page.keyboard.press('Tab');
    for (let presses = 0; presses < 2000; presses++) {
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        const field = el?.closest('fieldset');
        return {
          id: el?.id ?? '',
          type: el?.type ?? '',
          value: el?.value ?? '',
          checked: Boolean(el?.checked),
          question: field?.dataset.question,
          submit: Boolean(el?.matches('button[type=submit]')),
          review: Boolean(document.getElementById('tip-show-result')),
        };
      });
      if (at.review) return;
      if (at.id === 'tip-name' && at.value === '') await page.keyboard.type(name);
      else if (at.question && at.type === 'radio') {
        const q = rules.questionById.get(at.question)!;
        const want = wanted[q.id] ?? UNKNOWN;
        const target = want === UNKNOWN ? q.choices.length : q.choices.findIndex((c) => c.value === want);
        const current = Number(at.value);
        if (!at.checked && target === current) await page.keyboard.press('Space');
        for (let i = current; i < target; i++) await page.keyboard.press('ArrowDown');
        for (let i = current; i > target; i--) await page.keyboard.press('ArrowUp');
      } else if (at.question && at.type === 'checkbox') {
        const q = rules.questionById.get(at.question)!;
        const want: AnswerValue = wanted[q.id] ?? UNKNOWN;
        const index = Number(at.value);
        const tick =
          want === UNKNOWN
            ? index === q.choices.length + 1
            : Array.isArray(want) && want.length === 0
              ? index === q.choices.length
              : Array.isArray(want) && want.includes(q.choices[index]?.value as string);
        if (tick !== at.checked) await page.keyboard.press('Space');
      } else if (at.submit) {
        await page.keyboard.press('Enter');
        // The next screen has its heading focused: carry on from there.
        await page.waitForTimeout(50);
      }
      await page.keyboard.press('Tab');
    }
    throw new Error('The interview did not reach the review by keyboard.');
  }

  /** Presses Tab until the element with this id has the focus, then Enter. */
  async function activateByKeyboard(page: Page, id: string): Promise<void> {
    for (let i = 0; i < 300; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
    }
    throw new Error(`#${id} never got the focus by Tab.`);
  }

  async function download(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#${id}`).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('shows the first question, worded as the command line words it, with no serious accessibility problem', async () => {
    const page = await open();
    const first = rules.questions[0]!;
    await expect.poll(() => page.locator(`#q-${first.id} legend`).innerText()).toContain(first.label);
    await expect.poll(() => page.locator('h2').first().innerText()).toContain(rules.sections[0]!.title);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  });

  it('takes a whole interview by keyboard alone, asks what an answer makes relevant, and decides as assess does', async () => {
    const { answers } = answersFileOf('review-keep-coxs-bazar.json');
    const page = await open();
    // The follow-up on an existing mechanism is hidden until one is picked.
    await expect.poll(() => page.locator('#q-mechanismState').isHidden()).toBe(true);
    await interviewByKeyboard(page, answers, 'Keyboard response 2026');
    // The review lists every answer, the follow-up among them; then the result, by keyboard too.
    await expect.poll(() => page.locator('ul.answers').first().isVisible()).toBe(true);
    await activateByKeyboard(page, 'tip-show-result');
    const shown = await pageResult(page);
    const saved = await download(page, 'tip-save');
    const file = join(tmp, 'keyboard.answers.json');
    writeFileSync(file, saved.bytes);
    const read = validateAnswersFile(JSON.parse(saved.bytes.toString('utf8')), rules, 'saved');
    expect(read.response?.name).toBe('Keyboard response 2026');
    expect(read.answers.mechanismState).toBe(answers.mechanismState);
    expect(shown).toEqual(cliResult(file));
    expect(shown.verdict).not.toBe('');
    expect(errorsOf(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives the same primary, verdict, cautions and actions as `assess --format json` for every scenario file', async () => {
    expect(scenarios.length).toBeGreaterThan(10);
    const page = await watched();
    for (const scenario of scenarios) {
      const { path, json } = answersFileOf(scenario);
      await page.goto(`${url}${answersFragment(json)}`);
      expect({ scenario, ...(await pageResult(page)) }).toEqual({ scenario, ...cliResult(path) });
    }
    await page.close();
  }, 180_000);

  it('decides in French as assess --lang fr does, and switches language keeping the answers', async () => {
    const { path, json } = answersFileOf('aor-resists-terminology.json');
    const page = await open(answersFragment(json, 'fr'));
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await pageResult(page)).toEqual(cliResult(path, ['--lang', 'fr']));
    await expect.poll(() => page.locator('#tip-result').innerText()).toMatch(/Décision\u00a0: /);
    await page.locator('#tip-lang').selectOption('en');
    await expect.poll(() => page.locator('#tip-result').innerText()).toMatch(/Decision: /);
    expect(await pageResult(page)).toEqual(cliResult(path));
    await page.close();
  });

  it('runs a what-if after the result: the decision follows the changed answer, says what changed, and can be undone', async () => {
    const { path, json } = answersFileOf('focal-point-high-load.json');
    const page = await open(answersFragment(json));
    const before = await pageResult(page);
    // Keyboard: the picker, arrows to the question, Tab into its answers.
    await page.locator('#tip-whatif-pick').focus();
    for (let i = 0; i < 40 && (await page.locator('#tip-whatif-pick').inputValue()) !== 'meetingLoad'; i++)
      await page.keyboard.press('ArrowDown');
    expect(await page.locator('#tip-whatif-pick').inputValue()).toBe('meetingLoad');
    const low = rules.questionById.get('meetingLoad')!.choices.findIndex((c) => c.value === 'low');
    await page.locator(`#w-meetingLoad-${low}`).focus();
    await page.keyboard.press('Space');
    const expected = cliResult(path, ['--set', 'meetingLoad=low']);
    await expect.poll(() => pageResult(page)).toEqual(expected);
    expect(expected.primary).not.toBe(before.primary);
    await expect
      .poll(() => page.locator('#tip-whatif-changes').innerText())
      .toContain(rules.messages['interview.whatChanged']!);
    await page.locator('#tip-undo').click();
    await expect.poll(() => pageResult(page)).toEqual(before);
    await page.close();
  });

  it('saves the answers in the format assess reads, and loads them back from the file picker and by a drop', async () => {
    const { path, json } = answersFileOf('pcm-men-forced-labour.json', true);
    const page = await open(answersFragment(json));
    const saved = await download(page, 'tip-save');
    expect(saved.name).toMatch(/^tip-coord-\d{4}-\d{2}-\d{2}\.answers\.json$/);
    const file = join(tmp, 'saved.answers.json');
    writeFileSync(file, saved.bytes);
    expect(cliResult(file)).toEqual(cliResult(path));

    const picked = await open();
    await picked.locator('#tip-load').setInputFiles(file);
    expect(await pageResult(picked)).toEqual(cliResult(path));
    await picked.close();

    const dropped = await open();
    await dropped.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, saved.bytes.toString('utf8'));
    expect(await pageResult(dropped)).toEqual(cliResult(path));
    await dropped.close();
    await page.close();
  });

  it('writes the same markdown report as assess, a Word report by the same builder, and prints the report alone', async () => {
    const { path, json } = answersFileOf('review-merge-into-aor.json');
    const page = await open(answersFragment(json));
    await pageResult(page);
    const md = await download(page, 'tip-download-md');
    const date = /^tip-coord-(\d{4}-\d{2}-\d{2})\.md$/.exec(md.name)?.[1];
    expect(date).toBeDefined();
    const out = join(tmp, 'md');
    const r = cli(['assess', '--answers', path, '--out', out, '--date', date!, '--no-save-answers']);
    expect(r.code, r.stderr).toBe(0);
    const cliMd = readFileSync(join(out, readdirSync(out)[0]!), 'utf8');
    expect(md.bytes.toString('utf8')).toBe(cliMd);

    const word = await download(page, 'tip-download-docx');
    expect(word.bytes.subarray(0, 2).toString()).toBe('PK');
    const text = (await mammoth.extractRawText({ buffer: word.bytes })).value;
    const primary = rules.mechanisms.find((m) => m.id === cliResult(path).primary)!;
    expect(text).toContain(primary.title);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#tip-report article h1').first().isVisible()).toBe(true);
    for (const hidden of ['header.top', '#tip-result', '.what-if'])
      expect(await page.locator(hidden).isVisible()).toBe(false);
    await page.close();
  });

  it('refuses personal data in the response name, typed or in a file, as the command line does', async () => {
    const page = await open();
    await page.locator('#tip-name').fill('Response of amina.k@example.org');
    await page.locator('form.section button[type=submit]').click();
    await expect.poll(() => page.locator('#tip-name-error').innerText()).toContain('e-mail');
    expect(await page.locator('.problems').isVisible()).toBe(true);
    const file = join(tmp, 'personal.answers.json');
    writeFileSync(file, JSON.stringify({ version: 2, response: { name: 'call +243 81 234 5678' }, answers: {} }));
    await page.locator('#tip-load').setInputFiles(file);
    await expect.poll(() => page.locator('#tip-alert').innerText()).toContain('phone');
    const r = cli(['assess', '--answers', file, '--format', 'json']);
    expect(r.code).toBe(2);
    await page.close();
  });

  it('keeps nothing in the browser unless asked, then a draft that a visible button forgets', async () => {
    const page = await open();
    const stored = (): Promise<number> =>
      page.evaluate(
        async () =>
          localStorage.length + sessionStorage.length + (await indexedDB.databases()).length + document.cookie.length,
      );
    const q = rules.questions[0]!;
    await page.locator(`#q-${q.id}-0`).check();
    expect(await stored()).toBe(0);
    await page.locator('#tip-keep').check();
    const draft = await page.evaluate(() => localStorage.getItem('tip-coord.draft'));
    expect(JSON.parse(JSON.parse(draft!).text).answers[q.id]).toBe(q.choices[0]!.value);
    await page.reload();
    await page.locator('html[data-ready]').waitFor();
    expect(await page.locator('.notice').innerText()).toContain(rules.lang === 'en' ? 'draft' : 'brouillon');
    expect(await page.locator('#tip-forget').isVisible()).toBe(true);
    await page.locator('#tip-forget').click();
    expect(await stored()).toBe(0);
    expect(await page.locator('.notice').count()).toBe(0);
    await page.close();
  });

  it('has no serious accessibility problem on the result, and is readable at 320 px wide and at 200% zoom', async () => {
    const { json } = answersFileOf('review-strengthen-outgrown.json');
    const page = await open(answersFragment(json));
    await pageResult(page);
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = (): Promise<number> =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // 320 CSS pixels; 640 is a 1280-pixel window at 200% zoom.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      expect({ width, overflow: await overflow() }).toEqual({ width, overflow: 0 });
    }
    const first = await open();
    await first.setViewportSize({ width: 320, height: 640 });
    expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await first.close();
    await page.close();
  });

  it('made no request to any address (the page file alone was read) and reported no error', () => {
    expect(requests).toEqual([]);
    expect(allErrors).toEqual([]);
  });
});
