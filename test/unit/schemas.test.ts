import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAnswersFile } from '../../src/core/answers.js';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_RULES_DIR, listFiles, loadRuleBase } from '../../src/rules/folder.js';
import { parseRuleBase } from '../../src/rules/rulebase.js';
import { toolTexts } from '../../src/core/texts.js';
import { ROOT } from '../support/cli.js';
import { Check } from 'typebox/schema';
import { answersFileShape } from '../../src/core/shapes/answers.js';
import { builtInAnswers } from '../../src/core/answers-check.js';
import { checks } from '../../src/core/shapes/checks.js';
import { questionnaireKey } from '../../src/core/questionnaire-key.js';
import { READ_VERSIONS } from '../../src/core/vocabulary.js';
import { ruleFileShape, type RuleFileKind } from '../../src/core/shapes/rule-files.js';

const rules = loadRuleBase();
const SCHEMAS = join(ROOT, 'schemas');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const questionsVersion = (read(join(DEFAULT_RULES_DIR, 'questions.json')) as { version?: number }).version ?? 1;

const ajv = new Ajv({ allErrors: false });
// VS Code's keyword for the labels of enum values: for editors, not for validation.
ajv.addKeyword('enumDescriptions');
const validators = new Map<string, ValidateFunction>();
const schema = (name: string): ValidateFunction => {
  if (!validators.has(name)) validators.set(name, ajv.compile(read(join(SCHEMAS, name)) as object));
  return validators.get(name)!;
};
const valid = (name: string, data: unknown): boolean => schema(name)(data);

describe('the JSON Schemas shipped in schemas/', () => {
  it('accept every file the tool accepts: examples, scenarios and every built-in rule file', () => {
    for (const f of readdirSync(join(ROOT, 'examples')).filter((x) => x.endsWith('.json'))) {
      const data = read(join(ROOT, 'examples', f));
      expect(() => validateAnswersFile(data, rules, f)).not.toThrow();
      // Each example against the schema of its own version.
      expect(valid(`answers.v${(data as { version: number }).version}.schema.json`, data), f).toBe(true);
    }
    const scenarios = join(DEFAULT_RULES_DIR, 'scenarios');
    for (const f of readdirSync(scenarios))
      expect(valid('scenario.schema.json', read(join(scenarios, f))), f).toBe(true);
    for (const dir of ['mechanisms', 'cautions', 'actions', 'verdicts'])
      for (const f of readdirSync(join(DEFAULT_RULES_DIR, dir)))
        expect(valid('item.schema.json', read(join(DEFAULT_RULES_DIR, dir, f))), `${dir}/${f}`).toBe(true);
    expect(valid('questions.schema.json', read(join(DEFAULT_RULES_DIR, 'questions.json')))).toBe(true);
    expect(valid('drafting.schema.json', read(join(DEFAULT_RULES_DIR, 'drafting.en.json')))).toBe(true);
    expect(valid('locale.schema.json', read(join(DEFAULT_RULES_DIR, 'locales', 'fr.json')))).toBe(true);
  });

  it('are referenced with $schema from the examples, the scenarios and the built-in rule files', () => {
    const ref = (p: string): unknown => (read(p) as { $schema?: string }).$schema;
    for (const f of readdirSync(join(ROOT, 'examples')).filter((x) => x.endsWith('.json')))
      expect(ref(join(ROOT, 'examples', f)), f).toBe('../schemas/answers.v2.schema.json');
    for (const dir of ['mechanisms', 'cautions', 'actions', 'verdicts'])
      for (const f of readdirSync(join(DEFAULT_RULES_DIR, dir)))
        expect(ref(join(DEFAULT_RULES_DIR, dir, f)), f).toBe('../../schemas/item.schema.json');
    for (const f of readdirSync(join(DEFAULT_RULES_DIR, 'scenarios')))
      expect(ref(join(DEFAULT_RULES_DIR, 'scenarios', f)), f).toBe('../../schemas/scenario.schema.json');
    expect(ref(join(DEFAULT_RULES_DIR, 'questions.json'))).toBe('../schemas/questions.schema.json');
    expect(ref(join(DEFAULT_RULES_DIR, 'drafting.en.json'))).toBe('../schemas/drafting.schema.json');
    expect(ref(join(DEFAULT_RULES_DIR, 'locales', 'fr.json'))).toBe('../../schemas/locale.schema.json');
    expect(existsSync(join(SCHEMAS, 'answers.v2.schema.json'))).toBe(true);
  });
});

