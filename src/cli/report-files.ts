/**
 * The one way out to disk: file names (a safe slug, a free name), atomic 0600 writes, report sets,
 * drafts, and the temporary files a write leaves when a run is killed. Every name and path a
 * file is written under passed the safety gate (gate.ts): the types say so.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { randomHex } from './random-hex.js';
import { UserError } from '../core/errors.js';
import { cleanText } from '../core/sanitize.js';
import { uiText, uiTexts, userError } from './ui-text.js';
import { systemCode, systemReason } from '../core/system-errors.js';
import { within, type Checked } from './gate.js';
import { toAnswersFile, type Answers } from '../core/answers.js';
import type { Result } from '../core/assessment.js';
import { NOT_APPLICABLE, type RuleBase } from '../core/types.js';
import type { ReportOptions } from '../render/report.js';
import type { DocxOptions } from '../render/docx.js';

// Temporary files.

/**
 * tip-coord's temporary files: `.<final name>.<pid>-<12 hex digits>.tmp`, mode
 * 0600, holding a report being written. A signal mid-run removes them; a run killed outright
 * (SIGKILL, a power cut) leaves them, and the next run in that folder sweeps those whose
 * process is gone. Files of another pattern, or of a process still running, are never touched.
 */
const live = new Set<string>();

/** The part of a temporary file's name after the final name: `.<pid>-<hex>.tmp`. */
export function tempTag(hex: string): string {
  return `.${process.pid}-${hex}.tmp`;
}

const OURS = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

export function registerTemp(path: string): void {
  live.add(path);
}

export function unregisterTemp(path: string): void {
  live.delete(path);
}

