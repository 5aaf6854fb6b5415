/**
 * Excel workbooks (.xlsx, Office Open XML) without a dependency: what tip-coord needs is small
 * (write three sheets of text for an XLSForm; read the first sheet of a KoboToolbox export),
 * and node:zlib does the compression. The `xlsx` package on npm is stuck at a vulnerable
 * release, and exceljs would bring about thirty packages, some unmaintained, for these two jobs.
 * Loaded only when a spreadsheet is read or written (dynamic import).
 *
 * Reading streams the sheet: its XML is inflated and parsed a chunk at a time, so memory stays
 * flat whatever the number of rows (only the shared-strings table is held whole).
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { TableError, type TableRow } from './table.js';

// ---------------------------------------------------------------- zip

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated files, with a fixed date so the same content gives the same bytes. */
export function zip(files: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00, the zip epoch: reproducible output.
  const time = 0;
  const date = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const packed = deflateRawSync(f.data, { level: 9 });
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

interface Entry {
  method: number;
  size: number;
  dataStart: number;
}

class BadZip extends Error {}

/** The most a workbook part read whole (shared strings, workbook) may inflate to; the sheet itself is streamed. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** The entries of a zip archive, by name (no zip64, no encryption: not what spreadsheets need). */
function entries(buf: Buffer): Map<string, Entry> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new BadZip('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Entry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new BadZip('damaged central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1) throw new BadZip('encrypted');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new BadZip('damaged entry');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataStart + size > buf.length) throw new BadZip('truncated');
    out.set(name, { method, size, dataStart });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entryStream(buf: Buffer, e: Entry): Readable {
  const data = Readable.from([buf.subarray(e.dataStart, e.dataStart + e.size)]);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new BadZip('unsupported compression');
  return data.pipe(createInflateRaw());
}

function entryText(buf: Buffer, e: Entry): string {
  const data = buf.subarray(e.dataStart, e.dataStart + e.size);
  if (e.method === 0) return data.toString('utf8');
  if (e.method !== 8) throw new BadZip('unsupported compression');
  // Bounded: a crafted archive (a "zip bomb") cannot fill memory; a real export's shared strings are far smaller.
  return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
}

// ---------------------------------------------------------------- XML bits

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text to a string: entities, character references, and OOXML's `_x000D_` escapes. */
export function xmlText(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
      if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot hold, written as OOXML escapes.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`);

/** The text of a shared string or inline string: every `<t>` of its runs, phonetic runs left out. */
const runsText = (xml: string): string =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)]
    .map((m) => xmlText(m[1] ?? ''))
    .join('');

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** "AB12" → column index 27 (0-based). */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const columnName = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------- reading

/** The rows of a workbook's first sheet, as text, streamed. Throws TableError when it is no workbook. */
export async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  let sheet: Readable;
  let shared: string[];
  try {
    const buf = readFileSync(path);
    const files = entries(buf);
    const text = (name: string): string | undefined => {
      const e = files.get(name);
      return e ? entryText(buf, e) : undefined;
    };
    shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) =>
      runsText(m[1] ?? ''),
    );
    const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
    const e = files.get(sheetPath);
    if (!e) throw new BadZip(`no ${sheetPath}`);
    sheet = entryStream(buf, e);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (err instanceof BadZip || err instanceof RangeError || code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE')
      throw new TableError('error.xlsx.unreadable', 0);
    throw err;
  }
  sheet.setEncoding('utf8');
  let rest = '';
  let next = 1;
  try {
    for await (const chunk of sheet as AsyncIterable<string>) {
      rest += chunk;
      const cut = rest.lastIndexOf('</row>');
      if (cut < 0) continue;
      const done = rest.slice(0, cut + 6);
      rest = rest.slice(cut + 6);
      for (const r of parseRows(done, shared)) {
        next = r.row + 1;
        yield r;
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('Z_')) throw new TableError('error.xlsx.unreadable', next);
    throw err;
  }
  for (const r of parseRows(rest, shared)) yield r;
}

function firstSheetPath(workbook: string | undefined, rels: string | undefined): string {
  const fallback = 'xl/worksheets/sheet1.xml';
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook ?? '')?.[0];
  const id = sheet && /\s(?:\w+:)?id="([^"]*)"/.exec(sheet)?.[1];
  if (!id || !rels) return fallback;
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (attr(m[0], 'Id') !== id) continue;
    const target = attr(m[0], 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return fallback;
}

function* parseRows(xml: string, shared: string[]): Generator<TableRow> {
  let implicit = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const r = Number(attr(m[1]!, 'r') ?? implicit + 1);
    implicit = r;
    const cells: string[] = [];
    let col = -1;
    for (const c of (m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = attr(c[1]!, 'r');
      col = ref ? columnIndex(ref) : col + 1;
      const type = attr(c[1]!, 't');
      const body = c[2] ?? '';
      const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runsText(body);
      else if (type === 'b') value = v === '1' ? 'true' : v === '0' ? 'false' : '';
      else if (v !== undefined) value = xmlText(v);
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    yield { row: r, cells, sheet: true };
  }
}

// ---------------------------------------------------------------- writing

export interface Sheet {
  name: string;
  rows: string[][];
}

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
          sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
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
                      : `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`,
                  )
                  .join('') +
                `</row>`,
            )
            .join('') +
          `</sheetData></worksheet>`,
      ),
    })),
  ];
  return zip(files);
}
