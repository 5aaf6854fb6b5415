/**
 * What an outcome must show: used by scenario files (answers in, outcome out, as OpenFisca keeps
 * tests as data) and by the rule base's invariants (rules/invariants.json). The ids are those of
 * the rule base when there is one.
 */
import { PLAN_OWNERS } from '../vocabulary.js';
import { answersShape, Response, type Asked } from './answers.js';
import { closed, META, oneOf, T, text, type Static } from './kit.js';

/** The ids an expectation may name. */
export interface ExpectIds {
  mechanisms?: readonly string[];
  cautions?: readonly string[];
  verdicts?: readonly string[];
  actions?: readonly string[];
}

export function expectationShape(ids: ExpectIds = {}) {
  const mechanism = oneOf(ids.mechanisms, { description: 'A mechanism id.' });
  const caution = oneOf(ids.cautions, { description: 'A caution id.' });
  const owners = T.Array(T.Enum(PLAN_OWNERS));
  return closed(
    {
      primary: T.Optional(mechanism),
      /** Mechanisms that must not be the primary one (they may still be complementary). */
      notPrimary: T.Optional(T.Array(mechanism)),
      includes: T.Optional(T.Array(mechanism)),
      excludes: T.Optional(T.Array(mechanism)),
      cautions: T.Optional(T.Array(caution)),
      noCautions: T.Optional(T.Array(caution)),
      /** The verdict of the review of the mechanism in place. */
      verdict: T.Optional(oneOf(ids.verdicts, { description: 'A verdict id.' })),
      /** true: a review must be there; false: none. */
      review: T.Optional(T.Boolean()),
      /** Phrases (any case) no recommended text, caution, action, review step or drafting text may hold. */
      textExcludes: T.Optional(T.Array(text(), { minItems: 1 })),
      /** true: the drafting text is the terminology-safe variant and holds none of the drafting file's avoided words. */
      draftingSafe: T.Optional(T.Boolean()),
      /** Actions that must be recommended. */
      actions: T.Optional(T.Array(oneOf(ids.actions, { description: 'An action id.' }))),
      /** Owners that must hold a row of the page-1 plan. */
      planOwners: T.Optional(owners),
      /** Owners that must hold no row of the page-1 plan. */
      noPlanOwners: T.Optional(owners),
    },
    { description: 'What the outcome must show.' },
  );
}

export type Expectation = Static<ReturnType<typeof expectationShape>>;

/** The keys of an expectation, in the order the documentation lists them. */
export const EXPECT_KEYS = Object.keys(expectationShape().properties) as (keyof Expectation)[];

/** A scenario file (`rules test`): answers, a description and what the outcome must be. */
export function scenarioShape(questions?: readonly Asked[], ids: ExpectIds = {}) {
  return closed({
    ...META,
    description: T.String(),
    source: T.Optional(T.Unknown({ description: 'Where the case comes from, for people.' })),
    // Without "version" a scenario's answers are version 1, read as version 2.
    version: T.Optional(oneOf<1 | 2>([1, 2])),
    response: T.Optional(Response),
    answers: answersShape(questions),
    expect: expectationShape(ids),
  });
}
