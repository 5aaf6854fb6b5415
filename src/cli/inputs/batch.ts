import type { Skipped } from '../../render/portfolio.js';
import { accessSync, closeSync, constants, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { gateFor, ownName, personalDataIn, type Checked, type Gate } from '../gate.js';
import {
  checkAnswer,
  describeMigration,
  migrateV1Answers,
  parseAnswerText,
  validateAnswersFile,
  type Answers,
} from '../../core/answers.js';
import { UserError } from '../../core/errors.js';
import { firstBadByte, readJsonFile, unreadable } from '../../rules/json-file.js';
import { UNKNOWN, type AnswerValue, type Question, type RuleBase } from '../../core/types.js';
import { RESPONSE_NAME } from '../../render/xlsform.js';
import { uiText, uiTexts, userError, valueList } from '../ui-text.js';
import { TableError, type TableRow } from './table.js';

export { TableError, type TableRow };

/** One response to evaluate in a batch. */
export interface BatchInput {
  /** Where it came from, for messages: "x.json" or "row 3". */
  source: string;
  /** The basis of its report's file name when it has no name. */
  fallbackName: Checked;
  answers: Answers;
  name?: string;
}

/**
 * A response skipped. `reason` goes into the summary, a file that is forwarded: it says what
 * kind of problem it was, never the value, the key or the file's content. `detail`,
 * the full message, is shown on screen only.
 */
export interface BatchSkipped extends Skipped {
  detail: string;
}

/** What a batch yields, one response at a time: one to evaluate, or one that could not be read. */
export type BatchItem = { input: BatchInput } | { skipped: BatchSkipped };

/**
 * Said on screen once per input, not per row: a column that matches no question in a
 * KoboToolbox export, a label changed because a file name held personal data.
 */
export type Notice = (text: string) => void;

/**
 * A path as shown in a file: relative to the current folder, or only its last part when it
 * lies elsewhere (no home folder, no user name); `fallback` when even that holds what looks
 * like personal data (a folder named after a person).
 */
export function shownPath(path: string, fallback: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(path)).split('\\').join('/');
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(path);
  return personalDataIn(shown) ? fallback : shown;
}

/** Generous for a spreadsheet of responses; anything larger is a mistake. Read as a stream, so memory stays flat. */
export const MAX_CSV_BYTES = 100 * 1024 * 1024;
const NAME_COLUMN = 'name';

/**
 * Reads a batch, one response at a time: a folder of answers files (*.json), a CSV file, or an
 * Excel workbook (.xlsx, its first sheet), either in tip-coord's own layout (a header of question
 * ids) or as KoboToolbox / ODK export it (see `TableReader`). Problems with one response yield
 * it as skipped; problems with the whole input throw (the header's before the first response is
 * yielded). Every `reason` of a skipped response names the file by `shownPath`.
 */
export async function* readBatch(
  rules: RuleBase,
  path: string,
  notice: Notice = () => {},
  gate: Gate = gateFor(rules),
): AsyncGenerator<BatchItem> {
  let st;
  try {
    st = statSync(path);
    // Readable (a folder: listable) before the first response, or stop with words rather than a trace.
    accessSync(path, st.isDirectory() ? constants.R_OK | constants.X_OK : constants.R_OK);
  } catch (err) {
    throw unreadable(uiTexts(), path, err);
  }
  if (st.isDirectory()) {
    yield* readFolder(rules, path, notice, gate);
    return;
  }
  const ext = extname(path).toLowerCase();
  if (st.isFile() && (ext === '.csv' || ext === '.xlsx')) {
    if (st.size > MAX_CSV_BYTES) throw userError('error.file.tooLarge', { path, size: st.size, max: MAX_CSV_BYTES });
    if (ext === '.csv') {
      const where = shownPath(path, uiText('batch.csvLabel'));
      yield* tableInputs(rules, csvRows(path, where), where, notice);
    } else {
      // The spreadsheet reader is loaded only when a spreadsheet is read.
      const { xlsxRows } = await import('./xlsx.js');
      yield* tableInputs(rules, xlsxRows(path), shownPath(path, uiText('batch.xlsxLabel')), notice);
    }
    return;
  }
  throw userError('error.batch.path', { path });
}

