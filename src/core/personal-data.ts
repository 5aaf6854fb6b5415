import { message } from './messages.js';
import type { RuleBase } from './types.js';

/**
 * Finds personal data in the free text that ends up in a report: e-mail addresses and phone
 * numbers. Reports are forwarded and may be politically sensitive; a victim's or a
 * colleague's contact details must never travel with them. The check errs on the side of
 * stopping (a false alarm costs a re-run with --allow-personal-data), but knows dates and
 * years, which response names often hold ("Goma 2026-11-29", "Cox's Bazar 2017-2018").
 */

export interface PersonalDataFound {
  kind: 'email' | 'phone';
  /** The text that looked like personal data, to show the user where it is. */
  text: string;
}

// A host without a dot counts too (john.doe@localhost): a name has no reason to hold one. Its first
// label holds a letter: "meeting@10:00" is a time.
const EMAIL = /[\p{L}\p{N}._%+-]+@(?=[\p{N}-]*\p{L})[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/u;
/**
 * With spaces around the "@" ("john.doe @ example.org"), only a host with a dot: "Kivu @ HQ" is
 * a place, not an address.
 */
const EMAIL_SPACED =
  /[\p{L}\p{N}._%+-]+\s+@\s*(?=[\p{N}-]*\p{L})[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[\p{L}\p{N}._%+-]+@\s+(?=[\p{N}-]*\p{L})[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;

const YEAR = String.raw`(?:19|20)\d{2}`;
const DAY_OR_MONTH = String.raw`\d{1,2}`;
const SEP = '[-./]';
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?`;

/**
 * Dates (2026-11-29, 2026-11-29T10:30, 29/11/2026 14:00, 11.29.2026) and year ranges
 * (2017-2018, 2017/18, 2017 – 2018), blanked out before looking for phone numbers. One
 * that touches other digits ("+1 2015-55 1234") is left alone: it may be part of a number.
 */
const DATES_AND_YEAR_RANGES = new RegExp(
  [
    `${YEAR}${SEP}${DAY_OR_MONTH}${SEP}${DAY_OR_MONTH}${TIME}`,
    `${DAY_OR_MONTH}${SEP}${DAY_OR_MONTH}${SEP}${YEAR}${TIME}`,
    String.raw`${YEAR}\s?[-\u2013/]\s?(?:${YEAR}|\d{2})`,
  ]
    .map((p) => String.raw`(?<![\d+])(?<!\d[-./ ])(?:${p})(?![-./ ]?\d)`)
    .join('|'),
  'gu',
);

/**
 * A run of digits with the separators phone numbers are written with: +243 81 234 5678,
 * 0812345678, (555) 123-4567, 00 33 1 23 45 67 89, 081.234.5678.
 */
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d[\d \t\u00a0().\-/]*\d/gu;
const MIN_PHONE_DIGITS = 7;
/**
 * Digits glued to letters, or to letters and one separator, are a code ("HRP-2026-001", "SO2",
 * "row-1048576") unless there are as many as a number with its area code has ("Goma-0812345678").
 */
const MIN_GLUED_PHONE_DIGITS = 9;
const GLUED = /\p{L}[-_./]?$/u;
const COMPACT_DATE = new RegExp(`^${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])$`);
const YEAR_OR_RANGE = String.raw`${YEAR}(?:\s?[-\u2013/]\s?(?:${YEAR}|\d{2}))?`;
/** Years and year ranges only: "2025 2026", "2017-2018 2019-2020", "2017/18, 2019/20". */
const YEARS_ONLY = new RegExp(String.raw`^${YEAR_OR_RANGE}(?:[\s,;/]+${YEAR_OR_RANGE})*$`, 'u');

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  commat: '@',
  period: '.',
  plus: '+',
  lpar: '(',
  rpar: ')',
  hyphen: '-',
  dash: '-',
  sol: '/',
};

const isDigit = (cp: number): boolean => /\p{Nd}/u.test(String.fromCodePoint(cp));

/**
 * The value of a decimal digit of any script: Unicode puts each script's digits 0 to 9 in
 * consecutive code points, each run starting at a zero (some runs hold several sets of ten).
 */
function digitValue(digit: string): number {
  const cp = digit.codePointAt(0)!;
  let zero = cp;
  while (zero > 0 && isDigit(zero - 1)) zero--;
  return (cp - zero) % 10;
}

/**
 * Characters a reader does not see: soft hyphens, zero-width spaces and joiners, the word joiner,
 * the byte-order mark, the Mongolian vowel separator, the combining grapheme joiner and the
 * bidirectional marks and controls. Removed before looking, so that they cannot split a number.
 */
const INVISIBLE = /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
/** Dashes and the minus sign, and "_", between two digits: read as "-". */
const DIGIT_SEPARATOR = /(?<=\d)[_\u2010-\u2015\u2212\ufe58\ufe63](?=\d)/gu;

/**
 * The text as a reader would see it, before looking for personal data: HTML entities decoded
 * (`&#64;` shows as `@` in a page), invisible characters removed (a soft hyphen or a zero-width
 * space inside a number), NFKC (full-width `＠` and `２`, no-break spaces), digits of every
 * script as 0-9, dashes and `_` between digits as `-`, the spelled-out `[at]`, `(at)`, `[dot]`,
 * `(dot)`, and the letters I, l and O typed between digits (`08I2345678`) read as the digits
 * they stand for.
 */
export function normalizeForCheck(text: string): string {
  let s = text;
  for (let i = 0; i < 2 && s.includes('&'); i++) {
    s = s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));?/giu, (m, dec?: string, hex?: string, name?: string) => {
      const cp = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
      if (cp !== undefined) return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      return ENTITIES[name!.toLowerCase()] ?? m;
    });
  }
  s = s.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '');
  s = s.replace(/\p{Nd}/gu, (d) => (/\d/.test(d) ? d : String(digitValue(d)))).replace(DIGIT_SEPARATOR, '-');
  s = s
    .replace(/\s*[[({<]\s*(?:at|arobase)\s*[\])}>]\s*/giu, '@')
    .replace(/\s*[[({<]\s*(?:dot|point)\s*[\])}>]\s*/giu, '.');
  // Between two digits, right after one (not before a letter), or right before one (not after a letter).
  const asDigit = (c: string): string => (/[Oo]/.test(c) ? '0' : '1');
  for (let i = 0; i < 2; i++)
    s = s
      .replace(/(?<=\d[\s.-]?)[Il|Oo](?=[\s.-]?\d)/gu, asDigit)
      .replace(/(?<=\d)[Il|Oo](?!\p{L})/gu, asDigit)
      .replace(/(?<!\p{L})[Il|Oo](?=\d)/gu, asDigit);
  return s;
}

