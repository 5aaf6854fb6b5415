import type { Outcome } from './recommend.js';
import type { Expectation } from './shapes/expectation.js';

export { EXPECT_KEYS, type Expectation } from './shapes/expectation.js';

/**
 * The drafting text of an outcome, rendered by the caller (render/ is not core's to import):
 * the text invariants (textExcludes, draftingSafe) need it. `avoid` is the drafting file's list.
 */
export interface OutcomeText {
  drafting: string;
  variant: 'standard' | 'safe';
  avoid: readonly string[];
}

/** Every text the outcome offers for action: what a reader would act on, review first. */
export function offeredTexts(o: Outcome): string[] {
  return [
    ...(o.review ? [o.review.title, o.review.summary, ...o.review.steps] : []),
    ...o.recommendations.flatMap((r) => [r.title, r.summary, ...r.steps]),
    ...o.cautions.map((c) => c.text),
    ...o.actions.flatMap((a) => [a.text, ...a.steps]),
    ...o.plan.map((p) => p.action),
  ];
}

/** A word or phrase of `avoid` held as a whole word, any case. */
function avoidedIn(text: string, avoid: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return avoid.find((w) => {
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    );
    return re.test(lower);
  });
}

/** The differences between an outcome and what is expected; empty when it matches. */
export function checkScenario(outcome: Outcome, e: Expectation, text?: OutcomeText): string[] {
  const diffs: string[] = [];
  if (e.verdict && outcome.review?.verdict !== e.verdict)
    diffs.push(
      `verdict: expected ${e.verdict}, got ${outcome.review ? `${outcome.review.verdict} (rule ${outcome.review.decidedBy})` : 'no review'}`,
    );
  for (const a of e.actions ?? [])
    if (!outcome.actions.some((x) => x.id === a)) diffs.push(`expected action ${a}; it is missing`);
  if (e.review === true && !outcome.review) diffs.push('expected a review of the mechanism in place; there is none');
  if (e.review === false && outcome.review) diffs.push(`expected no review; got ${outcome.review.verdict}`);
  if (e.textExcludes) {
    const texts = [...offeredTexts(outcome), ...(text ? [text.drafting] : [])];
    for (const phrase of e.textExcludes) {
      const found = texts.find((x) => x.toLowerCase().includes(phrase.toLowerCase()));
      if (found) diffs.push(`expected no text with "${phrase}"; found in: ${found.slice(0, 160)}`);
    }
  }
  if (e.draftingSafe && text) {
    if (text.variant !== 'safe') diffs.push('expected the terminology-safe drafting text; got the standard one');
    const word = avoidedIn(text.drafting, text.avoid);
    if (word) diffs.push(`expected no avoided word in the drafting text; found "${word}"`);
  }
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
  const owners = new Set(outcome.plan.map((p) => p.owner as string));
  for (const o of e.planOwners ?? [])
    if (!owners.has(o)) diffs.push(`expected a page-1 action owned by ${o}; there is none`);
  for (const o of e.noPlanOwners ?? [])
    if (owners.has(o)) diffs.push(`expected no page-1 action owned by ${o}; there is one`);
  return diffs;
}
