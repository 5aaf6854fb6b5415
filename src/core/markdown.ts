/** Escaping for text that lands in markdown: one place, for reports, documents and tables. */
import { cleanLine } from './sanitize.js';

/** Escapes user text (the response name) so it cannot inject markdown or HTML. */
export function escapeMd(s: string): string {
  return escapeInline(s).replace(/^([#+\-=>]|\d+\.)/, (m) => `\\${m}`);
}

/** The same, for text in the middle of a line, where a leading "1." or "#" means nothing. */
export function escapeInline(s: string): string {
  // Control characters shown escaped; "&lt;" stays the text "&lt;" in HTML, not "<".
  return cleanLine(s.replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Text for a markdown table cell: a "|" or a line break would end the cell. */
export function cell(s: string): string {
  return cleanLine(s.replace(/[\r\n]+/g, ' ')).replace(/\|/g, '\\|');
}
