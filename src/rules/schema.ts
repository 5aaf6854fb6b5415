/**
 * JSON Schemas (draft-07) for the files people edit: answers files (versions 1 and 2), scenario
 * files and every kind of rule file. Generated from the rule base, so that an editor such as
 * VS Code completes question ids, answer values, fact names and mechanism ids from the same
 * questionnaire the tool checks against. They help while typing; the tool's own checks still
 * decide and say what is wrong better (the file, the key and the valid values). Pure.
 * `npm run gen` writes schemas/*.json from this module; `npm test` fails when one is stale.
 */
import { answersFileShape } from '../core/shapes/answers.js';
import { jsonSchema } from '../core/shapes/emit.js';
import { scenarioShape } from '../core/shapes/expectation.js';
import { ResultShape } from '../core/shapes/result.js';
import { HORIZONS, OPERATORS, OWNERS, UNKNOWN, type RuleBase } from '../core/types.js';

type Schema = Record<string, unknown>;

const DRAFT = 'http://json-schema.org/draft-07/schema#';
/** A text that is not blank: what the tool's checks call a text. */
const TEXT: Schema = { type: 'string', pattern: '\\S' };
/** Keys every file may have: a note for people, and the schema reference itself. */
const META: Schema = {
  $comment: { description: 'A note for people; the tool ignores it.' },
  $schema: { description: 'Where this schema is, for editors.' },
};
/** Who carries a step or an action, and in how many days (the action plan). */
const OWNER: Schema = { enum: [...OWNERS] };
const HORIZON: Schema = { enum: [...HORIZONS], description: 'Days: 30, 60 or 90.' };

/** The answers file (`--answers`, `--save-answers`, `batch` folders), version 1 or 2, with the rule base's questions. */
export function answersSchema(rules: RuleBase, version: 1 | 2): Schema {
  return jsonSchema(
    answersFileShape(rules.questions, [version]),
    `answers.v${version}.schema.json`,
    `tip-coord answers file, version ${version}`,
  );
}

/** A scenario file (`rules test`): answers, a description and what the outcome must be. */
export function scenarioSchema(rules: RuleBase): Schema {
  const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
  return jsonSchema(
    scenarioShape(rules.questions, {
      mechanisms: ids(rules.mechanisms),
      cautions: ids(rules.cautions),
      verdicts: ids(rules.verdicts),
      actions: ids(rules.actions),
    }),
    'scenario.schema.json',
    'tip-coord scenario file (rules test)',
  );
}

/** A json-rules-engine condition as the tool allows it: all / any / not, or a fact of the questionnaire. */
function conditionDefinitions(rules: RuleBase): Schema {
  return {
    condition: {
      anyOf: [
        {
          type: 'object',
          required: ['all'],
          additionalProperties: false,
          properties: { all: { type: 'array', items: { $ref: '#/definitions/condition' } }, name: {} },
        },
        {
          type: 'object',
          required: ['any'],
          additionalProperties: false,
          properties: { any: { type: 'array', items: { $ref: '#/definitions/condition' } }, name: {} },
        },
        {
          type: 'object',
          required: ['not'],
          additionalProperties: false,
          properties: { not: { $ref: '#/definitions/condition' }, name: {} },
        },
        {
          type: 'object',
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
          properties: {
            fact: { enum: rules.questions.map((q) => q.id), description: 'A question id.' },
            operator: { enum: [...OPERATORS] },
            value: { description: 'A value the question offers, "unknown", or a list of them.' },
          },
        },
      ],
    },
    /** A rule's conditions: all, any or not at the root. */
    root: {
      anyOf: [
        { type: 'object', required: ['all'] },
        { type: 'object', required: ['any'] },
        { type: 'object', required: ['not'] },
      ],
      allOf: [{ $ref: '#/definitions/condition' }],
    },
    citation: {
      type: 'object',
      required: ['source', 'point'],
      additionalProperties: false,
      properties: {
        source: { enum: [...rules.sources.keys()], description: 'A source id of sources.json.' },
        in: TEXT,
        point: TEXT,
      },
    },
  };
}

