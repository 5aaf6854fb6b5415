import { Marked } from 'marked';
import { escapeXml as escapeHtml } from './xml-escape.js';

/**
 * A link target inside the folder the page is in: no scheme (http:, mailto:, data:...) and no
 * host. Checked as a browser reads it: browsers drop tabs, line breaks and leading
 * controls from a URL, so "java\tscript:" and "\u0001javascript:" are schemes too.
 */
function isLocal(href: string): boolean {
  const seen = href
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/&(?:colon|#0*58|#x0*3a);?/gi, ':');
  return !/^[a-z][a-z0-9+.-]*:/i.test(seen) && !/^[\\/]{2}/.test(seen);
}

// Reports are forwarded by e-mail and opened offline: nothing here may fetch or run anything.
const marked = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in the markdown is shown as text, never interpreted.
    html({ text }) {
      return escapeHtml(text);
    },
    // Only links to files beside the page stay links; anything else is shown as text.
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      if (!isLocal(href)) return text === escapeHtml(href) ? text : `${text} (${escapeHtml(href)})`;
      return `<a href="${escapeHtml(href)}">${text}</a>`;
    },
    // An image would be a request: show its description instead. Charts are inlined as SVG.
    image({ text }) {
      return escapeHtml(text);
    },
  },
});

/** The report's style, with its A4 print stylesheet: for the HTML report and the browser page (tip-coord web). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { overflow-wrap: break-word; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #1a1a1a; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
blockquote { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid #b35900; background: #fff7ee; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; } th { background: #f0f0f0; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; background: #f4f4f4; padding: 0 .2em; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
a { color: #0b5cad; }
@media print {
  body { font-size: 9.5pt; line-height: 1.35; max-width: none; margin: 0; padding: 0; }
  h1 { font-size: 14pt; margin: 0 0 .3em; } h2 { font-size: 12.5pt; margin-top: 1.2em; } h3 { font-size: 10.5pt; margin: .9em 0 .3em; }
  p { margin: .35em 0; } blockquote { margin: .5em 0; padding: .3em .8em; background: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  /* Long tables (the action plan) may run onto the next page, row by row, their header repeated. */
  figure, blockquote { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 8.8pt; line-height: 1.25; margin: .5em 0; } th, td { padding: .12rem .3rem; }
  /* Nothing may run past the page edge: long addresses and ids wrap. */
  li, p { overflow-wrap: anywhere; } td, th { overflow-wrap: break-word; }
  table { table-layout: auto; }
  @page { size: A4; margin: 14mm 13mm; }
}`;

/** Markdown as HTML, safely: raw HTML shown as text, no image, links only to files beside the page. */
export function markdownHtml(markdown: string): string {
  return marked.parse(markdown, { async: false }) as string;
}

/** One part of a page: markdown, or an SVG made by tip-coord itself (inlined as is). */
export type HtmlPart = string | { svg: string };

/**
 * A self-contained, printable HTML page from markdown: inline CSS and a print stylesheet,
 * no scripts, no external URL, and a Content-Security-Policy that forbids fetching anything.
 */
export function htmlDocument(title: string, parts: HtmlPart[], lang = 'en'): string {
  const body = parts.map((p) => (typeof p === 'string' ? markdownHtml(p) : `<figure>${p.svg}</figure>\n`)).join('');
  return selfContained({ lang, title, csp: "default-src 'none'; style-src 'unsafe-inline'", style: REPORT_CSS, body });
}

/**
 * The frame of every page tip-coord writes: its language, a Content-Security-Policy, no
 * referrer, a viewport for small screens, the title and an inline style. `body` is HTML.
 */
export function selfContained(p: { lang: string; title: string; csp: string; style: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${p.csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(p.title)}</title>
<style>${p.style}</style>
</head>
<body>
${p.body}</body>
</html>
`;
}
