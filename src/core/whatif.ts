import { completeAnswers, factOf, settleFacts, toFacts, type Answers } from './answers.js';
import { factsOf, holdsOn, isAlwaysTrue } from './conditions.js';
import { decide, type Decision } from './decide.js';
import { describeAnswer } from './explain.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerValue, type Condition, type Question, type RuleBase } from './types.js';

/** One answer changed. */
export interface Change {
  question: string;
  from: AnswerValue;
  to: AnswerValue;
}

/** A change in words, for the report and the JSON. */
export interface ChangeOut extends Change {
  term: string;
  fromAnswer: string;
  toAnswer: string;
  /** The change as a --set argument, so it can be replayed. */
  set: string;
}

export interface PrimaryFlip {
  primary: string;
  changes: ChangeOut[];
}

export interface MechanismPath {
  mechanism: string;
  /** The fewest changes found: 1 or 2; null when two changes are not enough. */
  fewest: 1 | 2 | null;
  /** Up to MAX_OPTIONS alternative ways, each a set of changes. */
  options: ChangeOut[][];
}

/** A single answer change that would give the review of the mechanism in place another verdict. */
export interface VerdictFlip {
  verdict: string;
  changes: ChangeOut[];
}

export interface WhatWouldChange {
  /** Single answer changes that would make another mechanism primary. */
  primary: PrimaryFlip[];
  /** Single answer changes that would change the review's verdict (none when no mechanism is in place). */
  verdict: VerdictFlip[];
  /** For each mechanism not recommended: the fewest changes that would recommend it. */
  mechanisms: MechanismPath[];
}

export interface UnknownThatMatters {
  question: string;
  term: string;
  /** The answers that would change the primary mechanism, and to what. */
  outcomes: { to: AnswerValue; answer: string; primary: string }[];
}

/** Answering several unknowns together could make another mechanism primary. */
export interface UnknownCombination {
  primary: string;
  /** The primary rule that would then hold. */
  rule: string;
  /** The fewest unknowns to answer, and one set of answers that does it. */
  changes: ChangeOut[];
}

const MAX_OPTIONS = 3;
/** Bound on the answer combinations tried per rule in the joint search. */
const MAX_COMBINATIONS = 50_000;

type Facts = Record<string, AnswerValue>;

/** The bare decision for answers, with the quick evaluator (for hypothetical answers: the search, tests). */
export function quickDecision(rules: RuleBase, answers: Answers): Decision {
  return decideFacts(rules, toFacts(rules, answers));
}

/** Facts with some answers changed, without rebuilding them all (the search's inner loop). */
function withChanges(rules: RuleBase, facts: Facts, changes: readonly Change[]): Facts {
  const out = { ...facts };
  for (const c of changes) out[c.question] = factOf(rules.questionById.get(c.question)!, c.to);
  return settleFacts(rules, out);
}

function decideFacts(rules: RuleBase, facts: Facts): Decision {
  const verdicts = new Map<string, boolean>();
  const held = (id: string): boolean => verdicts.get(id) ?? false;
  for (const items of [rules.mechanisms, rules.cautions, rules.verdicts])
    for (const item of items) for (const r of item.rules) verdicts.set(r.id, holdsOn(r.conditions, facts));
  return decide(rules, held);
}

/**
 * Realistic single changes to one question: any other value it offers (never back to
 * "unknown"); for list questions, one value added or removed, or from unknown a single
 * value or none.
 */
export function changesFor(q: Question, current: AnswerValue): Change[] {
  const values = q.choices.map((c) => c.value);
  if (q.type !== 'multi')
    return values.filter((v) => v !== current).map((to) => ({ question: q.id, from: current, to }));
  if (!Array.isArray(current))
    return [[], ...values.map((v) => [v])].map((to) => ({ question: q.id, from: current, to }));
  return values.map((v) => {
    const to = current.includes(v)
      ? current.filter((x) => x !== v)
      : values.filter((x) => x === v || current.includes(x));
    return { question: q.id, from: current, to };
  });
}

/** Answers with changes applied; skip logic then settles which questions apply. */
export function applyChanges(rules: RuleBase, answers: Answers, changes: readonly Change[]): Answers {
  const out = { ...answers };
  for (const c of changes) out[c.question] = c.to;
  return completeAnswers(rules, out);
}