function* readFolder(rules: RuleBase, dir: string, notice: Notice, gate: Gate): Generator<BatchItem> {
  // Hidden files are editors' and tools' temporary files, not responses.
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw userError('error.batch.emptyFolder', { dir });
  for (const [i, f] of files.entries()) {
    // A file name becomes a label in the summary and, without a response name, a report's name:
    // one holding personal data is replaced by its number.
    let source = f;
    const sifted = gate.sift(basename(f, extname(f)));
    let fallbackName: Checked;
    if ('found' in sifted) {
      source = uiText('batch.fileLabel', { n: i + 1 });
      fallbackName = ownName(source);
      notice(
        uiText('batch.fileNamePersonal', {
          source: JSON.stringify(f),
          kind: uiText(`personalData.${sifted.found.kind}`),
          label: source,
        }),
      );
    } else fallbackName = sifted.name;
    const shown = 'found' in sifted ? source : shownPath(join(dir, f), f);
    let raw: unknown;
    try {
      raw = readJsonFile(join(dir, f), uiText('where.answersFile'), uiTexts());
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      yield { skipped: { source, reason: uiText('batch.skip.unreadable', { source: shown }), detail: err.message } };
      continue;
    }
    try {
      const where = `${uiText('where.answersFile')} ${join(dir, f)}`;
      const file = validateAnswersFile(raw, rules, where);
      // A version-1 file is read as version 2; stderr says how, once for this file.
      if (file.migration) notice(describeMigration(rules, where, file.migration));
      const name = file.response?.name;
      yield { input: { source, fallbackName, answers: file.answers, ...(name ? { name } : {}) } };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      yield { skipped: { source, reason: uiText('batch.skip.invalid', { source: shown }), detail: err.message } };
    }
  }
}

/**
 * A CSV file's rows, streamed: memory does not grow with the number of rows. The bytes must be
 * UTF-8: a UTF-16 file or an invalid byte is refused (`where` names the file), never read as U+FFFD.
 */
export function csvRows(path: string, where: string = path): AsyncGenerator<TableRow> {
  // The first line decides the separator (see `separatorOf`): read its start without the rest.
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (n >= 2 && (head[0] === 0 || head[1] === 0));
  if (utf16) throw userError('error.file.utf16', { path: where });
  checkUtf8(path, where);
  return parsedRows([createReadStream(path)], separatorOf(head.toString('utf8', 0, n)));
}

/**
 * Refuses a file that is not UTF-8, before its first row is read (so nothing is written for a
 * file refused), with the offset of its first bad byte (1-based). Read in chunks: memory stays flat.
 */
function checkUtf8(path: string, where: string): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  let before = 0;
  let tail = Buffer.alloc(0);
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const bytes = chunk.subarray(0, n);
      try {
        if (n === 0) decoder.decode();
        else decoder.decode(bytes, { stream: true });
      } catch {
        // The bad sequence may start in the previous chunk: look from its last whole character on.
        let from = 0;
        while (((tail[from] ?? 0) & 0xc0) === 0x80) from++;
        const kept = tail.subarray(from);
        const offset = before - kept.length + firstBadByte(Buffer.concat([kept, bytes]));
        throw userError('error.file.notUtf8', { path: where, offset });
      }
      if (n === 0) return;
      before += n;
      tail = Buffer.from(bytes.subarray(Math.max(0, n - 3)));
    }
  } finally {
    closeSync(fd);
  }
}

/** Rows of CSV text (tests and small inputs). */
export const textRows = (text: string): AsyncGenerator<TableRow> =>
  parsedRows([Readable.from([text])], separatorOf(text));

