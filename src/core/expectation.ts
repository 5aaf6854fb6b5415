import { isPlainObject } from './json.js';
import type { Outcome } from './recommend.js';
import type { Expectation } from './types.js';

export type { Expectation } from './types.js';

export const EXPECT_KEYS = ['primary', 'notPrimary', 'includes', 'excludes', 'cautions', 'noCautions'] as const;
const MECHANISM_KEYS = new Set(['primary', 'notPrimary', 'includes', 'excludes']);

/** What is wrong with an `expect` object, one message per problem, each naming the key. */
export function expectationProblems(
  raw: unknown,
  mechanisms: readonly string[],
  cautions: readonly string[],
  key = 'expect',
): string[] {
  if (!isPlainObject(raw)) return [`"${key}" must be an object with any of ${EXPECT_KEYS.join(', ')}`];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (!(EXPECT_KEYS as readonly string[]).includes(k)) {
      problems.push(`unknown key "${key}.${k}"; valid: ${EXPECT_KEYS.join(', ')}`);
      continue;
    }
    const ids = k === 'primary' ? [v] : v;
    if (k === 'primary' ? typeof v !== 'string' : !Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      problems.push(`"${key}.${k}" must be ${k === 'primary' ? 'a mechanism id' : 'a list of ids'}`);
      continue;
    }
    const valid = MECHANISM_KEYS.has(k) ? mechanisms : cautions;
    for (const id of ids as string[])
      if (!valid.includes(id))
        problems.push(
          `"${key}.${k}": "${id}" is not a ${MECHANISM_KEYS.has(k) ? 'mechanism' : 'caution'}; valid: ${valid.join(', ')}`,
        );
  }
  return problems;
}

/** The differences between an outcome and what is expected; empty when it matches. */
export function checkScenario(outcome: Outcome, e: Expectation): string[] {
  const diffs: string[] = [];
  const recommended = new Set(outcome.recommendations.map((r) => r.mechanism));
  const cautions = new Set(outcome.cautions.map((c) => c.id));
  if (e.primary && outcome.primary !== e.primary)
    diffs.push(`primary: expected ${e.primary}, got ${outcome.primary} (rule ${outcome.decidedBy})`);
  for (const m of e.notPrimary ?? [])
    if (outcome.primary === m) diffs.push(`expected ${m} not to be primary; it is (rule ${outcome.decidedBy})`);
  for (const m of e.includes ?? []) if (!recommended.has(m)) diffs.push(`expected ${m} to be recommended; it is not`);
  for (const m of e.excludes ?? []) if (recommended.has(m)) diffs.push(`expected ${m} not to be recommended; it is`);
  for (const c of e.cautions ?? []) if (!cautions.has(c)) diffs.push(`expected caution ${c}; it is missing`);
  for (const c of e.noCautions ?? []) if (cautions.has(c)) diffs.push(`expected no caution ${c}; it is there`);
  return diffs;
}
