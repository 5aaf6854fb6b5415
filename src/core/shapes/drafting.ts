/**
 * rules/drafting.en.json: the paste-ready texts for the HNO, the HRP and the protection
 * strategies, each in a standard and a terminology-safe variant, and the logframe's services.
 * A file may give one text for both variants; the rule base holds both (VariantText).
 */
import { citationShape, conditionShape } from './condition.js';
import { closed, keyed, META, oneOf, T, text, type Static, type TSchema } from './kit.js';

/** A drafting text in its two variants; "safe" avoids the words the terminology caution rules out. */
export const VariantText = closed({ standard: T.String(), safe: T.String() });
export type VariantText = Static<typeof VariantText>;
export type DraftVariant = keyof VariantText;

/** A drafting text as a file writes it: one text for both variants, or the two. */
export const FileText = T.Cyclic(
  {
    // A definition of its own, so that the shipped schema names it once rather than at each of its many places.
    FileText: T.Union([T.String(), VariantText], {
      description: 'A text, or {"standard": "...", "safe": "..."} where the terminology-safe text differs.',
    }),
  },
  'FileText',
);

/** The names and ids drafting.en.json is keyed by. */
export interface DraftingWords {
  /** The texts the drafting renderer uses (core/drafting.ts DRAFT_TEXTS). */
  texts?: readonly string[];
  /** The texts chosen by an answer (core/drafting.ts BY_ANSWER). */
  byAnswer?: readonly string[];
  facts?: readonly string[];
  sources?: readonly string[];
  mechanisms?: readonly string[];
  actions?: readonly string[];
  cautions?: readonly string[];
}

/** drafting.en.json, its texts in the form `Text` gives (FileText for the file, VariantText as the rule base holds them). */
export function draftingShape<Text extends TSchema>(words: DraftingWords, Text: Text) {
  const milestones = T.Array(Text, { description: 'Yes/no steps of the coordination workplan.' });
  return closed({
    ...META,
    avoid: T.Array(text(), {
      minItems: 1,
      description: 'Words the terminology-safe text never uses (whole words, any case).',
    }),
    hctStep: closed(
      { mechanism: oneOf(words.mechanisms, { description: 'A mechanism id.' }), step: text() },
      { description: 'The step whose applying decides the HCT protection strategy paragraph.' },
    ),
    childrenWhen: conditionShape(words),
    pseaWhen: conditionShape(words),
    citations: T.Array(citationShape(words.sources), { minItems: 1 }),
    texts: keyed(words.texts, Text),
    byAnswer: keyed(
      words.byAnswer,
      closed({
        question: oneOf(words.facts, { description: 'A question id.' }),
        texts: keyed(undefined, Text, { description: 'Texts by answer value ("unknown" too for a single question).' }),
      }),
    ),
    services: T.Array(
      closed({
        id: text(),
        when: T.Optional(conditionShape(words)),
        withMechanisms: T.Optional(T.Array(oneOf(words.mechanisms, { description: 'A mechanism id.' }))),
        activity: Text,
        indicators: T.Array(
          closed({
            level: T.Enum(['output', 'outcome'], {
              description:
                '"output": people reached (a count); "outcome": the share of people whose situation changed.',
            }),
            text: Text,
          }),
        ),
      }),
      { minItems: 1, description: "The response plan's logframe: services partners deliver and donors fund." },
    ),
    mechanisms: keyed(
      words.mechanisms,
      closed({ approach: Text, task: Text, taskExisting: T.Optional(Text), milestones }),
    ),
    actions: keyed(words.actions, closed({ task: T.Optional(Text), milestones })),
    cautions: T.Optional(keyed(words.cautions, closed({ commitment: Text }), { optional: true })),
  });
}

type Drafting = Static<ReturnType<typeof draftingShape<typeof VariantText>>>;
/** Paste-ready HNO/HRP/strategy texts, both variants of every text. */
export type DraftingRules = Omit<Drafting, '$comment' | '$schema' | 'cautions'> & {
  cautions: NonNullable<Drafting['cautions']>;
};
export type ServiceDef = DraftingRules['services'][number];
export type IndicatorDef = ServiceDef['indicators'][number];
/** A row of the coordination workplan: a task of the coordination structure and its milestones. */
export type WorkplanDef = { task?: VariantText; taskExisting?: VariantText; milestones: VariantText[] };
