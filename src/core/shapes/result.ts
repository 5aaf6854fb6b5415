/**
 * The result of an assessment as `assess --format json` prints it (and as the reports are built
 * from it): the recommendation, why, what would change it, and the stamp of what made it. The
 * same whatever the rule set: ids are texts here, not a rule base's lists. schemas/result.schema.json
 * is written from it, for scripts that read the JSON.
 */
import { BASES, HORIZONS, OWNERS, PLAN_OWNERS, RULE_ROLES } from '../vocabulary.js';
import { answersShape, AnswerValue, Response } from './answers.js';
import { closed, T, type Static } from './kit.js';

const Texts = T.Array(T.String());
const Owner = T.Enum(OWNERS);
const Horizon = T.Enum(HORIZONS, { description: 'Days from the report date: 30, 60 or 90.' });

/** A condition in plain words, with the answer that met or failed it. */
export const ConditionWords = T.Cyclic(
  {
    ConditionWords: closed(
      {
        group: T.Optional(
          T.Enum(['all', 'any', 'not'], {
            description: '"all of", "any of", "not", or absent for a single condition.',
          }),
        ),
        met: T.Union([T.Boolean(), T.Null()], { description: 'true met, false failed, null not evaluated.' }),
        condition: T.Optional(T.String()),
        question: T.Optional(T.String()),
        answer: T.Optional(T.String()),
        children: T.Optional(T.Array(T.Ref('ConditionWords'))),
      },
      { description: 'A condition in plain words, with the answer that met or failed it.' },
    ),
  },
  'ConditionWords',
);
export type ConditionWords = Static<typeof ConditionWords>;

export const SourceRef = closed({
  id: T.String(),
  title: T.String(),
  publisher: T.String(),
  in: T.Optional(T.String({ description: 'The part of the source that makes the point, when known.' })),
  point: T.String(),
});
export type SourceRef = Static<typeof SourceRef>;

/** One rule's verdict in words. */
export const RuleWhy = closed({
  rule: T.String(),
  title: T.String(),
  rationale: T.String(),
  basis: T.Enum(BASES),
  role: T.Optional(T.Enum(RULE_ROLES)),
  met: T.Boolean(),
  conditions: ConditionWords,
});
export type RuleWhy = Static<typeof RuleWhy>;

/** A step of the action plan: who, by when (a step with neither is the cluster coordinator's, within 90 days). */
export const PlanStep = closed({ text: T.String(), owner: Owner, horizon: Horizon });
export type PlanStep = Static<typeof PlanStep>;

export const Recommendation = closed({
  mechanism: T.String(),
  title: T.String(),
  role: T.Enum(RULE_ROLES),
  because: T.String({ description: 'One line on why it is there.' }),
  summary: T.String(),
  rationale: T.Array(T.String(), { description: 'The plain-language rationale of every rule that supports it.' }),
  why: T.Array(RuleWhy),
  outrankedBy: T.Optional(
    T.String({ description: 'For a complementary mechanism whose primary rule also held: the rule placed before it.' }),
  ),
  existing: T.Optional(
    T.Boolean({ description: 'The answers say it is already in place: reviewed rather than set up.' }),
  ),
  verdict: T.Optional(T.String({ description: 'For the mechanism in place: the verdict of its review.' })),
  byReview: T.Optional(T.Boolean({ description: 'In place, and here only by its review: no rule calls for it.' })),
  steps: Texts,
  plan: T.Array(PlanStep, { description: 'The steps with their owner and horizon, for the action plan.' }),
  sources: T.Array(SourceRef),
});
export type Recommendation = Static<typeof Recommendation>;

/** A verdict rule that did not decide the review: outranked, or failed. */
export const VerdictNotChosen = closed({ verdict: T.String(), title: T.String(), why: T.Array(RuleWhy) });
export type VerdictNotChosen = Static<typeof VerdictNotChosen>;

/** The review of the mechanism already in place, decided by the verdict rules. */
export const Review = closed({
  existing: T.String({ description: 'The existingMechanism answer.' }),
  existingAnswer: T.String({ description: 'The existingMechanism answer in words.' }),
  verdict: T.String({ description: 'keep, strengthen, merge, hand_over or close.' }),
  title: T.String(),
  summary: T.String(),
  decidedBy: T.String({ description: 'The verdict rule that decided.' }),
  rationale: Texts,
  why: T.Array(RuleWhy),
  steps: Texts,
  sources: T.Array(SourceRef),
  notChosen: T.Array(VerdictNotChosen, { description: 'The other verdicts and why they were not chosen.' }),
});
export type Review = Static<typeof Review>;

/** One condition that kept a rule from holding: the flat "why not". */
export const WhyNotEntry = closed({
  rule: T.String(),
  question: T.Optional(T.String()),
  condition: T.Optional(T.String()),
  answer: T.Optional(T.String()),
  met: T.Union([T.Boolean(), T.Null()], { description: 'false: failed; null: not evaluated.' }),
});
export type WhyNotEntry = Static<typeof WhyNotEntry>;

