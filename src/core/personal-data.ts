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

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

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
    String.raw`${YEAR}\s?[-–/]\s?(?:${YEAR}|\d{2})`,
  ]
    .map((p) => String.raw`(?<![\d+])(?<!\d[-./ ])(?:${p})(?![-./ ]?\d)`)
    .join('|'),
  'gu',
);

/**
 * A run of digits with the separators phone numbers are written with: +243 81 234 5678,
 * 0812345678, (555) 123-4567, 00 33 1 23 45 67 89, 081.234.5678. Digits glued to letters
 * are a code, not a number to call ("HRP-2026-001", "SO2").
 */
const PHONE_CANDIDATE = /(?<![\p{L}\d][-_/]?)(?:\+|\b00)?\(?\d[\d \t\u00a0().\-/]*\d/gu;
const MIN_PHONE_DIGITS = 7;
const COMPACT_DATE = new RegExp(`^${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])$`);
const YEARS_ONLY = new RegExp(`^${YEAR}(?:[\\s,/]+${YEAR})*$`);

/** The first e-mail address or phone number in `text`, if any. */
export function findPersonalData(text: string): PersonalDataFound | undefined {
  // Most names hold neither an @ nor seven digits: no pattern needs compiling for them.
  if (!text.includes('@') && text.replace(/\D/g, '').length < MIN_PHONE_DIGITS) return undefined;
  const email = EMAIL.exec(text);
  if (email) return { kind: 'email', text: email[0] };
  const blanked = text.replace(DATES_AND_YEAR_RANGES, ' ');
  for (const m of blanked.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0].trim();
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < MIN_PHONE_DIGITS) continue;
    if (!candidate.startsWith('+') && (COMPACT_DATE.test(candidate) || YEARS_ONLY.test(candidate))) continue;
    return { kind: 'phone', text: candidate };
  }
  return undefined;
}

/**
 * What to tell the user when `text` holds personal data, worded by the rule base's messages:
 * for a `field` of the command line or a file (the run stops), or for a name being typed in
 * the interview (no field: it is asked again). Undefined when there is none.
 */
export function personalDataProblem(rules: RuleBase, text: string | undefined, field?: string): string | undefined {
  const found = text === undefined ? undefined : findPersonalData(text);
  if (!found) return undefined;
  const vars = { kind: message(rules, `personalData.${found.kind}`), text: found.text };
  return field === undefined
    ? message(rules, 'interview.personalData', vars)
    : message(rules, 'cli.personalData', { ...vars, field });
}