function removeLive(): void {
  for (const p of live) {
    try {
      unlinkSync(p);
    } catch {
      /* already gone */
    }
  }
  live.clear();
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Until the returned function is called, SIGINT, SIGTERM and SIGHUP remove the temporary files
 * of this run and end it with 128 + the signal's number, after printing `said` on stderr.
 * Files are written synchronously, so a signal is handled between two files, never inside one.
 */
export function cleanUpOnSignals(said: () => string): () => void {
  const handlers = Object.entries(SIGNALS).map(([name, n]) => {
    const handler = (): void => {
      removeLive();
      process.stderr.write(`\n${said()}\n`);
      process.exit(128 + n);
    };
    process.on(name as NodeJS.Signals, handler);
    return [name as NodeJS.Signals, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}

function processGone(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes the temporary files that runs now gone left in `dir`; returns how many. Never fails. */
export function sweepStaleTemps(dir: string): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m || !processGone(Number(m[1]))) continue;
    try {
      unlinkSync(join(dir, name));
      removed++;
    } catch {
      /* not ours to remove after all, or gone */
    }
  }
  return removed;
}

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
  const reason = writeFailure(err);
  return new WriteError(uiText('error.write.file', { path, why: reason }), reason);
}

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder (mode
 * 0600, fsynced), then gets its final name in one step, so a reader never sees half a file
 * and a failed or interrupted write leaves no file under that name. Without `force` the
 * final step is a hard link, which refuses an existing name (FileExistsError); with `force`
 * it is a rename, which replaces it. Every failure is a UserError naming the path.
 *
 * The name is checked first: a taken name costs no temporary file, and a target
 * that is not a regular file (a device such as /dev/null, a symbolic link, a pipe, a folder)
 * is refused, --force or not: renaming over it would replace the device or the link. The
 * content passes cleanText: no raw control character ever lands in a file.
 */
export function writeFileAtomic(
  path: Checked,
  content: string | Uint8Array,
  opts: { force?: boolean; /** The option that named the file, for "already exists". */ option?: string } = {},
): void {
  const dir = dirname(path);
  makeFolder(dir);
  checkTarget(path, opts.force ?? false, opts.option);
  const tmp = join(dir, `.${basename(path)}${tempTag(randomHex(6))}`);
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

/** Why a write failed, in words (never the system's code); `exists` words a name that is taken. */
export function writeFailure(err: unknown, exists = uiText('error.write.code.EEXIST')): string {
  return systemCode(err) === 'EEXIST' ? exists : systemReason(uiTexts(), err);
}

/**
 * The kernel's views of processes, devices and the system: never a place for reports. Node's
 * recursive mkdir spins for ever under /proc (mkdir answers ENOENT, the parent exists, it tries
 * again), and a folder made under /dev is in memory and gone at the next start.
 */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** `dir`, absolute, and the nearest folder of it that exists (itself, or a parent). */
function nearestExisting(dir: string): { full: string; existing: string } {
  const full = resolve(dir);
  let existing = full;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return { full, existing };
}

const folderError = (dir: string, err: unknown): UserError =>
  userError('error.write.folder', { dir, why: writeFailure(err, uiText('error.write.fileHasName')) });

/**
 * Checks, before any work, that files can go in the folder `dir`, without making it (a run
 * refused for its input then leaves no folder behind): not under /proc, /sys or /dev, by way of
 * a link too; the folder, or the nearest one it would be made in, a folder this process may
 * write in. Says in one line why not (exit 2).
 */
export function checkFolder(dir: string): void {
  const { existing } = nearestExisting(dir);
  let real: string;
  try {
    real = realpathSync(existing);
    if (!statSync(real).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw folderError(dir, err);
  }
  const root = SYSTEM_ROOTS.find((r) => real === r || real.startsWith(`${r}/`));
  if (root) throw userError('error.write.systemFolder', { dir, root });
  try {
    accessSync(real, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    // The folder that cannot be written, named as the user named its path (relative stays relative).
    const named =
      existing === resolve(dir) ? dir : isAbsolute(dir) ? existing : relative(process.cwd(), existing) || '.';
    throw userError('error.write.folderNotWritable', {
      dir: named,
      why: uiText(code === 'EROFS' ? 'error.write.code.EROFS' : 'error.write.code.EACCES'),
    });
  }
}

/** Makes a folder (and its parents) for files to come, or says in one line why it cannot. */
export function ensureFolder(dir: Checked): void {
  makeFolder(dir);
}

/**
 * Makes a folder after checkFolder, one level at a time (never Node's recursive mkdir, see
 * SYSTEM_ROOTS), or says in one line why it cannot.
 */
function makeFolder(dir: string): void {
  checkFolder(dir);
  const { full, existing } = nearestExisting(dir);
  const missing: string[] = [];
  for (let p = full; p !== existing; p = dirname(p)) missing.unshift(p);
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (err) {
      // Made meanwhile by another run: fine if it is a folder.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statSync(p, { throwIfNoEntry: false })?.isDirectory())
        continue;
      throw folderError(dir, err);
    }
  }
}

/** writeSync may write less than asked (a full disk, a file-size limit): go on until all is written, or it fails. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** The content of one file of a set: known already, or made from the stem the set is written under. */
export type SetContent = string | Uint8Array | ((stem: string) => string | Uint8Array);

/** One file of a set: `<stem>.<ext>`. */
export interface SetFile {
  ext: string;
  content: SetContent;
}

export interface SetOptions {
  /**
   * Replace the set at the first stem instead of numbering a new one: its files are replaced,
   * and the files of `family` this run does not write again are removed, so that the stem holds
   * one run's files only.
   */
  force?: boolean;
  /**
   * The extensions that make a set: a stem where any of them exists is taken (a re-run into the
   * same folder gets -2 for all of its files, whichever formats either run wrote). Default: the
   * set's own extensions.
   */
  family?: readonly string[];
  /** Stems this run has written already (several responses of one batch with one name): never replaced, even with `force`. */
  taken?: Set<string>;
}

/** The extensions of one run's report set: its answers file and a report in any format. */
export const REPORT_FAMILY = ['answers.json', 'md', 'html', 'docx'] as const;

/**
 * Writes a single file under a new name in `dir`: <date>-<slug>.<ext>, then -2, -3... if taken,
 * so it never overwrites another. Returns the path written.
 */
export function writeNewReport(
  dir: Checked,
  date: string,
  name: Checked | undefined,
  ext: string,
  content: string | Uint8Array,
  opts: SetOptions = {},
): Checked {
  const [path] = writeNewReportSet(dir, date, name, [{ ext, content }] as const, opts);
  return path;
}

/**
 * Writes files that belong together (one run's report in each format and its answers; a summary
 * and its chart) under one stem in `dir`: <date>-<slug>.<ext> for each, numbered together
 * (-2, -3...) until no file of the family has that stem, or replacing the first with `force`.
 * Files are written in the order given (the answers first: they are what a user would lose);
 * when one fails, those already written are removed. Returns the paths, in the same order.
 */
export function writeNewReportSet<const F extends readonly SetFile[]>(
  dir: Checked,
  date: string,
  name: Checked | undefined,
  files: F,
  opts: SetOptions = {},
): { [K in keyof F]: Checked } {
  const stem = `${date}-${safeSlug(name)}`;
  for (const base of bases(stem)) {
    if (!stemFree(dir, base, files, opts)) continue;
    try {
      // One path per file, in their order.
      return writeSetAt(dir, base, files, opts) as { [K in keyof F]: Checked };
    } catch (err) {
      // A name of the set was taken meanwhile: try the next number.
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw noFreeName(dir, stem, files);
}

/**
 * The same, for contents that take time to make (a Word file): the stem is chosen first, then
 * every content is made, then the files are written one after another with nothing awaited
 * between them, so a signal falls between two sets, never inside one.
 */
export async function writeReportSet(
  dir: Checked,
  date: string,
  name: Checked | undefined,
  files: ReadonlyArray<{ ext: string; content: (stem: string) => Promise<string | Uint8Array> }>,
  opts: SetOptions = {},
): Promise<Checked[]> {
  const stem = `${date}-${safeSlug(name)}`;
  for (const base of bases(stem)) {
    if (!stemFree(dir, base, files, opts)) continue;
    const made = await Promise.all(files.map(async (f) => ({ ext: f.ext, content: await f.content(base) })));
    try {
      return writeSetAt(dir, base, made, opts);
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw noFreeName(dir, stem, files);
}

/** The names a set may take: <stem>, then <stem>-2 ... <stem>-999. */
function* bases(stem: string): Generator<string> {
  for (let n = 1; n < 1000; n++) yield `${stem}${n === 1 ? '' : `-${n}`}`;
}

/** Whether a set may be written under `base`: no file of its family there (with `force`: not one of this run's). */
function stemFree(dir: string, base: string, files: readonly { ext: string }[], opts: SetOptions): boolean {
  if (opts.taken?.has(join(dir, base))) return false;
  if (opts.force) return true;
  const family = opts.family ?? files.map((f) => f.ext);
  return !family.some((ext) => exists(join(dir, `${base}.${ext}`)));
}

function writeSetAt(dir: Checked, base: string, files: readonly SetFile[], opts: SetOptions): Checked[] {
  ensureFolder(dir);
  const written: Checked[] = [];
  try {
    for (const f of files) {
      const path = within(dir, `${base}.${f.ext}`);
      writeFileAtomic(path, typeof f.content === 'function' ? f.content(base) : f.content, {
        force: opts.force ?? false,
      });
      written.push(path);
    }
  } catch (err) {
    // Nothing half-written: a set is all there or not at all (with `force`, what was replaced goes
    // too: half of one run beside half of another would mislead).
    for (const p of written) rmSync(p, { force: true });
    throw err;
  }
  opts.taken?.add(join(dir, base));
  if (opts.force) {
    // What the replaced set had that this one has not (a Word file of an earlier run): its files only.
    for (const ext of opts.family ?? []) {
      const path = join(dir, `${base}.${ext}`);
      if (files.some((f) => f.ext === ext)) continue;
      try {
        if (lstatSync(path).isFile()) unlinkSync(path);
      } catch {
        /* not there */
      }
    }
  }
  return written;
}

function noFreeName(dir: string, stem: string, files: readonly { ext: string }[]): WriteError {
  return new WriteError(
    uiText('error.write.noFreeName', { dir, name: `${stem}.${files.map((f) => f.ext).join('/')}` }),
    uiText('error.write.code.EEXIST'),
  );
}

/**
 * Writes a set of files (relative paths and texts) into a folder. Into a new or empty folder the
 * set is written beside it and renamed into place, so it is all there or not at all; `into` an
 * existing folder, each file replaces its namesake atomically.
 */
export function writeFolder(
  target: Checked,
  files: ReadonlyArray<readonly [string, string]>,
  opts: { into: boolean },
): void {
  if (opts.into) {
    for (const [rel, text] of files) writeFileAtomic(within(target, rel), text, { force: true });
    return;
  }
  const parent = dirname(target);
  makeFolder(parent);
  const tmp = join(parent, `.${basename(target)}.${randomHex(6)}.tmp`);
  try {
    for (const [rel, text] of files) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), text);
    }
    if (existsSync(target)) rmdirSync(target);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Reports, answers and drafts.

/** A report made: its markdown, and its file in each format asked for. */
export interface MadeReport {
  markdown: string;
  files: { ext: ReportFormat; content: string | Uint8Array }[];
}

export type ReportFormat = 'md' | 'html' | 'docx';

/** The report for a result as files: markdown, the same markdown as a self-contained HTML page, a Word file. */
export async function reportFiles(
  rules: RuleBase,
  result: Result,
  formats: readonly ReportFormat[],
  opts: ReportOptions = {},
): Promise<MadeReport> {
  return (await reportMaker(rules, formats))(result, opts);
}

/** The same, as a function that needs no more loading: for contents written under a name found later. */
export async function reportMaker(
  rules: RuleBase,
  formats: readonly ReportFormat[],
): Promise<(result: Result, opts?: ReportOptions) => Promise<MadeReport>> {
  // Loaded only for a report: --format json does not pay for it.
  const { buildReport, reportTitle, wordReportOptions } = await import('../render/report.js');
  const { htmlDocument } = formats.includes('html') ? await import('../render/html.js') : { htmlDocument: undefined };
  const toWord = formats.includes('docx') ? await wordMaker() : undefined;
  return async (result, opts = {}) => {
    // One markdown for every format: the files of a set say the same.
    const markdown = buildReport(rules, result, opts);
    const files = await Promise.all(
      formats.map(async (ext) => ({
        ext,
        content:
          ext === 'md'
            ? `${markdown}\n`
            : ext === 'docx'
              ? await toWord!(markdown, wordReportOptions(rules, result))
              : htmlDocument!(reportTitle(rules, result), [markdown], rules.lang),
      })),
    );
    return { markdown, files };
  };
}

/**
 * Markdown as a Word file, with `header` at the top of every page (wordHeader: the complicity
 * warning where it applies, else the sensitivity line). Loads docx only when called.
 */
export async function wordFile(
  rules: RuleBase,
  markdown: string,
  title: string,
  date: string,
  header: string,
): Promise<Uint8Array> {
  return (await wordMaker())(markdown, { title, lang: rules.lang, banner: header, date });
}

/** Markdown to Word, the package made by native deflate (render/zip.ts). Loads docx when called. */
async function wordMaker(): Promise<(markdown: string, options: DocxOptions) => Promise<Uint8Array>> {
  const [{ markdownToDocx }, { zip }] = await Promise.all([import('../render/docx.js'), import('../render/zip.js')]);
  const pack = (files: { name: string; data: Uint8Array }[], date: Date): Uint8Array => zip(files, { date });
  return (markdown, options) => markdownToDocx(markdown, { ...options, pack });
}

/**
 * How a report names its answers file in its "To try one" line: by the file's own name when the
 * tool named it and put it beside the report (the two travel together); not at all when the user
 * named it (--save-answers): a report is forwarded, and a path the user typed can name a person.
 */
export function answersInReport(written: { answers?: string; beside?: boolean }): ReportOptions {
  return written.answers && written.beside ? { answersFile: basename(written.answers) } : {};
}

/** An answers file's text, as `assess` saves it and `--answers` reads it. */
export const answersJson = (answers: Answers, name: string | undefined): string =>
  `${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`;

/** Answers without the skipped ones ("not_applicable"), which skip logic settles again from the others. */
function answeredOnly(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== NOT_APPLICABLE));
}

/**
 * Saves the answers given so far as a draft, somewhere writable: the draft being resumed (it is
 * replaced), else a new draft in the report folder, else in the current folder, else in the
 * system's temporary folder. Returns its path, or undefined if nowhere would take it.
 */
export function saveDraft(
  where: { resume?: Checked; out: Checked },
  date: string,
  answers: Answers,
  name: Checked | undefined,
): string | undefined {
  // Only what was answered: questions skipped so far are settled again on --resume.
  const content = answersJson(answeredOnly(answers), name);
  if (where.resume) {
    try {
      writeFileAtomic(where.resume, content, { force: true });
      return where.resume;
    } catch {
      /* try a new draft below */
    }
  }
  // The current folder and the system's temporary folder: places, not names that reach a file's text.
  for (const dir of [where.out, '.' as Checked, tmpdir() as Checked]) {
    try {
      return writeNewReport(dir, date, name, 'draft.json', content);
    } catch {
      /* the next place */
    }
  }
  return undefined;
}

/**
 * Before the first question: the report folder exists (or can be made) and takes files, and a
 * --save-answers file is not taken; otherwise twenty answers would be lost at the end.
 */
export function checkOutputsFirst(opts: {
  /** The report folder; undefined when no report is written (JSON on stdout). */
  out: Checked | undefined;
  saveAnswers?: Checked | false;
  force?: boolean;
}): void {
  // First what makes nothing: a folder or a device is refused even with --force, a file only without it.
  if (typeof opts.saveAnswers === 'string' && opts.saveAnswers !== '-')
    checkTarget(opts.saveAnswers, opts.force ?? false, '--save-answers');
  if (opts.out !== undefined) {
    ensureFolder(opts.out);
    try {
      accessSync(opts.out, constants.W_OK);
    } catch (err) {
      throw userError('error.write.folderNotWritable', { dir: opts.out, why: writeFailure(err) });
    }
    // The temporary files that an earlier run, killed outright, left there.
    sweepStaleTemps(opts.out);
  }
  if (typeof opts.saveAnswers === 'string' && opts.saveAnswers !== '-') {
    checkFolder(dirname(opts.saveAnswers));
  }
}

/** Where a run's files went: written once, then replaced in place after each what-if. */
export interface Written {
  /** The report in each format asked for, in the order asked. */
  reports: Checked[];
  answers?: Checked;
  /** The answers file is the one the tool named beside the reports (not --save-answers). */
  beside?: boolean;
}
