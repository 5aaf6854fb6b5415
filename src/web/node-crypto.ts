/**
 * What the core and the rule parser use of node:crypto (a SHA-256 in hex), for the page: the
 * page's build (vite.web.config.ts) puts this module in node:crypto's place, so that the rule
 * base's hash and the answers' hash in the report's stamp are the command line's, to the bit.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface Hash {
  update(text: string): Hash;
  digest(encoding: 'hex'): string;
}

export function createHash(algorithm: string): Hash {
  if (algorithm !== 'sha256') throw new Error(`Only sha256 is available in the page, not ${algorithm}.`);
  const state = sha256.create();
  const hash: Hash = {
    update(text) {
      state.update(utf8ToBytes(text));
      return hash;
    },
    digest() {
      return bytesToHex(state.digest());
    },
  };
  return hash;
}
