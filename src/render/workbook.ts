/**
 * Excel workbooks (.xlsx, Office Open XML) as bytes: sheets of text in a zip archive, for the
 * XLSForm that `tip-coord form` writes. Writing is small (three sheets of inline strings) and
 * node:zlib does the compression, so no library is needed here; reading a workbook from outside
 * is another matter (see cli/inputs/xlsx.ts).
 */
import { escapeXml } from './xml-escape.js';
import { zip } from './zip.js';

/** Column 27 (0-based) → "AB". */
export const columnName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------- writing

export interface Sheet {
  name: string;
  rows: string[][];
}

/**
 * Text for a cell or a sheet name: XML-escaped (a character XML cannot hold is shown escaped, see
 * xml-escape.ts), and a literal "_x0041_" kept as typed (Excel would read it as "A").
 */
const cellText = (s: string): string => escapeXml(s).replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');

/** A workbook of text sheets (inline strings), as bytes. */
export function xlsx(sheets: Sheet[]): Buffer {
  const xml = (s: string): Buffer =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files = [
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
          sheets
            .map(
              (_, i) =>
                `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
            )
            .join('') +
          `</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>` +
          sheets.map((s, i) => `<sheet name="${cellText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          `</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          sheets
            .map(
              (_, i) =>
                `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
            )
            .join('') +
          `</Relationships>`,
      ),
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: xml(
        `<worksheet xmlns="${ns}"><sheetData>` +
          s.rows
            .map(
              (row, r) =>
                `<row r="${r + 1}">` +
                row
                  .map((cell, c) =>
                    cell === ''
                      ? ''
                      : `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${cellText(cell)}</t></is></c>`,
                  )
                  .join('') +
                `</row>`,
            )
            .join('') +
          `</sheetData></worksheet>`,
      ),
    })),
  ];
  // Level 9 and the zip epoch's date: small, and the same sheets give the same bytes.
  return zip(files, { level: 9 });
}
