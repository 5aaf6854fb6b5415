/**
 * A shape as the JSON Schema file shipped in schemas/ (draft-07, which editors such as VS Code
 * read): a self-contained document with its id and title, the definitions of cyclic shapes (a
 * condition holds conditions) gathered once under "definitions" and referred to from there.
 */
import { isPlainObject } from '../json.js';
import type { TSchema } from './kit.js';

const DRAFT = 'http://json-schema.org/draft-07/schema#';
const BASE = 'https://tip-coord.invalid/schemas/';

type Json = Record<string, unknown>;

export function jsonSchema(shape: TSchema, file: string, title: string): Json {
  const definitions: Json = {};
  const body = hoist(JSON.parse(JSON.stringify(shape)) as unknown, definitions) as Json;
  return {
    $schema: DRAFT,
    $id: `${BASE}${file}`,
    title,
    ...body,
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}

/** Moves every `$defs` entry to `definitions` (each once) and points its references there. */
function hoist(node: unknown, definitions: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => hoist(n, definitions));
  if (!isPlainObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$defs' && isPlainObject(v)) {
      for (const [name, def] of Object.entries(v)) {
        const { $id: _id, ...rest } = def as Json;
        const made = hoist(rest, definitions);
        if (name in definitions && JSON.stringify(definitions[name]) !== JSON.stringify(made))
          throw new Error(`two different definitions named ${name}`);
        definitions[name] = made;
      }
      continue;
    }
    if (k === '$ref' && typeof v === 'string' && !v.includes('#')) out[k] = `#/definitions/${v}`;
    else out[k] = hoist(v, definitions);
  }
  return out;
}
