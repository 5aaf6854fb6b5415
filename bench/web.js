// The browser page's speed (`npm run bench`, after `npm run build`): how soon the first question
// is on screen after the page is opened from disk (target 1 s), and how soon the decision is
// updated after an answer changes on the result (what-if; target 100 ms). Headless Chromium
// (Debian's, /usr/bin/chromium) through Playwright; marks set by the page itself (src/web).
// BENCH_RUNS=N changes the number of timed runs (default 15).
// The functions given to page.evaluate run in the page, with its globals.
/* global Buffer, document, performance, PerformanceObserver, setTimeout */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from './chromium.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const bin = join(root, 'bin', 'tip-coord.js');
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const WARMUPS = 2;
const CHROMIUM = findChromium();

if (!existsSync(join(root, 'dist', 'web', 'page.js'))) {
  console.error('bench/web: dist/web/page.js is missing; run `npm run build` first.');
  process.exit(1);
}
if (!CHROMIUM) {
  console.log('bench/web: skipped, no Chromium (/usr/bin/chromium).');
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'tip-coord-bench-web-'));
const page = join(work, 'tip-coord.html');
const made = spawnSync(process.execPath, [bin, 'web', '--out', page], { encoding: 'utf8' });
if (made.status !== 0) {
  console.error(`bench/web: tip-coord web failed: ${made.stderr}`);
  process.exit(1);
}
const size = readFileSync(page).length;
const url = pathToFileURL(page).href;
const example = readFileSync(join(root, 'examples', 'refugee-wg-documented.json'), 'utf8');
const fragment = `#answers=${Buffer.from(example).toString('base64url')}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
const context = await browser.newContext();
// Nothing but the page file: a request elsewhere would be a bug, and would skew the timings.
await context.route('**/*', (r) => (r.request().url().split('#')[0] === url ? r.continue() : r.abort()));

const opening = { firstQuestion: [], paint: [], script: [], rules: [] };
const decision = { updated: [], painted: [] };
const interview = [];

for (let run = 0; run < WARMUPS + RUNS; run++) {
  // Opening: from the navigation's start to the first question in the document, then on screen.
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.locator('fieldset.question').first().waitFor();
  const t = await tab.evaluate(
    () =>
      new Promise((done) => {
        const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        // The first paint is recorded once it happened: wait for its entry.
        new PerformanceObserver((list, observer) => {
          const paint = list.getEntriesByName('first-contentful-paint')[0];
          if (!paint) return;
          observer.disconnect();
          done({
            script: mark('tip-boot'),
            rules: mark('tip-rules'),
            firstQuestion: mark('tip-first-question'),
            paint: paint.startTime,
          });
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  // An answer in the interview: skip logic recomputed and the questions shown again.
  const answered = await tab.evaluate(() => {
    const input = document.querySelector('fieldset.question input');
    const t0 = performance.now();
    input.click();
    return performance.now() - t0;
  });
  await tab.close();

  // What-if on the result: an answer changed, the decision and the report updated, then painted.
  const result = await context.newPage();
  await result.goto(`${url}${fragment}`);
  await result.locator('#tip-result[data-primary]').waitFor();
  await result.selectOption('#tip-whatif-pick', 'meetingLoad');
  const times = await result.evaluate(async () => {
    const inputs = [...document.querySelectorAll('#tip-whatif-fields fieldset input')];
    const input = inputs.find((i) => !i.checked);
    const t0 = performance.now();
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? -1;
    input.click();
    while (at('tip-decision-painted') < t0) await new Promise((r) => setTimeout(r, 1));
    return { updated: at('tip-decision-updated') - t0, painted: at('tip-decision-painted') - t0 };
  });
  await result.close();
  if (run < WARMUPS) continue;
  for (const k of Object.keys(opening)) opening[k].push(t[k]);
  decision.updated.push(times.updated);
  decision.painted.push(times.painted);
  interview.push(answered);
}
await browser.close();
rmSync(work, { recursive: true, force: true });

const row = (label, xs, target) => {
  const med = median(xs);
  const verdict = target === undefined ? '' : med <= target ? 'ok' : 'OVER';
  return `| ${label.padEnd(58)} | ${med.toFixed(0).padStart(6)} | ${p90(xs).toFixed(0).padStart(6)} | ${
    target === undefined ? '' : `≤ ${target}`
  } ${verdict} |`;
};
console.log(
  `\nThe browser page (tip-coord web, ${Math.round(size / 1024)} kB), headless Chromium, ${RUNS} runs after ${WARMUPS} warm-ups; ms from the page's navigation start or from the answer:\n`,
);
console.log('| measure | median | p90 | target |');
console.log('| --- | ---: | ---: | --- |');
console.log(row('script starts (page read and parsed)', opening.script));
console.log(row('rule base parsed in the page', opening.rules));
console.log(row('first question in the page', opening.firstQuestion));
console.log(row('first question on screen (first contentful paint)', opening.paint, 1000));
console.log(row('interview answer: skip logic recomputed, questions shown', interview, 100));
console.log(row('what-if answer: decision updated in the page', decision.updated));
console.log(row('what-if answer: updated decision painted on screen', decision.painted, 100));
