import type { Skipped } from '../render/portfolio.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { findPersonalData } from '../core/personal-data.js';
import {
  describeMigration,
  migrateV1Answers,
  parseAnswerText,
  validateAnswersFile,
  type Answers,
} from '../core/answers.js';
import { CsvError, parseCsv } from './csv.js';
import { UserError } from '../core/errors.js';
import { decodeUtf8, readJsonFile } from '../rules/json-file.js';
import type { RuleBase } from '../core/types.js';
import { uiText, uiTexts, userError, valueList } from './ui-text.js';

/** One response to evaluate in a batch. */
export interface BatchInput {
  /** Where it came from, for messages: "x.json" or "row 3". */
  source: string;
  /** The basis of its report's file name when it has no name. */
  fallbackName: string;
  answers: Answers;
  name?: string;
}

/**
 * A response skipped. `reason` goes into the summary, a file that is forwarded: it says what
 * kind of problem it was, never the value, the key or the file's content (issue 15). `detail`,
 * the full message, is shown on screen only.
 */
export interface BatchSkipped extends Skipped {
  detail: string;
}

export interface BatchInputs {
  inputs: BatchInput[];
  skipped: BatchSkipped[];
  /** Said on screen: labels changed because a file name held personal data. */
  notices: string[];
}

export interface BatchReadOptions {
  allowPersonalData?: boolean;
}

/**
 * A path as shown in a file: relative to the current folder, or only its last part when it
 * lies elsewhere (no home folder, no user name); `fallback` when even that holds what looks
 * like personal data (a folder named after a person).
 */
export function shownPath(path: string, fallback: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(path)).split('\\').join('/');
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(path);
  return findPersonalData(shown) ? fallback : shown;
}

