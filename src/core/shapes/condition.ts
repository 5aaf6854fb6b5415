/**
 * A json-rules-engine condition as the tool allows it, and a citation of a source: the pieces
 * every rule file is made of. The facts are the questionnaire's question ids and the sources
 * those of sources.json, when they are known.
 */
import { OPERATORS } from '../vocabulary.js';
import type { AnswerValue } from './answers.js';
import { closed, oneOf, T, text, type Static } from './kit.js';

/** What a condition may name: question ids. */
export interface ConditionWords {
  facts?: readonly string[];
}

/** A note for people on a condition (json-rules-engine keeps it): any value. */
const NAME = T.Optional(T.Unknown({ description: 'A name for people; the engine ignores it.' }));

function definitions(facts: readonly string[] | undefined) {
  const all = closed({ all: T.Array(T.Ref('Condition')), name: NAME });
  const any = closed({ any: T.Array(T.Ref('Condition')), name: NAME });
  const not = closed({ not: T.Ref('Condition'), name: NAME });
  const leaf = closed({
    fact: oneOf(facts, { description: 'A question id.' }),
    operator: T.Enum(OPERATORS),
    value: T.Unsafe<AnswerValue>({ description: 'A value the question offers, "unknown", or a list of them.' }),
    name: NAME,
  });
  return {
    Condition: T.Union([all, any, not, leaf]),
    // A rule's conditions: json-rules-engine refuses a bare condition at the root.
    RuleConditions: T.Union([all, any, not], { description: '"all", "any" or "not" at the root.' }),
  };
}

/** A condition: all / any / not of conditions, or a question's fact tested by an operator. */
export const conditionShape = (words: ConditionWords = {}) => T.Cyclic(definitions(words.facts), 'Condition');
/** A rule's conditions: a group (all, any, not) at the root. */
export const ruleConditionsShape = (words: ConditionWords = {}) => T.Cyclic(definitions(words.facts), 'RuleConditions');

export type Condition = Static<ReturnType<typeof conditionShape>>;
export type LeafCondition = Extract<Condition, { fact: unknown }>;
export type Operator = (typeof OPERATORS)[number];

/** A source's point: which source (an id of sources.json), where in it, and what it says. */
export const citationShape = (sources?: readonly string[]) =>
  closed({
    source: oneOf(sources, { description: 'A source id of sources.json.' }),
    in: T.Optional(text({ description: 'The part of the source that makes the point (a section or heading).' })),
    point: text(),
  });
export type Citation = Static<ReturnType<typeof citationShape>>;
