/**
 * The JSON a script reads (`assess --format json`) has a published shape: schemas/result.schema.json,
 * written by `npm run gen` from the same definition the code's types come from. The real output of
 * every example must fit it, read by another validator (ajv) than the tool's own.
 */
import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'result.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json'));

describe('assess --format json', () => {
  it.each(examples)('fits schemas/result.schema.json for %s', (file) => {
    const r = cli(['assess', '--answers', join(ROOT, 'examples', file), '--format', 'json', '--date', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as unknown;
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is refused by the schema when a key drifts from it', () => {
    const r = cli(['assess', '--answers', join(ROOT, 'examples', examples[0]!), '--format', 'json']);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validate({ ...result, extra: 1 })).toBe(false);
    const { stamp: _stamp, ...withoutStamp } = result;
    expect(validate(withoutStamp)).toBe(false);
  });
});
