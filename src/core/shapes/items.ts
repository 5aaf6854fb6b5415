/**
 * A mechanism, caution, action or review verdict: one file in rules/<kind>s/, with its rules
 * (each with a rationale, citations and conditions) and its steps. Each kind has the keys it
 * uses: only a mechanism says when it is already in place, only its rules have a role, only
 * verdict rules must have an order.
 */
import { BASES, HORIZONS, OWNERS, RULE_ROLES, type ITEM_KINDS } from '../vocabulary.js';
import { citationShape, conditionShape, ruleConditionsShape, type Citation } from './condition.js';
import { closed, META, oneOf, T, text, type Static } from './kit.js';

export type ItemKind = (typeof ITEM_KINDS)[number];

/** The ids an item file may name, from the rest of the rule base. */
export interface ItemWords {
  facts?: readonly string[];
  sources?: readonly string[];
  verdicts?: readonly string[];
}

const COMMENT = T.Optional(T.Unknown({ description: 'A note for people; the tool ignores it.' }));
const owner = () => T.Optional(T.Enum(OWNERS, { description: 'Who carries it: a role the answers make real.' }));
const horizon = () => T.Optional(T.Enum(HORIZONS, { description: 'Days: 30, 60 or 90.' }));

export function stepShape(words: ItemWords = {}) {
  return closed({
    $comment: COMMENT,
    id: T.Optional(text({ description: 'A name, for texts that depend on whether this step applies.' })),
    owner: owner(),
    horizon: horizon(),
    plan: T.Optional(
      T.Integer({
        minimum: 1,
        maximum: 9,
        description: 'A candidate for the page-1 plan, and how pressing: 1 first.',
      }),
    ),
    text: text(),
    when: T.Optional(conditionShape(words)),
  });
}
export type Step = Static<ReturnType<typeof stepShape>>;

/**
 * A rule of an item of `kind`. Without a kind, the keys of every kind, none required that one
 * kind lacks: the shape editors get, and the one TypeScript reads (each kind's is narrower).
 */
export function ruleShape(kind?: ItemKind, words: ItemWords = {}) {
  const role = T.Enum(RULE_ROLES, { description: 'Mechanism rules: "primary" rules are candidates for primary.' });
  const order = T.Integer({ minimum: 1, description: 'Tried lowest first: the first that holds decides.' });
  const verdicts = T.Array(oneOf(words.verdicts, { description: 'A verdict id.' }), {
    minItems: 1,
    description: 'Primary rules for a mechanism in place: the rule counts only when its review reaches one of these.',
  });
  const common = {
    $comment: COMMENT,
    id: text(),
    title: text(),
    rationale: text(),
    basis: T.Enum(BASES, {
      description: '"source": stated in a cited source; "inference": a design choice drawn from the sources.',
    }),
    citations: T.Array(citationShape(words.sources), { minItems: 1 }),
    conditions: ruleConditionsShape(words),
  };
  const any = closed({ ...common, role: T.Optional(role), order: T.Optional(order), verdicts: T.Optional(verdicts) });
  if (kind === undefined) return any;
  const { $comment, id, ...rest } = common;
  // Keys in the order a rule file writes them.
  const head = { $comment, id };
  const own =
    kind === 'mechanism'
      ? closed({ ...head, role, order: T.Optional(order), verdicts: T.Optional(verdicts), ...rest })
      : kind === 'verdict'
        ? closed({ ...head, order, ...rest })
        : closed({ ...head, ...rest });
  return own as unknown as typeof any;
}
export type RuleDef = Omit<Static<ReturnType<typeof ruleShape>>, '$comment'>;
export type RuleRole = (typeof RULE_ROLES)[number];

/** An item file of `kind`; without a kind, of any kind (see ruleShape). */
export function itemShape(kind?: ItemKind, words: ItemWords = {}) {
  const head = { ...META, id: text(), title: text(), summary: text() };
  const mechanism = {
    existsWhen: T.Optional(conditionShape(words)),
    existingTitle: T.Optional(text({ description: 'Its name when it is the one already in place.' })),
  };
  const tail = {
    owner: owner(),
    horizon: horizon(),
    steps: T.Optional(T.Array(stepShape(words))),
    citations: T.Optional(T.Array(citationShape(words.sources))),
    rules: T.Array(ruleShape(kind, words), { minItems: 1 }),
  };
  const any = closed({ ...head, ...mechanism, ...tail });
  if (kind === undefined || kind === 'mechanism') return any;
  return closed({ ...head, ...tail }) as unknown as typeof any;
}

/** An item as the rule base holds it: its file's keys, its kind, the file it came from, steps and citations always listed. */
export type Item = Omit<Static<ReturnType<typeof itemShape>>, '$comment' | '$schema' | 'steps' | 'citations'> & {
  kind: ItemKind;
  /** Path of the file, relative to the rules folder. */
  file: string;
  steps: Step[];
  citations: Citation[];
};
