import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ruleSetFolder } from './rulebase.js';
import type { Answers } from './answers.js';
import type { RuleBase } from './types.js';
import { userError } from './ui-text.js';

export interface Stamp {
  tool: { name: string; version: string };
  /** folder: null for the built-in rule base, else the folder given to --rules (see ruleSetFolder). */
  ruleSet: { name: string; version: string; hash: string; folder: string | null };
  /** sha256 of the complete answers and the response name, in questionnaire order. */
  answersHash: string;
  date: string;
}

let cachedVersion: string | undefined;
export function toolVersion(): string {
  if (!cachedVersion) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    cachedVersion = pkg.version;
  }
  return cachedVersion;
}

export function answersHash(answers: Answers, responseName?: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ response: responseName ?? null, answers }))
    .digest('hex');
}

export function makeStamp(rules: RuleBase, answers: Answers, date: string, responseName?: string): Stamp {
  return {
    tool: { name: 'tip-coord', version: toolVersion() },
    ruleSet: { name: rules.name, version: rules.version, hash: rules.hash, folder: ruleSetFolder(rules.dir) },
    answersHash: answersHash(answers, responseName),
    date,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A report date from 1970 to 9998: its review date (a year on at most) still has four digits. */
const plausible = (d: Date): boolean => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9998;

/**
 * The report date: --date, else SOURCE_DATE_EPOCH (reproducible builds convention), else today (UTC).
 * Fixing it makes a report byte-identical across runs.
 */
export function resolveDate(option: string | undefined, env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  if (option !== undefined) {
    const d = new Date(`${option}T00:00:00Z`);
    if (!ISO_DATE.test(option) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== option || !plausible(d))
      throw userError('error.date', { value: JSON.stringify(option) });
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const d = new Date(Number(epoch) * 1000);
    if (!/^\d+$/.test(epoch) || !plausible(d)) throw userError('error.sourceDateEpoch', { value: JSON.stringify(epoch) });
    return d.toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

/** When to review: about 90 days after onset in an acute response, then yearly (FSC handbook §3.8, S16). */
export function reviewDate(date: string, phase: unknown): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (phase === 'acute') d.setUTCDate(d.getUTCDate() + 90);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}
