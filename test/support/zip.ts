import { inflateRawSync } from 'node:zlib';

/** Where an entry of a zip file lies: its central directory record, its local header and its data. */
export interface ZipEntryAt {
  name: string;
  method: number;
  /** Offset of its central directory record. */
  central: number;
  /** Offset of its local header. */
  local: number;
  /** Offset and length of its (compressed) data. */
  dataStart: number;
  compressedSize: number;
}

/** The entries of a zip file, read from its central directory, independently of any library. */
export function zipEntries(buf: Buffer): ZipEntryAt[] {
  const out: ZipEntryAt[] = [];
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    out.push({
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      method: buf.readUInt16LE(p + 10),
      central: p,
      local,
      dataStart: local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28),
      compressedSize: buf.readUInt32LE(p + 20),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** The entries of a zip file (a .docx), read independently of the library that wrote it, stored or deflated. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of zipEntries(buf)) {
    const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
    out.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return out;
}
