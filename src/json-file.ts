import { readFileSync, statSync } from 'node:fs';
import { UserError } from './errors.js';

/** Answers and rule files are small; anything larger is a mistake, not data. */
export const MAX_JSON_BYTES = 1024 * 1024;
/** Deeper than any rule or answers file needs; guards the recursive validators. */
export const MAX_JSON_DEPTH = 64;

/** Reads and parses a JSON file, turning every failure into a UserError naming the file. */
export function readJsonFile(path: string, what: string): unknown {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new UserError(`${what} ${path}: not a file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${what} ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (size > MAX_JSON_BYTES) {
    throw new UserError(`${what} ${path}: too large (${size} bytes; at most ${MAX_JSON_BYTES}).`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UserError(`${what} ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  return parseJson(text, `${what} ${path}`);
}

/** Parses JSON text; `where` names the file in the error. */
export function parseJson(text: string, where: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  // Measured on the text, before parsing: no deep structure is ever built, let alone walked.
  if (nestingDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new UserError(`${where}: nested too deeply (more than ${MAX_JSON_DEPTH} levels).`);
  }
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new UserError(`${where}: not valid JSON (${(err as Error).message.split('\n')[0]}).`);
  }
}

/** How deep [ and { nest in JSON text, outside strings; counting stops just past `limit`. */
export function nestingDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
