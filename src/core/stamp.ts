import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Answers } from './answers.js';
import type { RuleBase } from './types.js';
import type { Stamp } from './shapes/result.js';

export type { Stamp } from './shapes/result.js';

/**
 * A JavaScript SHA-256 rather than node:crypto's: loading node:crypto takes longer (about 6 ms)
 * than hashing a few kilobytes of answers here, on every run; and the page computes the same.
 */
export function answersHash(answers: Answers, responseName?: string): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify({ response: responseName ?? null, answers }))));
}

/**
 * What a run is given from outside: the report date, the tool's version and how to name the rule
 * set's folder (null for the built-in one). The command line reads them; the core never does.
 */
export interface RunInfo {
  date: string;
  toolVersion: string;
  rulesFolder: string | null;
}

export function makeStamp(rules: RuleBase, answers: Answers, run: RunInfo, responseName?: string): Stamp {
  return {
    tool: { name: 'tip-coord', version: run.toolVersion },
    ruleSet: { name: rules.name, version: rules.version, hash: rules.hash, folder: run.rulesFolder },
    answersHash: answersHash(answers, responseName),
    date: run.date,
  };
}

/** When to review: about 90 days after onset in an acute response, then yearly (FSC handbook §3.8, S16). */
export function reviewDate(date: string, phase: unknown): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (phase === 'acute') d.setUTCDate(d.getUTCDate() + 90);
  else {
    // A year after 29 February is 28 February, not 1 March.
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCFullYear(d.getUTCFullYear() + 1);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d.toISOString().slice(0, 10);
}
