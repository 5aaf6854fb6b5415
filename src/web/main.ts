/**
 * The page's script (built by vite.web.config.ts into dist/web/, inlined by `tip-coord web`):
 * reads the rule base the page carries and starts the interview, or the result for answers
 * given in the address.
 */
import { WEB_DATA_ID, type WebData } from '../render/web-page.js';
import { App } from './app.js';
import { RuleBases } from './rule-base.js';
import { rulesHash } from './rules-hash.js';
import './page.css';

async function boot(): Promise<void> {
  // Marks read by the benchmark (bench/web.js): script start, rules parsed, first question, decision updated and painted.
  performance.mark('tip-boot');
  const root = document.getElementById('tip-app');
  const data = document.getElementById(WEB_DATA_ID)?.textContent;
  if (!root || !data) return;
  const parsed = JSON.parse(data) as WebData;
  const app = new App(root, parsed, new RuleBases(parsed, await rulesHash(parsed.files)));
  await app.start();
  document.documentElement.setAttribute('data-ready', '');
}

void boot();
