/**
 * The few building blocks every shape of a file uses, on TypeBox: a shape is a JSON Schema that
 * TypeScript reads as a type (Static), that the tool checks files against (shapes/problems.ts)
 * and that `npm run gen` ships in schemas/ for editors. One definition for all three.
 *
 * TypeBox is imported as a namespace, member by member, so that the bundle keeps only the
 * builders used here (a few kilobytes) and a run that reads no file loads none of it.
 */
import * as T from 'typebox';

export { T };
export type { Static, TSchema } from 'typebox';

/** A text that is not blank: what the tool calls a text. */
export const text = (options: T.TSchemaOptions = {}) => T.String({ pattern: '\\S', ...options });

/** An object whose every key is listed: an unknown key is refused rather than ignored (a misspelt "when" would make a step unconditional). */
export const closed = <P extends T.TProperties>(properties: P, options: T.TSchemaOptions = {}) =>
  T.Object(properties, { additionalProperties: false, ...options });

/** Keys every file may have: a note for people, and the schema reference itself. */
export const META = {
  $comment: T.Optional(T.Unknown({ description: 'A note for people; the tool ignores it.' })),
  $schema: T.Optional(T.Unknown({ description: 'Where this schema is, for editors.' })),
};

/** Options of a list of values: a description, and a label for each value that editors show (VS Code's enumDescriptions). */
export interface ChoiceOptions {
  description?: string;
  labels?: readonly string[];
}

/**
 * One of a list of values known only when the rule base is read (question ids, choice values,
 * mechanism ids): `V` is what TypeScript knows of them. Without a list (no rule base at hand),
 * any value of the type `fallback` says.
 */
export function oneOf<V extends string | number | boolean = string>(
  values: readonly V[] | undefined,
  options: ChoiceOptions & { fallback?: 'string' | 'scalar' } = {},
): T.TUnsafe<V> {
  const { labels, fallback = 'string', ...rest } = options;
  if (values === undefined)
    return T.Unsafe<V>({ ...rest, ...(fallback === 'string' ? { type: 'string' } : { type: ['string', 'boolean'] }) });
  return T.Unsafe<V>({ ...rest, enum: [...values], ...(labels ? { enumDescriptions: [...labels] } : {}) });
}

/** An object of any keys, each holding `value` (a map keyed by ids the file chooses). */
export const record = <V extends T.TSchema>(value: V, options: T.TSchemaOptions = {}) =>
  T.Unsafe<Record<string, T.Static<V>>>(T.Object({}, { additionalProperties: value, ...options }));

/** A closed object with a key for each id of `ids`, each holding `value` (all required, or all optional). */
export function keyed<V extends T.TSchema>(
  ids: readonly string[] | undefined,
  value: V,
  options: T.TSchemaOptions & { optional?: boolean } = {},
) {
  const { optional = false, ...rest } = options;
  if (ids === undefined) return record(value, rest);
  return T.Unsafe<Record<string, T.Static<V>>>(
    closed(Object.fromEntries(ids.map((id) => [id, optional ? T.Optional(value) : value])), rest),
  );
}
