import { toFacts, type Answers } from '../core/answers.js';
import { holds } from '../core/conditions.js';
import { countCombinations, coveringArray } from './covering.js';
import { Evaluator, type Evaluation } from '../core/evaluate.js';
import { checkScenario, type OutcomeText } from '../core/expectation.js';
import { recommend, type Outcome } from '../core/recommend.js';
import { UNKNOWN, type AnswerScalar, type AnswerValue, type Question, type RuleBase } from '../core/types.js';

/**
 * The whole-answer-space check of `rules validate --deep`: every answer set of a covering
 * array (every t-way combination of answer values appears in some set) plus a seeded random
 * sample goes through the real evaluator and recommender, and each outcome must be sound.
 */

export interface DeepOptions {
  /** Every combination of this many questions' answers is tried. */
  strength: number;
  /** Random answer sets on top of the covering array. */
  samples: number;
  seed: number;
  /**
   * Renders an outcome's drafting text (render/ is not the rule tooling's to import): given, the
   * text invariants (textExcludes, draftingSafe) are checked on it too, not only on the outcome.
   */
  draftText?: (outcome: Outcome) => OutcomeText;
}

export const DEEP_DEFAULTS: DeepOptions = { strength: 3, samples: 500, seed: 1 };

/** One kind of failure, with how often it happened and the first answers that showed it. */
export interface DeepProblem {
  check: string;
  message: string;
  count: number;
  example: Answers;
}

export interface DeepResult {
  options: DeepOptions;
  questions: number;
  /** How many t-way combinations of answer values the covering array covers. */
  combinations: number;
  coveringSets: number;
  randomSets: number;
  /** For each invariant, on how many answer sets its `when` held (0: it checked nothing). */
  invariantHits: Record<string, number>;
  problems: DeepProblem[];
}

/**
 * The answers tried for one question: every choice and "unknown"; for a list question,
 * the empty list, "unknown", each value alone, all values, and each half of them.
 */
export function representativeAnswers(q: Question): AnswerValue[] {
  const values = q.choices.map((c) => c.value);
  if (q.type !== 'multi') return [...values, UNKNOWN];
  const out: AnswerValue[] = [[], UNKNOWN, ...values.map((v) => [v])];
  const more = [values, values.slice(0, Math.ceil(values.length / 2)), values.slice(Math.ceil(values.length / 2))];
  for (const list of more) if (list.length > 1 && !out.some((o) => Array.isArray(o) && o.join() === list.join())) out.push(list);
  return out;
}

/** mulberry32: a small seeded generator, so that a failing sample can be found again. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random answer set over the full answer space ("unknown" as likely as any one choice). */
export function randomAnswers(rules: RuleBase, random: () => number): Answers {
  const answers: Answers = {};
  for (const q of rules.questions) {
    const values = q.choices.map((c) => c.value);
    const pick = Math.floor(random() * (values.length + 1));
    if (pick === values.length) answers[q.id] = UNKNOWN;
    else if (q.type === 'multi') answers[q.id] = values.filter(() => random() < 0.5);
    else answers[q.id] = values[pick] as AnswerScalar;
  }
  return answers;
}

/** The covering array as answer sets, and how many t-way combinations it covers. */
export function coveringAnswers(rules: RuleBase, strength: number): { sets: Answers[]; combinations: number } {
  const domains = rules.questions.map(representativeAnswers);
  const sizes = domains.map((d) => d.length);
  const rows = coveringArray(sizes, strength);
  const sets = rows.map((row) => Object.fromEntries(rules.questions.map((q, j) => [q.id, domains[j]![row[j]!]!])) as Answers);
  return { sets, combinations: countCombinations(sizes, strength) };
}

/** What must be true of every outcome, whatever the answers: the checks that need no invariant. */
export function soundnessProblems(rules: RuleBase, o: Outcome): Array<{ check: string; message: string }> {
  const out: Array<{ check: string; message: string }> = [];
  const primaries = o.recommendations.filter((r) => r.role === 'primary');
  if (primaries.length !== 1 || primaries[0]!.mechanism !== o.primary)
    out.push({ check: 'one primary', message: `expected exactly one primary mechanism, got ${primaries.length} (${primaries.map((p) => p.mechanism).join(', ')})` });
  const seen = [...o.recommendations.map((r) => r.mechanism), ...o.notRecommended.map((n) => n.mechanism)];
  if (seen.length !== rules.mechanisms.length || rules.mechanisms.some((m) => !seen.includes(m.id)))
    out.push({ check: 'every mechanism placed', message: 'each mechanism must be either recommended or not recommended, once' });
  const explained = (kind: string, id: string, rationale: string[], sources: number): void => {
    if (rationale.length === 0 || rationale.some((r) => r.trim() === ''))
      out.push({ check: 'explained', message: `${kind} ${id} has no rationale` });
    if (sources === 0) out.push({ check: 'sourced', message: `${kind} ${id} cites no source` });
  };
  for (const r of o.recommendations) explained('mechanism', r.mechanism, r.rationale, r.sources.length);
  for (const c of o.cautions) explained('caution', c.id, c.why.map((w) => w.rationale), c.sources.length);
  for (const a of o.actions) explained('action', a.id, [a.text], a.sources.length);
  if (o.review) {
    explained('review', o.review.verdict, o.review.rationale, o.review.sources.length);
    // A mechanism in place that stays primary cannot at once be merged, handed over or closed.
    const kept = o.recommendations.find((r) => r.existing && r.role === 'primary');
    if (kept && ['merge', 'hand_over', 'close'].includes(o.review.verdict))
      out.push({ check: 'review agrees', message: `${kept.mechanism} is in place and primary, but the review says ${o.review.verdict}` });
  }
  return out;
}

