import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../../src/cli/csv.js';

const cells = (text: string): string[][] => parseCsv(text).map((r) => r.cells);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(cells('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('ignores a BOM and reads CRLF, LF and CR line ends, with or without a last line break', () => {
    expect(cells('\uFEFFa,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(cells('a\r1\r')).toEqual([['a'], ['1']]);
    expect(cells('a,b\n"",\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(cells('a\n""')).toEqual([['a'], ['']]);
  });

  it('keeps empty cells and blank lines as records', () => {
    expect(cells('a,b,c\n,,\n\n1,,3\n')).toEqual([['a', 'b', 'c'], ['', '', ''], [''], ['1', '', '3']]);
  });

  it('counts rows as a spreadsheet does: a quoted line break stays in its row', () => {
    expect(parseCsv('h\n"1\n2\n3"\nnext\n').map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('marks a row with text after a closing quote, and goes on', () => {
    const r = parseCsv('a,b\n"x"y,2\n3,4\n');
    expect(r[1]!.error).toMatch(/after the closing quote of column 1/);
    expect(r[2]).toEqual({ row: 3, cells: ['3', '4'] });
  });

  it('refuses an unclosed quote, naming the row where it opens', () => {
    expect(() => parseCsv('a\n1\n"open,\n2\n')).toThrow(CsvError);
    expect(() => parseCsv('a\n1\n"open,\n2\n')).toThrow('row 3');
  });

  it('reads back whatever a standard writer writes', () => {
    // The writer: quote every field that holds a comma, a quote or a line break; double the quotes.
    const write = (rows: string[][]): string =>
      rows
        .map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\r\n');
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r', ';', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(cells(write(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
