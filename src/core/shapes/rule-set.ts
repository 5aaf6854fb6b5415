/**
 * The rule base's other files: ruleset.json (its name, version and meeting-cost assumptions),
 * sources.json, help.en.json, messages.en.json, the translations in locales/ and the
 * invariants that `rules validate --deep` checks.
 */
import { SOURCE_ACCESS } from '../vocabulary.js';
import { AnswerScalar } from './answers.js';
import { conditionShape, type ConditionWords } from './condition.js';
import { expectationShape, type ExpectIds } from './expectation.js';
import { closed, keyed, META, oneOf, record, T, text, type Static } from './kit.js';

const COUNT = T.Number({ minimum: 0 });

/** Assumptions of the meeting-cost estimate (ruleset.json "meetingCost"), editable per rule set. */
export const MeetingCost = closed({
  membersByActors: record(COUNT, {
    description: 'Members of a working group, by the answer on anti-trafficking actors.',
  }),
  meetingsPerMonthByLoad: record(COUNT, { description: 'Meetings a month, by the answer on the meeting load.' }),
  hoursPerMeeting: COUNT,
  secretariatDaysPerMonth: COUNT,
  hoursPerDay: COUNT,
  agendaItemMinutes: COUNT,
  clusterMeetingsPerMonth: COUNT,
  clusterMembers: COUNT,
  focalPointDaysPerMonth: COUNT,
});
export type MeetingCost = Static<typeof MeetingCost>;

/** ruleset.json: the rule set's identity; each meeting-cost assumption it gives replaces the default. */
export function ruleSetFileShape() {
  return closed({
    ...META,
    name: text(),
    version: text(),
    basedOn: T.Optional(
      closed(
        { name: text(), version: text(), hash: text() },
        { description: 'For a copy made by `tip-coord rules init`: the rule set it was copied from.' },
      ),
    ),
    meetingCost: T.Optional(
      T.Unsafe<Partial<MeetingCost>>(
        closed(Object.fromEntries(Object.entries(MeetingCost.properties).map(([k, v]) => [k, T.Optional(v)])), {
          description: 'The assumptions of the meeting-cost estimate; a key left out keeps its default.',
        }),
      ),
    ),
  });
}

/** A published document as anyone can find it: title, publisher, year and a full address. */
export const SourceShape = closed({
  id: text(),
  title: text(),
  publisher: text(),
  year: T.String({ description: '"2020", "undated", "c. 2023".' }),
  url: T.String({ description: 'Full address(es), " ; " between two; empty when unpublished or not found.' }),
  access: T.Enum(SOURCE_ACCESS, {
    description: "The publisher's page, the best copy found, not published, or no address found.",
  }),
  note: T.Optional(text({ description: 'What a reader should know about the address (a copy, a listing page).' })),
});
export type Source = Static<typeof SourceShape>;
export type SourceAccess = (typeof SOURCE_ACCESS)[number];

export const sourcesFileShape = () =>
  closed({ ...META, version: T.Optional(T.Unknown()), sources: T.Array(SourceShape) });

/** The ids help.en.json names: every question has its help. */
export interface HelpWords {
  questions?: readonly string[];
  sources?: readonly string[];
}

export function helpShape(words: HelpWords = {}) {
  const sources = T.Array(oneOf(words.sources, { description: 'A source id of sources.json.' }));
  return closed({
    ...META,
    questions: keyed(words.questions, closed({ text: text(), examples: T.Array(T.String()), sources }), {
      description: 'Help for each question, by question id.',
    }),
    glossary: T.Optional(T.Array(closed({ term: text(), definition: text(), sources }))),
  });
}
/** Help shown on demand in the interview (help.en.json). */
export type Help = Omit<Static<ReturnType<typeof helpShape>>, '$comment' | '$schema' | 'glossary'> & {
  glossary: NonNullable<Static<ReturnType<typeof helpShape>>['glossary']>;
};

/** messages.en.json: texts by key (the report's words, and any of the tool's reworded). */
export const messagesShape = () =>
  T.Object({ $comment: META.$comment }, { additionalProperties: T.String(), description: 'Texts by key.' });

/** locales/<lang>.json: one translated text per key of the rule base. */
export function localeShape(questions: readonly string[] = []) {
  return T.Object(
    {
      ...META,
      // The keys of a few texts, for completion; every key must be a text of the rule base.
      ...Object.fromEntries(questions.map((id) => [`questions.${id}.label`, T.Optional(T.String())])),
    },
    { additionalProperties: T.String(), propertyNames: { minLength: 1 } },
  );
}

/** The ids invariants.json names. */
export type InvariantWords = ConditionWords & ExpectIds;

export function invariantShape(words: InvariantWords = {}) {
  return closed({
    $comment: META.$comment,
    id: text(),
    description: text(),
    when: conditionShape(words),
    expect: expectationShape(words),
    vary: T.Optional(
      closed(
        {
          question: oneOf(words.facts, { description: 'A question id.' }),
          values: T.Optional(T.Array(AnswerScalar, { minItems: 2 })),
          toggle: T.Optional(AnswerScalar),
        },
        {
          description:
            'A pair check: wherever "when" holds, giving the question any of "values" instead (or, for a list question, adding or removing "toggle") leaves the primary mechanism as it was.',
        },
      ),
    ),
  });
}
/** A consistency check over the whole answer space (rules/invariants.json): whenever `when` holds, the outcome meets `expect`. */
export type Invariant = Omit<Static<ReturnType<typeof invariantShape>>, '$comment'>;

export const invariantsFileShape = (words: InvariantWords = {}) =>
  closed({ ...META, invariants: T.Array(invariantShape(words)) });
