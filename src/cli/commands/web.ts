import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../core/errors.js';
import { message } from '../../core/messages.js';
import { REPORT_CSS } from '../../render/html.js';
import { webPage } from '../../render/web-page.js';
import { LANGUAGE_NAMES } from '../../render/xlsform.js';
import { DEFAULT_RULES_DIR, listFiles, ruleSetFolder } from '../../rules/folder.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { writeFileAtomic } from '../report-files.js';
import { toolVersion } from '../run-info.js';
import { gateFor } from '../gate.js';
import { readRuleLanguages } from '../inputs/answers.js';
import { uiTexts, userError } from '../ui-text.js';
import { WEB_TEXTS } from '../../web/texts.js';
import type { Context } from '../context.js';

export interface WebOptions {
  out: string;
  rules?: string;
  force?: boolean;
  allowPersonalData?: boolean;
}

/** The page's script and style, built by vite.web.config.ts into the package's dist/web/. */
const PAGE_DIR = join(PACKAGE_ROOT, 'dist', 'web');

function built(file: string): string {
  const path = join(PAGE_DIR, file);
  if (!existsSync(path)) throw userError('cli.web.noScript', { path });
  return readFileSync(path, 'utf8');
}

const sha256Base64 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * Writes the interview, the decision and the report as one HTML file: the page's script, the
 * report's style and the rule base's files, every language of the rule set, nothing to fetch.
 * The rule base is checked here in each language (a broken copy stops before anything is
 * written) and parsed again in the page by the same parser, so the page decides as `assess` does.
 */
export async function run(opts: WebOptions, ctx: Context): Promise<number> {
  const dir = opts.rules ?? DEFAULT_RULES_DIR;
  const { langs, rules } = readRuleLanguages(ctx, dir);
  const lang = rules.lang;
  // The rule set's name and folder are in every report's stamp, the page's too; so is --out.
  const gate = gateFor(rules, opts);
  gate.ruleSet();
  const out = gate.path(opts.out, '--out');
  const script = built('page.js');
  const docxScript = built('docx.js');
  const style = `${REPORT_CSS}\n${built('page.css')}`;
  const html = webPage({
    data: {
      toolVersion: toolVersion(),
      lang,
      langs,
      rulesFolder: ruleSetFolder(dir, process.cwd()),
      // The files loadRuleBase hashed: the page's rule base has the same hash.
      files: listFiles(dir, uiTexts()),
    },
    title: WEB_TEXTS[lang].title,
    noscript: WEB_TEXTS[lang].noscript,
    script,
    docxScript,
    style,
    sha256Base64,
  });
  writeFileAtomic(out, html, { force: opts.force ?? false });
  const size = Math.round(Buffer.byteLength(html, 'utf8') / 1024);
  ctx.stdout.write(
    `${message(rules, 'cli.web.written', {
      path: opts.out,
      size,
      langs: langs.map((l) => LANGUAGE_NAMES[l] ?? l).join(', '),
    })}\n`,
  );
  return EXIT.ok;
}
