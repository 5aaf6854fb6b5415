/** Rows of a table of responses (CSV or a sheet), shared by the CSV and the .xlsx readers. */
import type { MessageKey } from '../../core/message-keys.js';
import type { Vars } from '../../core/messages.js';

/** A row of a table: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
  /** From a sheet: trailing empty cells may be missing. */
  sheet?: true;
}

/** Thrown by a row source when the whole file is unusable: the key of its message, and what to fill it with besides the file. */
export class TableError extends Error {
  constructor(
    readonly key: Extract<MessageKey, 'error.csv.unclosed' | `error.xlsx.${string}`>,
    readonly row: number,
    readonly vars: Vars = {},
  ) {
    super(key);
  }
}
