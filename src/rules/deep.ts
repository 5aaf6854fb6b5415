import { completeAnswers, toFacts, type Answers } from '../core/answers.js';
import { MAX_RECOMMENDATIONS } from '../core/decide.js';
import { PLAN_MAX, PLAN_MIN } from '../core/plan.js';
import { quickDecision } from '../core/whatif.js';
import { holds } from '../core/conditions.js';
import { countCombinations, CoverageCount, coveringArray, OutOfTime } from './covering.js';
import { at } from '../core/lookup.js';
import { Evaluator, type Evaluation } from '../core/evaluate.js';
import { checkScenario, type OutcomeText } from '../core/expectation.js';
import { recommend, type Outcome } from '../core/recommend.js';
import { UNKNOWN, type AnswerScalar, type AnswerValue, type Invariant, type Question, type RuleBase } from '../core/types.js';

/**
 * The whole-answer-space check of `rules validate --deep`: every answer set of a covering
 * array (every t-way combination of answer values appears in some set) plus a seeded random
 * sample goes through the real evaluator and recommender, and each outcome must be sound.
 *
 * Bounded: a time budget stops it, and the result says how far it got (sets checked,
 * combinations covered); a rule set with more combinations than MAX_COMBINATIONS is covered
 * at a lower strength, so that building the array stays within reach.
 */

