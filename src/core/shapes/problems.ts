/**
 * What is wrong with a file, in words, from its shape: TypeBox finds where a value breaks the
 * shape (Errors), this module says so the way the tool speaks, in the user's language: the key
 * (a path such as "rules[0].conditions.all[1]"), what it holds, and what would be valid. One
 * function for every file the tool reads; checks that need more than the shape (an id that must
 * exist elsewhere, a cycle, an avoided word) stay in code and run on the typed value after it.
 *
 * A value is quoted only where the shape offers a list of values (an answer, an id, an operator):
 * free text, such as a response's name, is never echoed, and a quoted value is cut short.
 */
import { Check, Errors } from 'typebox/schema';
import { Settings } from 'typebox/system';
import { isPlainObject } from '../json.js';
import { format, valueList, type Catalog, type ToolKey, type Vars } from '../messages.js';
import { quoted } from '../sanitize.js';
import { closest } from '../suggest.js';
import type { TSchema } from './kit.js';

export type Segment = string | number;

export interface ShapeProblem {
  /** Where in the file: keys and list positions from its root. */
  path: Segment[];
  /** What is wrong and what would be valid, naming the key from `from` on (see shapeProblems). */
  message: string;
}

interface ValidationError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

type Node = Record<string, unknown>;

/** "rules[0].conditions.all[1]": keys joined by dots, list positions in brackets. */
export function keyPath(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The longest value quoted in a message, in characters. */
const MAX_QUOTED = 60;
/** Errors gathered for one file: enough to count what a message lists, bounded for a hostile file. */
const MAX_ERRORS = 1000;

/**
 * Every problem of `value` against `shape`, in the order of the file; none when it fits. `from`
 * says how many leading keys of a problem's path the caller names itself (a rule by its id): the
 * message names the key from there on.
 */
export function shapeProblems(
  shape: TSchema,
  value: unknown,
  texts: Catalog,
  options: { from?: (path: readonly Segment[]) => number; prefix?: readonly Segment[] } = {},
): ShapeProblem[] {
  const root = shape as unknown as Node;
  const ids = idsOf(root);
  // References resolved by name from the shape's own definitions: TypeBox would otherwise search
  // the whole shape for each one, and a rule file's conditions hold hundreds.
  const context = contextOf(root, ids);
  if (Check(context, shape, value)) return [];
  const prefix = options.prefix ?? [];
  // Nothing where a value is needed (a key left out, checked on its own).
  if (value === undefined)
    return [
      {
        path: [...prefix],
        message: format(texts, 'shape.missing', {
          key: quoted(keyPath(prefix)),
          expected: expect(root, ids, root, texts),
        }),
      },
    ];
  // TypeBox stops at 8 errors by default: too few to list every problem of a file at once.
  Settings.Set({ maxErrors: MAX_ERRORS });
  const [, found] = Errors(context, shape, value) as unknown as [boolean, ValidationError[]];
  const errors = settleUnions(root, ids, value, found);
  const out: ShapeProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const at = pathOf(value, e.instancePath);
    for (const { path, key, vars } of describe(root, ids, value, e, at, texts)) {
      const full = [...prefix, ...path];
      const named = full.slice(options.from?.(full) ?? 0);
      const message = format(texts, named.length > 0 ? key : rootKey(key), { ...vars, key: quoted(keyPath(named)) });
      const id = `${keyPath(full)}\0${message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ path: full, message });
    }
  }
  // Never "invalid" without saying why: should no error survive the sorting, the file as a whole.
  if (out.length === 0) out.push({ path: [...prefix], message: format(texts, 'shape.invalidRoot') });
  return inFileOrder(out, value, prefix.length);
}

/** Problems in the order of the file's keys (a missing key after those of its object), as a reader meets them. */
function inFileOrder(problems: ShapeProblem[], value: unknown, skip: number): ShapeProblem[] {
  const rank = (path: readonly Segment[]): number[] => {
    const out: number[] = [];
    let v = value;
    for (const s of path.slice(skip)) {
      const keys = isPlainObject(v) ? Object.keys(v) : undefined;
      const i = keys ? keys.indexOf(String(s)) : typeof s === 'number' ? s : -1;
      out.push(i < 0 ? Number.MAX_SAFE_INTEGER : i);
      v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[s] : undefined;
    }
    return out;
  };
  const ranked = problems.map((p, i) => ({ p, r: rank(p.path), i }));
  ranked.sort((a, b) => {
    for (let k = 0; k < Math.min(a.r.length, b.r.length); k++) if (a.r[k] !== b.r[k]) return a.r[k]! - b.r[k]!;
    return a.r.length - b.r.length || a.i - b.i;
  });
  return ranked.map((x) => x.p);
}

/** A message about the file as a whole, with no key to name. */
function rootKey(key: ToolKey): ToolKey {
  return key === 'shape.type' ? 'shape.typeRoot' : 'shape.invalidRoot';
}

/**
 * Keeps, of a union that failed, the errors of the alternative the value was meant to be (the
 * object with the key that names its kind, or the one alternative of its JSON type); when none
 * stands out, the union's own error, which lists the alternatives. Outer unions first, so that
 * the errors of an alternative set aside go with it.
 */
function settleUnions(
  root: Node,
  ids: Map<string, Node>,
  value: unknown,
  errors: ValidationError[],
): ValidationError[] {
  const dropped: string[] = [];
  const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);
  const droppedUnions = new Set<ValidationError>();
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const u of unions) {
    if (dropped.some((d) => under(u.schemaPath, d))) continue;
    const node = deref(root, ids, nodeAt(root, ids, u.schemaPath) ?? {});
    const branches = Array.isArray(node.anyOf) ? (node.anyOf as Node[]).map((b) => deref(root, ids, b)) : [];
    const chosen = chooseBranch(branches, valueAt(value, u.instancePath));
    if (chosen === undefined) {
      branches.forEach((_, i) => dropped.push(`${u.schemaPath}/anyOf/${i}`));
      continue;
    }
    branches.forEach((_, i) => {
      if (i !== chosen) dropped.push(`${u.schemaPath}/anyOf/${i}`);
    });
    droppedUnions.add(u);
  }
  return errors.filter(
    (e) =>
      !droppedUnions.has(e) &&
      !dropped.some((d) => under(e.schemaPath, d)) &&
      // additionalProperties: false reports each extra key twice, once as the key's own error
      // ("boolean", kept: it is there even when the list of errors is cut) and once for the object.
      e.keyword !== 'additionalProperties',
  );
}

/** The alternative a value was meant to be: an object by its first required key, else the only one of its JSON type. */
function chooseBranch(branches: Node[], v: unknown): number | undefined {
  if (isPlainObject(v)) {
    const byKey = branches.findIndex(
      (b) =>
        b.type === 'object' &&
        Array.isArray(b.required) &&
        typeof b.required[0] === 'string' &&
        Object.hasOwn(v, b.required[0]),
    );
    if (byKey >= 0) return byKey;
  }
  const typed = branches.flatMap((b, i) => (b.type !== undefined && typeFits(b.type, v) ? [i] : []));
  return typed.length === 1 ? typed[0] : undefined;
}

function typeFits(type: unknown, v: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  const t = jsonType(v);
  return types.some((x) => x === t || (x === 'number' && t === 'integer'));
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

interface Described {
  path: Segment[];
  key: ToolKey;
  vars: Vars;
}

/** One error in words: which key, which text, what fills it. */
function describe(
  root: Node,
  ids: Map<string, Node>,
  value: unknown,
  e: ValidationError,
  at: Segment[],
  texts: Catalog,
): Described[] {
  const node = deref(root, ids, nodeAt(root, ids, e.schemaPath) ?? {});
  const v = valueAt(value, e.instancePath);
  const expected = (n: Node): string => expect(root, ids, n, texts);
  const one = (key: ToolKey, vars: Vars = {}): Described[] => [{ path: at, key, vars }];
  const p = e.params;
  switch (e.keyword) {
    case 'type':
      return one('shape.type', { expected: expected(node), actual: typeWords(jsonType(v), texts) });
    case 'required': {
      const properties = (node.properties ?? {}) as Record<string, Node>;
      return (p.requiredProperties as string[]).map((k) => ({
        path: [...at, k],
        key: 'shape.missing',
        vars: { expected: expected(properties[k] ?? {}) },
      }));
    }
    case 'boolean': {
      // A key the object does not list (additionalProperties: false): the object's schema names the valid ones.
      const parent = deref(root, ids, nodeAt(root, ids, e.schemaPath.replace(/\/additionalProperties$/, '')) ?? {});
      const valid = Object.keys((parent.properties ?? {}) as object).filter((k) => !k.startsWith('$'));
      const k = String(at.at(-1) ?? '');
      return one('shape.unknownKey', {
        suggestion: suggestion(k, valid, texts),
        valid: valid.map((x) => quoted(x)).join(', '),
      });
    }
    case 'enum':
    case 'const': {
      const allowed = e.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      const strings = allowed.filter((x): x is string => typeof x === 'string');
      return one('shape.badValue', {
        value: shown(v, texts),
        suggestion: typeof v === 'string' ? suggestion(v, strings, texts) : '',
        valid: values(allowed, texts),
      });
    }
    case 'anyOf':
      return one('shape.badValue', { value: shown(v, texts), suggestion: '', valid: expected(node) });
    case 'maxLength':
      return one('shape.tooLong', { length: typeof v === 'string' ? [...v].length : 0, max: p.limit as number });
    case 'minLength':
      return one('shape.blank');
    case 'pattern':
      return one(p.pattern === '\\S' ? 'shape.blank' : 'shape.pattern');
    case 'minItems':
      return p.limit === 1 ? one('shape.emptyList') : one('shape.tooFew', { min: p.limit as number });
    case 'maxItems':
      return one('shape.tooMany', { max: p.limit as number });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return one('shape.badValue', { value: shown(v, texts), suggestion: '', valid: expected(node) });
    case 'propertyNames':
      return (p.propertyNames as string[]).map((k) => ({ path: [...at, k], key: 'shape.keyNotAllowed', vars: {} }));
    default:
      return one('shape.notAllowed', { value: shown(v, texts) });
  }
}

/** " (did you mean "phase"?)" when a valid word is near enough. */
function suggestion(word: string, candidates: readonly string[], texts: Catalog): string {
  const guess = closest(word, candidates);
  return guess === undefined ? '' : format(texts, 'error.didYouMean', { value: guess });
}

/** Values for a message: "a", "b" or "c", each quoted and cut short. */
function values(list: readonly unknown[], texts: Catalog): string {
  return valueList(
    texts,
    list.map((x) => (typeof x === 'string' ? short(x) : x)),
  );
}

const short = (s: string): string => ([...s].length > MAX_QUOTED ? `${[...s].slice(0, MAX_QUOTED).join('')}…` : s);

/** A value as a message shows it: a scalar quoted (a text cut short), anything else by its kind. */
function shown(v: unknown, texts: Catalog): string {
  if (typeof v === 'string') return quoted(short(v));
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  return typeWords(jsonType(v), texts);
}

function typeWords(type: string, texts: Catalog): string {
  switch (type) {
    case 'object':
      return format(texts, 'shape.an.object');
    case 'array':
      return format(texts, 'shape.an.array');
    case 'string':
      return format(texts, 'shape.an.string');
    case 'integer':
      return format(texts, 'shape.an.integer');
    case 'number':
      return format(texts, 'shape.an.number');
    case 'boolean':
      return format(texts, 'shape.an.boolean');
    default:
      return 'null';
  }
}

/** What a shape accepts, in words: its values, or "a text", "a list (of …)", "an object with …". */
function expect(root: Node, ids: Map<string, Node>, raw: Node, texts: Catalog): string {
  const node = deref(root, ids, raw);
  if (Array.isArray(node.enum)) return values(node.enum, texts);
  if ('const' in node) return values([node.const], texts);
  if (Array.isArray(node.anyOf))
    return orWords(
      (node.anyOf as Node[]).map((b) => expect(root, ids, b, texts)),
      texts,
    );
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  if (types.length === 0) return format(texts, 'shape.an.any');
  return orWords(
    types.map((t) => {
      if (t === 'array' && node.items !== undefined && typeof node.items === 'object')
        return format(texts, 'shape.listOf', { items: expect(root, ids, node.items as Node, texts) });
      if (t === 'object' && Array.isArray(node.required) && node.required.length > 0)
        return format(texts, 'shape.objectWith', {
          keys: (node.required as string[]).map((k) => quoted(k)).join(', '),
        });
      if (t === 'integer' || t === 'number') return range(node, t, texts);
      return typeWords(t, texts);
    }),
    texts,
  );
}

/** A number's kind and bounds: "a whole number from 1 to 9". */
function range(node: Node, type: string, texts: Catalog): string {
  const kind = typeWords(type, texts);
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  if (min !== undefined && max !== undefined) return format(texts, 'shape.between', { kind, min, max });
  if (min !== undefined) return format(texts, 'shape.atLeast', { kind, min });
  if (max !== undefined) return format(texts, 'shape.atMost', { kind, max });
  return kind;
}

function orWords(items: string[], texts: Catalog): string {
  const last = items.at(-1);
  if (last === undefined || items.length === 1) return last ?? '';
  return format(texts, 'words.orList', { head: items.slice(0, -1).join(', '), last });
}

/* JSON pointers, into the value and into the shape. */

const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

function pointer(path: string): string[] {
  const body = path.startsWith('#') ? path.slice(1) : path;
  return body === '' ? [] : body.slice(1).split('/').map(unescape);
}

/** The path of an instance pointer, list positions as numbers. */
function pathOf(value: unknown, instancePath: string): Segment[] {
  const out: Segment[] = [];
  let v = value;
  for (const s of pointer(instancePath)) {
    const index = Array.isArray(v) ? Number(s) : undefined;
    out.push(index ?? s);
    v = isPlainObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[s] : undefined;
  }
  return out;
}

function valueAt(value: unknown, instancePath: string): unknown {
  let v = value;
  for (const s of pointer(instancePath)) {
    if (!(isPlainObject(v) || Array.isArray(v)) || !Object.hasOwn(v, s)) return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}

/** Every schema of the shape with an $id (a cyclic shape's definitions), by id. */
const idCache = new WeakMap<Node, Map<string, Node>>();
function idsOf(root: Node): Map<string, Node> {
  let ids = idCache.get(root);
  if (!ids) {
    ids = new Map();
    const stack: unknown[] = [root];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      if (Array.isArray(n)) stack.push(...(n as unknown[]));
      else if (isPlainObject(n)) {
        if (typeof n.$id === 'string' && !ids.has(n.$id)) ids.set(n.$id, n);
        stack.push(...Object.values(n));
      }
    }
    idCache.set(root, ids);
  }
  return ids;
}

/** The shape's definitions by id, as TypeBox's checker takes them ("context"). */
const contexts = new WeakMap<Node, Record<string, TSchema>>();
function contextOf(root: Node, ids: Map<string, Node>): Record<string, TSchema> {
  let context = contexts.get(root);
  if (!context) {
    context = Object.fromEntries(ids) as Record<string, TSchema>;
    contexts.set(root, context);
  }
  return context;
}

/** A schema with its references followed. */
function deref(root: Node, ids: Map<string, Node>, node: Node): Node {
  let n = node;
  for (let hops = 0; typeof n.$ref === 'string' && hops < 8; hops++) {
    const ref = n.$ref;
    const next = ref.startsWith('#') ? nodeAt(root, ids, ref) : ids.get(ref);
    if (!next) break;
    n = next;
  }
  return n;
}

/** The schema at a schema path, following references on the way (a cyclic shape's errors cross them). */
function nodeAt(root: Node, ids: Map<string, Node>, schemaPath: string): Node | undefined {
  let n: Node = root;
  for (const s of pointer(schemaPath)) {
    if (!Object.hasOwn(n, s)) n = deref(root, ids, n);
    const next: unknown = Array.isArray(n) ? (n as unknown[])[Number(s)] : n[s];
    if (!isPlainObject(next) && !Array.isArray(next)) return undefined;
    n = next as Node;
  }
  return n;
}

/*
 * The same words for what the shapes leave to code: ids that must be those of another file (a
 * condition's fact, a citation's source, the mechanisms drafting.en.json words). `from` as in
 * shapeProblems.
 */

/** `value`, at `path`, is not one of `valid`. */
export function valueProblem(
  texts: Catalog,
  path: readonly Segment[],
  value: unknown,
  valid: readonly string[],
  from = 0,
): ShapeProblem {
  return {
    path: [...path],
    message: format(texts, 'shape.badValue', {
      key: quoted(keyPath(path.slice(from))),
      value: shown(value, texts),
      suggestion: typeof value === 'string' ? suggestion(value, valid, texts) : '',
      valid: values(valid, texts),
    }),
  };
}

/** An object keyed by ids, at `path`: each key not among `valid`, and (when `required`) each of `valid` left out. */
export function keyProblems(
  texts: Catalog,
  path: readonly Segment[],
  object: Readonly<Record<string, unknown>>,
  valid: readonly string[],
  required: boolean,
  from = 0,
): ShapeProblem[] {
  const named = (key: string): string => quoted(keyPath([...path, key].slice(from)));
  const unknown = Object.keys(object)
    .filter((k) => !valid.includes(k))
    .map((k) => ({
      path: [...path, k],
      message: format(texts, 'shape.unknownKey', {
        key: named(k),
        suggestion: suggestion(k, valid, texts),
        valid: valid.map((x) => quoted(x)).join(', '),
      }),
    }));
  const missing = required
    ? valid
        .filter((k) => !Object.hasOwn(object, k))
        .map((k) => ({
          path: [...path, k],
          message: format(texts, 'shape.missing', { key: named(k), expected: format(texts, 'shape.an.object') }),
        }))
    : [];
  return [...unknown, ...missing];
}
