/**
 * The JSON Schemas shipped in schemas/, for the files people edit and the JSON scripts read:
 * answers files, scenario files, the rule files, and the result of `assess --format json`. Each
 * is written from the shape the tool itself checks and types with (core/shapes), filled with the
 * rule base's ids, so that an editor such as VS Code completes question ids, answer values, fact
 * names and mechanism ids from the same questionnaire the tool checks against. They help while
 * typing; the tool's own checks still decide, and say what is wrong with the file, the key and the
 * valid values. Pure. `npm run gen` writes schemas/*.json from this module; `npm test` fails when
 * one is stale.
 */
import { BY_ANSWER, DRAFT_TEXTS } from '../core/drafting.js';
import { answersFileShape } from '../core/shapes/answers.js';
import { draftingShape, FileText } from '../core/shapes/drafting.js';
import { jsonSchema } from '../core/shapes/emit.js';
import { scenarioShape } from '../core/shapes/expectation.js';
import { itemShape } from '../core/shapes/items.js';
import { questionsFileShape } from '../core/shapes/questions.js';
import { ComparisonShape, ResultShape, TraceShape } from '../core/shapes/result.js';
import { localeShape } from '../core/shapes/rule-set.js';
import type { RuleBase } from '../core/types.js';

type Schema = Record<string, unknown>;

const ids = (items: readonly { id: string }[]): string[] => items.map((i) => i.id);

/** The ids of a rule base that its files name. */
function wordsOf(rules: RuleBase) {
  return {
    facts: ids(rules.questions),
    sources: [...rules.sources.keys()],
    mechanisms: ids(rules.mechanisms),
    cautions: ids(rules.cautions),
    actions: ids(rules.actions),
    verdicts: ids(rules.verdicts),
  };
}

/** The answers file (`--answers`, `--save-answers`, `batch` folders), version 1 or 2, with the rule base's questions. */
export function answersSchema(rules: RuleBase, version: 1 | 2): Schema {
  return jsonSchema(
    answersFileShape(rules.questions, [version]),
    `answers.v${version}.schema.json`,
    `tip-coord answers file, version ${version}`,
  );
}

/** Every schema, by its file name in schemas/. */
export function allSchemas(rules: RuleBase): Record<string, Schema> {
  const words = wordsOf(rules);
  return {
    'answers.v1.schema.json': answersSchema(rules, 1),
    'answers.v2.schema.json': answersSchema(rules, 2),
    'scenario.schema.json': jsonSchema(
      scenarioShape(rules.questions, words),
      'scenario.schema.json',
      'tip-coord scenario file (rules test)',
    ),
    'item.schema.json': jsonSchema(
      itemShape(undefined, words),
      'item.schema.json',
      'tip-coord mechanism, caution, action or review verdict file',
    ),
    'questions.schema.json': jsonSchema(
      questionsFileShape(words),
      'questions.schema.json',
      'tip-coord question list (rules/questions.json)',
    ),
    'drafting.schema.json': jsonSchema(
      draftingShape({ ...words, texts: Object.keys(DRAFT_TEXTS), byAnswer: BY_ANSWER }, FileText),
      'drafting.schema.json',
      'tip-coord drafting texts (rules/drafting.en.json)',
    ),
    'locale.schema.json': jsonSchema(
      localeShape(ids(rules.questions)),
      'locale.schema.json',
      'tip-coord translation (rules/locales/<lang>.json)',
    ),
    'result.schema.json': jsonSchema(ResultShape, 'result.schema.json', 'tip-coord assessment result (assess --format json)'),
    'explain.schema.json': jsonSchema(TraceShape, 'explain.schema.json', 'tip-coord decision trace (explain --format json)'),
    'compare.schema.json': jsonSchema(
      ComparisonShape,
      'compare.schema.json',
      'tip-coord comparison of two answer sets (compare --format json)',
    ),
  };
}
