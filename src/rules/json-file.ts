import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { MAX_JSON_BYTES, parseJson } from '../core/json.js';
import { format, type Catalog } from '../core/messages.js';

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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(format(texts, 'error.file.notFound', { path: `${what} ${path}` }));
    throw fail('error.file.unreadable', { path: `${what} ${path}`, code: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (size > MAX_JSON_BYTES) throw fail('error.file.tooLarge', { path: `${what} ${path}`, size, max: MAX_JSON_BYTES });
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw fail('error.file.unreadable', { path: `${what} ${path}`, code: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  return parseJson(text, `${what} ${path}`, texts);
}
