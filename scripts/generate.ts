/**
 * Every generated file of the repository, made from its one source: the JSON Schemas from the rule
 * base (src/rules/schema.ts), the message-key types from the two text catalogs, and the example
 * KoboToolbox export from the example responses. `npm run gen` writes them; `npm run gen -- --check`
 * and the test suite compare them, so a stale file fails CI. Nothing here runs inside a test's write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Code } from 'typebox/compile';
import { RULE_FILE_SHAPES } from '../src/core/shapes/rule-files.js';
import { answersFileShape } from '../src/core/shapes/answers.js';
import { questionnaireKey } from '../src/core/questionnaire-key.js';
import { READ_VERSIONS } from '../src/core/vocabulary.js';
import type { TSchema } from '../src/core/shapes/kit.js';
import { xlsx } from '../src/render/workbook.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../src/rules/folder.js';
import { allSchemas } from '../src/rules/schema.js';
import type { RuleBase } from '../src/core/types.js';
import { koboTable } from '../test/support/kobo.js';
import { EXAMPLE_RESPONSES } from '../test/support/kobo-example.js';

export const ROOT = join(import.meta.dirname, '..');

const TOOL_TEXTS = 'src/core/texts/en.json';
const RULE_TEXTS = 'rules/messages.en.json';

const keysOf = (rel: string): string[] =>
  Object.keys(JSON.parse(readFileSync(join(ROOT, rel), 'utf8')) as Record<string, unknown>).filter(
    (k) => k !== '$comment',
  );

function union(name: string, keys: string[]): string[] {
  return [
    `export type ${name} =`,
    ...keys.map((k, i) => `  | ${JSON.stringify(k).replace(/"/g, "'")}${i === keys.length - 1 ? ';' : ''}`),
  ];
}

/** src/core/message-keys.ts: a text looked up under a key that does not exist is a compile error. */
export function messageKeysSource(): string {
  return [
    `// Generated from ${TOOL_TEXTS} and ${RULE_TEXTS} by \`npm run gen\`.`,
    '// Do not edit: add the text to one of those files (and its French) instead.',
    '',
    `/** The tool's own texts (${TOOL_TEXTS}): help, errors, prompts. */`,
    ...union('ToolKey', keysOf(TOOL_TEXTS)),
    '',
    `/** The rule folder's texts (${RULE_TEXTS}): the report's and the other documents' words. */`,
    ...union('RuleTextKey', keysOf(RULE_TEXTS)),
    '',
    "/** Every text of a rule base: its own, and the tool's it may reword. */",
    'export type MessageKey = ToolKey | RuleTextKey;',
    '',
  ].join('\n');
}

/** TypeBox's checker module for a shape (Code), made self-contained: its regular expressions written as literals, its entry returned. */
function checker(name: string, shape: TSchema): { code: string; guard: boolean; hashing: boolean } {
  const { Code: code, External } = Code(shape);
  if (!External.variables.every((v: unknown) => v instanceof RegExp))
    throw new Error(`the checker of ${name} needs more than regular expressions: see generate.ts`);
  const body: string[] = [];
  for (const line of code.split('\n').filter((l) => l !== '' && !l.startsWith('// @ts-ignore'))) {
    if (
      line.startsWith('import ') ||
      line.startsWith(`let ${External.identifier} =`) ||
      line.startsWith('export function SetExternal')
    )
      continue;
    const entry = /^export function Check\(value\) \{ return (.+) \}$/.exec(line);
    if (line.startsWith('export ') && !entry)
      throw new Error(`unexpected line in the checker of ${name}: ${line.slice(0, 80)}`);
    body.push(entry ? `return (value) => ${entry[1]};` : line);
  }
  const externals = `const ${External.identifier} = [${External.variables.map(String).join(', ')}];`;
  return {
    code: `(() => {\n${externals}\n${body.join('\n')}\n})()`,
    guard: body.some((l) => l.includes('Guard.')),
    hashing: body.some((l) => l.includes('Hashing.')),
  };
}