/** The first e-mail address or phone number in `text`, if any. */
export function findPersonalData(raw: string): PersonalDataFound | undefined {
  const text = normalizeForCheck(raw);
  // Most names hold neither an @ nor seven digits: no pattern needs compiling for them.
  if (!text.includes('@') && text.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return undefined;
  const email = EMAIL.exec(text) ?? EMAIL_SPACED.exec(text);
  if (email) return { kind: 'email', text: email[0] };
  const blanked = text.replace(DATES_AND_YEAR_RANGES, ' ');
  for (const m of blanked.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0].trim();
    const digits = candidate.replace(/\D/g, '');
    const glued = GLUED.test(blanked.slice(Math.max(0, m.index - 2), m.index));
    if (digits.length < (glued ? MIN_GLUED_PHONE_DIGITS : MIN_PHONE_DIGITS)) continue;
    if (!candidate.startsWith('+') && (COMPACT_DATE.test(candidate) || YEARS_ONLY.test(candidate))) continue;
    return { kind: 'phone', text: candidate };
  }
  return undefined;
}

/**
 * Enough of what was found to locate it, not enough to read it: an error may be pasted into a
 * ticket or a chat on a support call, and must not carry the address or number it refuses.
 */
export function masked(found: string): string {
  const chars = [...found];
  if (chars.length <= 4) return '…';
  return `${chars.slice(0, 2).join('')}…${chars.slice(-2).join('')}`;
}

/**
 * What to tell the user when `text` holds personal data, worded by the rule base's messages:
 * for a `field` of the command line or a file (the run stops), or for a name being typed in
 * the interview (no field: it is asked again). Undefined when there is none.
 */
export function personalDataProblem(rules: RuleBase, text: string | undefined, field?: string): string | undefined {
  const found = text === undefined ? undefined : findPersonalData(text);
  if (!found) return undefined;
  const vars = { kind: message(rules, `personalData.${found.kind}`), text: masked(found.text) };
  return field === undefined
    ? message(rules, 'interview.personalData', vars)
    : message(rules, 'cli.personalData', { ...vars, field });
}