/**
 * The separator: a comma, as tip-coord's own CSV has it, whose cells may hold ";" between list
 * values; a semicolon for a KoboToolbox export saved with ";" (its CSV default), known by a header
 * without commas whose columns include Kobo's own (`_uuid`, `start`...) or group paths (`context/tipScale`).
 */
export function separatorOf(text: string): ',' | ';' {
  const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  if (first.includes(',') || !first.includes(';')) return ',';
  const cells = first.split(';').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.some((c) => c.includes('/') || isMeta(segmentsOf(c))) ? ';' : ',';
}

async function* parsedRows(source: [NodeJS.ReadableStream], delimiter: ',' | ';'): AsyncGenerator<TableRow> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    // Read `"x"y` as it stands (a value no question offers), so that only that row is skipped, not the rest of the file.
    relax_quotes: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });
  // A stage's error (an unreadable file) ends the parser with it, so the loop below throws it.
  pipeline([...source, parser], () => {});
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells };
    }
  } catch (err) {
    const e = err as { code?: string; records?: number };
    // The parser may be ahead of the rows taken: its own count of records says where the quote opens.
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new TableError('error.csv.unclosed', (e.records ?? row) + 1);
    throw err;
  }
}

/**
 * KoboToolbox's and ODK's own columns: submission metadata, never answers. A column is metadata
 * when one of its path segments is listed here or starts with "_" (`_id`, `_uuid`,
 * `_submission_time`, `_index`, `__version__`, `_validation_status`...).
 */
const META = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'phonenumber',
  'simserial',
  'subscriberid',
  'audit',
  'meta',
  'formhub',
  'instanceid',
  'instancename',
  'rootuuid',
  'deprecatedid',
  'uuid',
]);
const isMeta = (segments: string[]): boolean =>
  segments.some((s) => s.startsWith('_') || META.has(s.toLowerCase())) || segments[0]?.toLowerCase() === 'meta';

/** What a column holds. */
type Column =
  | { kind: 'answer'; q: Question }
  | { kind: 'choice'; q: Question; value: string }
  | { kind: 'name' }
  | { kind: 'ignored' };

/** A header cell's path: Kobo writes groups as `context/tipScale` (or `context-tipScale`, `context.tipScale`). */
const segmentsOf = (header: string): string[] => header.split(/[/\-.:]/).filter((s) => s !== '');

/**
 * Maps a header row to questions. Works for tip-coord's own CSV (question ids, optionally
 * "name") and for KoboToolbox / ODK exports ("XML values and headers"): group prefixes, the
 * response-name question, one 0/1 column per choice of a multi-select, metadata ignored. In
 * tip-coord's own layout a column that matches no question is an error; in an export (known by
 * its metadata, group prefixes or choice columns), it is reported once and ignored.
 */
