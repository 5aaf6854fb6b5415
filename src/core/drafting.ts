/** The names of the drafting texts (rules/drafting.en.json) that the drafting renderer uses: the contract between the two. */

/**
 * Phrases drawn from the answers that the texts of services, mechanisms, actions and cautions
 * may hold: {needs} and {plan} name the response's planning documents, {docs} them both in short,
 * {outside} the people neither AoR reaches, {routes} the case management that reaches those affected.
 */
export const PHRASES = ['needs', 'plan', 'docs', 'outside', 'routes'] as const;
export type PhraseName = (typeof PHRASES)[number];

/** The texts draft.ts uses, each with the placeholders it may hold: a misspelt one is a load error, not a "{grups}" in a plan. */
export const DRAFT_TEXTS = {
  'hno.title': ['needs'],
  'hno.where': ['needs'],
  'hno.label': [],
  'hno.paragraph': [
    'label',
    'scale',
    'threat',
    'forms',
    'groups',
    'children',
    'related',
    'drivers',
    'areas',
    'trend',
    'actors',
    'referral',
  ],
  'hno.forms': ['list'],
  'hno.formsNone': [],
  'hno.formsUnknown': [],
  'hno.groups': ['list'],
  'hno.groupsNone': [],
  'hno.groupsUnknown': [],
  /** The list of anti-trafficking actors is known and empty. */
  'hno.actorsNone': [],
  'hno.children': [],
  /** Who exploits, when the answers do not say: a placeholder for the drafter. */
  'hno.threat': [],
  /** Who exploits, from the answers: kinds of perpetrators, never names. */
  'hno.threatKnown': ['list'],
  /** State or allied forces and armed groups together, as a public plan words them. */
  'hno.armedActors': [],
  /** Child recruitment and child marriage are GPC risks of their own: said, not counted here. */
  'hno.related': [],
  'hno.drivers': [],
  'hno.areas': [],
  'hno.trend': [],
  /** The HNO's "information gaps and limitations": a paragraph of its own. */
  'hno.gaps': ['evidence', 'limits', 'small'],
  'hno.small': [],
  /** Plan names in an acute phase (IDP or unknown response type): the Flash Appeal. */
  'needs.acute': [],
  'plan.acute': [],
  'docs.acute': [],
  /** Plan names before a crisis: the inter-agency contingency plan, whatever the response type. */
  'needs.preparedness': [],
  'plan.preparedness': [],
  'docs.preparedness': [],
  'list.and': ['head', 'last'],
  /** For items that hold commas themselves. */
  'list.andLong': ['head', 'last'],
  /** Between long items (used as is, not trimmed). */
  'list.sepLong': [],
  /** The people neither AoR reaches, from the groups and forms answered: parts of {outside}. */
  'outside.menLabour': [],
  'outside.womenLabour': [],
  'outside.adultsLabour': [],
  'outside.men': [],
  'outside.domestic': [],
  'outside.any': [],
  /** The case management that reaches the people affected: parts of {routes}. */
  'routes.gbv': [],
  'routes.cp': [],
  'routes.general': [],
  'routes.some': ['list'],
  'routes.any': [],
  'hrp.title': ['plan'],
  'hrp.where': ['plan'],
  'hrp.phase.preparedness': [],
  'hrp.phase.transition': [],
  'hrp.phase.transitionComplicit': [],
  /** Said where child recruitment or child marriage is reported: counted elsewhere, never twice. */
  'hrp.notCounted.child_recruitment': [],
  'hrp.notCounted.forced_marriage': [],
  'hrp.objectiveLabel': [],
  'hrp.objective': ['groups'],
  'hrp.groups': ['list'],
  'hrp.groupsAll': [],
  'hrp.activitiesLabel': [],
  'hrp.indicatorsLabel': [],
  'hrp.indicator': [],
  'hrp.level': [],
  'hrp.baseline': [],
  'hrp.target': [],
  'hrp.output': [],
  'hrp.outcome': [],
  'hrp.baselinePlaceholder': [],
  'hrp.targetPlaceholder': [],
  'hrp.workplanLabel': [],
  'hrp.task': [],
  'hrp.milestone': [],
  'strategy.title': [],
  'strategy.where': [],
  'strategy.clusterLabel': [],
  'strategy.cluster': ['body', 'primary', 'alongside', 'commitments', 'phase'],
  /** Where sexual exploitation is reported: aid workers may be among those who exploit, a PSEA matter. */
  'strategy.psea': [],
  'strategy.alongside': ['list'],
  'strategy.hct': ['body', 'leaders', 'strategy'],
  'strategy.phase.preparedness': [],
  'strategy.phase.transition': [],
  'strategy.phase.transitionComplicit': [],
  /** The title of the drafting annex, by the planning window answered. */
  'annex.window.hno_hrp_drafting': ['docs'],
  'annex.window.strategy_review': ['docs'],
  'annex.window.other': ['docs'],
} as const satisfies Record<string, readonly string[]>;
export type DraftTextKey = keyof typeof DRAFT_TEXTS;

/** The answer-chosen texts draft.ts uses. */
export const BY_ANSWER = [
  'scale',
  'evidence',
  'limits',
  'actors',
  'referral',
  'needs',
  'plan',
  'docs',
  'leaders',
  'strategy',
  'body',
  'form',
  'group',
  'perpetrator',
] as const;
export type ByAnswerName = (typeof BY_ANSWER)[number];
