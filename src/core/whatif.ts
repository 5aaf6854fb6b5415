import { completeAnswers, dependentsOf, factOf, settleFacts, toFacts, type Answers } from './answers.js';
import { factsOf, holdsOn, isAlwaysTrue } from './conditions.js';
import { decide, type Decision } from './decide.js';
import { describeAnswer } from './explain.js';
import {
  NOT_APPLICABLE,
  UNKNOWN,
  type AnswerValue,
  type Condition,
  type Question,
  type RuleBase,
  type RuleDef,
} from './types.js';
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
  const facts = toFacts(rules, answers);
  return new Neighbourhood(rules, facts).decide(facts);
}

/**
 * Settled facts with some answers changed, without rebuilding them all (the search's inner
 * loop): only the changed questions and those whose skip logic reads them, directly or not,
 * can be settled otherwise than they were.
 */
function withChanges(rules: RuleBase, facts: Facts, changes: readonly Change[]): Facts {
  const out = { ...facts };
  const touched = new Set<string>();
  for (const c of changes) {
    out[c.question] = factOf(rules.questionById.get(c.question)!, c.to);
    for (const id of reachOf(rules, c.question)) touched.add(id);
  }
  derived.set(out, { from: facts, touched });
  return settleFacts(rules, out, touched);
}

/** Facts made by withChanges: from which facts, and the only ones that can differ from them. */
const derived = new WeakMap<Facts, { from: Facts; touched: ReadonlySet<string> }>();

/** The facts a change to a question can alter: its own, and those of the questions its skip logic reaches. */
function reachOf(rules: RuleBase, id: string): readonly string[] {
  const { reach } = ruleIndex(rules);
  let ids = reach.get(id);
  if (!ids) reach.set(id, (ids = [id, ...dependentsOf(rules, id).map((q) => q.id)]));
  return ids;
}

/** The rules a decision reads (mechanisms', cautions', verdicts'), which of them read each fact, and the skip logic's reach. */
interface RuleIndex {
  /** A question, and those whose skip logic reads it, directly or not (filled as asked). */
  reach: Map<string, string[]>;
  rules: RuleDef[];
  position: Map<string, number>;
  readers: Map<string, number[]>;
  /** The facts that say a mechanism is in place (its `existsWhen`): they place it whatever the rules. */
  placing: string[];
}

const ruleIndexes = new WeakMap<RuleBase, RuleIndex>();

function ruleIndex(rules: RuleBase): RuleIndex {
  let index = ruleIndexes.get(rules);
  if (!index) {
    const all = [...rules.mechanisms, ...rules.cautions, ...rules.verdicts].flatMap((item) => item.rules);
    const readers = new Map<string, number[]>();
    all.forEach((r, i) => {
      for (const f of factsOf([r.conditions])) readers.set(f, [...(readers.get(f) ?? []), i]);
    });
    index = {
      reach: new Map(),
      rules: all,
      position: new Map(all.map((r, i) => [r.id, i])),
      readers,
      placing: factsOf(rules.mechanisms.flatMap((m) => (m.existsWhen ? [m.existsWhen] : []))),
    };
    ruleIndexes.set(rules, index);
  }
  return index;
}

