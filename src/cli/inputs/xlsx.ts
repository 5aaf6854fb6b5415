/**
 * The first sheet of an Excel workbook (.xlsx), as rows of text: a KoboToolbox or ODK export, or
 * a table saved from Excel. The file comes from outside, so it is read by libraries made for
 * untrusted archives and XML, within limits, and checked whole before its first row is given out:
 * a workbook that fails a check is refused with nothing written from it.
 *
 * - yauzl reads the archive: every entry of the central directory is seen (a part stored twice is
 *   refused), names are checked, and an entry that inflates past the size it declares is stopped
 *   there. Declared sizes are capped (PART_MAX each, TOTAL_MAX together) before anything inflates,
 *   so a small file cannot make the reader inflate hundreds of megabytes. yauzl does not check
 *   CRC-32s: each entry's is computed as it streams and compared at its end.
 * - saxes parses the XML as a stream: well-formedness as XML 1.0 defines it (no character or
 *   character reference it forbids, no undefined entity); a document type declaration is refused.
 * - A cell must lie within a worksheet (columns A to XFD, rows 1 to 1,048,576) and hold at most
 *   32,767 characters, Excel's own limits.
 *
 * The sheet is read twice, streamed, in flat memory: once to check it, once to give its rows.
 * Only the shared-strings table is held whole (within PART_MAX).
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { columnName } from '../../render/workbook.js';
import { crc32 } from '../../render/zip.js';
import { TableError, type TableRow } from './table.js';

const MB = 1024 * 1024;
/** The most one part of a workbook may inflate to. */
export const PART_MAX = 50 * MB;
/** The most all its parts together may inflate to. */
export const TOTAL_MAX = 200 * MB;
/** Excel's limits: columns A to XFD, rows 1 to 1,048,576, 32,767 characters in a cell. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;

const fail = (
  key: ConstructorParameters<typeof TableError>[0],
  vars: Record<string, string | number> = {},
): TableError => new TableError(key, 0, vars);

/** A value from the file in a message: quoted, cut short. */
const shown = (s: string): string => JSON.stringify(s.length > 24 ? `${s.slice(0, 24)}…` : s);

// ---------------------------------------------------------------- the archive

/** The archive's entries by lower-cased name (part names are compared without case). */
type Entries = Map<string, Entry>;

async function listEntries(zip: ZipFile): Promise<Entries> {
  const entries: Entries = new Map();
  let total = 0;
  for await (const e of zip.eachEntry()) {
    const key = e.fileName.toLowerCase();
    if (entries.has(key)) throw fail('error.xlsx.twice', { part: shown(e.fileName) });
    if (e.uncompressedSize > PART_MAX)
      throw fail('error.xlsx.tooLarge', { part: shown(e.fileName), max: PART_MAX / MB });
    total += e.uncompressedSize;
    if (total > TOTAL_MAX) throw fail('error.xlsx.tooLargeTotal', { max: TOTAL_MAX / MB });
    entries.set(key, e);
  }
  return entries;
}

/**
 * An entry's content, streamed: as text (UTF-8, strictly) when `asText`, else as bytes only to
 * check it. Its CRC-32 is checked at the end; yauzl stops it when it inflates past its declared
 * size. An error of the archive (bad compressed data, a size or a checksum that does not match)
 * is `error.xlsx.damaged`.
 */
async function* entryContent(zip: ZipFile, e: Entry, asText: boolean): AsyncGenerator<string> {
  const part = shown(e.fileName);
  const damaged = (): TableError => fail('error.xlsx.damaged', { part });
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(e);
  } catch {
    throw damaged();
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw fail('error.xlsx.notUtf8', { part });
    }
  };
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let crc = 0;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch {
        throw damaged();
      }
      if (next.done) break;
      crc = crc32(next.value, crc);
      if (asText) yield decode(next.value);
    }
  } finally {
    stream.destroy();
  }
  if (crc !== e.crc32) throw fail('error.xlsx.checksum', { part });
  if (asText) yield decode();
}

// ---------------------------------------------------------------- XML

/** An element: its name without a namespace prefix (`x:row` is `row`), its attributes as written. */
interface Tag {
  local: string;
  attributes: Record<string, string>;
}

