import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';

/**
 * Copies of the built-in rule base with one file edited, removed after each test of the file that
 * calls it; `problemOf` gives the message a copy is refused with (and fails if it loads).
 */
export function ruleCopies(prefix: string): {
  edited: (file: string, edit: (json: any) => void) => string;
  problemOf: (dir: string) => string;
} {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return {
    edited(file, edit) {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
      const path = join(dir, file);
      const json = JSON.parse(readFileSync(path, 'utf8'));
      edit(json);
      writeFileSync(path, JSON.stringify(json));
      return dir;
    },
    problemOf(dir) {
      try {
        loadRuleBase(dir);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected the rule base to be rejected');
    },
  };
}
