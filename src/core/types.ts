/** Shapes of the rule base (rules/) and of an evaluation. Pure data, no behaviour. */
import type { MessageKey } from './message-keys.js';
import type { AnswerScalar, AnswerValue } from './shapes/answers.js';
import type { Expectation } from './shapes/expectation.js';
import type { HORIZONS, OPERATORS, OWNERS, SOURCE_ACCESS } from './vocabulary.js';

/** Texts keyed by K, in one language. */
export type Texts<K extends string> = Readonly<Record<K, string>>;

export type { AnswerScalar, AnswerValue } from './shapes/answers.js';
export { HORIZONS, NOT_APPLICABLE, OPERATORS, OWNERS, SOURCE_ACCESS, UNKNOWN } from './vocabulary.js';

export type QuestionType = 'single' | 'multi' | 'boolean';

export interface Choice {
  value: AnswerScalar;
  label: string;
}

export interface Question {
  id: string;
  section: string;
  type: QuestionType;
  factor: string;
  label: string;
  /** The question as a noun phrase, used to explain conditions ("the evidence of trafficking"). */
  term: string;
  hint: string;
  choices: Choice[];
  /** Skip logic: ask only when this holds on the answers so far (unanswered ones count as "unknown"). */
  askWhen?: Condition;
  /**
   * Wording for one type of response, keyed by the value of the response-type question: a
   * refugee response has an RRP or JRP where a cluster response has an HNO and an HRP. Values
   * stay the same, so one answers file reads the same whatever the wording.
   */
  byResponseType?: Record<string, QuestionWording>;
}

/** A question's words for one type of response: whatever is given replaces the general wording. */
export interface QuestionWording {
  label?: string;
  term?: string;
  hint?: string;
  /** Choice labels by choice value. */
  choices?: Record<string, string>;
}

export interface Section {
  id: string;
  title: string;
}

export type SourceAccess = (typeof SOURCE_ACCESS)[number];

/** A published document as anyone can find it: title, publisher, year and a full address. */
export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** "2020", "undated", "c. 2023". */
  year: string;
  /** Full address(es), " ; " between two; empty when unpublished or not found. */
  url: string;
  access: SourceAccess;
  /** What a reader should know about the address (a copy, a listing page). */
  note?: string;
}

export interface Citation {
  source: string;
  /** The part of the source that makes the point (a section or heading of that document), when known. */
  in?: string;
  point: string;
}

export type Operator = (typeof OPERATORS)[number];

export interface LeafCondition {
  fact: string;
  operator: Operator;
  value: AnswerValue;
}
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export type RuleRole = 'primary' | 'complementary';

export interface RuleDef {
  id: string;
  /** Mechanism rules only: "primary" rules are candidates for primary, tried in `order`. */
  role?: RuleRole;
  /** Primary mechanism rules and verdict rules: tried lowest first; the first that holds decides. */
  order?: number;
  title: string;
  rationale: string;
  /** "source": stated in a cited source; "inference": a design choice drawn from the sources. */
  basis: 'source' | 'inference';
  citations: Citation[];
  conditions: Condition;
  /**
   * Primary rules for a mechanism already in place: the rule counts only when the review of that
   * mechanism reaches one of these verdicts (a working group kept or strengthened carries the
   * work; one merged, handed over or closed does not).
   */
  verdicts?: string[];
}

export type Owner = (typeof OWNERS)[number];
export type Horizon = (typeof HORIZONS)[number];

export interface Step {
  /** Optional name, for texts that depend on whether this step applies (drafting.en.json "hctStep"). */
  id?: string;
  text: string;
  when?: Condition;
  owner?: Owner;
  horizon?: Horizon;
  /**
   * A candidate for the page-1 plan, and how pressing: 1 first. Steps without it stay in the
   * set-up section and the annex. A review's steps always come first.
   */
  plan?: number;
}

export type ItemKind = 'mechanism' | 'caution' | 'action' | 'verdict';

