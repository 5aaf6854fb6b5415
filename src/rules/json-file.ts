import { readFileSync, statSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { MAX_JSON_BYTES, parseJson } from '../core/json.js';
import { format, type Catalog } from '../core/messages.js';
import { systemCode, systemReason } from '../core/system-errors.js';

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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw unreadable(texts, `${what} ${path}`, err);
  }
  return parseJson(decodeUtf8(bytes, `${what} ${path}`, texts), `${what} ${path}`, texts);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of a file that must be UTF-8: invalid bytes are refused, naming where,
 * instead of silently becoming U+FFFD; a UTF-16 file is named as such, its bytes never printed.
 */
export function decodeUtf8(bytes: Uint8Array, where: string, texts: Catalog): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0));
  if (utf16) throw new UserError(format(texts, 'error.file.utf16', { path: where }));
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new UserError(format(texts, 'error.file.notUtf8', { path: where, offset: firstBadByte(bytes) }));
  }
}

/** The offset of the first byte that is not part of valid UTF-8 (1-based, as editors count). */
export function firstBadByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, found by halving (a decoder in fatal mode says only "invalid").
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    let ok = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
    } catch {
      ok = false;
    }
    if (ok) lo = mid;
    else hi = mid - 1;
  }
  // The streaming decoder holds back a sequence still open at the end of the prefix: when the
  // fault is in that sequence, it starts at its first byte.
  let k = lo - 1;
  while (k > lo - 4 && ((bytes[k] ?? 0) & 0xc0) === 0x80) k--;
  const lead = bytes[k] ?? 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return (length > 1 && k + length > lo ? k : lo) + 1;
}

/** Why a file could not be read, in words ("not found", "permission denied"), and what to do. */
export function unreadable(texts: Catalog, path: string, err: unknown): UserError {
  if (systemCode(err) === 'ENOENT') return new UserError(format(texts, 'error.file.notFound', { path }));
  return new UserError(format(texts, 'error.file.unreadable', { path, why: systemReason(texts, err) }));
}