export const NotRecommended = closed({
  mechanism: T.String(),
  title: T.String(),
  why: T.Array(RuleWhy),
  whyNot: T.Array(WhyNotEntry),
  outrankedBy: T.Optional(
    T.String({ description: 'Where its fallback rule held but another primary rule came first.' }),
  ),
});
export type NotRecommended = Static<typeof NotRecommended>;

export const CautionOut = closed({
  id: T.String(),
  title: T.String(),
  text: T.String(),
  why: T.Array(RuleWhy),
  sources: T.Array(SourceRef),
});
export type CautionOut = Static<typeof CautionOut>;

export const CautionNotApplied = closed({ id: T.String(), title: T.String(), whyNot: T.Array(WhyNotEntry) });
export type CautionNotApplied = Static<typeof CautionNotApplied>;

export const ActionOut = closed({
  id: T.String(),
  title: T.String(),
  text: T.String(),
  steps: Texts,
  owner: Owner,
  horizon: Horizon,
  sources: T.Array(SourceRef),
});
export type ActionOut = Static<typeof ActionOut>;

export const AnswerOut = closed({ id: T.String(), question: T.String(), value: AnswerValue, answer: T.String() });
export type AnswerOut = Static<typeof AnswerOut>;

/** Where a row of page 1 comes from: the review of the mechanism in place, a recommended mechanism, or an action. */
export const PlanSource = closed({ kind: T.Enum(['review', 'mechanism', 'action']), id: T.String() });
export type PlanSource = Static<typeof PlanSource>;

const planRow = {
  action: T.String(),
  owner: T.Enum(PLAN_OWNERS, { description: 'The owner the answers make real.' }),
  ownerLabel: T.String(),
  horizon: Horizon,
  from: PlanSource,
};
/** One row of page 1. */
export const PlanRow = closed(planRow);
export type PlanRow = Static<typeof PlanRow>;

/** A row of page 1 with its due date. */
export const DatedPlanRow = closed({
  ...planRow,
  due: T.String({ description: "The report's date plus the row's horizon (YYYY-MM-DD)." }),
});
export type DatedPlanRow = Static<typeof DatedPlanRow>;

/** The recommendation for one answer set: the pure core's output, before any stamp or rendering. */
const outcome = {
  primary: T.String(),
  decidedBy: T.String({ description: 'The primary rule that decided it.' }),
  review: T.Optional(Review),
  recommendations: T.Array(Recommendation, { description: 'At most four, ranked: the primary first.' }),
  alsoConsidered: T.Array(Recommendation, { description: 'Mechanisms that fitted too, ranked after the four.' }),
  plan: T.Array(PlanRow, { description: 'Page 1: five to seven actions with an owner and a due window.' }),
  notRecommended: T.Array(NotRecommended),
  cautions: T.Array(CautionOut),
  cautionsNotApplied: T.Array(CautionNotApplied),
  actions: T.Array(ActionOut),
  answers: answersShape(),
  answered: T.Array(AnswerOut),
  unknowns: T.Array(T.String(), { description: 'The ids answered "unknown".' }),
};
export const OutcomeShape = closed(outcome);

/** One answer changed. */
export const Change = closed({ question: T.String(), from: AnswerValue, to: AnswerValue });
export type Change = Static<typeof Change>;

/** A change in words, for the report and the JSON. */
export const ChangeOut = closed({
  question: T.String(),
  from: AnswerValue,
  to: AnswerValue,
  term: T.String(),
  fromAnswer: T.String(),
  toAnswer: T.String(),
  set: T.String({ description: 'The change as a --set argument, so that it can be replayed.' }),
});
export type ChangeOut = Static<typeof ChangeOut>;

export const PrimaryFlip = closed({ primary: T.String(), changes: T.Array(ChangeOut) });
export type PrimaryFlip = Static<typeof PrimaryFlip>;

export const MechanismPath = closed({
  mechanism: T.String(),
  fewest: T.Union([T.Literal(1), T.Literal(2), T.Null()], {
    description: 'The fewest changes found: 1 or 2; null when two changes are not enough.',
  }),
  options: T.Array(T.Array(ChangeOut), { description: 'Alternative ways, each a set of changes.' }),
});
export type MechanismPath = Static<typeof MechanismPath>;

/** A single answer change that would give the review of the mechanism in place another verdict. */
export const VerdictFlip = closed({ verdict: T.String(), changes: T.Array(ChangeOut) });
export type VerdictFlip = Static<typeof VerdictFlip>;

