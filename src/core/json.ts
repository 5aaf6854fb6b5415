import { UserError } from './errors.js';
import { format, type Catalog } from './messages.js';
import { quoted } from './sanitize.js';

/** Answers and rule files are small; anything larger is a mistake, not data. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Deeper than any rule or answers file needs; guards the recursive validators. */
export const MAX_JSON_DEPTH = 64;

/** Parses JSON text; `where` names the file in the error. */
export function parseJson(
  text: string,
  where: string,
  texts: Catalog,
  opts: { duplicateKeys?: boolean } = {},
): unknown {
  let value: unknown;
  try {
    // V8 parses iteratively: 500,000 levels of nesting parse without overflowing the stack.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = jsonErrorDetail(err as Error);
    const at = /at position (\d+)/.exec((err as Error).message);
    if (!at) throw new UserError(format(texts, 'error.json.invalid', { where, detail }));
    // "at position 68" means little to someone with a text editor: say the line and the column.
    const before = text.replace(/^\uFEFF/, '').slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    const what = detail.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
    throw new UserError(format(texts, 'error.json.invalidAt', { where, line, column, detail: what }));
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) {
    throw new UserError(format(texts, 'error.json.deep', { where, max: MAX_JSON_DEPTH }));
  }
  const dup = opts.duplicateKeys === false ? undefined : duplicateKey(text);
  if (dup !== undefined)
    throw new UserError(format(texts, 'error.json.duplicateKey', { where, key: JSON.stringify(dup) }));
  return value;
}

/**
 * V8's reason, without the excerpt of the file it quotes ("Unexpected token 'r', "root:x:0:0"...
 * is not valid JSON"): a file's content is never echoed. The token is quoted
 * JSON-style, so a control character shows escaped.
 */
export function jsonErrorDetail(err: Error): string {
  const token = /^Unexpected token '([\s\S]+?)', [\s\S]* is not valid JSON$/.exec(err.message)?.[1];
  if (token !== undefined) return `Unexpected token ${quoted(token)}`;
  return err.message.replace(/\n[\s\S]*$/, '').replace(/, "[\s\S]*$/, '');
}

// A JSON token that matters for keys: a string, or a bracket, brace, colon or comma.
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\]:,]/g;

/**
 * The first key repeated within one object, if any. JSON.parse silently keeps the last of
 * two equal keys, so a key pasted twice in a rule or answers file would quietly override the
 * first. Run on text that already parsed, so a token scan is enough.
 */
export function duplicateKey(text: string): string | undefined {
  const objects: (Set<string> | null)[] = [];
  let last = '';
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    if (t === '{') objects.push(new Set());
    else if (t === '[') objects.push(null);
    else if (t === '}' || t === ']') objects.pop();
    else if (t === ':' && last.startsWith('"')) {
      const keys = objects[objects.length - 1];
      const key = JSON.parse(last) as string;
      if (keys?.has(key)) return key;
      keys?.add(key);
    }
    last = t;
  }
  return undefined;
}

/**
 * Whether arrays and objects nest more than `limit` levels deep. Iterative, so a hostile file
 * cannot overflow the stack here either, and the validators, which recurse, never see one.
 */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ v: unknown; d: number }> = [{ v: value, d: 1 }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { v, d } = top;
    if (v === null || typeof v !== 'object') continue;
    if (d > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      stack.push({ v: child, d: d + 1 });
    }
  }
  return false;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
