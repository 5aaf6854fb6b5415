/** Shapes of the rule base (rules/) and of an evaluation. Pure data, no behaviour. */

import type { Expectation } from './expectation.js';

export type AnswerScalar = string | boolean;
/** An answer: a choice value, a list of them (multi questions) or "unknown". */
export type AnswerValue = AnswerScalar | AnswerScalar[];
export const UNKNOWN = 'unknown';

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
}

export interface Section {
  id: string;
  title: string;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  where: string;
}

export interface Citation {
  source: string;
  /** Where in our reference texts the claim is paraphrased (domain brief section, stock-take heading). */
  in: string;
  point: string;
}

export const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'containsAny'] as const;
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
  order?: number;
  title: string;
  rationale: string;
  /** "source": stated in a cited source; "inference": a design choice drawn from the sources. */
  basis: 'source' | 'inference';
  citations: Citation[];
  conditions: Condition;
}

export interface Step {
  text: string;
  when?: Condition;
}

export type ItemKind = 'mechanism' | 'caution' | 'action';

/** A mechanism, caution or action: one file in rules/<kind>s/. */
export interface Item {
  kind: ItemKind;
  id: string;
  title: string;
  summary: string;
  steps: Step[];
  citations: Citation[];
  rules: RuleDef[];
  /** Path of the file, relative to the rules folder. */
  file: string;
}

/** A consistency check over the whole answer space (rules/invariants.json): whenever `when` holds, the outcome meets `expect`. */
export interface Invariant {
  id: string;
  description: string;
  when: Condition;
  expect: Expectation;
}

export interface RuleBase {
  dir: string;
  name: string;
  version: string;
  /** sha256 over every file of the rule base: the same rules give the same hash. */
  hash: string;
  /** For a copy made by `tip-coord rules init`: the rule set it was copied from. */
  basedOn?: { name: string; version: string; hash: string };
  unknownLabel: string;
  sections: Section[];
  questions: Question[];
  questionById: Map<string, Question>;
  sources: Map<string, Source>;
  mechanisms: Item[];
  cautions: Item[];
  actions: Item[];
  /** Checked by `rules validate --deep`; empty when the rule base has no invariants.json. */
  invariants: Invariant[];
  /** Report and interview texts (messages.en.json), keyed. */
  messages: Record<string, string>;
}