/** Generous for a spreadsheet of responses; anything larger is a mistake. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
const NAME_COLUMN = 'name';

/** Reads a batch: a folder of answers files (*.json) or a CSV file. Problems with one response skip it; problems with the whole input throw. */
export function readBatch(rules: RuleBase, path: string, opts: BatchReadOptions = {}): BatchInputs {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw userError('error.file.unreadable', { path, code: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (st.isDirectory()) return readFolder(rules, path, opts);
  if (st.isFile() && extname(path).toLowerCase() === '.csv') {
    if (st.size > MAX_CSV_BYTES) throw userError('error.file.tooLarge', { path, size: st.size, max: MAX_CSV_BYTES });
    const where = shownPath(path, uiText('batch.csvLabel'));
    return csvInputs(rules, decodeUtf8(readFileSync(path), where, uiTexts()), where);
  }
  throw userError('error.batch.path', { path });
}

function readFolder(rules: RuleBase, dir: string, opts: BatchReadOptions): BatchInputs {
  // Hidden files are editors' and tools' temporary files, not responses.
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw userError('error.batch.emptyFolder', { dir });
  const out: BatchInputs = { inputs: [], skipped: [], notices: [] };
  files.forEach((f, i) => {
    // A file name becomes a label in the summary and, without a response name, a report's name:
    // one holding personal data is replaced by its number.
    let source = f;
    let fallbackName = basename(f, extname(f));
    const found = opts.allowPersonalData ? undefined : findPersonalData(fallbackName);
    if (found) {
      source = uiText('batch.fileLabel', { n: i + 1 });
      fallbackName = source;
      out.notices.push(
        uiText('batch.fileNamePersonal', {
          source: JSON.stringify(f),
          kind: uiText(`personalData.${found.kind}`),
          label: source,
        }),
      );
    }
    const shown = found ? source : shownPath(join(dir, f), f);
    let raw: unknown;
    try {
      raw = readJsonFile(join(dir, f), uiText('where.answersFile'), uiTexts());
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({ source, reason: uiText('batch.skip.unreadable', { source: shown }), detail: err.message });
      return;
    }
    try {
      const where = `${uiText('where.answersFile')} ${join(dir, f)}`;
      const file = validateAnswersFile(raw, rules, where);
      // A version-1 file is read as version 2; stderr says how, once for this file.
      if (file.migration) out.notices.push(describeMigration(rules, where, file.migration));
      const name = file.response?.name;
      out.inputs.push({ source, fallbackName, answers: file.answers, ...(name ? { name } : {}) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({ source, reason: uiText('batch.skip.invalid', { source: shown }), detail: err.message });
    }
  });
  return out;
}

/**
 * Responses from CSV text: a header row of question ids (and optionally "name"), then one
 * response per row. An empty cell is "unknown"; list answers are separated by ";".
 * `where` names the file in messages.
 */
export function csvInputs(rules: RuleBase, text: string, where: string): BatchInputs {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvError) throw userError('error.csv.unclosed', { where, row: err.row });
    throw err;
  }
  const [head, ...rows] = records;
  if (!head || head.cells.every((c) => c.trim() === '')) throw userError('error.csv.empty', { where });
  const columns = checkHeader(
    rules,
    head.cells.map((c) => c.trim()),
    where,
  );
  const out: BatchInputs = { inputs: [], skipped: [], notices: [] };
  for (const r of rows) {
    // Blank lines and rows of empty cells are spacing, not responses.
    if (r.cells.every((c) => c.trim() === '')) continue;
    const source = uiText('where.row', { row: r.row });
    // These reasons hold counts, never a cell's value.
    const skip = (reason: string): void =>
      void out.skipped.push({
        source,
        reason: `${where} ${source}: ${reason}`,
        detail: `${where} ${source}: ${reason}`,
      });
    if (r.error) {
      skip(uiText('error.csv.afterQuote', { column: r.errorColumn ?? 0 }));
      continue;
    }
    if (r.cells.length !== columns.length) {
      skip(
        uiText(r.cells.length === 1 ? 'error.csv.cells.one' : 'error.csv.cells.other', {
          count: r.cells.length,
          header: columns.length,
        }),
      );
      continue;
    }
    try {
      const answers: Answers = {};
      let name: string | undefined;
      const cells: Record<string, string> = {};
      columns.forEach((id, i) => {
        const cell = r.cells[i]!.trim();
        if (cell === '') return;
        if (id === NAME_COLUMN) name = cell;
        else cells[id] = cell;
      });
      // A CSV has no version: a row still using version 1's governmentStance "implicated" is read as
      // version 2 (antiTipActors "none" or one value already reads as a list), and stderr says so.
      if (cells.governmentStance === 'implicated') {
        const { answers: migrated, notes } = migrateV1Answers({
          governmentStance: cells.governmentStance,
          ...(cells.officialComplicity !== undefined ? { officialComplicity: cells.officialComplicity } : {}),
        });
        for (const [id, v] of Object.entries(migrated)) cells[id] = String(v);
        out.notices.push(describeMigration(rules, `${where} ${source}`, notes));
      }
      for (const [id, cell] of Object.entries(cells))
        answers[id] = parseAnswerText(rules, id, cell, `${where} ${source}`);
      // Checked like an answers file, so a name too long is refused the same way.
      const file = validateAnswersFile(
        { version: 2, ...(name ? { response: { name } } : {}), answers },
        rules,
        `${where} ${source}`,
      );
      out.inputs.push({ source, fallbackName: `row-${r.row}`, answers: file.answers, ...(name ? { name } : {}) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({
        source,
        reason: uiText('batch.skip.invalid', { source: `${where} ${source}` }),
        detail: err.message,
      });
    }
  }
  if (out.inputs.length === 0 && out.skipped.length === 0) throw userError('error.csv.noRows', { where });
  return out;
}

function checkHeader(rules: RuleBase, header: string[], where: string): string[] {
  const valid = [NAME_COLUMN, ...rules.questions.map((q) => q.id)];
  const seen = new Set<string>();
  header.forEach((id, i) => {
    const col = uiText('where.column', { where, column: i + 1 });
    if (id === '') throw userError('error.csv.noId', { col });
    if (seen.has(id)) throw userError('error.csv.twice', { col, id });
    seen.add(id);
    if (!valid.includes(id)) {
      // A spreadsheet saved with ";" as separator reads as one column.
      const hint = header.length === 1 && id.includes(';') ? ` ${uiText('error.csv.semicolons')}` : '';
      throw userError('error.csv.badId', { col, id, valid: valueList(valid), hint });
    }
  });
  return header;
}
