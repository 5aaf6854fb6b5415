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
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UserError(`${where}: not valid JSON (${(err as Error).message.split('\n')[0]}).`);
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    throw new UserError(`${where}: nested too deeply (more than ${MAX_JSON_DEPTH} levels).`);
  }
  return value;
}

function depthOf(value: unknown): number {
  // Iterative, so a hostile file cannot overflow the stack here.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH) return d;
    if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v as object)) stack.push([child, d + 1]);
    }
  }
  return max;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
