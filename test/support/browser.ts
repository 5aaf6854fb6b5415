/**
 * The browser tests' one way to a real browser: Playwright's library API (@playwright/test) on
 * Debian's chromium, launched by path with the machine's flags (no network, no first run). The
 * tests run in vitest like every other test, in one runner: `npm test`, the same skip rules, the
 * same support helpers (the built CLI) beside them. No Chromium: the tests skip with the reason
 * printed; CI (CI=true) requires them, so there they fail instead.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../bench/chromium.js';
import { ROOT, cli } from './cli.js';

export const CHROMIUM = findChromium();
const REQUIRED = process.env.CI === 'true';

/** Why the browser tests cannot run here, or undefined when they can. */
export const browserMissing: string | undefined = CHROMIUM
  ? existsSync(join(ROOT, 'dist', 'web', 'page.js'))
    ? undefined
    : 'dist/web/page.js is missing: run `npm run build` first'
  : 'no Chromium found (/usr/bin/chromium; Debian: apt-get install chromium, as .ci/run does)';

/** Skip, saying why, unless CI asks for these tests: then they run and fail on the missing browser. */
export const skipBrowser = browserMissing !== undefined && !REQUIRED;
if (skipBrowser) console.log(`Browser tests skipped: ${browserMissing}.`);

export function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error(`Browser tests need Chromium: ${browserMissing}`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
}

/** Writes the page with the built CLI (`tip-coord web`) into a new temporary folder; returns its path. */
export function writePage(args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'tip-web-'));
  const out = join(dir, 'tip-coord.html');
  const r = cli(['web', '--out', out, ...args]);
  if (r.code !== 0) throw new Error(`tip-coord web failed (${r.code}): ${r.stderr}`);
  return out;
}

/**
 * A browser context whose every request is watched: the page's own file is the only one
 * allowed; anything else is aborted and recorded in `requests` (the tests expect it empty).
 */
export async function offlineContext(
  browser: Browser,
  pagePath: string,
  opts: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; requests: string[]; url: string }> {
  const url = pathToFileURL(pagePath).href;
  const context = await browser.newContext({ acceptDownloads: true, ...opts });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const asked = route.request().url().split('#')[0];
    if (asked === url) return route.continue();
    requests.push(asked!);
    return route.abort();
  });
  context.on('request', (r) => {
    const asked = r.url().split('#')[0]!;
    if (asked !== url && !requests.includes(asked)) requests.push(asked);
  });
  return { context, requests, url };
}

/** The answers file's JSON as the automation contract takes it: `#answers=` + base64url. */
export function answersFragment(json: string, lang?: string): string {
  return `#answers=${Buffer.from(json, 'utf8').toString('base64url')}${lang ? `&lang=${lang}` : ''}`;
}

/** What `#tip-result` says: the contract's attributes. */
export interface PageResult {
  primary: string;
  verdict: string;
  cautions: string[];
  actions: string[];
}

/** Waits for the result and reads its attributes. */
export async function pageResult(page: Page): Promise<PageResult> {
  const box = page.locator('#tip-result[data-primary]');
  await box.waitFor({ timeout: 15_000 });
  const attr = async (name: string): Promise<string> => (await box.getAttribute(`data-${name}`)) ?? '';
  const list = (s: string): string[] => s.split(' ').filter(Boolean);
  return {
    primary: await attr('primary'),
    verdict: await attr('verdict'),
    cautions: list(await attr('cautions')),
    actions: list(await attr('actions')),
  };
}

/** The same four from `tip-coord assess --answers FILE --format json`. */
export function cliResult(answersFile: string, extra: string[] = []): PageResult {
  const r = cli(['assess', '--answers', answersFile, '--format', 'json', ...extra]);
  if (r.code !== 0) throw new Error(`assess failed (${r.code}): ${r.stderr}`);
  const j = JSON.parse(r.stdout) as {
    primary: string;
    review?: { verdict: string };
    cautions: { id: string }[];
    actions: { id: string }[];
  };
  return {
    primary: j.primary,
    verdict: j.review?.verdict ?? '',
    cautions: j.cautions.map((c) => c.id),
    actions: j.actions.map((a) => a.id),
  };
}

/** axe-core's source, injected into a page by evaluation (the page's CSP allows no added script). */
export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}
