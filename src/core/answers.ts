import { UserError } from './errors.js';
import { isPlainObject } from './json.js';
import { factsOf, holdsOn } from './conditions.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerScalar, type AnswerValue, type Question, type RuleBase } from './types.js';
import { inputError, message, valueList } from './messages.js';
import { closest } from './suggest.js';

/** Every question answered: a choice value, a list for multi questions, or "unknown". */
export type Answers = Record<string, AnswerValue>;

/** The answers file, version 2: the contract shared by answers read, answers saved and scenarios. */
export interface AnswersFile {
  version: 2;
  response?: { name?: string };
  answers: Answers;
}

/** A stand-in for the file's name while problems are gathered, removed from each message after. */
const MARK = '@@where@@';
const MARK_PREFIX = /^@@where@@\s*:\s*/;
/** Problems listed for one answers file; the rest are counted. */
const MAX_PROBLEMS = 20;

/** The longest response name, in characters (not UTF-16 units), wherever a name enters. */
export const MAX_NAME = 200;

/** A name's length in characters (code points, NFC): "𝔊" or "😀" count as one, not as two UTF-16 units. */
export function nameLength(name: string): number {
  return [...name.normalize('NFC')].length;
}

/** The version --save-answers writes. */
export const ANSWERS_VERSION = 2;

/** One version-1 answer read in version 2: `to` lists every answer it became, in order. */
export interface MigrationNote {
  id: string;
  from: unknown;
  to: { id: string; value: unknown }[];
}

/** An answers file as read: a version-1 file carries what its migration changed (maybe nothing). */
export interface LoadedAnswers extends AnswersFile {
  migratedFrom?: 1;
  migration?: MigrationNote[];
}

/**
 * Reads version-1 answers as version 2. Pure: raw answers in, raw answers out, with a
 * note for every answer read differently, so the command line can say so once; nothing typed is
 * dropped. governmentStance "implicated" mixed three things: it becomes officialComplicity
 * "suspected" (unless the file also answers officialComplicity) and governmentStance "unknown".
 * antiTipActors became a list: "none" is [], any other value a list of that value.
 */
export function migrateV1Answers(raw: Record<string, unknown>): {
  answers: Record<string, unknown>;
  notes: MigrationNote[];
} {
  const answers: Record<string, unknown> = { ...raw };
  const notes: MigrationNote[] = [];
  if (raw.governmentStance === 'implicated') {
    const to: MigrationNote['to'] = [];
    if (raw.officialComplicity === undefined) {
      answers.officialComplicity = 'suspected';
      to.push({ id: 'officialComplicity', value: 'suspected' });
    }
    answers.governmentStance = UNKNOWN;
    to.push({ id: 'governmentStance', value: UNKNOWN });
    notes.push({ id: 'governmentStance', from: 'implicated', to });
  }
  const actors = raw.antiTipActors;
  if (typeof actors === 'string' && actors !== UNKNOWN) {
    answers.antiTipActors = actors === 'none' ? [] : [actors];
    notes.push({ id: 'antiTipActors', from: actors, to: [{ id: 'antiTipActors', value: answers.antiTipActors }] });
  }
  return { answers, notes };
}

/** The one line that says how a version-1 file was read; in the rule base's language. */
export function describeMigration(rules: RuleBase, where: string, notes: readonly MigrationNote[]): string {
  if (notes.length === 0) return message(rules, 'notice.answersV1Unchanged', { where });
  const changes = notes.map((n) =>
    message(rules, 'notice.readAs', {
      from: `${n.id} ${JSON.stringify(n.from)}`,
      to: n.to.map((t) => `${t.id} ${JSON.stringify(t.value)}`).join(', '),
    }),
  );
  return message(rules, 'notice.answersV1', { where, changes: changes.join('; ') });
}

/**
 * Validates a parsed answers file. `where` names the file in errors.
 * Returns only the answers given; use `completeAnswers` to fill the rest with "unknown".
 */
