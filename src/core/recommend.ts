import { toFacts, unknownIds, type Answers } from './answers.js';
import { holdsOn } from './conditions.js';
import type { Evaluation, RuleTrace } from './evaluate.js';
import { describeAnswer, describeTrace, failedLeaves, type ConditionWords } from './explain.js';
import { chooseVerdict, decideEvaluation, heldIn, supports, type Decision } from './decide.js';
import type { Citation, Horizon, Item, Owner, RuleBase, RuleRole, Step } from './types.js';

export interface SourceRef {
  id: string;
  title: string;
  publisher: string;
  /** The part of the source that makes the point, when known. */
  in?: string;
  point: string;
}

/** One rule's verdict in words. */
export interface RuleWhy {
  rule: string;
  title: string;
  rationale: string;
  basis: 'source' | 'inference';
  role?: RuleRole;
  met: boolean;
  conditions: ConditionWords;
}

export interface Recommendation {
  mechanism: string;
  title: string;
  role: 'primary' | 'complementary';
  summary: string;
  /** Plain-language rationale of every rule that supports it. */
  rationale: string[];
  why: RuleWhy[];
  /** For a complementary mechanism whose primary rule also held: the rule placed before it. */
  outrankedBy?: string;
  /** The answers say it is already in place (its `existsWhen`): keep it rather than set it up. */
  existing?: boolean;
  steps: string[];
  /** The steps with their owner and horizon, for the action plan. */
  plan: PlanStep[];
  sources: SourceRef[];
}

/** A verdict rule that did not decide the review: outranked, or failed. */
export interface VerdictNotChosen {
  verdict: string;
  title: string;
  why: RuleWhy[];
}

/** The review of the mechanism already in place, decided by the verdict rules. */
export interface Review {
  /** The existingMechanism answer, and in words. */
  existing: string;
  existingAnswer: string;
  /** keep, strengthen, merge, hand_over or close. */
  verdict: string;
  title: string;
  summary: string;
  /** The verdict rule that decided. */
  decidedBy: string;
  rationale: string[];
  why: RuleWhy[];
  steps: string[];
  sources: SourceRef[];
  /** The other verdicts and why they were not chosen. */
  notChosen: VerdictNotChosen[];
}

/** One condition that kept a rule from holding: the flat "why not". */
export interface WhyNotEntry {
  rule: string;
  question?: string;
  condition?: string;
  answer?: string;
  /** false: failed; null: not evaluated by the engine. */
  met: boolean | null;
}

export interface NotRecommended {
  mechanism: string;
  title: string;
  why: RuleWhy[];
  whyNot: WhyNotEntry[];
  /** Where its fallback rule held but another primary rule came first. */
  outrankedBy?: string;
}

export interface CautionOut {
  id: string;
  title: string;
  text: string;
  why: RuleWhy[];
  sources: SourceRef[];
}

export interface CautionNotApplied {
  id: string;
  title: string;
  whyNot: WhyNotEntry[];
}

export interface ActionOut {
  id: string;
  title: string;
  text: string;
  steps: string[];
  owner: Owner;
  horizon: Horizon;
  sources: SourceRef[];
}

export interface AnswerOut {
  id: string;
  question: string;
  value: Answers[string];
  answer: string;
}

/** What the drafting text needs from the evaluation, so that no renderer re-checks a condition. */
export interface DraftingApplies {
  /** drafting.en.json `childrenWhen` held: the HNO paragraph adds its note on children. */
  children: boolean;
  /** The step drafting.en.json `hctStep` names applies: the HCT protection strategy paragraph. */
  hct: boolean;
}

/** The recommendation for one answer set: the pure core's output, before any stamp or rendering. */
export interface Outcome {
  /** What the drafting text needs. Travels with the outcome (a spread keeps it), but is no part of the JSON result: see withoutDrafting. */
  drafting: DraftingApplies;
  primary: string;
  /** The primary rule that decided it. */
  decidedBy: string;
  /** Present when a mechanism is already in place: what to do with it. Shown first. */
  review?: Review;
  recommendations: Recommendation[];
  notRecommended: NotRecommended[];
  cautions: CautionOut[];
  cautionsNotApplied: CautionNotApplied[];
  actions: ActionOut[];
  answers: Answers;
  answered: AnswerOut[];
  unknowns: string[];
}