export const WhatWouldChange = closed({
  primary: T.Array(PrimaryFlip, { description: 'Single answer changes that would make another mechanism primary.' }),
  inPlace: T.Array(PrimaryFlip, {
    description:
      'Single changes to what is in place that would make that mechanism primary (kept as it is): facts to check, never changes to propose.',
  }),
  verdict: T.Array(VerdictFlip, { description: "Single answer changes that would change the review's verdict." }),
  mechanisms: T.Array(MechanismPath, {
    description: 'For each mechanism not recommended: the fewest changes that would recommend it.',
  }),
});
export type WhatWouldChange = Static<typeof WhatWouldChange>;

export const UnknownThatMatters = closed({
  question: T.String(),
  term: T.String(),
  outcomes: T.Array(closed({ to: AnswerValue, answer: T.String(), primary: T.String() }), {
    description: 'The answers that would change the primary mechanism, and to what.',
  }),
});
export type UnknownThatMatters = Static<typeof UnknownThatMatters>;

/** Answering several unknowns together could make another mechanism primary. */
export const UnknownCombination = closed({
  primary: T.String(),
  rule: T.String({ description: 'The primary rule that would then hold.' }),
  changes: T.Array(ChangeOut, { description: 'The fewest unknowns to answer, and one set of answers that does it.' }),
});
export type UnknownCombination = Static<typeof UnknownCombination>;

export const Stamp = closed({
  tool: closed({ name: T.String(), version: T.String() }),
  ruleSet: closed({
    name: T.String(),
    version: T.String(),
    hash: T.String(),
    folder: T.Union([T.String(), T.Null()], {
      description: 'null for the built-in rule base, else the folder given to --rules.',
    }),
  }),
  answersHash: T.String({
    description: 'sha256 of the complete answers and the response name, in questionnaire order.',
  }),
  date: T.String(),
});
export type Stamp = Static<typeof Stamp>;

/** The JSON result: the outcome plus who made it, when, and from what. */
export const ResultShape = closed({
  response: Response,
  ...outcome,
  plan: T.Array(DatedPlanRow, { description: 'Page 1: five to seven actions with an owner and a due date.' }),
  reviewBy: T.String({ description: 'When to review the decision (YYYY-MM-DD).' }),
  whatWouldChange: WhatWouldChange,
  unknownsThatMatter: T.Array(UnknownThatMatters),
  unknownCombinations: T.Array(UnknownCombination, {
    description: 'Unknowns that would change the primary mechanism only when answered together.',
  }),
  stamp: Stamp,
});

/** What a mechanism, caution or verdict came to in a decision, for `explain`. */
export const TraceStatus = T.Enum([
  'primary',
  'complementary',
  'also_considered',
  'not_recommended',
  'applies',
  'does_not_apply',
  'chosen',
  'not_chosen',
]);
export type TraceStatus = Static<typeof TraceStatus>;

export const ItemTrace = closed({
  id: T.String(),
  kind: T.Enum(['mechanism', 'caution', 'verdict']),
  title: T.String(),
  status: TraceStatus,
  rules: T.Array(RuleWhy),
});
export type ItemTrace = Static<typeof ItemTrace>;

/** One ordered rule: tried in its order, the first that holds decides. */
const orderedRule = <K extends 'mechanism' | 'verdict'>(key: K) =>
  closed({
    rule: T.String(),
    ...({ [key]: T.String() } as Record<K, T.TString>),
    order: T.Integer(),
    met: T.Boolean(),
    decides: T.Boolean(),
  });

/** The trace behind a decision, rule by rule: what `tip-coord explain --format json` prints. */
export const TraceShape = closed({
  primary: T.String(),
  decidedBy: T.String(),
  order: T.Array(orderedRule('mechanism'), {
    description: 'The primary rules in the order they are tried; the first that holds decides.',
  }),
  items: T.Array(ItemTrace),
  review: T.Optional(
    closed(
      {
        verdict: T.String(),
        decidedBy: T.String(),
        order: T.Array(orderedRule('verdict')),
        items: T.Array(ItemTrace),
      },
      { description: 'The review of the mechanism in place, when there is one.' },
    ),
  ),
});
export type Trace = Static<typeof TraceShape>;

const onlyIn = closed({ onlyA: T.Array(T.String()), onlyB: T.Array(T.String()) });

/** Two answer sets side by side: what `tip-coord compare --format json` prints. */
export const ComparisonShape = closed({
  a: closed({ label: T.String(), primary: T.String() }),
  b: closed({ label: T.String(), primary: T.String() }),
  answers: T.Array(
    closed({
      question: T.String(),
      term: T.String(),
      a: AnswerValue,
      b: AnswerValue,
      aAnswer: T.String(),
      bAnswer: T.String(),
    }),
    { description: 'The answers that differ.' },
  ),
  primaryChanged: T.Boolean(),
  recommendations: T.Array(closed({ mechanism: T.String(), a: T.String(), b: T.String() }), {
    description: 'Each mechanism whose place differs: primary, complementary, also_considered or not_recommended.',
  }),
  cautions: onlyIn,
  actionSteps: onlyIn,
});
export type Comparison = Static<typeof ComparisonShape>;
