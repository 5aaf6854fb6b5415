/**
 * fast-check generators of bad input for answers files and rule files (issue 7), shared by the
 * in-process tests (many runs) and the CLI tests (a few runs through the real binary).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

export const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const QUESTION_IDS = (
  JSON.parse(readFileSync(join(RULES_DIR, 'questions.json'), 'utf8')) as { questions: { id: string }[] }
).questions.map((q) => q.id);

/** Any JSON value, strings with any code unit included. */
export const anyJson = fc.jsonValue({ maxDepth: 6 });

/** Any bytes, often near JSON: truncated, with a byte order mark, or with invalid UTF-8. */
export const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.tuple(anyJson, fc.nat()).map(([v, cut]) => {
    const text = Buffer.from(JSON.stringify(v) ?? 'null');
    return text.subarray(0, cut % (text.length + 1));
  }),
  fc
    .tuple(anyJson, fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([v, junk]) => Buffer.concat([Buffer.from(JSON.stringify(v) ?? ''), junk])),
  anyJson.map((v) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xff]), Buffer.from(JSON.stringify(v) ?? '')])),
);

/**
 * Answers files that look right at first sight: version 1 (mostly), known question ids (mostly),
 * values of any JSON type; a response object that may hold anything.
 */
export const nearAnswersFile = fc.record(
  {
    version: fc.oneof(fc.constant(1), anyJson),
    response: fc.oneof(fc.record({ name: fc.oneof(fc.string(), anyJson) }, { requiredKeys: [] }), anyJson),
    answers: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...QUESTION_IDS), fc.string()), anyJson, { maxKeys: 6 }),
      anyJson,
    ),
  },
  { requiredKeys: ['version', 'answers'] },
);

/** The rule files of the built-in base, relative to rules/ (its scenarios/ aside). */
export const RULE_FILES: string[] = (function list(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      // The scenario tests travel with the rules but are not rule files.
      if (dir === RULES_DIR && name === 'scenarios') return [];
      return statSync(full).isDirectory() ? list(full) : name.endsWith('.json') ? [relative(RULES_DIR, full)] : [];
    });
})(RULES_DIR);

const DELETE = Symbol('delete');

/** Every path to a value inside a JSON value: [] is the value itself. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

/** A copy of `root` with the value at `path` replaced, or removed for DELETE. */
function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? {} : value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value !== DELETE) parent[last] = value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

export interface RuleFileMutation {
  file: string;
  /** Where in the file, as keys joined by dots ("" is the whole file). */
  path: string;
  /** The new value; absent when the value was removed. */
  value?: unknown;
}

/** One rule file of the built-in base with one value somewhere inside replaced by any JSON, or removed. */
export const mutatedRuleFile: fc.Arbitrary<RuleFileMutation> = fc
  .tuple(fc.constantFrom(...RULE_FILES), fc.nat(), fc.oneof(fc.constant<typeof DELETE>(DELETE), anyJson))
  .map(([file, pick, value]) => {
    const paths = pathsOf(ruleFile(file));
    const path = paths[pick % paths.length]!.join('.');
    return value === DELETE ? { file, path } : { file, path, value };
  });

/** The text of a mutated rule file. */
export function mutatedText(m: RuleFileMutation): string {
  const original = ruleFile(m.file);
  const path = pathsOf(original).find((p) => p.join('.') === m.path)!;
  return JSON.stringify(replaceAt(original, path, 'value' in m ? m.value : DELETE), null, 2);
}

function ruleFile(file: string): unknown {
  return JSON.parse(readFileSync(join(RULES_DIR, file), 'utf8')) as unknown;
}
