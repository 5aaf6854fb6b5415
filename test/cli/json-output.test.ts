/**
 * The JSON a script reads (`assess`, `explain` and `compare` with --format json) has a published
 * shape: schemas/result, explain and compare.schema.json, written by `npm run gen` from the same
 * definitions the code's types come from. The real output for every example must fit them, read
 * by another validator (ajv) than the tool's own.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const ajv = new Ajv({ allErrors: true, strict: true });
const schema = (name: string): ValidateFunction =>
  ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object);
const result = schema('result.schema.json');
const trace = schema('explain.schema.json');
const comparison = schema('compare.schema.json');
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));
const example = (f: string): string => join(ROOT, 'examples', f);

/** The JSON a command prints, which must succeed. */
function json(args: string[]): unknown {
  const r = cli([...args, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

const fits = (validate: ValidateFunction, value: unknown): void =>
  expect(validate(value), JSON.stringify(validate.errors, null, 2)).toBe(true);

describe('the JSON outputs fit their shipped schemas', () => {
  it.each(examples)('assess and explain for %s', (file) => {
    fits(result, json(['assess', '--answers', example(file), '--date', '2026-01-01']));
    fits(trace, json(['explain', '--answers', example(file)]));
  });

  it('compare, between every two examples and with a what-if', () => {
    for (const [a, b] of examples.map((f, i) => [f, examples[(i + 1) % examples.length]!] as const))
      fits(comparison, json(['compare', example(a), example(b)]));
    fits(comparison, json(['compare', example(examples[0]!), '--set', 'tipScale=widespread']));
  });

  it('and a key that drifts from the schema is refused by it', () => {
    const r = json(['assess', '--answers', example(examples[0]!)]) as Record<string, unknown>;
    expect(result({ ...r, extra: 1 })).toBe(false);
    const { stamp: _stamp, ...withoutStamp } = r;
    expect(result(withoutStamp)).toBe(false);
  });
});
