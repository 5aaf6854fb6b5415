/**
 * The rule base (rules/) and what an evaluation reads of it. The files' own shapes are defined
 * once in core/shapes (TypeBox): their types are re-exported here under the names the code uses.
 */
import type { MessageKey } from './message-keys.js';
import type { DraftingRules } from './shapes/drafting.js';
import type { Item } from './shapes/items.js';
import type { Question, Section } from './shapes/questions.js';
import type { Help, Invariant, MeetingCost, Source } from './shapes/rule-set.js';
import type { HORIZONS, OWNERS } from './vocabulary.js';

/** Texts keyed by K, in one language. */
export type Texts<K extends string> = Readonly<Record<K, string>>;

export type { AnswerScalar, AnswerValue } from './shapes/answers.js';
export type { Citation, Condition, LeafCondition, Operator } from './shapes/condition.js';
export type {
  DraftingRules,
  DraftVariant,
  IndicatorDef,
  ServiceDef,
  VariantText,
  WorkplanDef,
} from './shapes/drafting.js';
export type { Expectation } from './shapes/expectation.js';
export type { Item, ItemKind, RuleDef, RuleRole, Step } from './shapes/items.js';
export type { Choice, Question, QuestionType, QuestionWording, Section } from './shapes/questions.js';
export type { Help, Invariant, MeetingCost, Source, SourceAccess } from './shapes/rule-set.js';
export { HORIZONS, NOT_APPLICABLE, OPERATORS, OWNERS, SOURCE_ACCESS, UNKNOWN } from './vocabulary.js';

export type Owner = (typeof OWNERS)[number];
export type Horizon = (typeof HORIZONS)[number];

export const DEFAULT_MEETING_COST: MeetingCost = {
  membersByActors: { in_cluster: 10, outside_cluster: 14, none: 6, unknown: 10 },
  meetingsPerMonthByLoad: { low: 1, moderate: 0.5, high: 0.25, unknown: 1 },
  hoursPerMeeting: 2,
  secretariatDaysPerMonth: 2,
  hoursPerDay: 8,
  agendaItemMinutes: 15,
  clusterMeetingsPerMonth: 1,
  clusterMembers: 20,
  focalPointDaysPerMonth: 1,
};

export interface RuleBase {
  dir: string;
  /** The language its texts are in (English in the files, another through locales/<lang>.json). */
  lang: 'en' | 'fr';
  name: string;
  version: string;
  /** sha256 over every file of the rule base: the same rules give the same hash. */
  hash: string;
  /** For a copy made by `tip-coord rules init`: the rule set it was copied from. */
  basedOn?: { name: string; version: string; hash: string };
  meetingCost: MeetingCost;
  unknownLabel: string;
  notApplicableLabel: string;
  help: Help;
  sections: Section[];
  questions: Question[];
  questionById: Map<string, Question>;
  sources: Map<string, Source>;
  mechanisms: Item[];
  cautions: Item[];
  actions: Item[];
  /** Verdicts of the review of a mechanism already in place (rules/verdicts/): keep, strengthen, merge, hand_over, close. */
  verdicts: Item[];
  /** Checked by `rules validate --deep`; empty when the rule base has no invariants.json. */
  invariants: Invariant[];
  /** Every text of the rule base: the rule folder's (messages.en.json), over the tool's own (src/core/texts). */
  messages: Texts<MessageKey>;
  /** Paste-ready HNO/HRP/strategy texts (drafting.en.json). */
  drafting: DraftingRules;
}
