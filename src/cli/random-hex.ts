import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Random bytes from the system, as hex: for the names of temporary files, which no one else may
 * guess. Read from /dev/urandom where there is one (Linux, macOS, the BSDs): node:crypto, the
 * other way, loads some thirty of Node's modules (its own and the stream ones it needs), about a
 * tenth of a short run. Anywhere else, or when it cannot be read, node:crypto (the build makes
 * its require lazy: loaded only then).
 */
export function randomHex(bytes: number): string {
  if (process.platform !== 'win32') {
    try {
      const fd = openSync('/dev/urandom', 'r');
      try {
        const buf = Buffer.alloc(bytes);
        if (fstatSync(fd).isCharacterDevice() && readSync(fd, buf, 0, bytes, null) === bytes)
          return buf.toString('hex');
      } finally {
        closeSync(fd);
      }
    } catch {
      // No such device here: node:crypto below.
    }
  }
  return randomBytes(bytes).toString('hex');
}
