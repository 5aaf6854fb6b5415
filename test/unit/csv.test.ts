import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textRows, type TableRow } from '../../src/cli/inputs/batch.js';
import { TableError } from '../../src/cli/inputs/table.js';

const rows = async (text: string): Promise<TableRow[]> => {
  const out: TableRow[] = [];
  for await (const r of textRows(text)) out.push(r);
  return out;
};
const cells = async (text: string): Promise<string[][]> => (await rows(text)).map((r) => r.cells);

// The CSV reader is csv-parse, streamed; these pin what batch relies on.
describe('CSV rows (csv-parse, streamed)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', async () => {
    expect(await cells('a,b,c\n"x, y","say ""hi""","two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('ignores a BOM and reads CRLF, LF and CR line ends, with or without a last line break', async () => {
    expect(await cells('\uFEFFa,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(await cells('a\r1\r')).toEqual([['a'], ['1']]);
    expect(await cells('a,b\n"",\n')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(await cells('a\n""')).toEqual([['a'], ['']]);
  });

  it('keeps empty cells and blank lines as records', async () => {
    expect(await cells('a,b,c\n,,\n\n1,,3\n')).toEqual([['a', 'b', 'c'], ['', '', ''], [''], ['1', '', '3']]);
  });

  it('counts rows as a spreadsheet does: a quoted line break stays in its row', async () => {
    expect((await rows('h\n"1\n2\n3"\nnext\n')).map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('reads a row with text after a closing quote as it stands, and goes on', async () => {
    const r = await rows('a,b\n"x"y,2\n3,4\n');
    expect(r[1]!.cells[0]).toContain('y');
    expect(r[2]).toEqual({ row: 3, cells: ['3', '4'] });
  });

  it('refuses an unclosed quote, naming the row where it opens', async () => {
    await expect(rows('a\n1\n"open,\n2\n')).rejects.toThrow(TableError);
    await expect(rows('a\n1\n"open,\n2\n')).rejects.toMatchObject({ row: 3 });
  });

  it('reads back whatever a standard writer writes', async () => {
    // The writer: quote every field that holds a comma, a quote or a line break; double the quotes.
    const write = (rs: string[][]): string =>
      rs
        .map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\r\n');
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r', ';', 'x') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (rs) => {
          expect(await cells(write(rs))).toEqual(rs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
