import type { Answers } from './answers.js';
import type { Evaluator } from './evaluate.js';
import { decideEvaluation } from './decide.js';
import { recommend, type Outcome } from './recommend.js';
import { unknownCombinations, unknownsThatMatter, whatWouldChange } from './whatif.js';
import { makeStamp, reviewDate, type RunInfo } from './stamp.js';
import type { Static } from './shapes/kit.js';
import type { ResultShape } from './shapes/result.js';
import { RESPONSE_TYPE, rulesForResponse } from './response-wording.js';

/** An ISO date plus some days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export type { DatedPlanRow } from './shapes/result.js';

/** The result: the outcome plus who made it, when, and from what (the JSON result without `drafting`). */
export type Result = Static<typeof ResultShape> & Pick<Outcome, 'drafting'>;

export interface AssessInput {
  answers: Answers;
  responseName?: string;
  run: RunInfo;
}

/**
 * The pure core end to end: answers in, stamped result out. json-rules-engine evaluates the
 * answers once; the primary is decided once from its verdicts, and the report and the "what
 * would change" search both start from that decision.
 */
export async function assess(evaluator: Evaluator, input: AssessInput): Promise<Result> {
  // Questions and answers in the words of this type of response (a refugee response has no HNO).
  const rules = rulesForResponse(evaluator.rules, input.answers[RESPONSE_TYPE]);
  const evaluation = await evaluator.evaluate(input.answers);
  const decision = decideEvaluation(rules, evaluation);
  const outcome = recommend(rules, evaluation, decision);
  const changes = whatWouldChange(rules, input.answers, decision);
  return {
    response: input.responseName ? { name: input.responseName } : {},
    ...outcome,
    plan: outcome.plan.map((row) => ({ ...row, due: addDays(input.run.date, row.horizon) })),
    reviewBy: reviewDate(input.run.date, input.answers.phase),
    whatWouldChange: changes,
    unknownsThatMatter: unknownsThatMatter(rules, changes),
    unknownCombinations: unknownCombinations(rules, input.answers, decision),
    stamp: makeStamp(rules, input.answers, input.run, input.responseName),
  };
}
