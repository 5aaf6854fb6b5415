/**
 * The answers file (`--answers`, `--save-answers`, `batch` folders, the browser page's files):
 * the contract shared by answers read, answers saved and scenarios. The answers are keyed by
 * question id, each a value its question offers: built from the questionnaire when there is one.
 */
import { MAX_NAME, NOT_APPLICABLE, UNKNOWN } from '../vocabulary.js';
import { closed, META, oneOf, T, type Static } from './kit.js';

export const AnswerScalar = T.Union([T.String(), T.Boolean()]);
/** An answer: a choice value, a list of them (multi questions) or "unknown". */
export const AnswerValue = T.Union([T.String(), T.Boolean(), T.Array(AnswerScalar)]);
export type AnswerScalar = Static<typeof AnswerScalar>;
export type AnswerValue = Static<typeof AnswerValue>;
/** Answers by question id. */
export type Answers = Record<string, AnswerValue>;

/** What an answer's shape needs of its question. */
export interface Asked {
  id: string;
  type: string;
  label: string;
  hint: string;
  choices: readonly { value: AnswerScalar; label: string }[];
  askWhen?: unknown;
}

export const Response = closed({
  name: T.Optional(
    T.String({
      maxLength: MAX_NAME,
      description:
        'The name of the response (an operation or an area): never a person, no e-mail address or phone number.',
    }),
  ),
});

/** One question's answer: a choice value (or a list of them), "unknown", and "not_applicable" where skip logic may hide it. */
export function answerShape(q: Asked): T.TUnsafe<AnswerValue> {
  const values = q.choices.map((c) => c.value);
  const labels = q.choices.map((c) => c.label);
  const extra = [UNKNOWN, ...(q.askWhen ? [NOT_APPLICABLE] : [])];
  const description = `${q.label} ${q.hint}`.trim();
  if (q.type === 'multi')
    return T.Unsafe<AnswerValue>(T.Union([T.Array(oneOf(values, { labels })), oneOf(extra)], { description }));
  return oneOf<AnswerValue & (string | boolean)>([...values, ...extra], {
    description,
    labels: [...labels, ...extra.map(() => '')],
  });
}

const ANSWERS = 'Answers by question id; a question left out counts as "unknown".';

/** The answers: with the questionnaire, each question's own values; without, any answer under any id. */
export function answersShape(questions?: readonly Asked[]): T.TUnsafe<Answers> {
  if (!questions) return T.Unsafe<Answers>(T.Object({}, { additionalProperties: AnswerValue, description: ANSWERS }));
  return T.Unsafe<Answers>(
    closed(Object.fromEntries(questions.map((q) => [q.id, T.Optional(answerShape(q))])), { description: ANSWERS }),
  );
}

/** The versions of the answers file: 2 is written; 1 is still read (as version 2, see core/answers.ts). */
export type AnswersVersion = 1 | 2;

/** The answers file in the versions given (the file written has one; the tool reads both). */
export function answersFileShape<V extends AnswersVersion>(
  questions: readonly Asked[] | undefined,
  versions: readonly V[],
) {
  return closed({
    ...META,
    version: oneOf<V>(versions),
    response: T.Optional(Response),
    answers: answersShape(questions),
  });
}

/** The answers file, version 2. */
export type AnswersFile = Omit<Static<ReturnType<typeof answersFileShape<2>>>, '$comment' | '$schema'>;
