import { completeAnswers, factOf, settleFacts, toFacts, type Answers } from './answers.js';
import { factsOf, holdsOn, isAlwaysTrue } from './conditions.js';
import { decide, type Decision } from './decide.js';
import { describeAnswer } from './explain.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerValue, type Condition, type Question, type RuleBase } from './types.js';
import type {
  Change,
  ChangeOut,
  MechanismPath,
  PrimaryFlip,
  UnknownCombination,
  UnknownThatMatters,
  WhatWouldChange,
} from './shapes/result.js';

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
  for (const item of [...rules.mechanisms, ...rules.cautions, ...rules.verdicts])
    for (const r of item.rules) verdicts.set(r.id, holdsOn(r.conditions, facts));
  return decide(rules, held, facts);
}

/** The new primary is a mechanism the change itself puts in place (its `existsWhen` now holds, and did not). */
function createsPrimary(rules: RuleBase, primary: string, before: Facts, after: Facts): boolean {
  const m = rules.mechanisms.find((x) => x.id === primary);
  return m?.existsWhen !== undefined && holdsOn(m.existsWhen, after) && !holdsOn(m.existsWhen, before);
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
  const inPlaceFlips = new Map<string, ChangeOut[]>();
  const verdictFlips = new Map<string, ChangeOut[]>();
  for (const c of all) {
    // A skipped question changed alone stays skipped: nothing to evaluate.
    if (c.from === NOT_APPLICABLE) continue;
    const changed = withChanges(rules, facts, [c]);
    const d = decideFacts(rules, changed);
    // "If X were already in place, X would be kept" is no change to propose: setting X up is the
    // decision itself, not a way to reach it.
    if (d.primary !== now.primary) {
      const into = createsPrimary(rules, d.primary, facts, changed) ? inPlaceFlips : flips;
      into.set(d.primary, [...(into.get(d.primary) ?? []), describeChange(rules, c)]);
    }
    // Only a review there is can change verdict; one that would vanish is not a verdict.
    if (now.verdict && d.verdict && d.verdict !== now.verdict)
      verdictFlips.set(d.verdict, [...(verdictFlips.get(d.verdict) ?? []), describeChange(rules, c)]);
  }
  const verdictOrder = rules.verdicts.map((v) => v.id);
  const verdict = [...verdictFlips.entries()]
    .sort(([a], [b]) => verdictOrder.indexOf(a) - verdictOrder.indexOf(b))
    .flatMap(([v, changes]) => changes.map((ch) => ({ verdict: v, changes: [ch] })));
  const order = rules.mechanisms.map((m) => m.id);
  const asFlips = (m: Map<string, ChangeOut[]>): PrimaryFlip[] =>
    [...m.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .flatMap(([p, changes]) => changes.map((ch) => ({ primary: p, changes: [ch] })));
  const primary = asFlips(flips);
  const inPlace = asFlips(inPlaceFlips);

  const primaryFacts = new Set<string>();
  for (const f of factsOf(
    rules.mechanisms.flatMap((m) => m.rules.filter((r) => r.role === 'primary').map((r) => r.conditions)),
  ))
    primaryFacts.add(f);

  const mechanisms: MechanismPath[] = [];
  // Those that fitted but were ranked after the first four are no matter of answers: they are listed as such.
  const considered = new Set([...now.ranked, ...now.alsoConsidered].map((p) => p.item.id));
  for (const m of rules.mechanisms) {
    if (considered.has(m.id)) continue;
    // A mechanism comes in when one of its own rules holds (and the ranking keeps it among the
    // first four), so its own rules' facts matter, and every primary rule's for its rank.
    const relevant = new Set(primaryFacts);
    for (const f of factsOf(m.rules.map((r) => r.conditions))) relevant.add(f);
    const candidates = all.filter((c) => relevant.has(c.question));
    const ownFacts = new Set(factsOf(m.rules.map((r) => r.conditions)));
    const works = (changes: Change[]): boolean => {
      // Cheap filter first: without a change to its own facts, a mechanism's non-fallback rules stay as they are.
      if (!m.rules.some((r) => isAlwaysTrue(r.conditions)) && !changes.some((c) => ownFacts.has(c.question)))
        return false;
      return decideFacts(rules, withChanges(rules, facts, changes)).recommended.has(m.id);
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
  return { primary, inPlace, verdict, mechanisms };
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
 * single flips of `whatWouldChange` that start from "unknown" (what is in place included), by
 * question and value order.
 */
export function unknownsThatMatter(rules: RuleBase, w: WhatWouldChange): UnknownThatMatters[] {
  const out: UnknownThatMatters[] = [];
  for (const q of rules.questions) {
    const order = changesFor(q, UNKNOWN).map((c) => JSON.stringify(c.to));
    const outcomes = [...w.primary, ...w.inPlace]
      .map((f) => ({ change: f.changes[0]!, primary: f.primary }))
      .filter(({ change }) => change.question === q.id && change.from === UNKNOWN)
      .sort((a, b) => order.indexOf(JSON.stringify(a.change.to)) - order.indexOf(JSON.stringify(b.change.to)))
      .map(({ change, primary }) => ({ to: change.to, answer: change.toAnswer, primary }));
    if (outcomes.length > 0) out.push({ question: q.id, term: q.term, outcomes });
  }
  return out;
}