export function ruleWhy(rules: RuleBase, t: RuleTrace): RuleWhy {
  return {
    rule: t.rule.id,
    title: t.rule.title,
    rationale: t.rule.rationale,
    basis: t.rule.basis,
    ...(t.rule.role ? { role: t.rule.role } : {}),
    met: t.passed,
    conditions: describeTrace(rules, t.trace),
  };
}

export function sourceRefs(rules: RuleBase, citations: Citation[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const c of citations) {
    const key = `${c.source}\0${c.point}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = rules.sources.get(c.source)!;
    out.push({ id: s.id, title: s.title, publisher: s.publisher, ...(c.in ? { in: c.in } : {}), point: c.point });
  }
  return out;
}

function whyNotOf(rules: RuleBase, traces: RuleTrace[]): WhyNotEntry[] {
  return traces
    .filter((t) => !t.passed)
    .flatMap((t) =>
      failedLeaves(describeTrace(rules, t.trace)).map((w) => ({
        rule: t.rule.id,
        ...(w.question ? { question: w.question, condition: w.condition!, answer: w.answer! } : {}),
        met: w.met === true ? false : w.met,
      })),
    );
}

/** The drafting file's conditions, as the evaluation decided them. */
function draftingApplies(rules: RuleBase, e: Evaluation): DraftingApplies {
  const { mechanism, step } = rules.drafting.hctStep;
  const item = rules.mechanisms.find((m) => m.id === mechanism);
  const index = item ? item.steps.findIndex((s) => s.id === step) : -1;
  const hct =
    item !== undefined &&
    index >= 0 &&
    (!item.steps[index]!.when || e.steps.some((s) => s.item === item && s.index === index && s.passed));
  return { children: e.drafting.children, hct };
}

function applyingSteps(e: Evaluation, item: Item): Step[] {
  return item.steps.filter(
    (step, i) => !step.when || e.steps.some((s) => s.item === item && s.index === i && s.passed),
  );
}

function stepsOf(e: Evaluation, item: Item): string[] {
  return applyingSteps(e, item).map((s) => s.text);
}

/** A step of the action plan: who, by when (a step with neither is the cluster coordinator's, within 90 days). */
export interface PlanStep {
  text: string;
  owner: Owner;
  horizon: Horizon;
}

function planOf(e: Evaluation, item: Item): PlanStep[] {
  return applyingSteps(e, item).map((s) => ({
    text: s.text,
    owner: s.owner ?? 'cluster_coordinator',
    horizon: s.horizon ?? 90,
  }));
}

/**
 * Turns the engine's verdicts into the recommendation: one primary, complementary ones,
 * cautions, actions. `decision` is the evaluation's decision when the caller has made it
 * already (assess hands the same one to the search); otherwise it is made here, once.
 */
export function recommend(rules: RuleBase, e: Evaluation, decision: Decision = decideEvaluation(rules, e)): Outcome {
  const tracesOf = (item: Item): RuleTrace[] => e.rules.filter((t) => t.item === item);
  const heldFn = heldIn(e);
  const primaryRule = decision.choice;
  const facts = toFacts(rules, e.answers);

  const recommendations: Recommendation[] = [];
  const notRecommended: NotRecommended[] = [];
  for (const m of rules.mechanisms) {
    const traces = tracesOf(m);
    const held = traces.filter((t) => supports(t.rule, heldFn, primaryRule));
    if (held.length === 0) {
      const outranked = traces.some((t) => t.passed);
      notRecommended.push({
        mechanism: m.id,
        title: m.title,
        why: traces.map((t) => ruleWhy(rules, t)),
        whyNot: whyNotOf(rules, traces),
        ...(outranked ? { outrankedBy: primaryRule.rule.id } : {}),
      });
      continue;
    }
    const isPrimary = m === primaryRule.item;
    const outranked = !isPrimary && held.some((t) => t.rule.role === 'primary');
    const existing = m.existsWhen !== undefined && holdsOn(m.existsWhen, facts);
    recommendations.push({
      mechanism: m.id,
      title: m.title,
      role: isPrimary ? 'primary' : 'complementary',
      summary: m.summary,
      rationale: held.map((t) => t.rule.rationale),
      why: held.map((t) => ruleWhy(rules, t)),
      ...(outranked ? { outrankedBy: primaryRule.rule.id } : {}),
      ...(existing ? { existing: true } : {}),
      steps: stepsOf(e, m),
      plan: planOf(e, m),
      sources: sourceRefs(rules, [...held.flatMap((t) => t.rule.citations), ...m.citations]),
    });
  }
  recommendations.sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));

  const cautions: CautionOut[] = rules.cautions.flatMap((c) => {
    const held = tracesOf(c).filter((t) => t.passed);
    if (held.length === 0) return [];
    return [
      {
        id: c.id,
        title: c.title,
        text: c.summary,
        why: held.map((t) => ruleWhy(rules, t)),
        sources: sourceRefs(rules, [...held.flatMap((t) => t.rule.citations), ...c.citations]),
      },
    ];
  });

  const cautionsNotApplied: CautionNotApplied[] = rules.cautions
    .filter((c) => !cautions.some((x) => x.id === c.id))
    .map((c) => ({ id: c.id, title: c.title, whyNot: whyNotOf(rules, tracesOf(c)) }));

  const actions: ActionOut[] = rules.actions.flatMap((a) => {
    const held = tracesOf(a).filter((t) => t.passed);
    if (held.length === 0) return [];
    return [
      {
        id: a.id,
        title: a.title,
        text: a.summary,
        steps: stepsOf(e, a),
        owner: a.owner ?? 'cluster_coordinator',
        horizon: a.horizon ?? 90,
        sources: sourceRefs(rules, [...held.flatMap((t) => t.rule.citations), ...a.citations]),
      },
    ];
  });

  const review = reviewOf(rules, e, heldFn);
  return {
    primary: primaryRule.item.id,
    decidedBy: primaryRule.rule.id,
    ...(review ? { review } : {}),
    recommendations,
    notRecommended,
    cautions,
    cautionsNotApplied,
    actions,
    answers: e.answers,
    answered: rules.questions.map((q) => ({
      id: q.id,
      question: q.label,
      value: e.answers[q.id]!,
      answer: describeAnswer(rules, q.id, e.answers[q.id]),
    })),
    unknowns: unknownIds(rules, e.answers),
    drafting: draftingApplies(rules, e),
  };
}

/** An outcome or a result as the JSON output shows it: without what only the drafting text needs. */
export function withoutDrafting<T extends Outcome>(o: T): Omit<T, 'drafting'> {
  const { drafting: _drafting, ...json } = o;
  return json;
}

/** The review of the mechanism in place: the first verdict rule that holds decides (chooseVerdict). */
function reviewOf(rules: RuleBase, e: Evaluation, held: (id: string) => boolean): Review | undefined {
  const chosen = chooseVerdict(rules, held);
  if (!chosen) return undefined;
  const trace = e.rules.find((t) => t.rule === chosen.rule)!;
  const existing = String(e.answers.existingMechanism);
  return {
    existing,
    existingAnswer: describeAnswer(rules, 'existingMechanism', e.answers.existingMechanism),
    verdict: chosen.item.id,
    title: chosen.item.title,
    summary: chosen.item.summary,
    decidedBy: chosen.rule.id,
    rationale: [chosen.rule.rationale],
    why: [ruleWhy(rules, trace)],
    steps: stepsOf(e, chosen.item),
    sources: sourceRefs(rules, [...chosen.rule.citations, ...chosen.item.citations]),
    notChosen: rules.verdicts
      .filter((v) => v !== chosen.item)
      .map((v) => ({
        verdict: v.id,
        title: v.title,
        why: e.rules.filter((t) => t.item === v).map((t) => ruleWhy(rules, t)),
      })),
  };
}