export interface DeepOptions {
  /** Every combination of this many questions' answers is tried. */
  strength: number;
  /** Random answer sets on top of the covering array. */
  samples: number;
  seed: number;
  /** The time budget in milliseconds (none when absent): the check stops when it is spent and says how far it got. */
  timeLimitMs?: number;
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

/** More t-way combinations than this, and the covering array is built at a lower strength. */
export const MAX_COMBINATIONS = 2_000_000;

export interface DeepResult {
  options: DeepOptions;
  questions: number;
  /** The strength of the covering array: the one asked for, or lower when it had more than MAX_COMBINATIONS combinations. */
  strength: number;
  /** How many t-way combinations of answer values there are (t: `strength`), and how many the sets checked covered. */
  combinations: number;
  covered: number;
  /** How many combinations the strength asked for would have had. */
  combinationsAsked: number;
  /** Sets of the covering array checked, of how many (0 of 0 when the time budget ran out while building it). */
  coveringSets: number;
  coveringTotal: number;
  /** Random sets checked (of `options.samples`). */
  randomSets: number;
  /** The time budget ran out before every set was checked and every example shortened. */
  timedOut: boolean;
  /** For each invariant, on how many answer sets its `when` held (0: it checked nothing). */
  invariantHits: Record<string, number>;
  /**
   * Coverage of the exploitation patterns: for each primary rule, on how many answer sets it
   * decided (0: no answer set tried reached it), and for each review verdict.
   */
  decidedBy: Record<string, number>;
  verdicts: Record<string, number>;
  /** Answer pairs compared by the invariants with `vary` (a modifier changed alone). */
  pairs: number;
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

/** The answer set of a row of a covering array over the questions' representative answers. */
const rowAnswers = (rules: RuleBase, domains: AnswerValue[][], row: readonly number[]): Answers =>
  Object.fromEntries(rules.questions.map((q, j) => [q.id, at(at(domains, j), at(row, j))])) as Answers;

/** The covering array as answer sets, and how many t-way combinations it covers. */
export function coveringAnswers(rules: RuleBase, strength: number): { sets: Answers[]; combinations: number } {
  const domains = rules.questions.map(representativeAnswers);
  const sizes = domains.map((d) => d.length);
  const sets = coveringArray(sizes, strength).map((row) => rowAnswers(rules, domains, row));
  return { sets, combinations: countCombinations(sizes, strength) };
}

/** What must be true of every outcome, whatever the answers: the checks that need no invariant. */
export function soundnessProblems(rules: RuleBase, o: Outcome): Array<{ check: string; message: string }> {
  const out: Array<{ check: string; message: string }> = [];
  const primaries = o.recommendations.filter((r) => r.role === 'primary');
  if (primaries.length !== 1 || primaries[0]!.mechanism !== o.primary || o.recommendations[0]!.role !== 'primary')
    out.push({ check: 'one primary', message: `expected exactly one primary mechanism, first, got ${primaries.length} (${primaries.map((p) => p.mechanism).join(', ')})` });
  if (o.recommendations.length > MAX_RECOMMENDATIONS)
    out.push({ check: 'at most four', message: `${o.recommendations.length} recommendations; at most ${MAX_RECOMMENDATIONS}, the rest under alsoConsidered` });
  const seen = [...o.recommendations, ...o.alsoConsidered].map((r) => r.mechanism).concat(o.notRecommended.map((n) => n.mechanism));
  if (seen.length !== rules.mechanisms.length || rules.mechanisms.some((m) => !seen.includes(m.id)))
    out.push({ check: 'every mechanism placed', message: 'each mechanism must be recommended, also considered or not recommended, once' });
  // The mechanism in place is never "not recommended" nor ranked out: it is reviewed among the recommendations.
  for (const m of rules.mechanisms)
    if (m.existsWhen && holds(m.existsWhen, toFacts(rules, o.answers)) === true && !o.recommendations.some((r) => r.mechanism === m.id))
      out.push({ check: 'in place, recommended', message: `${m.id} is in place but not among the recommendations` });
  for (const r of o.recommendations)
    if (!r.because.trim()) out.push({ check: 'one line why', message: `${r.mechanism} has no line on why it is there` });
  if (o.plan.length < PLAN_MIN || o.plan.length > PLAN_MAX)
    out.push({ check: 'page 1 of five to seven', message: `the page-1 plan has ${o.plan.length} actions` });
  if (o.review && o.plan.length > 0 && o.plan[0]!.from.kind !== 'review')
    out.push({ check: 'review first', message: 'the review of the mechanism in place does not open the page-1 plan' });
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
): Promise<{ failures: Failure[]; applied: string[]; decidedBy?: string; verdict?: string; pairs: number }> {
  const failures: Failure[] = [];
  const fail = (check: string, message: string, key = `${check}\0${message}`): void => void failures.push({ key, check, message });
  let outcome: Outcome;
  let evaluation: Evaluation;
  try {
    evaluation = await evaluator.evaluate(answers);
    outcome = recommend(rules, evaluation);
  } catch (err) {
    fail('no error', (err as Error).message);
    return { failures, applied: [], pairs: 0 };
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
  let pairs = 0;
  for (const inv of applied) {
    const diffs = checkScenario(outcome, inv.expect, text);
    if (inv.vary) {
      const moved = variants(rules, answers, inv.vary).find((v) => {
        pairs++;
        return quickDecision(rules, v.answers).primary !== outcome.primary;
      });
      if (moved)
        diffs.push(`the primary is ${outcome.primary} as answered, but ${quickDecision(rules, moved.answers).primary} with ${inv.vary.question} ${moved.label}`);
    }
    if (diffs.length > 0) fail(`invariant ${inv.id}`, `${inv.description} Here: ${diffs.join('; ')}.`, `invariant\0${inv.id}`);
  }
  return { failures, applied: applied.map((i) => i.id), decidedBy: outcome.decidedBy, verdict: outcome.review?.verdict, pairs };
}

/** The answers with one modifier changed, each way an invariant's `vary` allows. */
function variants(rules: RuleBase, answers: Answers, vary: NonNullable<Invariant['vary']>): { answers: Answers; label: string }[] {
  const now = answers[vary.question] ?? UNKNOWN;
  if (vary.toggle !== undefined) {
    const list = Array.isArray(now) ? now : [];
    const other = list.includes(vary.toggle) ? list.filter((v) => v !== vary.toggle) : [...list, vary.toggle];
    return [{ answers: completeAnswers(rules, { ...answers, [vary.question]: other }), label: JSON.stringify(other) }];
  }
  return (vary.values ?? [])
    .filter((v) => v !== now)
    .map((v) => ({ answers: completeAnswers(rules, { ...answers, [vary.question]: v }), label: JSON.stringify(v) }));
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

/** The most random answer sets a run may ask for (they are drawn one at a time, but each costs an evaluation). */
export const MAX_SAMPLES = 100_000;

export async function deepCheck(
  rules: RuleBase,
  options: Partial<DeepOptions> = {},
  evaluator = new Evaluator(rules),
  onProgress?: (done: number, total: number) => void,
): Promise<DeepResult> {
  const opts = { ...DEEP_DEFAULTS, ...options };
  const deadline = performance.now() + (opts.timeLimitMs ?? Number.POSITIVE_INFINITY);
  let timedOut = false;
  const outOfTime = (): boolean => (timedOut ||= performance.now() > deadline);

  const domains = rules.questions.map(representativeAnswers);
  const sizes = domains.map((d) => d.length);
  let strength = Math.max(1, Math.min(opts.strength, sizes.length));
  while (strength > 1 && countCombinations(sizes, strength) > MAX_COMBINATIONS) strength--;
  // Empty when the time budget ran out while building it: then it covered nothing.
  let rows: number[][] | undefined;
  try {
    rows = coveringArray(sizes, strength, outOfTime);
  } catch (err) {
    if (!(err instanceof OutOfTime)) throw err;
  }
  const random = seededRandom(opts.seed);
  const problems = new Map<string, DeepProblem>();
  const invariantHits: Record<string, number> = Object.fromEntries(rules.invariants.map((i) => [i.id, 0]));
  const decidedBy: Record<string, number> = Object.fromEntries(
    rules.mechanisms.flatMap((m) => m.rules.filter((r) => r.role === 'primary').map((r) => [r.id, 0])),
  );
  const verdicts: Record<string, number> = Object.fromEntries(rules.verdicts.map((v) => [v.id, 0]));
  let pairs = 0;
  const total = (rows?.length ?? 0) + opts.samples;
  let done = 0;
  const check = async (answers: Answers): Promise<void> => {
    if (onProgress && ++done % 64 === 0) onProgress(done, total);
    const checked = await checkAnswers(rules, evaluator, answers, opts.draftText);
    const { failures, applied } = checked;
    for (const id of applied) invariantHits[id]!++;
    if (checked.decidedBy) decidedBy[checked.decidedBy] = (decidedBy[checked.decidedBy] ?? 0) + 1;
    if (checked.verdict) verdicts[checked.verdict] = (verdicts[checked.verdict] ?? 0) + 1;
    pairs += checked.pairs;
    for (const f of failures) {
      const p = problems.get(f.key);
      if (p) p.count++;
      else problems.set(f.key, { check: f.check, message: f.message, count: 1, example: answers });
    }
  };

  let coveringSets = 0;
  for (const row of rows ?? []) {
    if (outOfTime()) break;
    await check(rowAnswers(rules, domains, row));
    coveringSets++;
  }
  let randomSets = 0;
  // Drawn one at a time, in the seed's order: the same seed gives the same sets, however many are checked.
  while (randomSets < opts.samples && !outOfTime()) {
    await check(randomAnswers(rules, random));
    randomSets++;
  }
  // A whole covering array covers every combination; only a part of one is counted, row by row.
  const combinations = countCombinations(sizes, strength);
  let covered = rows ? combinations : 0;
  if (rows && coveringSets < rows.length) {
    const coverage = new CoverageCount(sizes, strength);
    for (const row of rows.slice(0, coveringSets)) coverage.add(row);
    covered = coverage.covered;
  }
  for (const [key, p] of problems)
    if (!outOfTime()) p.example = await shortestExample(rules, evaluator, key, p.example, opts.draftText);
  return {
    options: opts,
    questions: rules.questions.length,
    strength,
    combinations,
    covered,
    combinationsAsked: countCombinations(sizes, opts.strength),
    coveringSets,
    coveringTotal: rows?.length ?? 0,
    randomSets,
    timedOut,
    invariantHits,
    decidedBy,
    verdicts,
    pairs,
    problems: [...problems.values()],
  };
}