/**
 * src/core/shapes/checks.ts: checkers compiled ahead of time by TypeBox (Code) from the shapes,
 * so that a run checks its files with plain code: no walk of a shape, no code compiled at run
 * time (the browser page's policy forbids it anyway): one for every kind of rule file
 * (core/shapes/rule-files.ts).
 */
export function checksSource(): string {
  const kinds = Object.entries(RULE_FILE_SHAPES).map(([kind, make]) => ({ kind, ...checker(kind, make()) }));
  return [
    ...header(kinds),
    "import type { RuleFileKind } from './rule-files.js';",
    '',
    '/** Whether a rule file of each kind fits its shape. */',
    'export const checks: Record<RuleFileKind, (value: unknown) => boolean> = {',
    ...kinds.map((k) => `  ${k.kind}: ${k.code},`),
    '};',
    '',
  ].join('\n');
}

/** src/core/answers-check.ts: the checker of answers files to the built-in questionnaire, a module of its own (a run reads one). */
export function answersCheckSource(rules: RuleBase): string {
  const answers = checker('answers', answersFileShape(rules.questions, READ_VERSIONS));
  return [
    ...header([answers]),
    '',
    '/** Whether an answers file fits the shape of the built-in questionnaire (`questionnaire`: see questionnaireKey). */',
    'export const builtInAnswers: { questionnaire: string; check: (value: unknown) => boolean } = {',
    `  questionnaire: ${JSON.stringify(questionnaireKey(rules.questions))},`,
    `  check: ${answers.code},`,
    '};',
    '',
  ].join('\n');
}

function header(made: { guard: boolean; hashing: boolean }[]): string[] {
  return [
    '/* eslint-disable */',
    '// @ts-nocheck',
    '// Generated from src/core/shapes by `npm run gen` (TypeBox Code): do not edit.',
    ...(made.some((c) => c.guard) ? ["import { Guard } from 'typebox/guard';"] : []),
    ...(made.some((c) => c.hashing) ? ["import { Hashing } from 'typebox/system';"] : []),
  ];
}

/** The schemas in schemas/, by file name. Once the questionnaire is version 2, answers.v1 stays as it was. */
export function schemaFiles(rules: RuleBase): Record<string, unknown> {
  const made: Record<string, unknown> = allSchemas(rules);
  const version =
    (JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'questions.json'), 'utf8')) as { version?: number }).version ?? 1;
  if (version !== 1) delete made['answers.v1.schema.json'];
  return made;
}

async function formatted(rel: string, text: string): Promise<string> {
  const file = join(ROOT, rel);
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

/** Every generated file: its path from the repository root and its exact content. */
export async function generatedFiles(): Promise<Map<string, string | Uint8Array>> {
  const rules = loadRuleBase();
  const files = new Map<string, string | Uint8Array>();
  files.set('src/core/message-keys.ts', await formatted('src/core/message-keys.ts', messageKeysSource()));
  files.set('src/core/shapes/checks.ts', await formatted('src/core/shapes/checks.ts', checksSource()));
  files.set('src/core/answers-check.ts', await formatted('src/core/answers-check.ts', answersCheckSource(rules)));
  for (const [name, schema] of Object.entries(schemaFiles(rules)))
    files.set(`schemas/${name}`, await formatted(`schemas/${name}`, `${JSON.stringify(schema, null, 2)}\n`));
  files.set(
    'examples/kobo-export.xlsx',
    xlsx([{ name: 'tip_coord_stocktake', rows: koboTable(rules, EXAMPLE_RESPONSES) }]),
  );
  return files;
}

/** The generated files whose copy on disk differs from what their source makes now. */
export async function staleFiles(files?: Map<string, string | Uint8Array>): Promise<string[]> {
  const stale: string[] = [];
  for (const [rel, content] of files ?? (await generatedFiles())) {
    let onDisk: Buffer;
    try {
      onDisk = readFileSync(join(ROOT, rel));
    } catch {
      stale.push(rel);
      continue;
    }
    const made = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    if (!onDisk.equals(made)) stale.push(rel);
  }
  return stale;
}
