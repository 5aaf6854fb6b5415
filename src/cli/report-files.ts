import {
  closeSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { cleanText } from '../core/sanitize.js';
import { registerTemp, tempTag, unregisterTemp } from './temp-files.js';
import { uiText, userError } from './ui-text.js';
import type { MessageKey } from '../core/messages.js';

const MAX_SLUG = 60;
/** File names are limited to 255 bytes: a slug of 60 four-byte letters would not fit with the date and the temporary suffix. */
const MAX_SLUG_BYTES = 150;

/**
 * A file-name-safe form of a response name: no path separators, no "..", no control
 * characters, length-limited; letters of any script with their marks (é, ñ, Arabic,
 * Devanagari) are kept readable.
 */
export function safeSlug(name: string | undefined, fallback = 'response'): string {
  const slug = (name ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '')
    .toLowerCase()
    // "İ" lowercases to "i" and a combining dot above: Istanbul's file name is "istanbul".
    .replace(/i\u0307/g, 'i');
  let cut = '';
  for (const ch of [...slug].slice(0, MAX_SLUG)) {
    if (Buffer.byteLength(cut + ch) > MAX_SLUG_BYTES) break;
    cut += ch;
  }
  return cut.replace(/-+$/, '') || fallback;
}

/** Why a write failed, in words, for the commonest causes. */
/** Error codes worth a word for the user (rules/messages.en.json, error.write.code.*). */
const WRITE_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EFBIG',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
]);

/** The name is taken: the caller may pick another, or the user may pass --force. */
export class FileExistsError extends UserError {}

/** A file could not be written; `why` says why in words, without the path (for a summary). */
export class WriteError extends UserError {
  constructor(
    message: string,
    readonly why: string,
  ) {
    super(message);
  }
}

function writeError(path: string, err: unknown): WriteError {
  const reason = why(err);
  return new WriteError(uiText('error.write.file', { path, why: reason }), reason);
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder (mode
 * 0600, fsynced), then gets its final name in one step, so a reader never sees half a file
 * and a failed or interrupted write leaves no file under that name. Without `force` the
 * final step is a hard link, which refuses an existing name (FileExistsError); with `force`
 * it is a rename, which replaces it. Every failure is a UserError naming the path.
 *
 * The name is checked first (issue 15): a taken name costs no temporary file, and a target
 * that is not a regular file (a device such as /dev/null, a symbolic link, a pipe, a folder)
 * is refused, --force or not: renaming over it would replace the device or the link. The
 * content passes cleanText: no raw control character ever lands in a file.
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  opts: { force?: boolean; /** The option that named the file, for "already exists". */ option?: string } = {},
): void {
  const dir = dirname(path);
  ensureFolder(dir);
  checkTarget(path, opts.force ?? false, opts.option);
  const tmp = join(dir, `.${basename(path)}${tempTag(randomBytes(6).toString('hex'))}`);
  let tmpCreated = false;
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    tmpCreated = true;
    registerTemp(tmp);
    try {
      // Text passes cleanText (no raw control character in a file); bytes (a .docx) as they are.
      writeAll(fd, typeof content === 'string' ? Buffer.from(cleanText(content), 'utf8') : Buffer.from(content));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (opts.force) {
      // Checked again just before: a link or a device put there meanwhile is not replaced either.
      checkTarget(path, true);
      renameSync(tmp, path);
    } else linkSync(tmp, path);
  } catch (err) {
    if (err instanceof UserError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && tmpCreated) throw existsError(path, opts.option);
    throw writeError(path, err);
  } finally {
    if (tmpCreated) {
      try {
        unlinkSync(tmp);
      } catch {
        /* renamed into place */
      }
      unregisterTemp(tmp);
    }
  }
}

function existsError(path: string, option = '--out'): FileExistsError {
  return new FileExistsError(uiText('error.write.exists', { path, option }));
}

/** Whether anything (a file, a folder, a link, even a dangling one) has this name. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a target that is not a regular file, and an existing one without `force`. */
function checkTarget(path: string, force: boolean, option?: string): void {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch {
    return; // Absent (or unreachable: the write itself will say why).
  }
  if (!st.isFile()) throw userError('error.write.notRegular', { path });
  if (!force) throw existsError(path, option);
}

function why(err: unknown, exists = uiText('error.write.code.EEXIST')): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (!code) return (err as Error).message;
  return `${code === 'EEXIST' ? exists : uiText(WRITE_ERRORS.has(code) ? (`error.write.code.${code}` as MessageKey) : 'error.write.failed')}, ${code}`;
}

/** Makes a folder (and its parents) for files to come, or says in one line why it cannot. */
export function ensureFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw userError('error.write.folder', { dir, why: why(err, uiText('error.write.fileHasName')) });
  }
}

/** writeSync may write less than asked (a full disk, a file-size limit): go on until all is written, or it fails. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Writes a report under a new name in `dir`: <date>-<slug>.<ext>, then -2, -3... if taken,
 * so a report never overwrites another. Returns the path written.
 */
export function writeNewReport(
  dir: string,
  date: string,
  name: string | undefined,
  ext: string,
  content: string | Uint8Array,
): string {
  return writeNewReportSet(dir, date, name, [{ ext, content }])[0]!;
}

/**
 * Writes files that belong together (a summary and its chart) under one new stem in `dir`:
 * <date>-<slug>.<ext> for each, then -2, -3... until every name is free. Returns the paths.
 * A content may be a function of the stem finally used, for files that name each other.
 */
export function writeNewReportSet(
  dir: string,
  date: string,
  name: string | undefined,
  files: Array<{ ext: string; content: string | Uint8Array | ((stem: string) => string) }>,
): string[] {
  const stem = `${date}-${safeSlug(name)}`;
  for (let n = 1; n < 1000; n++) {
    const written: string[] = [];
    try {
      const base = `${stem}${n === 1 ? '' : `-${n}`}`;
      // Every name of the set free before anything is written: a taken name costs no file.
      if (files.some((f) => exists(join(dir, `${base}.${f.ext}`)))) continue;
      for (const f of files) {
        const path = join(dir, `${base}.${f.ext}`);
        writeFileAtomic(path, typeof f.content === 'function' ? f.content(base) : f.content);
        written.push(path);
      }
      return written;
    } catch (err) {
      // One name of the set was taken: undo the others and try the next number.
      for (const p of written) unlinkSync(p);
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw new WriteError(
    uiText('error.write.noFreeName', { dir, name: `${stem}.${files.map((f) => f.ext).join('/')}` }),
    uiText('error.write.code.EEXIST'),
  );
}
