/** The names of the drafting texts (rules/drafting.en.json) that the drafting renderer uses: the contract between the two. */

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
  'hno.threat': [],
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
  'list.and': ['head', 'last'],
  /** For items that hold commas themselves. */
  'list.andLong': ['head', 'last'],
  /** Between long items (used as is, not trimmed). */
  'list.sepLong': [],
  'hrp.title': ['plan'],
  'hrp.where': ['plan'],
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
  'strategy.title': [],
  'strategy.where': [],
  'strategy.clusterLabel': [],
  'strategy.cluster': ['body', 'primary', 'alongside', 'commitments'],
  'strategy.alongside': ['list'],
  'strategy.hct': ['body', 'leaders', 'strategy'],
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
  'leaders',
  'strategy',
  'body',
  'form',
  'group',
] as const;
export type ByAnswerName = (typeof BY_ANSWER)[number];
