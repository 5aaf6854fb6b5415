/** Rows of a table of responses (CSV or a sheet), shared by the CSV and the .xlsx readers. */

/** A row of a table: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface TableRow {
  row: number;
  cells: string[];
  /** From a sheet: trailing empty cells may be missing. */
  sheet?: true;
}

/** Thrown by a row source when the whole file is unusable. */
export class TableError extends Error {
  constructor(
    readonly key: 'error.csv.unclosed' | 'error.xlsx.unreadable',
    readonly row: number,
  ) {
    super(key);
  }
}
