import fc from 'fast-check';
import type { Answers } from '../../src/core/answers.js';
import { UNKNOWN, type AnswerValue, type RuleBase } from '../../src/core/types.js';

/** Any complete, valid answer set for the rule base: each question a choice, a sub-list, or "unknown". */
export function answersArbitrary(rules: RuleBase, fixed: Partial<Answers> = {}): fc.Arbitrary<Answers> {
  const fields: Record<string, fc.Arbitrary<AnswerValue>> = {};
  for (const q of rules.questions) {
    const values = q.choices.map((c) => c.value);
    fields[q.id] =
      q.id in fixed
        ? fc.constant(fixed[q.id]!)
        : q.type === 'multi'
          ? fc.oneof(fc.constant<AnswerValue>(UNKNOWN), fc.subarray(values))
          : fc.constantFrom<AnswerValue>(...values, UNKNOWN);
  }
  return fc.record(fields) as fc.Arbitrary<Answers>;
}
