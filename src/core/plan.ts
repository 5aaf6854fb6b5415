import type { Answers } from './answers.js';
import { message } from './messages.js';
import type { MessageKey } from './message-keys.js';
import type { Horizon, Owner, RuleBase } from './types.js';
import type { PLAN_OWNERS } from './vocabulary.js';
import type { PlanRow, PlanSource } from './shapes/result.js';

export { PLAN_OWNERS } from './vocabulary.js';

/**
 * Page 1 of the report as data: five to seven actions, each a sentence with a verb, an owner
 * the answers make real and a due window. The steps are data in the rule files (owner, horizon,
 * `plan` priority, `when`); this module chooses and ranks them and names their owners.
 */

export type PlanOwner = (typeof PLAN_OWNERS)[number];

export const PLAN_MIN = 5;
export const PLAN_MAX = 7;
/** The review's steps take at most this many rows, so that the decision's own first steps fit beside them. */
const REVIEW_MAX = 3;

export type { PlanRow, PlanSource } from './shapes/result.js';

/** A step that applies, before it is chosen for page 1. */
export interface PlanCandidate {
  text: string;
  owner: Owner;
  horizon: Horizon;
  /** The step's `plan` priority; undefined for a step that is no candidate of its own. */
  priority?: number;
  from: PlanSource;
}

const isRefugeeResponse = (a: Answers): boolean => a.responseType === 'refugee_response';

/**
 * The role that owns a step, given the answers: counter-trafficking tasks go to IOM or UNHCR
 * where the answers say it leads that work, to the lead agency they name, and otherwise to the
 * protection coordinator (never to a focal point nobody can be); in a refugee response UNHCR
 * leads protection, so the coordinator's tasks are UNHCR's. No owner is ever a government body.
 */
export function resolveOwner(owner: Owner, a: Answers): PlanOwner {
  if (owner === 'ct_focal_point') {
    if (a.ctLead === 'iom') return 'iom';
    if (a.ctLead === 'unhcr') return 'unhcr';
    if (a.ctLead === 'other_agency') return 'ct_focal_point';
    return resolveOwner('cluster_coordinator', a);
  }
  // The information management officer sits in the coordination team: the coordinator answers for the task.
  if (owner === 'imo') return resolveOwner('cluster_coordinator', a);
  if (owner === 'cluster_coordinator' && isRefugeeResponse(a)) return 'unhcr';
  return owner;
}

/** A plan row in one line, its owner after a dash (brackets would nest: owners hold brackets). */
export function planLine(row: PlanRow): string {
  return `${row.action} — ${row.ownerLabel}`;
}

/** The owner in words, as coordinators name the role (by the kind of response). */
export function ownerLabel(rules: RuleBase, owner: Owner, a: Answers): string {
  const resolved = resolveOwner(owner, a);
  const refugee = isRefugeeResponse(a);
  const key = ((): string => {
    if (resolved === 'unhcr') {
      if (owner === 'ocha_iccg') return 'unhcr_intersector';
      if (owner === 'cluster_coordinator' || owner === 'imo') return 'unhcr_protection_lead';
      return 'unhcr';
    }
    if (resolved === 'ocha_iccg' && refugee) return 'unhcr_intersector';
    if (resolved === 'hc_or_refugee_coordinator' && refugee) return 'refugee_coordinator';
    if (resolved === 'ct_focal_point') return 'ct_lead_agency';
    return resolved;
  })();
  return message(rules, `owner.${key}` as MessageKey);
}

/**
 * Chooses page 1 from the steps that apply. The review's steps come first, in their order (at
 * most REVIEW_MAX); then
 * the candidates by priority (the primary's before the complementary ones', by rank, then the
 * actions'), each text once, up to PLAN_MAX rows; fewer than PLAN_MIN are topped up with the
 * other steps of the primary, then of the rest. Rows after the review's are ordered by due date.
 */
export function choosePlan(rules: RuleBase, a: Answers, review: PlanCandidate[], rest: PlanCandidate[]): PlanRow[] {
  const chosen: PlanCandidate[] = [];
  const seen = new Set<string>();
  const take = (c: PlanCandidate): void => {
    if (chosen.length >= PLAN_MAX || seen.has(c.text)) return;
    seen.add(c.text);
    chosen.push(c);
  };
  review.slice(0, REVIEW_MAX).forEach(take);
  const fromReview = chosen.length;
  const byPriority = rest
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.priority !== undefined)
    .sort((x, y) => x.c.priority! - y.c.priority! || x.i - y.i);
  for (const { c } of byPriority) take(c);
  for (const c of rest) if (chosen.length < PLAN_MIN) take(c);
  const head = chosen.slice(0, fromReview);
  const tail = chosen
    .slice(fromReview)
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.horizon - y.c.horizon || x.i - y.i)
    .map(({ c }) => c);
  return [...head, ...tail].map((c) => ({
    action: c.text,
    owner: resolveOwner(c.owner, a),
    ownerLabel: ownerLabel(rules, c.owner, a),
    horizon: c.horizon,
    from: c.from,
  }));
}
