import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunInfo } from '../core/stamp.js';
import type { RuleBase } from '../core/types.js';
import { PACKAGE_ROOT } from '../paths.js';
import { ruleSetFolder } from '../rules/folder.js';
import { userError } from './ui-text.js';

let cachedVersion: string | undefined;
export function toolVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  return cachedVersion;
}

/** What the core is told about this run: the report date (--date), the tool's version, the rule set's folder. */
export function runInfo(rules: RuleBase, date: string): RunInfo {
  return { date, toolVersion: toolVersion(), rulesFolder: ruleSetFolder(rules.dir, process.cwd()) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report date from 1970 to 9998: its review date (a year on at most) still has four digits. */
const plausible = (d: Date): boolean =>
  !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9998;

/**
 * Today's date where the user is (their time zone, TZ), not in UTC: in Kiritimati (UTC+14) the
 * morning's report is dated today, not yesterday.
 */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/**
 * The report date: --date, else SOURCE_DATE_EPOCH (reproducible builds convention, a UTC date), else today in the user's time zone.
 * Fixing it makes a report byte-identical across runs.
 */
export function resolveDate(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): string {
  if (option !== undefined) {
    const d = new Date(`${option}T00:00:00Z`);
    if (!ISO_DATE.test(option) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== option || !plausible(d))
      throw userError('error.date', { value: JSON.stringify(option) });
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const d = new Date(Number(epoch) * 1000);
    if (!/^\d+$/.test(epoch) || !plausible(d))
      // A value too long to be a date is not echoed whole.
      throw userError('error.sourceDateEpoch', {
        value: JSON.stringify(epoch.length > 20 ? `${epoch.slice(0, 20)}…` : epoch),
      });
    return d.toISOString().slice(0, 10);
  }
  return localDate(now);
}