/** A mechanism, caution or action file (rules/mechanisms, cautions, actions). */
export function itemSchema(rules: RuleBase): Schema {
  return {
    $schema: DRAFT,
    $id: 'https://tip-coord.invalid/schemas/item.schema.json',
    title: 'tip-coord mechanism, caution, action or review verdict file',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'summary', 'rules'],
    properties: {
      ...META,
      id: TEXT,
      title: TEXT,
      summary: TEXT,
      // Mechanisms only: when the answers say the mechanism is already in place.
      existsWhen: { $ref: '#/definitions/condition' },
      existingTitle: TEXT,
      owner: OWNER,
      horizon: HORIZON,
      steps: {
        type: 'array',
        items: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            $comment: {},
            id: TEXT,
            owner: OWNER,
            horizon: HORIZON,
            plan: { type: 'integer', minimum: 1, maximum: 9 },
            text: TEXT,
            when: { $ref: '#/definitions/condition' },
          },
        },
      },
      citations: { type: 'array', items: { $ref: '#/definitions/citation' } },
      rules: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['id', 'title', 'rationale', 'basis', 'citations', 'conditions'],
          additionalProperties: false,
          properties: {
            $comment: {},
            id: TEXT,
            role: { enum: ['primary', 'complementary'] },
            order: { type: 'integer', minimum: 1 },
            verdicts: { type: 'array', minItems: 1, items: { enum: rules.verdicts.map((v) => v.id) } },
            title: TEXT,
            rationale: TEXT,
            basis: { enum: ['source', 'inference'] },
            citations: { type: 'array', minItems: 1, items: { $ref: '#/definitions/citation' } },
            conditions: { $ref: '#/definitions/root' },
          },
        },
      },
    },
    definitions: conditionDefinitions(rules),
  };
}

/** rules/questions.json: the interview. */
export function questionsSchema(): Schema {
  return {
    $schema: DRAFT,
    $id: 'https://tip-coord.invalid/schemas/questions.schema.json',
    title: 'tip-coord question list (rules/questions.json)',
    type: 'object',
    required: ['sections', 'questions'],
    properties: {
      ...META,
      version: {},
      unknownLabel: TEXT,
      notApplicableLabel: { type: 'string' },
      sections: {
        type: 'array',
        items: { type: 'object', required: ['id', 'title'], properties: { id: TEXT, title: TEXT } },
      },
      questions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'section', 'type', 'factor', 'label', 'term', 'hint', 'choices'],
          properties: {
            id: TEXT,
            section: { type: 'string' },
            type: { enum: ['single', 'multi', 'boolean'] },
            factor: TEXT,
            label: TEXT,
            term: TEXT,
            hint: TEXT,
            choices: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['value', 'label'],
                properties: { value: { type: ['string', 'boolean'], not: { const: UNKNOWN } }, label: TEXT },
              },
            },
            askWhen: { type: 'object' },
            byResponseType: {
              type: 'object',
              additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  label: TEXT,
                  term: TEXT,
                  hint: TEXT,
                  choices: { type: 'object', additionalProperties: TEXT },
                },
              },
            },
          },
        },
      },
    },
  };
}

/** rules/drafting.en.json: the paste-ready HNO / HRP / strategy texts. */
export function draftingSchema(): Schema {
  const variant: Schema = {
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        required: ['standard', 'safe'],
        additionalProperties: false,
        properties: { standard: { type: 'string' }, safe: { type: 'string' } },
      },
    ],
  };
  return {
    $schema: DRAFT,
    $id: 'https://tip-coord.invalid/schemas/drafting.schema.json',
    title: 'tip-coord drafting texts (rules/drafting.en.json)',
    type: 'object',
    properties: {
      ...META,
      avoid: { type: 'array', items: { type: 'string' } },
      texts: { type: 'object', additionalProperties: variant },
      byAnswer: { type: 'object' },
      mechanisms: { type: 'object' },
      actions: { type: 'object' },
      cautions: { type: 'object' },
      citations: { type: 'array' },
    },
  };
}

/** rules/locales/<lang>.json: one translated text per key of the rule base. */
export function localeSchema(rules: RuleBase): Schema {
  return {
    $schema: DRAFT,
    $id: 'https://tip-coord.invalid/schemas/locale.schema.json',
    title: 'tip-coord translation (rules/locales/<lang>.json)',
    type: 'object',
    propertyNames: { not: { const: '' } },
    properties: {
      ...META,
      // The keys of a few texts, for completion; every key must be a text of the rule base.
      ...Object.fromEntries(rules.questions.map((q) => [`questions.${q.id}.label`, { type: 'string' }])),
    },
    additionalProperties: { type: 'string' },
  };
}

/** Every schema, by its file name in schemas/. */
export function allSchemas(rules: RuleBase): Record<string, Schema> {
  return {
    'answers.v1.schema.json': answersSchema(rules, 1),
    'answers.v2.schema.json': answersSchema(rules, 2),
    'scenario.schema.json': scenarioSchema(rules),
    'item.schema.json': itemSchema(rules),
    'questions.schema.json': questionsSchema(),
    'drafting.schema.json': draftingSchema(),
    'locale.schema.json': localeSchema(rules),
    'result.schema.json': jsonSchema(ResultShape, 'result.schema.json', 'tip-coord assessment result (assess --format json)'),
  };
}