interface XmlHandlers {
  open?(tag: Tag): void;
  close?(local: string): void;
  text?(text: string): void;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A streaming XML parser for one part; its errors name the part, the line and the column. */
function xmlParser(part: string, h: XmlHandlers): { write(s: string): void; close(): void } {
  // Without namespace processing (parts are told apart by their element names): faster by about a third.
  const p = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  p.on('doctype', () => {
    throw fail('error.xlsx.doctype', { part: shown(part) });
  });
  const { open, close } = h;
  if (open) p.on('opentag', (tag) => open({ local: localName(tag.name), attributes: tag.attributes }));
  if (close) p.on('closetag', (tag) => close(localName(tag.name)));
  if (h.text) {
    p.on('text', h.text);
    p.on('cdata', h.text);
  }
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (err) {
      if (err instanceof TableError) throw err;
      // saxes words its errors "line:column: problem."; the problem is told in the user's language.
      const m = /^(\d+):(\d+): (.*)$/.exec((err as Error).message);
      const what = m?.[3] ?? '';
      const problem = /character/.test(what) ? 'character' : /entity/.test(what) ? 'entity' : 'other';
      throw fail(`error.xlsx.xml.${problem}`, { part: shown(part), line: m?.[1] ?? 0, column: m?.[2] ?? 0 });
    }
  };
  return {
    write: (s) => guard(() => p.write(s)),
    close: () => guard(() => p.close()),
  };
}

/** The text of an entry, parsed whole (the small parts: the workbook, its relationships). */
async function parsePart(zip: ZipFile, entries: Entries, part: string, h: XmlHandlers): Promise<boolean> {
  const e = entries.get(part.toLowerCase());
  if (!e) return false;
  const parser = xmlParser(e.fileName, h);
  for await (const text of entryContent(zip, e, true)) parser.write(text);
  parser.close();
  return true;
}

/** An attribute by its name without a prefix; `namespaced`: only one with a prefix (`r:id`). */
const attr = (tag: Tag, local: string, namespaced = false): string | undefined => {
  if (!namespaced) return tag.attributes[local];
  for (const [name, value] of Object.entries(tag.attributes))
    if (name.includes(':') && localName(name) === local && !name.startsWith('xmlns:')) return value;
  return undefined;
};

/** Collects the text of `<t>` elements in a run of rich text, phonetic runs (`<rPh>`) left out. */
class RunText {
  private depth = 0;
  private phonetic = 0;
  private text = '';
  open(local: string): void {
    if (local === 'rPh') this.phonetic++;
    if (local === 't' && this.phonetic === 0) this.depth++;
  }
  close(local: string): void {
    if (local === 'rPh') this.phonetic--;
    if (local === 't' && this.phonetic === 0) this.depth--;
  }
  add(s: string): void {
    if (this.depth > 0) this.text = checkedLength(this.text + s);
  }
  take(): string {
    const t = this.text;
    this.text = '';
    return t;
  }
}

function checkedLength(s: string): string {
  if (s.length > MAX_CELL_CHARS) throw fail('error.xlsx.cellTooLong', { max: MAX_CELL_CHARS });
  return s;
}

// ---------------------------------------------------------------- the workbook

/** The path of the first sheet, from the workbook part and its relationships. */
async function firstSheetPath(zip: ZipFile, entries: Entries): Promise<string> {
  let id: string | undefined;
  await parsePart(zip, entries, 'xl/workbook.xml', {
    open(tag) {
      if (tag.local === 'sheet' && id === undefined) id = attr(tag, 'id', true) ?? '';
    },
  });
  let target: string | undefined;
  if (id)
    await parsePart(zip, entries, 'xl/_rels/workbook.xml.rels', {
      open(tag) {
        if (tag.local === 'Relationship' && target === undefined && attr(tag, 'Id') === id)
          target = attr(tag, 'Target');
      },
    });
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join('xl', target);
}

async function sharedStrings(zip: ZipFile, entries: Entries): Promise<string[]> {
  const out: string[] = [];
  const runs = new RunText();
  await parsePart(zip, entries, 'xl/sharedStrings.xml', {
    open: (tag) => runs.open(tag.local),
    close(local) {
      runs.close(local);
      if (local === 'si') out.push(runs.take());
    },
    text: (s) => runs.add(s),
  });
  return out;
}

/** "AB12" → [27, 12] (column 0-based, row 1-based), or undefined when it is no cell reference. */
function cellRef(ref: string): [number, number] | undefined {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col - 1, Number(m[2])];
}

/**
 * Builds rows from a sheet's XML events: `<row r>` and `<c r t>` with `<v>` (a value, or an
 * index into the shared strings) or `<is>` (an inline string). `emit` receives each row.
 */