export function validateAnswersFile(raw: unknown, rules: RuleBase, where: string): LoadedAnswers {
  if (!isPlainObject(raw)) throw inputError(rules, 'error.answers.notObject', { where });
  for (const key of Object.keys(raw)) {
    // "$schema" points an editor at schemas/answers.v1.schema.json (completion, underlined mistakes).
    if (!['version', 'response', 'answers', '$comment', '$schema'].includes(key))
      throw inputError(rules, 'error.answers.unknownKey', { where, key });
  }
  if (raw.version !== 1 && raw.version !== ANSWERS_VERSION)
    throw inputError(rules, 'error.answers.version', { where, value: JSON.stringify(raw.version) ?? 'missing' });
  let response: AnswersFile['response'];
  if (raw.response !== undefined) {
    if (!isPlainObject(raw.response)) throw inputError(rules, 'error.answers.response', { where });
    for (const key of Object.keys(raw.response))
      if (key !== 'name') throw inputError(rules, 'error.answers.responseKey', { where, key });
    const name = raw.response.name;
    if (name !== undefined && typeof name !== 'string') throw inputError(rules, 'error.answers.nameType', { where });
    if (typeof name === 'string' && nameLength(name) > MAX_NAME)
      throw inputError(rules, 'error.answers.nameLength', { where, length: nameLength(name), max: MAX_NAME });
    response = name === undefined ? {} : { name };
  }
  if (!isPlainObject(raw.answers)) throw inputError(rules, 'error.answers.answers', { where });
  const v1 = raw.version === 1 ? migrateV1Answers(raw.answers) : undefined;
  const answers: Answers = {};
  // Every problem at once (up to a limit), so that a file is fixed in one go.
  const problems: string[] = [];
  for (const [id, value] of Object.entries(v1 ? v1.answers : raw.answers)) {
    try {
      answers[id] = checkAnswer(rules, id, value, MARK);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(err.message.replace(MARK_PREFIX, ''));
    }
  }
  if (problems.length === 1) throw new UserError(`${where}${message(rules, 'words.colon')}${problems[0]}`);
  if (problems.length > 1) {
    // Still one line (an error is one line), numbered.
    const shown = problems.slice(0, MAX_PROBLEMS).map((p, i) => `(${i + 1}) ${p}`);
    if (problems.length > MAX_PROBLEMS)
      shown.push(message(rules, 'error.answers.more', { count: problems.length - MAX_PROBLEMS }));
    throw new UserError([message(rules, 'error.answers.many', { where, count: problems.length }), ...shown].join(' '));
  }
  const file: LoadedAnswers = response ? { version: 2, response, answers } : { version: 2, answers };
  return v1 ? { ...file, migratedFrom: 1, migration: v1.notes } : file;
}

/** Checks one answer against its question; the error names the id, the value and the allowed values. */
export function checkAnswer(rules: RuleBase, id: string, value: unknown, where: string): AnswerValue {
  const q = rules.questionById.get(id);
  const didYouMean = (guess: string | undefined): string =>
    guess === undefined ? '' : message(rules, 'error.didYouMean', { value: guess });
  if (!q) {
    throw inputError(rules, 'error.answers.unknownId', {
      where,
      id,
      suggestion: didYouMean(
        closest(
          id,
          rules.questions.map((x) => x.id),
        ),
      ),
      valid: rules.questions.map((x) => x.id).join(', '),
    });
  }
  const allowed = q.choices.map((c) => c.value);
  const bad = (v: unknown, notList = false): UserError =>
    inputError(
      rules,
      q.type === 'multi'
        ? notList
          ? 'error.answers.notList'
          : 'error.answers.badValueList'
        : 'error.answers.badValue',
      {
        where,
        id,
        value: JSON.stringify(v) ?? String(v),
        suggestion: didYouMean(typeof v === 'string' ? closest(v, allowed.map(String)) : undefined),
        // A list's messages add "or unknown" themselves.
        valid: valueList(rules.messages, q.type === 'multi' ? allowed : [...allowed, UNKNOWN]),
      },
    );
  if (value === UNKNOWN) return UNKNOWN;
  if (value === NOT_APPLICABLE && q.askWhen) return NOT_APPLICABLE;
  if (q.type === 'multi') {
    if (!Array.isArray(value)) throw bad(value, true);
    const seen: AnswerScalar[] = [];
    for (const v of value) {
      if (!allowed.includes(v as AnswerScalar)) throw bad(v);
      if (!seen.includes(v as AnswerScalar)) seen.push(v as AnswerScalar);
    }
    // Keep the questionnaire's order so equal answers hash the same.
    return allowed.filter((a) => seen.includes(a));
  }
  if (!allowed.includes(value as AnswerScalar)) throw bad(value);
  return value as AnswerScalar;
}

/** Whether a question applies, given the answers so far (unanswered ones count as "unknown"). */
export function isApplicable(rules: RuleBase, q: Question, answers: Answers): boolean {
  return !q.askWhen || holdsOn(q.askWhen, toFacts(rules, answers));
}

/**
 * The skip logic, the one copy, on complete facts (see toFacts) and in place: a question whose
 * `askWhen` fails is "not_applicable", whatever was given for it (the interview would not ask
 * it, so no path may use an answer to it); one that applies again loses a stale
 * "not_applicable" and is "unknown". Questionnaire order, so a question can depend on those
 * before it. On facts, so that the "what would change" search calls it in its inner loop
 * without converting answers; `settleApplicability` is the same on answers. `only`: the
 * questions that may need it, when the others are known to be settled already.
 */
