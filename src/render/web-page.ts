import type { Lang } from '../core/lang.js';
import { selfContained } from './html.js';
import { escapeXml as escapeHtml } from './xml-escape.js';

/** What the page is given by `tip-coord web`, as JSON in the page: the rule base as files, parsed in the page. */
export interface WebData {
  /** The tool's version, for the report's stamp. */
  toolVersion: string;
  /** The language the page opens in. */
  lang: Lang;
  /** The languages the rule set has: English, and each locales/<lang>.json. */
  langs: Lang[];
  /** How the report's stamp names the rule set's folder: null for the built-in rules. */
  rulesFolder: string | null;
  /** Every file of the rule base, as read: parsed by the same parser as the command line's, hashed the same. */
  files: { rel: string; text: string }[];
}

/** The id of the element that holds the WebData. */
export const WEB_DATA_ID = 'tip-data';
/** The id of the inert script that holds the Word writer (docx), run on the first Word report. */
export const WEB_DOCX_ID = 'tip-docx';

export interface WebPageParts {
  data: WebData;
  title: string;
  noscript: string;
  /** The page's script (built by vite.web.config.ts) and style, inlined. */
  script: string;
  style: string;
  /** The Word writer's script, carried inert and run only when needed (allowed by hash). */
  docxScript: string;
  /** SHA-256 of a text's UTF-8 bytes, base64: the Content-Security-Policy allows the script and style by it. */
  sha256Base64: (text: string) => string;
}

/**
 * Text inside <script>: JSON with every "<" escaped, so that no "</script>" or "<!--" in a
 * rule file can end the element early (JSON.parse reads "\u003c" back as "<").
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A script's text inside <script>: a "</script" in its strings written "<\/script", the same string. */
function inScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

/**
 * The one self-contained page: a Content-Security-Policy that allows only its own script and
 * style (by hash) and nothing to fetch, no referrer, the rule base as inert JSON data.
 */
export function webPage(p: WebPageParts): string {
  const script = inScript(p.script);
  const docx = inScript(p.docxScript);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${p.sha256Base64(script)}' 'sha256-${p.sha256Base64(docx)}'`,
    `style-src 'sha256-${p.sha256Base64(p.style)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  // The page's script is a classic script at the end of the body: it runs once the markup is read.
  return selfContained({
    lang: p.data.lang,
    title: p.title,
    csp,
    style: p.style,
    body: `<noscript><p>${escapeHtml(p.noscript)}</p></noscript>
<div id="tip-app"></div>
<script type="application/json" id="${WEB_DATA_ID}">${scriptJson(p.data)}</script>
<script>${script}</script>
<script type="text/plain" id="${WEB_DOCX_ID}">${docx}</script>
`,
  });
}
