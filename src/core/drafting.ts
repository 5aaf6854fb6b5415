/** The names of the drafting texts (rules/drafting.en.json) that the drafting renderer uses: the contract between the two. */

/** The texts draft.ts uses, each with the placeholders it may hold: a misspelt one is a load error, not a "{grups}" in a plan. */
export const DRAFT_TEXTS = {
  'hno.title': [],
  'hno.where': [],
  'hno.label': [],
  'hno.paragraph': ['label', 'scale', 'evidence', 'forms', 'groups', 'children', 'actors', 'referral', 'limits', 'pin'],
  'hno.forms': ['list'],
  'hno.formsNone': [],
  'hno.formsUnknown': [],
  'hno.groups': ['list'],
  'hno.groupsNone': [],
  'hno.groupsUnknown': [],
  /** The list of anti-trafficking actors is known and empty. */
  'hno.actorsNone': [],
  'hno.children': [],
  'hno.pin': [],
  'list.and': ['head', 'last'],
  /** For items that hold commas themselves. */
  'list.andLong': ['head', 'last'],
  'hrp.title': [],
  'hrp.where': [],
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
  'strategy.title': [],
  'strategy.where': [],
  'strategy.clusterLabel': [],
  'strategy.cluster': ['body', 'primary', 'alongside', 'commitments'],
  'strategy.alongside': ['list'],
  'strategy.hctLabel': [],
  'strategy.hct': ['body'],
} as const satisfies Record<string, readonly string[]>;
export type DraftTextKey = keyof typeof DRAFT_TEXTS;

/** The answer-chosen texts draft.ts uses. */
export const BY_ANSWER = ['scale', 'evidence', 'limits', 'actors', 'referral', 'body', 'form', 'group'] as const;
export type ByAnswerName = (typeof BY_ANSWER)[number];