/** Values from every question, and some that no question offers. */
const anyValue = (() => {
  const scalars = [
    ...new Set(rules.questions.flatMap((q) => q.choices.map((c) => c.value))),
    'unknown',
    'not_applicable',
    'bogus',
    '',
  ];
  const scalar = fc.oneof(fc.constantFrom(...scalars), fc.integer(), fc.constant(null));
  return fc.oneof(scalar, fc.array(fc.oneof(fc.constantFrom(...scalars), fc.integer()), { maxLength: 4 }), fc.object());
})();

describe('the schemas and the tool agree (fast-check, ajv)', () => {
  it('answers files: the schema accepts exactly what the tool accepts (version 1), and never less (version 2)', () => {
    const ids = [...rules.questions.map((q) => q.id), 'tipscale', 'bogus'];
    const file = fc.record(
      {
        version: fc.constantFrom<unknown>(1, 1, 1, 2, '1', 0),
        response: fc.oneof(
          fc.record(
            { name: fc.oneof(fc.string({ maxLength: 5 }), fc.constant('x'.repeat(201)), fc.integer()) },
            {
              requiredKeys: [],
            },
          ),
          fc.constant({ nom: 'x' }),
          fc.constant('x'),
        ),
        answers: fc.oneof(
          fc.dictionary(fc.constantFrom(...ids), anyValue, { maxKeys: 6 }),
          fc.constant([]),
          fc.constant('x'),
        ),
        $comment: fc.string({ maxLength: 3 }),
        $schema: fc.constant('../schemas/answers.v1.schema.json'),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(file, (raw) => {
        const data = JSON.parse(JSON.stringify(raw)) as unknown;
        let accepted = true;
        try {
          validateAnswersFile(data, rules, 'fuzz.json');
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          accepted = false;
        }
        const version = (data as { version?: unknown } | null)?.version;
        const name = version === 2 ? 'answers.v2.schema.json' : 'answers.v1.schema.json';
        const ok = valid(name, data);
        // Version 1 with the version-1 questionnaire: exactly the same verdict. Otherwise (version 2,
        // which this tool may not read yet): every file the tool accepts validates, and every file
        // the schema rejects is refused (the same statement, turned round).
        if (version !== 2 && questionsVersion === 1) expect(ok, JSON.stringify(data)).toBe(accepted);
        else if (accepted) expect(ok, JSON.stringify(data)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('rule files: a mechanism file the schema rejects is refused by the tool', () => {
    const texts = toolTexts('en');
    const files = listFiles(DEFAULT_RULES_DIR, texts);
    const target = 'mechanisms/working_group.json';
    const original = JSON.parse(files.find((f) => f.rel === target)!.text) as Record<string, unknown>;
    type Edit = { path: (string | number)[]; value: unknown; remove: boolean };
    const paths: (string | number)[][] = [
      [],
      ['id'],
      ['title'],
      ['steps'],
      ['steps', 0],
      ['steps', 0, 'text'],
      ['rules'],
      ['rules', 0],
      ['rules', 0, 'basis'],
      ['rules', 0, 'order'],
      ['rules', 0, 'role'],
      ['rules', 0, 'citations'],
      ['rules', 0, 'citations', 0, 'source'],
      ['rules', 0, 'conditions'],
      ['rules', 0, 'conditions', 'all', 0],
      ['rules', 0, 'conditions', 'all', 0, 'fact'],
      ['rules', 0, 'conditions', 'all', 0, 'operator'],
    ];
    const edit = fc.record({
      path: fc.constantFrom(...paths),
      key: fc.constantFrom('', 'when', 'path', 'priority', 'extra', 'whenn'),
      value: fc.oneof(
        fc.constantFrom<unknown>('', 'x', 0, -1, 1.5, null, [], {}, true, 'S1', 'bogus', 'in', 'tipScale'),
        anyValue,
      ),
      remove: fc.boolean(),
    });
    const apply = (doc: Record<string, unknown>, e: Edit & { key: string }): Record<string, unknown> => {
      const copy = structuredClone(doc);
      let node: unknown = copy;
      for (const p of e.path) node = (node as Record<string | number, unknown>)?.[p];
      if (node === null || typeof node !== 'object') return copy;
      const obj = node as Record<string, unknown>;
      const keys = Object.keys(obj);
      const key = e.key || keys[0] || 'x';
      if (e.remove && key in obj) delete obj[key];
      else obj[key] = e.value;
      return copy;
    };
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = edits.reduce(apply, original);
        if (valid('item.schema.json', doc)) return;
        const mutated = files.map((f) => (f.rel === target ? { ...f, text: JSON.stringify(doc) } : f));
        const { problems } = parseRuleBase(mutated, {
          dir: DEFAULT_RULES_DIR,
          lang: 'en',
          thorough: false,
          texts,
          requiredMessages: [],
        });
        expect(problems.length, JSON.stringify(doc).slice(0, 400)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the checkers compiled ahead of time (core/shapes/checks.ts) and the shapes they come from', () => {
  it('agree on any answers file, and the built-in questionnaire is the one they were made for', () => {
    expect(questionnaireKey(rules.questions)).toBe(builtInAnswers.questionnaire);
    const shape = answersFileShape(rules.questions, READ_VERSIONS);
    const file = fc.record(
      {
        version: fc.constantFrom<unknown>(1, 2, 3, '2'),
        response: fc.oneof(fc.record({ name: fc.string({ maxLength: 3 }) }), fc.constant({ nom: 'x' })),
        answers: fc.dictionary(fc.constantFrom(...rules.questions.map((q) => q.id), 'bogus'), anyValue, {
          maxKeys: 5,
        }),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(file, (raw) => {
        expect(builtInAnswers.check(raw), JSON.stringify(raw)).toBe(Check(shape, raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('agree on every built-in rule file and on mutations of them', () => {
    const kindOf = (rel: string): RuleFileKind | undefined =>
      (
        ({
          'ruleset.json': 'ruleSet',
          'questions.json': 'questions',
          'sources.json': 'sources',
          'help.en.json': 'help',
          'messages.en.json': 'messages',
          'invariants.json': 'invariants',
          'drafting.en.json': 'drafting',
          'locales/fr.json': 'locale',
        }) as Record<string, RuleFileKind>
      )[rel] ?? (/^(mechanism|caution|action|verdict)s\//.exec(rel)?.[1] as RuleFileKind | undefined);
    const files = listFiles(DEFAULT_RULES_DIR, toolTexts('en')).flatMap((f) => {
      const kind = kindOf(f.rel);
      return kind ? [{ kind, value: JSON.parse(f.text) as Record<string, unknown> }] : [];
    });
    for (const { kind, value } of files) expect(checks[kind](value), kind).toBe(true);
    const mutation = fc.record({
      file: fc.constantFrom(...files),
      key: fc.constantFrom('id', 'rules', 'steps', 'questions', 'sources', 'texts', 'extra', 'title', 'name'),
      value: fc.oneof(anyValue, fc.constant(undefined)),
    });
    fc.assert(
      fc.property(mutation, ({ file, key, value }) => {
        const mutated = { ...file.value, [key]: value };
        expect(checks[file.kind](mutated)).toBe(Check(ruleFileShape(file.kind), mutated));
      }),
      { numRuns: 500 },
    );
  });
});
