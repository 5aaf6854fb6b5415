/**
 * The shape of each kind of rule file as the tool checks it on every load of a rule folder: the
 * structure alone, without the rule base's ids (those are checked across files, in code, once
 * the files fit). Their checkers are compiled ahead of time into core/shapes/checks.ts by `npm
 * run gen` (TypeBox's Code), so that loading a folder neither compiles code nor walks the
 * shapes; the shapes themselves serve when a file does not fit, to say why.
 */
import { BY_ANSWER, DRAFT_TEXTS } from '../drafting.js';
import { draftingShape, FileText } from './drafting.js';
import { itemShape } from './items.js';
import type { TSchema } from './kit.js';
import { questionsFileShape } from './questions.js';
import {
  helpShape,
  invariantsFileShape,
  localeShape,
  messagesShape,
  ruleSetFileShape,
  sourcesFileShape,
} from './rule-set.js';

export const RULE_FILE_SHAPES = {
  ruleSet: () => ruleSetFileShape(),
  questions: () => questionsFileShape(),
  sources: () => sourcesFileShape(),
  help: () => helpShape(),
  messages: () => messagesShape(),
  locale: () => localeShape(),
  invariants: () => invariantsFileShape(),
  drafting: () => draftingShape({ texts: Object.keys(DRAFT_TEXTS), byAnswer: BY_ANSWER }, FileText),
  mechanism: () => itemShape('mechanism'),
  caution: () => itemShape('caution'),
  action: () => itemShape('action'),
  verdict: () => itemShape('verdict'),
} satisfies Record<string, () => TSchema>;

export type RuleFileKind = keyof typeof RULE_FILE_SHAPES;

/** Each kind's shape, made once (only when a file does not fit). */
const made = new Map<RuleFileKind, TSchema>();
export function ruleFileShape(kind: RuleFileKind): TSchema {
  let shape = made.get(kind);
  if (!shape) {
    shape = RULE_FILE_SHAPES[kind]();
    made.set(kind, shape);
  }
  return shape;
}
