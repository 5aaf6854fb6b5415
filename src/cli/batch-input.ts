import type { Skipped } from '../render/portfolio.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  describeMigration,
  migrateV1Answers,
  parseAnswerText,
  validateAnswersFile,
  type Answers,
} from '../core/answers.js';
import { CsvError, parseCsv } from './csv.js';
import { UserError } from '../core/errors.js';
import { readJsonFile } from '../rules/json-file.js';
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
  /** How a version-1 answers file was read as version 2, for stderr. */
  notice?: string;
}

export interface BatchInputs {
  inputs: BatchInput[];
  skipped: Skipped[];
}

/** Generous for a spreadsheet of responses; anything larger is a mistake. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
const NAME_COLUMN = 'name';

/** Reads a batch: a folder of answers files (*.json) or a CSV file. Problems with one response skip it; problems with the whole input throw. */
export function readBatch(rules: RuleBase, path: string): BatchInputs {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    throw userError('error.file.unreadable', { path, code: (err as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (st.isDirectory()) return readFolder(rules, path);
  if (st.isFile() && extname(path).toLowerCase() === '.csv') {
    if (st.size > MAX_CSV_BYTES) throw userError('error.file.tooLarge', { path, size: st.size, max: MAX_CSV_BYTES });
    return csvInputs(rules, readFileSync(path, 'utf8'), path);
  }
  throw userError('error.batch.path', { path });
}

function readFolder(rules: RuleBase, dir: string): BatchInputs {
  // Hidden files are editors' and tools' temporary files, not responses.
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw userError('error.batch.emptyFolder', { dir });
  const out: BatchInputs = { inputs: [], skipped: [] };
  for (const f of files) {
    try {
      const where = `${uiText('where.answersFile')} ${join(dir, f)}`;
      const file = validateAnswersFile(
        readJsonFile(join(dir, f), uiText('where.answersFile'), uiTexts()),
        rules,
        where,
      );
      const name = file.response?.name;
      out.inputs.push({
        source: f,
        fallbackName: basename(f, extname(f)),
        answers: file.answers,
        ...(name ? { name } : {}),
        ...(file.migration ? { notice: describeMigration(rules, where, file.migration) } : {}),
      });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({ source: f, reason: err.message });
    }
  }
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
  const out: BatchInputs = { inputs: [], skipped: [] };
  for (const r of rows) {
    // Blank lines and rows of empty cells are spacing, not responses.
    if (r.cells.every((c) => c.trim() === '')) continue;
    const source = uiText('where.row', { row: r.row });
    const skip = (reason: string): void => void out.skipped.push({ source, reason: `${where} ${source}: ${reason}` });
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
      let notice: string | undefined;
      if (cells.governmentStance === 'implicated') {
        const { answers: migrated, notes } = migrateV1Answers({
          governmentStance: cells.governmentStance,
          ...(cells.officialComplicity !== undefined ? { officialComplicity: cells.officialComplicity } : {}),
        });
        for (const [id, v] of Object.entries(migrated)) cells[id] = String(v);
        notice = describeMigration(rules, `${where} ${source}`, notes);
      }
      for (const [id, cell] of Object.entries(cells))
        answers[id] = parseAnswerText(rules, id, cell, `${where} ${source}`);
      // Checked like an answers file, so a name too long is refused the same way.
      const file = validateAnswersFile(
        { version: 2, ...(name ? { response: { name } } : {}), answers },
        rules,
        `${where} ${source}`,
      );
      out.inputs.push({
        source,
        fallbackName: `row-${r.row}`,
        answers: file.answers,
        ...(name ? { name } : {}),
        ...(notice ? { notice } : {}),
      });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({ source, reason: err.message });
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
