/**
 * Hostile inputs outside the workbooks: a "__proto__" key anywhere in a rule file is refused,
 * naming the file and where the key is; a CSV in UTF-16 (with or without a byte-order mark,
 * either byte order) is refused as UTF-16 in one line, never read as empty or as garbage.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, EXAMPLE, listDir, refusal } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A copy of the built-in rules (rules init) with `edit` applied to the text of one file. */
function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = join(tmp, `rules-${++n}`);
  expect(cli(['rules', 'init', dir, '--name', `Proto ${n}`]).code).toBe(0);
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

describe('"__proto__" keys in rule files', () => {
  it.each([
    ['ruleset.json', (t: string) => t.replace('{', '{"__proto__": {"name": "x"},'), '__proto__'],
    [
      'questions.json',
      (t: string) => t.replace('"questions": [', '"questions": [{"__proto__": {"id": "x"}},'),
      '[0].__proto__',
    ],
    [
      'mechanisms/working_group.json',
      (t: string) => t.replace('"conditions": {', '"conditions": {"__proto__": {"all": []},'),
      '.conditions.__proto__',
    ],
    ['messages.en.json', (t: string) => t.replace('{', '{"__proto__": "x",'), '__proto__'],
    ['locales/fr.json', (t: string) => t.replace('{', '{"__proto__": {"polluted": true},'), '__proto__'],
  ])('in %s: rules validate names the file and the key; assess refuses the folder', (file, edit, where) => {
    const dir = rulesWith(file, edit);
    const v = cli(['rules', 'validate', '--rules', dir]);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(
      new RegExp(
        `^error +${file.replace('.', '\\.')}, [^\\n]*${where.replace(/[[\].]/g, '\\$&')}[^\\n]*"__proto__" is a reserved name`,
        'm',
      ),
    );
    const a = cli(['assess', '--rules', dir, '--answers', EXAMPLE, '--format', 'json', '--lang', 'fr']);
    const check = refusal({ ...a, signal: null });
    expect(check.ok, check.why).toBe(true);
    expect(a.stderr).toContain('__proto__');
  });
});

describe('a CSV in UTF-16', () => {
  const text = 'name,tipScale\r\nGoma,isolated\r\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  it.each([
    ['little-endian with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
    ['big-endian with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
    ['little-endian without one', le],
    ['big-endian without one', be],
  ])('%s: refused as UTF-16 in one line, nothing written', (_, bytes) => {
    const file = join(tmp, `utf16-${++n}.csv`);
    writeFileSync(file, bytes);
    const out = join(tmp, `out-${n}`);
    const r = cli(['batch', file, '--out', out]);
    const check = refusal({ ...r, signal: null });
    expect(check.ok, check.why).toBe(true);
    expect(r.stderr).toContain('UTF-16');
    expect(r.stderr).not.toMatch(/empty/);
    expect(listDir(out)).toEqual([]);
  });
});