const sameFact = (a: AnswerValue | undefined, b: AnswerValue | undefined): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Decisions on facts near one set of facts (the answers' own): the search tries hundreds of
 * answer sets that differ from it in one or two answers (and what skip logic makes of them), so
 * only the rules that read a fact that differs are evaluated again; the others keep their verdict.
 */
class Neighbourhood {
  private readonly index: RuleIndex;
  private readonly held: boolean[];

  constructor(
    private readonly rules: RuleBase,
    private readonly base: Facts,
  ) {
    this.index = ruleIndex(rules);
    this.held = this.index.rules.map((r) => holdsOn(r.conditions, base));
  }

  decide(facts: Facts): Decision {
    const { rules, readers, placing } = this.index;
    // Made from the base by withChanges: only the facts it touched can differ.
    const made = derived.get(facts);
    const differ = made?.from === this.base ? made.touched : undefined;
    let held: boolean[] | undefined;
    for (const fact of differ ?? readers.keys())
      if (!sameFact(facts[fact], this.base[fact]))
        for (const i of readers.get(fact) ?? []) {
          const now = holdsOn(rules[i]!.conditions, facts);
          if (now !== (held ?? this.held)[i]) (held ??= this.held.slice())[i] = now;
        }
    // No rule decides otherwise and nothing says another mechanism is in place: the decision is
    // the one on the base facts (most single changes tried are such).
    if (!held && placing.every((f) => (differ && !differ.has(f)) || sameFact(facts[f], this.base[f])))
      return (this.baseDecision ??= this.decideOn(this.held, this.base));
    return this.decideOn(held ?? this.held, facts);
  }

  private baseDecision: Decision | undefined;

  private decideOn(held: readonly boolean[], facts: Facts): Decision {
    const { position } = this.index;
    return decide(this.rules, (id) => held[position.get(id)!] ?? false, facts);
  }
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

  // Settled once here, so that each change settles only what it can reach (withChanges).
  const facts = settleFacts(rules, toFacts(rules, answers));
  const near = new Neighbourhood(rules, facts);
  // The decision for each change set tried, made once: each mechanism's search asks again.
  const decided = new Map<string, Decision>();
  const position = new Map(all.map((c, i) => [c, i]));
  const singles = new Map<Change, Facts>();
  const factsWith = (c: Change): Facts => {
    let f = singles.get(c);
    if (!f) singles.set(c, (f = withChanges(rules, facts, [c])));
    return f;
  };
  const decision = (changes: readonly Change[], changed?: Facts): Decision => {
    const key = changes.map((c) => position.get(c)).join(' ');
    let d = decided.get(key);
    if (!d) decided.set(key, (d = near.decide(changed ?? withChanges(rules, facts, changes))));
    return d;
  };
  const flips = new Map<string, ChangeOut[]>();
  const inPlaceFlips = new Map<string, ChangeOut[]>();
  const verdictFlips = new Map<string, ChangeOut[]>();
  for (const c of all) {
    // A skipped question changed alone stays skipped: nothing to evaluate.
    if (c.from === NOT_APPLICABLE) continue;
    const d = decision([c], factsWith(c));
    // "If X were already in place, X would be kept" is no change to propose: setting X up is the
    // decision itself, not a way to reach it.
    if (d.primary !== now.primary) {
      const into = createsPrimary(rules, d.primary, facts, factsWith(c)) ? inPlaceFlips : flips;
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
    const ownFacts = new Set(factsOf(m.rules.map((r) => r.conditions)));
    const relevant = new Set([...primaryFacts, ...ownFacts]);
    const candidates = all.filter((c) => relevant.has(c.question));
    const fallback = m.rules.some((r) => isAlwaysTrue(r.conditions));
    // A mechanism is recommended only when one of these holds: one of its own rules, or what
    // says it is in place.
    const own = [...m.rules.map((r) => r.conditions), ...(m.existsWhen ? [m.existsWhen] : [])];
    const placedOn = (changed: Facts): boolean => own.some((c) => holdsOn(c, changed));
    const works = (changes: Change[]): boolean => {
      if (fallback) return decision(changes).recommended.has(m.id);
      // Cheap filters first: without a change to its own facts, its rules stay as they are.
      if (!changes.some((c) => ownFacts.has(c.question))) return false;
      const changed = changes.length === 1 ? factsWith(changes[0]!) : withChanges(rules, facts, changes);
      return placedOn(changed) && decision(changes, changed).recommended.has(m.id);
    };
    const options: Change[][] = candidates.filter((c) => works([c])).map((c) => [c]);
    let fewest: 1 | 2 | null = options.length > 0 ? 1 : null;
    if (!fewest) {
      // A pair makes one of those conditions hold only if one of its changes does alone, or both
      // reach that condition's facts (a condition that one change alone does not reach is as
      // that change alone leaves it): every other pair is passed over without being tried.
      const alone = candidates.map((c) => fallback || placedOn(factsWith(c)));
      const ownFactSets = own.map((c) => new Set(factsOf([c])));
      const reaches = candidates.map((c) => {
        const reach = reachOf(rules, c.question);
        return ownFactSets.map((set) => reach.some((f) => set.has(f)));
      });
      const together = (i: number, j: number): boolean => reaches[i]!.some((r, k) => r && reaches[j]![k]);
      for (let i = 0; i < candidates.length && options.length < MAX_OPTIONS; i++)
        for (let j = i + 1; j < candidates.length && options.length < MAX_OPTIONS; j++) {
          if (!alone[i] && !alone[j] && !together(i, j)) continue;
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
  const near = new Neighbourhood(rules, base);
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
          if (holdsOn(rule.conditions, settled) && near.decide(settled).primary === m.id) best = changes;
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
