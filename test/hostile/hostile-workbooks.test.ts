/**
 * Hostile workbooks given to `batch`: each attack file is built here, part by part. A workbook
 * that fails a check (a cell outside a worksheet, a character or entity XML forbids, a part that
 * inflates past the cap or lies about its size, a checksum that does not match, a part twice) is
 * refused whole: exit 2, one line naming the file and what is wrong, no stack, no report written.
 * A plain workbook and a valid one with 200,000 empty shared strings are read.
 *
 * HOSTILE_WORKBOOKS_DIR=/some/dir also writes each attack file there, with the full-size
 * inflating sheet (480 MB of rows in a 0.9 MB file), to measure the reader by hand.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, refusal } from '../support/cli.js';
import {
  declareSize,
  flipByte,
  inlineRow,
  sharedStringsXml,
  sheetXml,
  workbook,
  workbookParts,
  wrongCrc,
} from './support/workbooks.js';
import { zip } from '../../src/render/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const keep = process.env.HOSTILE_WORKBOOKS_DIR;
if (keep) mkdirSync(keep, { recursive: true });
let n = 0;

const SHEET = 'xl/worksheets/sheet1.xml';
const HEADER = inlineRow(1, ['name', 'tipScale']);
const GOOD_ROWS = `${HEADER}${inlineRow(2, ['Goma', 'isolated'])}${inlineRow(3, ['Kivu', 'significant'])}`;

/** Writes the attack file and runs `batch` on it; `out` is where reports would go. */
function batch(name: string, bytes: Buffer, extra: string[] = []) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  if (keep) writeFileSync(join(keep, name), bytes);
  const out = join(tmp, `out-${++n}`);
  return { r: cli(['batch', file, '--out', out, '--date', '2026-01-01', ...extra]), out };
}

/** Refused whole: exit 2, one line that names the file, no stack, no report folder. */
function refusedWhole(name: string, bytes: Buffer, reason: RegExp): void {
  const { r, out } = batch(name, bytes);
  const check = refusal({ ...r, signal: null });
  expect(check.ok, check.why).toBe(true);
  expect(r.stderr).toContain(name);
  expect(r.stderr).toMatch(reason);
  expect(existsSync(out)).toBe(false);
}

