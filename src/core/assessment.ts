import type { Answers } from './answers.js';
import type { Evaluator } from './evaluate.js';
import { decideEvaluation } from './decide.js';
import { recommend, type Outcome } from './recommend.js';
import {
  unknownCombinations,
  unknownsThatMatter,
  whatWouldChange,
  type UnknownCombination,
  type UnknownThatMatters,
  type WhatWouldChange,
} from './whatif.js';
import { makeStamp, reviewDate, type RunInfo, type Stamp } from './stamp.js';
import { RESPONSE_TYPE, rulesForResponse } from './response-wording.js';

/** The JSON result: the outcome plus who made it, when, and from what. */
export interface Result extends Outcome {
  response: { name?: string };
  reviewBy: string;
  whatWouldChange: WhatWouldChange;
  unknownsThatMatter: UnknownThatMatters[];
  /** Unknowns that would change the primary only when answered together. */
  unknownCombinations: UnknownCombination[];
  stamp: Stamp;
}

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
    reviewBy: reviewDate(input.run.date, input.answers.phase),
    whatWouldChange: changes,
    unknownsThatMatter: unknownsThatMatter(rules, changes),
    unknownCombinations: unknownCombinations(rules, input.answers, decision),
    stamp: makeStamp(rules, input.answers, input.run, input.responseName),
  };
}
