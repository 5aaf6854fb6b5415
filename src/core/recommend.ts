import { unknownIds } from './answers.js';
import type { Evaluation, RuleTrace } from './evaluate.js';
import { describeAnswer, describeTrace, failedLeaves } from './explain.js';
import { decideEvaluation, RUNNING_VERDICTS, type Decision, type Placed } from './decide.js';
import { message } from './messages.js';
import { choosePlan, type PlanCandidate } from './plan.js';
import type { Citation, Item, RuleBase, Step } from './types.js';
import type { Static } from './shapes/kit.js';
import type {
  ActionOut,
  CautionNotApplied,
  CautionOut,
  NotRecommended,
  OutcomeShape,
  PlanStep,
  Recommendation,
  Review,
  RuleWhy,
  SourceRef,
  WhyNotEntry,
} from './shapes/result.js';

/** What the drafting text needs from the evaluation, so that no renderer re-checks a condition. */
export interface DraftingApplies {
  /** drafting.en.json `childrenWhen` held: the HNO paragraph adds its note on children. */
  children: boolean;
  /** The step drafting.en.json `hctStep` names applies: the HCT protection strategy paragraph. */
  hct: boolean;
}

/**
 * The recommendation for one answer set: the pure core's output, before any stamp or rendering.
 * `drafting` travels with the outcome (a spread keeps it), but is no part of the JSON result: see withoutDrafting.
 */
export type Outcome = Static<typeof OutcomeShape> & { drafting: DraftingApplies };

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
  // Several steps may carry the name (one wording per kind of response): any of them applying counts.
  const hct =
    item !== undefined &&
    item.steps.some(
      (st, index) =>
        st.id === step && (!st.when || e.steps.some((s) => s.item === item && s.index === index && s.passed)),
    );
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

function planOf(e: Evaluation, item: Item): PlanStep[] {
  return applyingSteps(e, item).map((s) => ({
    text: s.text,
    owner: s.owner ?? 'cluster_coordinator',
    horizon: s.horizon ?? 90,
  }));
}

/** A step's owner and horizon, with the defaults: the coordinator's, within 90 days. */
function candidate(step: Step, from: PlanCandidate['from']): PlanCandidate {
  return {
    text: step.text,
    owner: step.owner ?? 'cluster_coordinator',
    horizon: step.horizon ?? 90,
    ...(step.plan !== undefined ? { priority: step.plan } : {}),
    from,
  };
}

/**
 * Turns the decision into the recommendation: the ranked mechanisms (the primary first, the
 * one in place with its review's verdict as its role), the others that fitted, cautions,
 * actions and the page-1 plan. `decision` is the evaluation's decision when the caller has
 * made it already (assess hands the same one to the search); otherwise it is made here, once.
 */