function sheetHandlers(shared: string[], emit: (row: TableRow) => void): XmlHandlers {
  let rowNo = 0;
  let cells: string[] | undefined;
  let col = -1;
  let type = '';
  let inCell = false;
  let value: string | undefined;
  let inValue = false;
  const runs = new RunText();
  const outside = (ref: string): TableError => fail('error.xlsx.cellRef', { ref: shown(ref), row: rowNo });
  return {
    open(tag) {
      switch (tag.local) {
        case 'row': {
          const r = attr(tag, 'r');
          const n = r === undefined ? rowNo + 1 : /^[1-9]\d{0,6}$/.test(r) ? Number(r) : NaN;
          if (!(n <= MAX_ROWS)) throw fail('error.xlsx.rowNumber', { row: shown(r ?? String(n)) });
          rowNo = n;
          cells = [];
          col = -1;
          return;
        }
        case 'c': {
          if (!cells) return;
          const r = attr(tag, 'r');
          if (r === undefined) col++;
          else {
            const at = cellRef(r);
            if (!at || at[0] >= MAX_COLUMNS || at[1] > MAX_ROWS) throw outside(r);
            col = at[0];
          }
          if (col >= MAX_COLUMNS) throw outside(`${columnName(col)}${rowNo}`);
          type = attr(tag, 't') ?? 'n';
          inCell = true;
          value = undefined;
          return;
        }
        case 'v':
          if (inCell) {
            inValue = true;
            value = '';
          }
          return;
        default:
          if (inCell) runs.open(tag.local);
      }
    },
    text(s) {
      if (inValue) value = checkedLength(value + s);
      else if (inCell) runs.add(s);
    },
    close(local) {
      switch (local) {
        case 'v':
          inValue = false;
          return;
        case 'c': {
          if (!cells || !inCell) return;
          inCell = false;
          let text = '';
          if (type === 's') {
            const i = Number(value);
            if (value !== undefined && value.trim() !== '') {
              if (!Number.isInteger(i) || i < 0 || i >= shared.length)
                throw fail('error.xlsx.noSharedString', { n: i + 1, row: rowNo });
              text = shared[i]!;
            }
          } else if (type === 'inlineStr') text = runs.take();
          else if (type === 'b') text = value === '1' ? 'true' : value === '0' ? 'false' : '';
          else text = value ?? '';
          runs.take();
          while (cells.length < col) cells.push('');
          cells[col] = text;
          return;
        }
        case 'row':
          if (cells) emit({ row: rowNo, cells, sheet: true });
          cells = undefined;
          return;
        default:
          if (inCell) runs.close(local);
      }
    },
  };
}

/** The rows of a workbook's first sheet, as text. Throws TableError when the workbook is refused. */
export async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(readFileSync(path), { strictFileNames: true, validateEntrySizes: true });
  } catch {
    throw fail('error.xlsx.unreadable');
  }
  let entries: Entries;
  try {
    entries = await listEntries(zip);
  } catch (err) {
    if (err instanceof TableError) throw err;
    // yauzl's own: a damaged central directory, a name that climbs out of the archive.
    throw fail('error.xlsx.unreadable');
  }
  const sheetPath = await firstSheetPath(zip, entries);
  const sheet = entries.get(sheetPath.toLowerCase());
  if (!sheet) throw fail('error.xlsx.noSheet', { part: shown(sheetPath) });
  const shared = await sharedStrings(zip, entries);
  // First pass: the whole sheet is checked, its rows dropped; then the checksum of every other part.
  const check = xmlParser(
    sheet.fileName,
    sheetHandlers(shared, () => {}),
  );
  for await (const text of entryContent(zip, sheet, true)) check.write(text);
  check.close();
  const read = new Set([
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/sharedstrings.xml',
    sheetPath.toLowerCase(),
  ]);
  // Bytes only: the generator yields nothing, so its first step runs it to its end (and its checks).
  for (const [name, e] of entries) if (!read.has(name)) await entryContent(zip, e, false).next();
  // Second pass: the rows, a chunk of the sheet at a time.
  const rows: TableRow[] = [];
  const parser = xmlParser(
    sheet.fileName,
    sheetHandlers(shared, (r) => rows.push(r)),
  );
  for await (const text of entryContent(zip, sheet, true)) {
    parser.write(text);
    yield* rows.splice(0);
  }
  parser.close();
  yield* rows.splice(0);
}
