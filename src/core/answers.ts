import { UserError } from './errors.js';
import { isPlainObject } from './json.js';
import { factsOf, holdsOn } from './conditions.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerScalar, type AnswerValue, type Question, type RuleBase } from './types.js';
import { message } from './messages.js';
import { answersFileShape, answersShape, type Answers, type AnswersFile } from './shapes/answers.js';
import { builtInAnswers } from './answers-check.js';
import { questionnaireKey } from './questionnaire-key.js';
import { READ_VERSIONS } from './vocabulary.js';
import { shapeProblems, type ShapeProblem } from './shapes/problems.js';
import type { TSchema } from './shapes/kit.js';

export type { Answers, AnswersFile } from './shapes/answers.js';
export { MAX_NAME } from './vocabulary.js';

/** Problems listed for one answers file; the rest are counted. */
const MAX_PROBLEMS = 20;

/** A name's length in characters (code points, NFC): "𝔊" or "😀" count as one, not as two UTF-16 units. */
export function nameLength(name: string): number {
  return [...name.normalize('NFC')].length;
}

/** The version --save-answers writes. */
export const ANSWERS_VERSION = READ_VERSIONS[0];

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
 * Whether the answers files of this rule base fit the checker compiled ahead of time for the
 * built-in questionnaire (core/shapes/checks.ts): a file that passes it needs no other check.
 */
const builtIn = new WeakMap<RuleBase, boolean>();
function fitsBuiltIn(rules: RuleBase, file: unknown): boolean {
  let same = builtIn.get(rules);
  if (same === undefined) {
    same = questionnaireKey(rules.questions) === builtInAnswers.questionnaire;
    builtIn.set(rules, same);
  }
  return same && builtInAnswers.check(file);
}

/** The shapes an answers file is checked against, made once for each rule base (when a file does not pass the compiled checker). */
const shapes = new WeakMap<RuleBase, { file: TSchema; answers: TSchema; byId: Map<string, TSchema> }>();
function shapesOf(rules: RuleBase) {
  let made = shapes.get(rules);
  if (!made) {
    const answers = answersShape(rules.questions);
    const byId = new Map(Object.entries((answers as unknown as { properties: Record<string, TSchema> }).properties));
    made = { file: answersFileShape(rules.questions, READ_VERSIONS), answers, byId };
    shapes.set(rules, made);
  }
  return made;
}

/** One error for every problem of a file (up to a limit, the rest counted): a file is fixed in one go. */
export function problemsError(rules: RuleBase, where: string, problems: readonly ShapeProblem[]): UserError {
  const [first] = problems;
  if (problems.length === 1 && first)
    return new UserError(message(rules, 'error.file.problem', { where, problem: first.message }));
  // Still one line (an error is one line), numbered.
  const shown = problems.slice(0, MAX_PROBLEMS).map((p, i) => `(${i + 1}) ${p.message}.`);
  if (problems.length > MAX_PROBLEMS)
    shown.push(message(rules, 'error.answers.more', { count: problems.length - MAX_PROBLEMS }));
  return new UserError([message(rules, 'error.answers.many', { where, count: problems.length }), ...shown].join(' '));
}

/**
 * A file that holds answers (an answers file, a scenario) checked against its shape, its
 * version-1 answers read as version 2 first (`version` absent counts as `defaultVersion`).
 * Throws every problem at once; returns the file with its answers migrated, and the notes.
 */
export function checkAnswersIn(
  rules: RuleBase,
  shape: () => TSchema,
  raw: unknown,
  where: string,
  defaultVersion: 1 | 2,
  fast: (file: unknown) => boolean = () => false,
): { file: Record<string, unknown>; migration?: MigrationNote[] } {
  const v1 = isPlainObject(raw) && (raw.version ?? defaultVersion) === 1 && isPlainObject(raw.answers);
  const migrated = v1 ? migrateV1Answers(raw.answers as Record<string, unknown>) : undefined;
  const file = migrated ? { ...(raw as Record<string, unknown>), answers: migrated.answers } : raw;
  const problems = fast(file) ? [] : shapeProblems(shape(), file, rules.messages);
  if (problems.length > 0) throw problemsError(rules, where, problems);
  return { file: file as Record<string, unknown>, ...(migrated ? { migration: migrated.notes } : {}) };
}

/** Answers that fit their questions, lists in questionnaire order without repeats, so that equal answers hash the same. */
export function normalAnswers(rules: RuleBase, answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = rules.questionById.get(id);
    out[id] = q && Array.isArray(value) ? q.choices.map((c) => c.value).filter((a) => value.includes(a)) : value;
  }
  return out;
}

/**
 * Validates a parsed answers file. `where` names the file in errors.
 * Returns only the answers given; use `completeAnswers` to fill the rest with "unknown".
 */
export function validateAnswersFile(raw: unknown, rules: RuleBase, where: string): LoadedAnswers {
  const { file, migration } = checkAnswersIn(
    rules,
    () => shapesOf(rules).file,
    raw,
    where,
    ANSWERS_VERSION,
    (f) => fitsBuiltIn(rules, f),
  );
  const checked = file as unknown as AnswersFile;
  const answers = normalAnswers(rules, checked.answers);
  const loaded: LoadedAnswers = checked.response
    ? { version: 2, response: checked.response.name === undefined ? {} : { name: checked.response.name }, answers }
    : { version: 2, answers };
  return migration ? { ...loaded, migratedFrom: 1, migration } : loaded;
}

/** Checks one answer against its question; the error names the id, the value and the allowed values. */
export function checkAnswer(rules: RuleBase, id: string, value: unknown, where: string): AnswerValue {
  if (fitsBuiltIn(rules, { version: ANSWERS_VERSION, answers: { [id]: value } }))
    return normalAnswers(rules, { [id]: value as AnswerValue })[id]!;
  const { answers, byId } = shapesOf(rules);
  const own = byId.get(id);
  // An unknown id is found by the answers' shape, which lists the valid ones.
  const problems = own
    ? shapeProblems(own, value, rules.messages, { prefix: [id] })
    : shapeProblems(answers, { [id]: value }, rules.messages);
  const [first] = problems;
  if (first) throw new UserError(message(rules, 'error.file.problem', { where, problem: first.message }));
  return normalAnswers(rules, { [id]: value as AnswerValue })[id]!;
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
