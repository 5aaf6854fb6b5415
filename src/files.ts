import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from './errors.js';

const MAX_SLUG = 60;

/**
 * A file-name-safe form of a response name: no path separators, no "..", no control
 * characters, length-limited; letters of any script (é, ñ, Arabic) are kept readable.
 */
export function safeSlug(name: string | undefined, fallback = 'response'): string {
  const slug = (name ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const cut = [...slug].slice(0, MAX_SLUG).join('').replace(/-+$/, '');
  return cut || fallback;
}

/**
 * Writes a new file atomically, never replacing one: the content goes to a temporary file
 * that is then hard-linked to the final name (link fails if the name exists), so a reader
 * never sees half a report and an interrupted write leaves no report. Mode 0600: reports
 * may be sensitive. With `force`, an existing file is replaced, still atomically.
 */
export function writeFileAtomic(path: string, content: string, opts: { force?: boolean } = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // rename replaces atomically; link refuses an existing name.
    if (opts.force) renameSync(tmp, path);
    else linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${path} already exists; use --force to replace it.`);
    throw err;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already renamed */
    }
  }
}

/**
 * Writes a report under a new name in `dir`: <date>-<slug>.<ext>, then -2, -3... if taken,
 * so a report never overwrites another. Returns the path written.
 */
export function writeNewReport(dir: string, date: string, name: string | undefined, ext: string, content: string): string {
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
  files: Array<{ ext: string; content: string | ((stem: string) => string) }>,
): string[] {
  const stem = `${date}-${safeSlug(name)}`;
  for (let n = 1; n < 1000; n++) {
    const written: string[] = [];
    try {
      const base = `${stem}${n === 1 ? '' : `-${n}`}`;
      for (const f of files) {
        const path = join(dir, `${base}.${f.ext}`);
        writeFileAtomic(path, typeof f.content === 'string' ? f.content : f.content(base));
        written.push(path);
      }
      return written;
    } catch (err) {
      // One name of the set was taken: undo the others and try the next number.
      for (const p of written) unlinkSync(p);
      if (err instanceof UserError) continue;
      throw new UserError(`Cannot write the report in ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
  }
  throw new UserError(`Cannot find a free report name in ${dir} for ${stem}.${files.map((f) => f.ext).join('/')}.`);
}
