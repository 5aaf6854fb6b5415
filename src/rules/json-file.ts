import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { MAX_JSON_BYTES, parseJson } from '../core/json.js';
import { format, type Catalog, type MessageKey } from '../core/messages.js';

/** Reads and parses a JSON file, turning every failure into a UserError naming the file. */
export function readJsonFile(path: string, what: string, texts: Catalog): unknown {
  const fail = (key: 'error.file.notFile' | 'error.file.unreadable' | 'error.file.tooLarge', vars: Record<string, string | number>): UserError =>
    new UserError(format(texts, key, vars));
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw fail('error.file.notFile', { what, path });
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw unreadable(texts, `${what} ${path}`, err);
  }
  if (size > MAX_JSON_BYTES) throw fail('error.file.tooLarge', { path: `${what} ${path}`, size, max: MAX_JSON_BYTES });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw unreadable(texts, `${what} ${path}`, err);
  }
  return parseJson(text, `${what} ${path}`, texts);
}

/** Error codes with words of their own (error.write.code.*); others are shown as they are. */
const WORDED = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENAMETOOLONG']);

/** Why a file could not be read, in words: "not found", "permission denied"; the code only when rare. */
export function unreadable(texts: Catalog, path: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError(format(texts, 'error.file.notFound', { path }));
  const why = code && WORDED.has(code) ? format(texts, `error.write.code.${code}` as MessageKey) : (code ?? (err as Error).message);
  return new UserError(format(texts, 'error.file.unreadable', { path, code: why }));
}