export function mapHeader(rules: RuleBase, header: string[], where: string, notice: Notice): Column[] {
  const byId = new Map(rules.questions.map((q) => [q.id, q]));
  const seen = new Map<string, number>();
  let export_ = false;
  const unmatched: { col: string; id: string }[] = [];
  const columns = header.map((raw, i): Column => {
    const id = raw.trim();
    const col = uiText('where.column', { where, column: i + 1 });
    if (id === '') throw userError('error.csv.noId', { col });
    const segs = segmentsOf(id);
    const last = segs.at(-1) ?? '';
    const byName = byId.get(id) ?? (segs.length > 1 ? byId.get(last) : undefined);
    // A choice column: `tipForms/forced_labour`, `evidence/tipForms/forced_labour`.
    const multi = segs.length > 1 ? byId.get(segs.at(-2) ?? '') : undefined;
    let c: Column | undefined;
    if (id === NAME_COLUMN || last === RESPONSE_NAME) c = { kind: 'name' };
    else if (byName) c = { kind: 'answer', q: byName };
    else if (multi?.type === 'multi') c = { kind: 'choice', q: multi, value: last };
    if (c && c.kind !== 'ignored') {
      if (segs.length > 1 || c.kind === 'choice') export_ = true;
      const key = c.kind === 'name' ? ' name' : c.kind === 'answer' ? c.q.id : `${c.q.id}/${c.value}`;
      if (seen.has(key)) throw userError('error.csv.twice', { col, id });
      seen.set(key, i);
      return c;
    }
    if (isMeta(segs)) {
      export_ = true;
      return { kind: 'ignored' };
    }
    unmatched.push({ col, id });
    return { kind: 'ignored' };
  });
  const [first] = unmatched;
  if (first) {
    const valid = [NAME_COLUMN, ...rules.questions.map((q) => q.id)];
    if (!export_ || columns.every((c) => c.kind === 'ignored')) {
      // A spreadsheet saved with ";" as separator reads as one column.
      const hint = header.length === 1 && first.id.includes(';') ? ` ${uiText('error.csv.semicolons')}` : '';
      throw userError('error.csv.badId', { col: first.col, id: first.id, valid: valueList(valid), hint });
    }
    // Quoted JSON-style: a header cell is the file's content, control characters and all.
    for (const u of unmatched) notice(uiText('batch.columnIgnored', { col: u.col, id: JSON.stringify(u.id) }));
  }
  return columns;
}

const TRUE_CELLS = new Set(['1', 'true', 'yes', 'TRUE', 'True']);

/**
 * A multi-select as text: values separated by spaces (Kobo), ";" or ","; "unknown" (Don't know)
 * stands alone; "none" (None of these) is the empty list unless "none" is a choice of its own.
 */