export function recommend(rules: RuleBase, e: Evaluation, decision: Decision = decideEvaluation(rules, e)): Outcome {
  const tracesOf = (item: Item): RuleTrace[] => e.rules.filter((t) => t.item === item);
  const primaryRule = decision.choice;
  const review = reviewOf(rules, e, decision);
  const verdictTitle = review?.title;

  const toRecommendation = (p: Placed): Recommendation => {
    const m = p.item;
    const traces = tracesOf(m).filter((t) => p.rules.includes(t.rule));
    const isPrimary = p.role === 'primary';
    const outranked = !isPrimary && p.rules.some((r) => r.role === 'primary');
    // A mechanism in place that no rule supports is there by its review: the verdict rule explains it.
    const verdictTrace = decision.verdictChoice && e.rules.find((t) => t.rule === decision.verdictChoice!.rule);
    const explaining = traces.length > 0 || !verdictTrace ? traces : [verdictTrace];
    const best = isPrimary
      ? primaryRule.rule
      : [...p.rules].sort(
          (a, b) => (a.role === 'primary' ? 0 : (a.order ?? 50)) - (b.role === 'primary' ? 0 : (b.order ?? 50)),
        )[0];
    // A mechanism in place that the review merges, hands over or closes runs no more: its review's steps say what happens.
    const ending = p.existing && review !== undefined && !RUNNING_VERDICTS.includes(review.verdict);
    const because =
      p.existing && verdictTitle
        ? message(rules, 'report.becauseExisting', { verdict: verdictTitle })
        : (best?.title ?? '');
    return {
      mechanism: m.id,
      title: p.existing && m.existingTitle ? m.existingTitle : m.title,
      role: p.role,
      because,
      summary: p.existing && review ? review.summary : m.summary,
      rationale: explaining.map((t) => t.rule.rationale),
      why: explaining.map((t) => ruleWhy(rules, t)),
      ...(outranked ? { outrankedBy: primaryRule.rule.id } : {}),
      ...(p.existing ? { existing: true } : {}),
      ...(p.existing && review ? { verdict: review.verdict } : {}),
      ...(p.existing && traces.length === 0 ? { byReview: true } : {}),
      steps: ending ? [] : stepsOf(e, m),
      plan: ending ? [] : planOf(e, m),
      sources: sourceRefs(rules, [...explaining.flatMap((t) => t.rule.citations), ...m.citations]),
    };
  };
  const recommendations = decision.ranked.map(toRecommendation);
  const alsoConsidered = decision.alsoConsidered.map(toRecommendation);

  const placed = new Set([...decision.ranked, ...decision.alsoConsidered].map((p) => p.item));
  const notRecommended: NotRecommended[] = rules.mechanisms
    .filter((m) => !placed.has(m))
    .map((m) => {
      const traces = tracesOf(m);
      const outranked = traces.some((t) => t.passed);
      return {
        mechanism: m.id,
        title: m.title,
        why: traces.map((t) => ruleWhy(rules, t)),
        whyNot: whyNotOf(rules, traces),
        ...(outranked ? { outrankedBy: primaryRule.rule.id } : {}),
      };
    });

  const cautions: CautionOut[] = rules.cautions.flatMap((c) => {
    const held = tracesOf(c).filter((t) => t.passed);
    if (held.length === 0) return [];
    return [
      {
        id: c.id,
        title: c.title,
        // A caution's steps word it for these answers (who, here, it is about), after its summary.
        text: [c.summary, ...stepsOf(e, c)].join(' '),
        why: held.map((t) => ruleWhy(rules, t)),
        sources: sourceRefs(rules, [...held.flatMap((t) => t.rule.citations), ...c.citations]),
      },
    ];
  });

  const cautionsNotApplied: CautionNotApplied[] = rules.cautions
    .filter((c) => !cautions.some((x) => x.id === c.id))
    .map((c) => ({ id: c.id, title: c.title, whyNot: whyNotOf(rules, tracesOf(c)) }));

  const actionItems = rules.actions.filter((a) => tracesOf(a).some((t) => t.passed));
  const actions: ActionOut[] = actionItems.map((a) => {
    const held = tracesOf(a).filter((t) => t.passed);
    return {
      id: a.id,
      title: a.title,
      text: a.summary,
      steps: stepsOf(e, a),
      owner: a.owner ?? 'cluster_coordinator',
      horizon: a.horizon ?? 90,
      sources: sourceRefs(rules, [...held.flatMap((t) => t.rule.citations), ...a.citations]),
    };
  });

  // Page 1: the review's steps, then the candidates of the recommendations (primary first) and of the actions.
  const verdictItem = decision.verdictChoice?.item;
  const reviewSteps = verdictItem
    ? applyingSteps(e, verdictItem).map((s) => candidate(s, { kind: 'review', id: verdictItem.id }))
    : [];
  const rest = [
    ...decision.ranked
      .filter((p) => !(p.existing && decision.verdict && !RUNNING_VERDICTS.includes(decision.verdict)))
      .flatMap((p) => applyingSteps(e, p.item).map((s) => candidate(s, { kind: 'mechanism', id: p.item.id }))),
    ...actionItems.flatMap((a) => applyingSteps(e, a).map((s) => candidate(s, { kind: 'action', id: a.id }))),
  ];
  const plan = choosePlan(rules, e.answers, reviewSteps, rest);

  return {
    primary: primaryRule.item.id,
    decidedBy: primaryRule.rule.id,
    ...(review ? { review } : {}),
    recommendations,
    alsoConsidered,
    plan,
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

/** The review of the mechanism in place, as the decision made it (the first verdict rule that holds). */
function reviewOf(rules: RuleBase, e: Evaluation, decision: Decision): Review | undefined {
  const chosen = decision.verdictChoice;
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
