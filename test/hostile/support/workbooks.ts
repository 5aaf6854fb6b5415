/**
 * Workbooks (.xlsx) built part by part, to be made hostile: a sheet's XML as given, shared
 * strings, then the archive's bytes changed the way an attacker or a damaged disk would (a
 * flipped byte, a size that lies, a part twice).
 */
import { zip } from '../../../src/render/zip.js';
import { zipEntries } from '../../support/zip.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A worksheet part around rows (`<row>` elements as XML text). */
export const sheetXml = (rows: string): string =>
  `${DECL}<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;

/** A shared-strings part around `<si>` elements. */
export const sharedStringsXml = (items: string, count: number): string =>
  `${DECL}<sst xmlns="${NS}" count="${count}" uniqueCount="${count}">${items}</sst>`;

/** A row of inline strings, from column A on. */
export function inlineRow(r: number, cells: string[]): string {
  const col = (i: number): string => String.fromCharCode(65 + i);
  return `<row r="${r}">${cells.map((c, i) => `<c r="${col(i)}${r}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
}

export interface Parts {
  /** The first sheet's XML, or its bytes (to hand over something that is not UTF-8 text). */
  sheet: string | Buffer;
  sharedStrings?: string;
  /** Parts added after the others, as they are. */
  extra?: { name: string; data: Buffer }[];
}

/** The parts of a workbook whose first sheet is `parts.sheet`. */
export function workbookParts(parts: Parts): { name: string; data: Buffer }[] {
  const text = (s: string | Buffer): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : s);
  return [
    {
      name: '[Content_Types].xml',
      data: text(
        `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
          `<Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        `${DECL}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `${DECL}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="export" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `${DECL}<Relationships xmlns="${PKG}">` +
          `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    ...(parts.sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: text(parts.sharedStrings) }]),
    { name: 'xl/worksheets/sheet1.xml', data: text(parts.sheet) },
    ...(parts.extra ?? []),
  ];
}

/** The workbook's bytes. */
export const workbook = (parts: Parts): Buffer => zip(workbookParts(parts));

const entryOf = (buf: Buffer, name: string) => {
  const e = zipEntries(buf).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  return e;
};

/** One byte of an entry's compressed data flipped: the archive stays readable, the content is not what was stored. */
export function flipByte(buf: Buffer, name: string, at = 0.5): Buffer {
  const out = Buffer.from(buf);
  const e = entryOf(out, name);
  const i = e.dataStart + Math.floor(e.compressedSize * at);
  out[i] = out[i]! ^ 0x01;
  return out;
}

/** An entry whose stored CRC-32 is off by one bit: its content is intact, its checksum says otherwise. */
export function wrongCrc(buf: Buffer, name: string): Buffer {
  const out = Buffer.from(buf);
  const e = entryOf(out, name);
  const crc = (out.readUInt32LE(e.central + 16) ^ 1) >>> 0;
  out.writeUInt32LE(crc, e.central + 16);
  out.writeUInt32LE(crc, e.local + 14);
  return out;
}

/** An entry that says it inflates to `size` bytes (in the central directory and the local header), whatever it holds. */
export function declareSize(buf: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(buf);
  const e = entryOf(out, name);
  out.writeUInt32LE(size, e.central + 24);
  out.writeUInt32LE(size, e.local + 22);
  return out;
}
