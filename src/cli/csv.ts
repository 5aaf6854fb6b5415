/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes, which may
 * hold commas, line breaks and doubled quotes (""); CRLF, LF or CR line ends; a leading BOM
 * (spreadsheet exports) ignored. Written here rather than added as a dependency: the format
 * is small, and the errors must name the spreadsheet row.
 */

export interface CsvRecord {
  /** The spreadsheet row: the header is row 1. A quoted line break does not start a new row. */
  row: number;
  cells: string[];
  /** Set when the row is malformed (text after a closing quote); the other rows still parse. */
  error?: string;
  /** With `error`: the column where the text after a closing quote stands. */
  errorColumn?: number;
}

export class CsvError extends Error {
  constructor(
    message: string,
    /** The row where the unclosed quoted field starts, for a message in the user's language. */
    readonly row: number,
  ) {
    super(message);
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let error: string | undefined;
  let errorColumn: number | undefined;
  /** Whether the current record has begun: a last line without a line break still counts. */
  let begun = false;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push(
      error ? { row: records.length + 1, cells, error, errorColumn: errorColumn! } : { row: records.length + 1, cells },
    );
    cells = [];
    cell = '';
    error = undefined;
    begun = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c !== '\n' && c !== '\r') begun = true;
    if (c === '"' && cell === '') {
      // A quoted field: runs to the next quote that is not doubled.
      const start = records.length + 1;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new CsvError(`row ${start}: a quoted field is not closed (a " is missing)`, start);
        cell += text.slice(i, q);
        if (text[q + 1] === '"') {
          cell += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // After the closing quote only a comma or a line end may follow.
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        if (error === undefined) {
          errorColumn = cells.length + 1;
          error = `text after the closing quote of column ${errorColumn}; put the whole field in quotes and double any " inside it`;
        }
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  // The last line may or may not end with a line break.
  if (begun) endRecord();
  return records;
}
