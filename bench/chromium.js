// Headless Chromium as the browser tests and the page's benchmark launch it: Debian's chromium by
// path (Playwright's own browsers are never downloaded), with no network of its own, no first run.
import { existsSync } from 'node:fs';

/** The flags of every launch: headless, no sandbox (root in CI), nothing fetched in the background. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to launch: $CHROMIUM_PATH, else Debian's; undefined when there is none. */
export function findChromium(env = process.env) {
  return [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}
