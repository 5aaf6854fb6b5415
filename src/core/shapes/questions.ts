/**
 * rules/questions.json: the interview. Question ids and values are the answers files' contract;
 * labels, hints and order may change. Every question also offers "unknown".
 */
import { QUESTION_TYPES, UNKNOWN } from '../vocabulary.js';
import type { AnswerScalar } from './answers.js';
import { conditionShape, type ConditionWords } from './condition.js';
import { closed, META, record, T, text, type Static } from './kit.js';

export const Choice = closed({
  value: T.Unsafe<AnswerScalar>({
    type: ['string', 'boolean'],
    not: { const: UNKNOWN },
    description: 'The value answers files hold: a text, or true / false for a yes-no question; never "unknown".',
  }),
  label: text(),
});
export type Choice = Static<typeof Choice>;

/** A question's words for one type of response: whatever is given replaces the general wording. */
export const QuestionWording = closed({
  label: T.Optional(text()),
  term: T.Optional(text()),
  hint: T.Optional(text()),
  choices: T.Optional(record(text(), { description: 'Choice labels by choice value.' })),
});
export type QuestionWording = Static<typeof QuestionWording>;

export const Section = closed({ id: text(), title: text() });
export type Section = Static<typeof Section>;

export function questionShape(words: ConditionWords = {}) {
  return closed({
    id: text(),
    section: T.String({ description: 'A section id.' }),
    type: T.Enum(QUESTION_TYPES),
    factor: text({ description: 'The decision factor the question stands for.' }),
    label: text(),
    term: text({
      description: 'The question as a noun phrase, used to explain conditions ("the evidence of trafficking").',
    }),
    hint: text(),
    choices: T.Array(Choice, { minItems: 1 }),
    askWhen: T.Optional(conditionShape(words)),
    byResponseType: T.Optional(
      record(QuestionWording, {
        description:
          'Wording for one type of response, keyed by a value of the response-type question: the labels change, the values and the answers file do not.',
      }),
    ),
  });
}
export type Question = Static<ReturnType<typeof questionShape>>;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export function questionsFileShape(words: ConditionWords = {}) {
  return closed({
    ...META,
    version: T.Optional(T.Integer({ minimum: 1, description: 'The version of the answers files it reads.' })),
    unknownLabel: T.Optional(text()),
    notApplicableLabel: T.Optional(T.String()),
    sections: T.Array(Section),
    questions: T.Array(questionShape(words)),
  });
}