export function describeChange(rules: RuleBase, c: Change): ChangeOut {
  const q = rules.questionById.get(c.question)!;
  const setValue = Array.isArray(c.to) ? (c.to.length === 0 ? 'none' : c.to.join(';')) : String(c.to);
  return {
    ...c,
    term: q.term,
    fromAnswer: describeAnswer(rules, c.question, c.from),
    toAnswer: describeAnswer(rules, c.question, c.to),
    set: `${c.question}=${setValue}`,
  };
}

/**
 * "What would change this recommendation": single changes that flip the primary, and the
 * fewest changes (one, else two) that would bring each mechanism not recommended into the
 * recommendation. Deterministic: questionnaire order, then value order. `now` is the decision
 * already made for these answers (decideEvaluation): the search starts from it.
 */
export function whatWouldChange(rules: RuleBase, answers: Answers, now: Decision): WhatWouldChange {
  // Skipped questions are candidates too: alone, skip logic resets them (no effect); with the
  // change that makes them apply (several responses, then expertise in another), they count.
  const all = rules.questions.flatMap((q) => changesFor(q, answers[q.id] ?? UNKNOWN));

  const facts = toFacts(rules, answers);
  const flips = new Map<string, ChangeOut[]>();
  const verdictFlips = new Map<string, ChangeOut[]>();
  for (const c of all) {
    // A skipped question changed alone stays skipped: nothing to evaluate.
    if (c.from === NOT_APPLICABLE) continue;
    const d = decideFacts(rules, withChanges(rules, facts, [c]));
    if (d.primary !== now.primary) flips.set(d.primary, [...(flips.get(d.primary) ?? []), describeChange(rules, c)]);
    // Only a review there is can change verdict; one that would vanish is not a verdict.
    if (now.verdict && d.verdict && d.verdict !== now.verdict)
      verdictFlips.set(d.verdict, [...(verdictFlips.get(d.verdict) ?? []), describeChange(rules, c)]);
  }
  const verdictOrder = rules.verdicts.map((v) => v.id);
  const verdict = [...verdictFlips.entries()]
    .sort(([a], [b]) => verdictOrder.indexOf(a) - verdictOrder.indexOf(b))
    .flatMap(([v, changes]) => changes.map((ch) => ({ verdict: v, changes: [ch] })));
  const order = rules.mechanisms.map((m) => m.id);
  const primary = [...flips.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .flatMap(([p, changes]) => changes.map((ch) => ({ primary: p, changes: [ch] })));

  const primaryFacts = new Set<string>();
  for (const f of factsOf(
    rules.mechanisms.flatMap((m) => m.rules.filter((r) => r.role === 'primary').map((r) => r.conditions)),
  ))
    primaryFacts.add(f);

  const mechanisms: MechanismPath[] = [];
  for (const m of rules.mechanisms) {
    if (now.recommended.has(m.id)) continue;
    // A mechanism without a fallback is recommended exactly when one of its own rules holds,
    // so only its own rules and facts matter; a fallback also depends on every primary rule.
    const fallback = m.rules.some((r) => isAlwaysTrue(r.conditions));
    const relevant = new Set(fallback ? primaryFacts : []);
    for (const f of factsOf(m.rules.map((r) => r.conditions))) relevant.add(f);
    const candidates = all.filter((c) => relevant.has(c.question));
    const works = (changes: Change[]): boolean => {
      const f = withChanges(rules, facts, changes);
      return fallback ? decideFacts(rules, f).recommended.has(m.id) : m.rules.some((r) => holdsOn(r.conditions, f));
    };
    const options: Change[][] = candidates.filter((c) => works([c])).map((c) => [c]);
    let fewest: 1 | 2 | null = options.length > 0 ? 1 : null;
    if (!fewest) {
      for (let i = 0; i < candidates.length && options.length < MAX_OPTIONS; i++)
        for (let j = i + 1; j < candidates.length && options.length < MAX_OPTIONS; j++) {
          const pair = [candidates[i]!, candidates[j]!];
          if (pair[0]!.question !== pair[1]!.question && works(pair)) options.push(pair);
        }
      if (options.length > 0) fewest = 2;
    }
    mechanisms.push({
      mechanism: m.id,
      fewest,
      options: options.slice(0, MAX_OPTIONS).map((o) => o.map((c) => describeChange(rules, c))),
    });
  }
  return { primary, verdict, mechanisms };
}

function valuesIn(c: Condition, fact: string, into: Set<unknown>): Set<unknown> {
  if ('all' in c) c.all.forEach((x) => valuesIn(x, fact, into));
  else if ('any' in c) c.any.forEach((x) => valuesIn(x, fact, into));
  else if ('not' in c) valuesIn(c.not, fact, into);
  else if (c.fact === fact) (Array.isArray(c.value) ? c.value : [c.value]).forEach((v) => into.add(v));
  return into;
}

/**
 * Unknowns that matter together: for each primary rule tried before the one that decided
 * (and of another mechanism), the fewest unknown answers that, once given, make it hold,
 * with one set of answers that does it. Exhaustive over the rule's own unknown facts,
 * trying for list questions none, each value the rule names, and all of them together.
 * `now` is the decision already made for these answers (decideEvaluation).
 */
export function unknownCombinations(rules: RuleBase, answers: Answers, now: Decision): UnknownCombination[] {
  const base = toFacts(rules, answers);
  const deciderOrder = now.choice.rule.order!;
  const out: UnknownCombination[] = [];
  for (const m of rules.mechanisms) {
    if (m.id === now.primary || out.some((o) => o.primary === m.id)) continue;
    for (const rule of m.rules.filter((r) => r.role === 'primary' && r.order! < deciderOrder)) {
      const free = factsOf([rule.conditions]).filter((f) => (answers[f] ?? UNKNOWN) === UNKNOWN);
      if (free.length === 0) continue;
      const freeQuestions = free.map((f) => rules.questionById.get(f)!);
      const candidates = freeQuestions.map((q) => {
        const f = q.id;
        if (q.type !== 'multi') return [UNKNOWN, ...q.choices.map((c) => c.value)] as AnswerValue[];
        const named = q.choices.map((c) => c.value).filter((v) => valuesIn(rule.conditions, f, new Set()).has(v));
        return [UNKNOWN, [], ...named.map((v) => [v]), ...(named.length > 1 ? [named] : [])] as AnswerValue[];
      });
      if (candidates.reduce((n, c) => n * c.length, 1) > MAX_COMBINATIONS) continue;
      let best: Change[] | undefined;
      // Depth-first over the free facts, setting them in place (no copies in the inner loop).
      const work: Facts = { ...base };
      const walk = (i: number, changes: Change[]): void => {
        if (best && changes.length >= best.length) return;
        if (i === free.length) {
          const settled = settleFacts(rules, { ...work });
          if (holdsOn(rule.conditions, settled) && decideFacts(rules, settled).primary === m.id) best = changes;
          return;
        }
        const f = free[i]!;
        for (const v of candidates[i]!) {
          work[f] = factOf(freeQuestions[i]!, v);
          walk(i + 1, v === UNKNOWN ? changes : [...changes, { question: f, from: UNKNOWN, to: v }]);
        }
        work[f] = base[f]!;
      };
      walk(0, []);
      if (best && best.length > 1) {
        out.push({ primary: m.id, rule: rule.id, changes: best.map((c) => describeChange(rules, c)) });
        break;
      }
    }
  }
  return out;
}

/**
 * Unanswered questions whose answer could change the primary mechanism, and to what: the
 * single flips of `whatWouldChange` that start from "unknown", by question and value order.
 */
export function unknownsThatMatter(rules: RuleBase, w: WhatWouldChange): UnknownThatMatters[] {
  const out: UnknownThatMatters[] = [];
  for (const q of rules.questions) {
    const order = changesFor(q, UNKNOWN).map((c) => JSON.stringify(c.to));
    const outcomes = w.primary
      .map((f) => ({ change: f.changes[0]!, primary: f.primary }))
      .filter(({ change }) => change.question === q.id && change.from === UNKNOWN)
      .sort((a, b) => order.indexOf(JSON.stringify(a.change.to)) - order.indexOf(JSON.stringify(b.change.to)))
      .map(({ change, primary }) => ({ to: change.to, answer: change.toAnswer, primary }));
    if (outcomes.length > 0) out.push({ question: q.id, term: q.term, outcomes });
  }
  return out;
}