export function settleFacts(
  rules: RuleBase,
  facts: Record<string, AnswerValue>,
  only?: ReadonlySet<string>,
): Record<string, AnswerValue> {
  for (const q of rules.questions) {
    if (!q.askWhen || (only && !only.has(q.id))) continue;
    if (!holdsOn(q.askWhen, facts)) facts[q.id] = factOf(q, NOT_APPLICABLE);
    else if (isNotApplicable(facts[q.id])) facts[q.id] = factOf(q, UNKNOWN);
  }
  return facts;
}

/**
 * The skip logic on answers (settleFacts): a skipped question becomes "not_applicable"; one
 * that applies again loses a stale "not_applicable" and is unanswered again, so that the
 * interview asks it. Other answers are kept as given.
 */
export function settleApplicability(rules: RuleBase, answers: Answers): Answers {
  const facts = settleFacts(rules, toFacts(rules, answers));
  const out = { ...answers };
  for (const q of rules.questions) {
    if (!q.askWhen) continue;
    if (isNotApplicable(facts[q.id])) out[q.id] = NOT_APPLICABLE;
    else if (out[q.id] === NOT_APPLICABLE) delete out[q.id];
  }
  return out;
}

/** Fills every unanswered question with "unknown" (or "not_applicable" where skipped), in questionnaire order. */
export function completeAnswers(rules: RuleBase, given: Answers): Answers {
  const settled = settleApplicability(rules, given);
  const out: Answers = {};
  for (const q of rules.questions) out[q.id] = settled[q.id] ?? UNKNOWN;
  return out;
}

/** The questions whose `askWhen` depends, directly or not, on this one. */
export function dependentsOf(rules: RuleBase, id: string): Question[] {
  const found = new Set<string>([id]);
  const out: Question[] = [];
  for (const q of rules.questions) {
    if (q.askWhen && factsOf([q.askWhen]).some((f) => found.has(f))) {
      found.add(q.id);
      out.push(q);
    }
  }
  return out;
}

/** The ids answered "unknown", in questionnaire order. */
export function unknownIds(rules: RuleBase, answers: Answers): string[] {
  return rules.questions.filter((q) => (answers[q.id] ?? UNKNOWN) === UNKNOWN).map((q) => q.id);
}

/*
 * Answers and facts, converted here and nowhere else. A fact is an answer as the engine (and
 * its twin, `holds`) sees it: list questions are always lists, so list operators never meet a
 * bare string; a list question's "unknown" or "not_applicable" is ["unknown"] or
 * ["not_applicable"].
 */

/** Facts for the engine: every question, an unanswered one as "unknown". */
export function toFacts(rules: RuleBase, answers: Answers): Record<string, AnswerValue> {
  const facts: Record<string, AnswerValue> = {};
  for (const q of rules.questions) facts[q.id] = factOf(q, answers[q.id] ?? UNKNOWN);
  return facts;
}

/** One answer as a fact: a list question's "unknown" becomes ["unknown"]. */
export function factOf(q: Question, v: AnswerValue): AnswerValue {
  return q.type === 'multi' && !Array.isArray(v) ? [v] : v;
}

/** Whether an answer or a fact says "not applicable" (skipped). */
export function isNotApplicable(v: AnswerValue | undefined): boolean {
  return v === NOT_APPLICABLE || (Array.isArray(v) && v.length === 1 && v[0] === NOT_APPLICABLE);
}

/**
 * Parses an answer typed as text (on the command line, in CSV cells): "unknown", a choice value,
 * true/false for yes-no questions, or values separated by ";" or "," for list questions
 * ("" or "none" for an empty list).
 */
export function parseAnswerText(rules: RuleBase, id: string, text: string, where: string): AnswerValue {
  const q = rules.questionById.get(id);
  if (!q) return checkAnswer(rules, id, text, where);
  const t = text.trim();
  if (t === UNKNOWN) return UNKNOWN;
  if (q.type === 'boolean') {
    const map: Record<string, boolean> = { true: true, false: false, yes: true, no: false };
    // Object.hasOwn: "constructor" or "toString" is not a yes/no.
    return checkAnswer(rules, id, Object.hasOwn(map, t.toLowerCase()) ? map[t.toLowerCase()] : t, where);
  }
  if (q.type === 'multi') {
    const parts =
      t === '' || t === 'none'
        ? []
        : t
            .split(/[;,]/)
            .map((s) => s.trim())
            .filter(Boolean);
    return checkAnswer(rules, id, parts, where);
  }
  return checkAnswer(rules, id, t, where);
}

/** The answers file to write when answers are saved; reading it back gives the same answers. */
export function toAnswersFile(answers: Answers, responseName?: string): AnswersFile {
  return responseName
    ? { version: ANSWERS_VERSION, response: { name: responseName }, answers }
    : { version: ANSWERS_VERSION, answers };
}

export function labelOf(q: Question, v: AnswerScalar): string {
  return q.choices.find((c) => c.value === v)?.label ?? String(v);
}