describe('hostile workbooks are refused whole', () => {
  it('a cell reference past column XFD (ZZZZZZZZ2): the limit is named', () => {
    const rows = `${HEADER}<row r="2"><c r="ZZZZZZZZ2" t="inlineStr"><is><t>isolated</t></is></c></row>`;
    refusedWhole('huge-column.xlsx', workbook({ sheet: sheetXml(rows) }), /"ZZZZZZZZ2".*columns A to XFD/);
  });

  it('a row past 1,048,576, by its number or by counting rows without one', () => {
    const numbered = `${GOOD_ROWS}<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>`;
    refusedWhole('huge-row.xlsx', workbook({ sheet: sheetXml(numbered) }), /rows 1 to 1,048,576/);
    const counted = `${HEADER}${'<row/>'.repeat(1_048_576)}`;
    refusedWhole('many-rows.xlsx', workbook({ sheet: sheetXml(counted) }), /rows 1 to 1,048,576/);
  });

  it('a cell past XFD by counting cells without a reference', () => {
    const rows = `${HEADER}<row r="2">${'<c t="inlineStr"><is><t>x</t></is></c>'.repeat(16_385)}</row>`;
    refusedWhole('wide-row.xlsx', workbook({ sheet: sheetXml(rows) }), /columns A to XFD/);
  });

  it.each([
    ['a reference to a character past Unicode (&#x110000;)', '&#x110000;'],
    ['a reference to U+FFFE', '&#xFFFE;'],
    ['a reference to a control character', '&#1;'],
    ['a raw U+FFFF', '\uffff'],
    ['a raw control character', '\u0001'],
    ['an entity XML does not define', '&nbsp;'],
  ])('an inline string with %s', (_, text) => {
    const rows = `${HEADER}${inlineRow(2, ['Goma', `isolated${text}`])}`;
    refusedWhole('bad-character.xlsx', workbook({ sheet: sheetXml(rows) }), /sheet1\.xml.*line \d+, column \d+/);
  });

  it('the same in a shared string', () => {
    const sst = sharedStringsXml('<si><t>name</t></si><si><t>tipScale</t></si><si><t>&#x110000;</t></si>', 3);
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`;
    refusedWhole('bad-shared.xlsx', workbook({ sheet: sheetXml(rows), sharedStrings: sst }), /sharedStrings\.xml/);
  });

  it('a document type declaration (entities that expand: "billion laughs")', () => {
    const dtd =
      '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const sheet = sheetXml(`${HEADER}${inlineRow(2, ['Goma', '&c;'])}`).replace('\n<worksheet', `\n${dtd}<worksheet`);
    refusedWhole('entities.xlsx', workbook({ sheet }), /document type declaration/);
  });

  it('a part that is not UTF-8', () => {
    const [before, after] = sheetXml(`${HEADER}${inlineRow(2, ['Goma @', 'isolated'])}`).split('@');
    const sheet = Buffer.concat([Buffer.from(before!), Buffer.from([0xe9]), Buffer.from(after!)]);
    refusedWhole('latin1.xlsx', workbook({ sheet }), /not valid UTF-8/);
  });

  it('a sheet that inflates past the cap (60 MB of rows in a small file)', () => {
    const sheet = sheetXml(`${HEADER}${'<row r="1"/>'.repeat(5_000_000)}`);
    const bytes = workbook({ sheet });
    expect(bytes.length).toBeLessThan(200_000);
    refusedWhole('inflating.xlsx', bytes, /more than 50 MB/);
    // The same, its size declared small: it lies, and is stopped when it passes what it declared.
    refusedWhole('inflating-lying.xlsx', declareSize(bytes, SHEET, 4096), /damaged/);
    // Declared just under the cap: stopped at the cap.
    refusedWhole('inflating-under.xlsx', declareSize(bytes, SHEET, 50 * 1024 * 1024 - 1), /damaged/);
    if (keep) {
      // The full-size attack, for a measurement by hand: 480 MB of rows.
      const full = workbook({ sheet: sheetXml(`${HEADER}${'<row r="1"/>'.repeat(40_000_000)}`) });
      writeFileSync(join(keep, 'inflating-480mb.xlsx'), full);
    }
  });

  it('a checksum that does not match: one flipped byte, or a CRC-32 that says otherwise', () => {
    const bytes = workbook({ sheet: sheetXml(GOOD_ROWS) });
    refusedWhole('flipped.xlsx', flipByte(bytes, SHEET), /damaged/);
    refusedWhole('crc.xlsx', wrongCrc(bytes, SHEET), /sheet1\.xml.*checksum/);
    // A part tip-coord does not read (the styles) is checked too: the archive is refused whole.
    const styled = workbook({
      sheet: sheetXml(GOOD_ROWS),
      extra: [{ name: 'xl/styles.xml', data: Buffer.from('<styleSheet/>') }],
    });
    refusedWhole('crc-styles.xlsx', wrongCrc(styled, 'xl/styles.xml'), /styles\.xml.*checksum/);
  });

  it('a part twice, also when the names differ only in case', () => {
    const parts = workbookParts({ sheet: sheetXml(GOOD_ROWS) });
    const evil = { name: SHEET, data: Buffer.from(sheetXml(inlineRow(1, ['name', 'tipScale']))) };
    refusedWhole('twice.xlsx', zip([...parts, evil]), /sheet1\.xml.*twice/);
    refusedWhole('twice-case.xlsx', zip([...parts, { ...evil, name: 'XL/Worksheets/Sheet1.xml' }]), /twice/);
  });

  it('a cell longer than Excel allows (32,767 characters)', () => {
    const rows = `${HEADER}${inlineRow(2, ['x'.repeat(32_768), 'isolated'])}`;
    refusedWhole('long-cell.xlsx', workbook({ sheet: sheetXml(rows) }), /32,767 characters/);
  });

  it('a cell that refers to a shared string the workbook does not have', () => {
    const sst = sharedStringsXml('<si><t>name</t></si><si><t>tipScale</t></si>', 2);
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>7</v></c></row>`;
    refusedWhole('missing-shared.xlsx', workbook({ sheet: sheetXml(rows), sharedStrings: sst }), /shared string 8/);
  });

  it('a fault at the end of a long sheet: nothing is written for the rows before it', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => inlineRow(i + 2, [`R${i}`, 'isolated'])).join('');
    const bad = `<row r="3002"><c r="A3002" t="inlineStr"><is><t>&#xFFFF;</t></is></c></row>`;
    refusedWhole('late-fault.xlsx', workbook({ sheet: sheetXml(`${HEADER}${rows}${bad}`) }), /line \d+, column \d+/);
  });
});

describe('valid workbooks are read', () => {
  it('a plain workbook', () => {
    const { r, out } = batch('plain.xlsx', workbook({ sheet: sheetXml(GOOD_ROWS) }));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toContain('2026-01-01-goma.md');
  });

  it('200,000 empty shared strings before the ones used', () => {
    const empty = '<si/>'.repeat(200_000);
    const sst = sharedStringsXml(
      `${empty}<si><t>tipScale</t></si><si><r><t>isol</t></r><r><t>ated</t></r></si>`,
      200_002,
    );
    const rows = `<row r="1"><c r="A1" t="s"><v>200000</v></c></row><row r="2"><c r="A2" t="s"><v>200001</v></c></row>`;
    const { r, out } = batch('empty-shared.xlsx', workbook({ sheet: sheetXml(rows), sharedStrings: sst }), [
      '--summary-only',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = readFileSync(
      join(
        out,
        readdirSync(out).find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(summary).toMatch(/\b1 response/);
  });
});
