import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseAnswerText, validateAnswersFile, type Answers } from './answers.js';
import { CsvError, parseCsv } from './csv.js';
import { UserError, listValues } from './errors.js';
import { readJsonFile } from './json-file.js';
import type { RuleBase } from './types.js';

/** One response to evaluate in a batch. */
export interface BatchInput {
  /** Where it came from, for messages: "x.json" or "row 3". */
  source: string;
  /** The basis of its report's file name when it has no name. */
  fallbackName: string;
  answers: Answers;
  name?: string;
}

/** A response that could not be read: where, and why. */
export interface Skipped {
  source: string;
  reason: string;
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
    throw new UserError(`${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (st.isDirectory()) return readFolder(rules, path);
  if (st.isFile() && extname(path).toLowerCase() === '.csv') {
    if (st.size > MAX_CSV_BYTES) throw new UserError(`${path}: too large (${st.size} bytes; at most ${MAX_CSV_BYTES}).`);
    return csvInputs(rules, readFileSync(path, 'utf8'), path);
  }
  throw new UserError(`${path}: expected a folder of answers files (*.json) or a CSV file (.csv); for one answers file use tip-coord assess --answers.`);
}

function readFolder(rules: RuleBase, dir: string): BatchInputs {
  // Hidden files are editors' and tools' temporary files, not responses.
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json') && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw new UserError(`${dir}: no answers files (*.json) in this folder.`);
  const out: BatchInputs = { inputs: [], skipped: [] };
  for (const f of files) {
    try {
      const file = validateAnswersFile(readJsonFile(join(dir, f), 'Answers file'), rules, `Answers file ${join(dir, f)}`);
      const name = file.response?.name;
      out.inputs.push({ source: f, fallbackName: basename(f, extname(f)), answers: file.answers, ...(name ? { name } : {}) });
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
    if (err instanceof CsvError) throw new UserError(`${where}: ${err.message}.`);
    throw err;
  }
  const [head, ...rows] = records;
  if (!head || head.cells.every((c) => c.trim() === '')) throw new UserError(`${where}: empty; the first row must hold question ids.`);
  const columns = checkHeader(rules, head.cells.map((c) => c.trim()), where);
  const out: BatchInputs = { inputs: [], skipped: [] };
  for (const r of rows) {
    // Blank lines and rows of empty cells are spacing, not responses.
    if (r.cells.every((c) => c.trim() === '')) continue;
    const source = `row ${r.row}`;
    const skip = (reason: string): void => void out.skipped.push({ source, reason: `${where} ${source}: ${reason}` });
    if (r.error) {
      skip(r.error);
      continue;
    }
    if (r.cells.length !== columns.length) {
      skip(`has ${r.cells.length} ${r.cells.length === 1 ? 'cell' : 'cells'}; the header row has ${columns.length}.`);
      continue;
    }
    try {
      const answers: Answers = {};
      let name: string | undefined;
      columns.forEach((id, i) => {
        const cell = r.cells[i]!.trim();
        if (cell === '') return;
        if (id === NAME_COLUMN) name = cell;
        else answers[id] = parseAnswerText(rules, id, cell, `${where} ${source}`);
      });
      // Checked like an answers file, so a name too long is refused the same way.
      const file = validateAnswersFile({ version: 1, ...(name ? { response: { name } } : {}), answers }, rules, `${where} ${source}`);
      out.inputs.push({ source, fallbackName: `row-${r.row}`, answers: file.answers, ...(name ? { name } : {}) });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      out.skipped.push({ source, reason: err.message });
    }
  }
  if (out.inputs.length === 0 && out.skipped.length === 0) throw new UserError(`${where}: no responses below the header row.`);
  return out;
}

function checkHeader(rules: RuleBase, header: string[], where: string): string[] {
  const valid = [NAME_COLUMN, ...rules.questions.map((q) => q.id)];
  const seen = new Set<string>();
  header.forEach((id, i) => {
    const col = `${where}: column ${i + 1}`;
    if (id === '') throw new UserError(`${col} has no question id in the header row.`);
    if (seen.has(id)) throw new UserError(`${col}: "${id}" appears twice in the header row.`);
    seen.add(id);
    if (!valid.includes(id)) {
      // A spreadsheet saved with ";" as separator reads as one column.
      const hint = header.length === 1 && id.includes(';') ? ' The file seems to use ";" between columns: save it with "," as the separator.' : '';
      throw new UserError(`${col}: "${id}" is not a question id; valid: ${listValues(valid)}.${hint}`);
    }
  });
  return header;
}