/** One failure on one answer set; `key` groups the same failure across answer sets. */
interface Failure {
  key: string;
  check: string;
  message: string;
}

/** Runs one answer set through the evaluator and recommender and checks the outcome. */
async function checkAnswers(
  rules: RuleBase,
  evaluator: Evaluator,
  answers: Answers,
  draftText?: DeepOptions['draftText'],
): Promise<{ failures: Failure[]; applied: string[] }> {
  const failures: Failure[] = [];
  const fail = (check: string, message: string, key = `${check}\0${message}`): void => void failures.push({ key, check, message });
  let outcome: Outcome;
  let evaluation: Evaluation;
  try {
    evaluation = await evaluator.evaluate(answers);
    outcome = recommend(rules, evaluation);
  } catch (err) {
    fail('no error', (err as Error).message);
    return { failures, applied: [] };
  }
  for (const p of soundnessProblems(rules, outcome)) fail(p.check, p.message);
  const facts = toFacts(rules, answers);
  // `rules validate` proves things with its own reading of the operators: it must match the engine's.
  for (const t of evaluation.rules)
    if (holds(t.rule.conditions, facts) !== t.passed)
      fail('engine agrees', `rule ${t.rule.id}: the engine says ${t.passed ? 'met' : 'not met'}, the validator's search model says otherwise`);
  const applied = rules.invariants.filter((inv) => holds(inv.when, facts) === true);
  const needsText = applied.some((inv) => inv.expect.textExcludes || inv.expect.draftingSafe);
  const text = needsText && draftText ? draftText(outcome) : undefined;
  for (const inv of applied) {
    const diffs = checkScenario(outcome, inv.expect, text);
    if (diffs.length > 0) fail(`invariant ${inv.id}`, `${inv.description} Here: ${diffs.join('; ')}.`, `invariant\0${inv.id}`);
  }
  return { failures, applied: applied.map((i) => i.id) };
}

/** The example with every answer the failure does not need turned to "unknown", so that it reads short. */
async function shortestExample(
  rules: RuleBase,
  evaluator: Evaluator,
  key: string,
  answers: Answers,
  draftText?: DeepOptions['draftText'],
): Promise<Answers> {
  let example = answers;
  for (const q of rules.questions) {
    if (example[q.id] === UNKNOWN) continue;
    const trial = { ...example, [q.id]: UNKNOWN };
    if ((await checkAnswers(rules, evaluator, trial, draftText)).failures.some((f) => f.key === key)) example = trial;
  }
  return example;
}

/** More random answer sets than this would not fit in memory (--samples 50000000). */
export const MAX_SAMPLES = 100_000;

export async function deepCheck(
  rules: RuleBase,
  options: Partial<DeepOptions> = {},
  evaluator = new Evaluator(rules),
  onProgress?: (done: number, total: number) => void,
): Promise<DeepResult> {
  const opts = { ...DEEP_DEFAULTS, ...options };
  const { sets: covering, combinations } = coveringAnswers(rules, opts.strength);
  const random = seededRandom(opts.seed);
  const sample = Array.from({ length: opts.samples }, () => randomAnswers(rules, random));
  const problems = new Map<string, DeepProblem>();
  const invariantHits: Record<string, number> = Object.fromEntries(rules.invariants.map((i) => [i.id, 0]));

  const sets = [...covering, ...sample];
  let done = 0;
  for (const answers of sets) {
    if (onProgress && ++done % 64 === 0) onProgress(done, sets.length);
    const { failures, applied } = await checkAnswers(rules, evaluator, answers, opts.draftText);
    for (const id of applied) invariantHits[id]!++;
    for (const f of failures) {
      const p = problems.get(f.key);
      if (p) p.count++;
      else problems.set(f.key, { check: f.check, message: f.message, count: 1, example: answers });
    }
  }
  for (const [key, p] of problems) p.example = await shortestExample(rules, evaluator, key, p.example, opts.draftText);
  return {
    options: opts,
    questions: rules.questions.length,
    combinations,
    coveringSets: covering.length,
    randomSets: sample.length,
    invariantHits,
    problems: [...problems.values()],
  };
}