function multiAnswer(rules: RuleBase, q: Question, cell: string, where: string): AnswerValue {
  const parts = cell
    .split(/[\s;,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 1 && parts[0] === UNKNOWN) return UNKNOWN;
  const noneIsChoice = q.choices.some((c) => c.value === 'none');
  return checkAnswer(
    rules,
    q.id,
    parts.filter((p) => noneIsChoice || p !== 'none'),
    where,
  );
}

/**
 * Responses from rows (CSV or a sheet), one at a time. An empty cell is "unknown". tip-coord's
 * own layout separates list answers with ";"; Kobo's with spaces, or gives one 0/1 column per
 * choice. `where` names the file in messages.
 */
export async function* tableInputs(
  rules: RuleBase,
  rows: AsyncIterable<TableRow>,
  where: string,
  notice: Notice = () => {},
): AsyncGenerator<BatchItem> {
  let columns: Column[] | undefined;
  let any = false;
  try {
    for await (const r of rows) {
      if (!columns) {
        if (r.cells.every((c) => c.trim() === '')) throw userError('error.csv.empty', { where });
        columns = mapHeader(rules, r.cells, where, notice);
        continue;
      }
      // Blank lines and rows of empty cells are spacing, not responses.
      if (r.cells.every((c) => c.trim() === '')) continue;
      any = true;
      yield rowInput(rules, columns, r, where, notice);
    }
  } catch (err) {
    if (err instanceof TableError) throw userError(err.key, { where, row: err.row });
    throw err;
  }
  if (!columns) throw userError('error.csv.empty', { where });
  if (!any) throw userError('error.csv.noRows', { where });
}

function rowInput(
  rules: RuleBase,
  columns: Column[],
  r: TableRow,
  where: string,
  notice: (text: string) => void,
): BatchItem {
  const source = uiText('where.row', { row: r.row });
  // These reasons hold counts, never a cell's value.
  const skip = (reason: string): BatchItem => {
    const text = `${where} ${source}: ${reason}`;
    return { skipped: { source, reason: text, detail: text } };
  };
  // Sheets drop trailing empty cells; a CSV row must have the header's number of cells.
  if (r.cells.length > columns.length || (r.cells.length < columns.length && !r.sheet))
    return skip(
      uiText(r.cells.length === 1 ? 'error.csv.cells.one' : 'error.csv.cells.other', {
        count: r.cells.length,
        header: columns.length,
      }),
    );
  try {
    const at = `${where} ${source}`;
    const answers: Answers = {};
    let name: string | undefined;
    const ticked = new Map<string, { q: Question; values: string[] }>();
    // A version-1 table (tip-coord's CSV before the version-2 questions) may still say
    // governmentStance "implicated": read as version 1 files are, and said once per row.
    const v1 = new Map<string, string>();
    columns.forEach((c, i) => {
      let cell = (r.cells[i] ?? '').trim();
      if (c.kind === 'answer' && c.q.id === 'governmentStance' && cell === 'implicated') {
        v1.set(c.q.id, cell);
        cell = '';
      }
      if (c.kind === 'choice') {
        if (!TRUE_CELLS.has(cell)) return;
        const t = ticked.get(c.q.id) ?? { q: c.q, values: [] };
        ticked.set(c.q.id, t);
        t.values.push(c.value);
        return;
      }
      if (cell === '' || c.kind === 'ignored') return;
      if (c.kind === 'name') name = cell;
      else if (c.q.type === 'multi') answers[c.q.id] = multiAnswer(rules, c.q, cell, at);
      else answers[c.q.id] = parseAnswerText(rules, c.q.id, cell, at);
    });
    // The 0/1 columns (one per choice) answer where the question's own column is absent or empty;
    // none ticked means not answered.
    for (const [id, t] of ticked) if (!(id in answers)) answers[id] = multiAnswer(rules, t.q, t.values.join(' '), at);
    if (v1.size > 0) {
      const { answers: read, notes } = migrateV1Answers({ ...answers, ...Object.fromEntries(v1) });
      Object.assign(answers, read);
      notice(describeMigration(rules, at, notes));
    }
    // Checked like an answers file, so a name too long is refused the same way.
    const file = validateAnswersFile({ version: 2, ...(name ? { response: { name } } : {}), answers }, rules, at);
    return {
      input: { source, fallbackName: ownName(`row-${r.row}`), answers: file.answers, ...(name ? { name } : {}) },
    };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    // The summary says what kind of problem it was; the message, with the value, is for the screen.
    return {
      skipped: { source, reason: uiText('batch.skip.invalid', { source: `${where} ${source}` }), detail: err.message },
    };
  }
}

/** Collects a table's responses (tests, small inputs). */
export async function collect(items: AsyncIterable<BatchItem>): Promise<BatchInputs> {
  const out: BatchInputs = { inputs: [], skipped: [] };
  for await (const item of items) {
    if ('input' in item) out.inputs.push(item.input);
    else out.skipped.push(item.skipped);
  }
  return out;
}

/** Responses from CSV text, collected: the whole of a small table (tests). */
export const csvInputs = (rules: RuleBase, text: string, where: string, notice?: Notice): Promise<BatchInputs> =>
  collect(tableInputs(rules, textRows(text), where, notice));

export interface BatchInputs {
  inputs: BatchInput[];
  skipped: BatchSkipped[];
}

/**
 * About how many responses a batch holds, for the progress line's time left (shown in a terminal
 * only, so only then counted): a folder's answers files, a CSV file's lines after the header
 * (a quoted line break makes it an estimate, hence "about"); undefined for a workbook.
 */
export function countInputs(path: string): number | undefined {
  try {
    if (statSync(path).isDirectory())
      return readdirSync(path).filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.')).length;
    if (!path.toLowerCase().endsWith('.csv')) return undefined;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(1 << 16);
      let lines = 0;
      let last = 0x0a;
      for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) {
        for (let i = 0; i < n; i++) if (buf[i] === 0x0a) lines++;
        last = buf[n - 1] ?? last;
      }
      return Math.max(0, lines + (last === 0x0a ? 0 : 1) - 1);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
