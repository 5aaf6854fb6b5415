import fc from 'fast-check';
import type { Answers } from '../../src/core/answers.js';
import { UNKNOWN, type AnswerValue, type RuleBase } from '../../src/core/types.js';

/**
 * The one generator of "any answers" in the tests: any complete, valid answer set for the rule
 * base, each question a choice, a sub-list, or "unknown". `fixed` pins some answers. With
 * `unknownHalf`, every question is "unknown" half the time (single questions too, instead of
 * one chance in as many as they have choices): the searches over unknowns meet more of them.
 * (Bad input, answers files that are not valid, comes from test/support/bad-input-arbitraries.ts.)
 */
export function answersArbitrary(
  rules: RuleBase,
  fixed: Partial<Answers> = {},
  opts: { unknownHalf?: boolean } = {},
): fc.Arbitrary<Answers> {
  const fields: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const q of rules.questions) {
    const values = q.choices.map((c) => c.value);
    fields[q.id] =
      q.id in fixed
        ? fc.constant(fixed[q.id]!)
        : q.type === 'multi'
          ? fc.oneof(fc.constant<AnswerValue>(UNKNOWN), fc.subarray(values))
          : opts.unknownHalf
            ? fc.oneof(fc.constant<AnswerValue>(UNKNOWN), fc.constantFrom<AnswerValue>(...values))
            : fc.constantFrom<AnswerValue>(...values, UNKNOWN);
  }
  return fc.record(fields) as fc.Arbitrary<Answers>;
}