/** A mechanism, caution, action or review verdict: one file in rules/<kind>s/. */
export interface Item {
  kind: ItemKind;
  id: string;
  title: string;
  summary: string;
  /** Mechanisms only: when the answers say this mechanism is already in place. */
  existsWhen?: Condition;
  /** Mechanisms only: its name when it is the one already in place ("The national committee the response sits on"). */
  existingTitle?: string;
  steps: Step[];
  citations: Citation[];
  rules: RuleDef[];
  /** Actions: who leads the action as a whole and by when (one row of the action plan). */
  owner?: Owner;
  horizon?: Horizon;
  /** Path of the file, relative to the rules folder. */
  file: string;
}

/** Help shown on demand in the interview (help.en.json). */
export interface Help {
  questions: Record<string, { text: string; examples: string[]; sources: string[] }>;
  glossary: { term: string; definition: string; sources: string[] }[];
}

/** A consistency check over the whole answer space (rules/invariants.json): whenever `when` holds, the outcome meets `expect`. */
export interface Invariant {
  id: string;
  description: string;
  when: Condition;
  expect: Expectation;
  /**
   * A pair check instead of a single one: wherever `when` holds, giving `question` any of
   * `values` instead (or, for a list question, adding or removing `toggle`) leaves the primary
   * mechanism as it was. "No modifier alone changes the primary".
   */
  vary?: { question: string; values?: AnswerValue[]; toggle?: AnswerScalar };
}

/** Assumptions of the meeting-cost estimate (ruleset.json "meetingCost"), editable per rule set. */
export interface MeetingCost {
  /** Members of a working group, by the answer on anti-trafficking actors. */
  membersByActors: Record<string, number>;
  /** Meetings a month, by the answer on the meeting load. */
  meetingsPerMonthByLoad: Record<string, number>;
  hoursPerMeeting: number;
  secretariatDaysPerMonth: number;
  hoursPerDay: number;
  agendaItemMinutes: number;
  clusterMeetingsPerMonth: number;
  clusterMembers: number;
  focalPointDaysPerMonth: number;
}

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

export type DraftVariant = 'standard' | 'safe';
/** A drafting text in its two variants; "safe" avoids the words the terminology caution rules out. */
export type VariantText = Record<DraftVariant, string>;

export interface IndicatorDef {
  /** "output": people reached (a count); "outcome": the share of people whose situation changed (a percentage). */
  level: 'output' | 'outcome';
  text: VariantText;
}

/** A service of the response plan's logframe: something partners deliver and donors fund. */
export interface ServiceDef {
  id: string;
  /** Offered when this holds on the answers (always, without it). */
  when?: Condition;
  /** Offered only when one of these mechanisms is recommended. */
  withMechanisms?: string[];
  activity: VariantText;
  indicators: IndicatorDef[];
}

/** A row of the coordination workplan: a task of the coordination structure and its milestones, never a logframe line. */
export interface WorkplanDef {
  /** Absent: nothing for the workplan (a training, for instance, is a logframe service). */
  task?: VariantText;
  /** For a mechanism already in place: its review, not its set-up. */
  taskExisting?: VariantText;
  milestones: VariantText[];
}

export interface DraftingRules {
  /** Words the "safe" variant never contains (whole words, any case). */
  avoid: string[];
  /** The step whose applying decides the HCT protection strategy paragraph. */
  hctStep: { mechanism: string; step: string };
  /** When the HNO paragraph adds its note on children. */
  childrenWhen: Condition;
  /** When sexual exploitation by aid workers is possible: the strategy names the PSEA network and its channel. */
  pseaWhen: Condition;
  citations: Citation[];
  texts: Record<string, VariantText>;
  /** Texts chosen by one question's answer, keyed by value ("unknown" included for single questions). */
  byAnswer: Record<string, { question: string; texts: Record<string, VariantText> }>;
  /** The logframe's activities, in the order the plan lists them. */
  services: ServiceDef[];
  mechanisms: Record<string, WorkplanDef & { approach: VariantText; task: VariantText }>;
  actions: Record<string, WorkplanDef>;
  cautions: Record<string, { commitment: VariantText }>;
}

export type { Expectation } from './shapes/expectation.js';
