/**
 * Issue 15, "Control characters from hostile files reach the terminal and the files": C0/C1
 * controls and bidi overrides are shown escaped in every text printed or written; an SVG with
 * a control character in a title stays valid XML; a name cannot add a heading.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';
import { parseXml } from '../support/xml.js';
import { unzip } from '../support/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-ctl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);

/** Any raw control character a terminal or an XML parser would act on. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const OSC = '\u001b]0;pwned\u0007';
const NASTY = `Goma \u001bc\u001b(0 north ${OSC}\u0000\u0085\u009b2J\u202eevil`;
const EXAMPLE = join(ROOT, 'examples', 'refugee-wg-documented.json');

const expectClean = (text: string): void => {
  expect(RAW.exec(text)?.[0]).toBeUndefined();
};
const filesIn = (dir: string): string[] => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));

describe('control characters from hostile files', () => {
  it('an unknown answers key reaches stderr escaped and quoted', () => {
    const file = join(tmp, 'key.json');
    writeFileSync(file, JSON.stringify({ version: 1, answers: { [`x${OSC}`]: 'y' } }));
    const r = cli(['assess', '--answers', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expectClean(r.stderr);
    expect(r.stderr).toContain('\\u001b]0;pwned\\u0007');
  });

  it("V8's JSON error does not quote the file's bytes raw", () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, `{"a":${OSC}}`);
    const r = cli(['assess', '--answers', file, '--format', 'json']);
    expect(r.code).toBe(2);
    expectClean(r.stderr);
    expect(r.stderr).not.toContain('pwned');
  });

  it('a CSV header cell, a batch file name and a --set id reach stderr escaped', () => {
    const csv = join(tmp, 'head.csv');
    writeFileSync(csv, `tipScale,x${OSC}\nisolated,1\n`);
    const h = cli(['batch', csv, '--out', fresh()]);
    expect(h.code).toBe(2);
    expectClean(h.stderr);

    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, `bad${OSC}.json`), '{');
    writeFileSync(join(dir, 'good.json'), readFileSync(EXAMPLE));
    const b = cli(['batch', dir, '--out', fresh(), '--date', '2026-01-01']);
    expect(b.code).toBe(0);
    expectClean(b.stderr);
    expectClean(b.stdout);

    const s = cli(['assess', '--answers', EXAMPLE, '--format', 'json', '--set', `x${OSC}=1`]);
    expect(s.code).toBe(2);
    expectClean(s.stderr);
  });

  it('a response name with ESC, BEL, NUL, C1 and U+202E: report and summary hold none raw', () => {
    for (const format of ['md', 'html']) {
      const dir = fresh();
      const out = fresh();
      mkdirSync(dir);
      const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
      answers.response.name = NASTY;
      writeFileSync(join(dir, 'a.json'), JSON.stringify(answers));
      const r = cli(['batch', dir, '--out', out, '--format', format, '--date', '2026-01-01']);
      expect(r.code).toBe(0);
      for (const text of filesIn(out)) expectClean(text);
      expectClean(r.stdout);
      const a = cli(['assess', '--answers', join(dir, 'a.json'), '--out', out, '--format', format]);
      expect(a.code).toBe(0);
      for (const text of filesIn(out)) expectClean(text);
    }
  });

  it('a response name with control characters: the Word report holds none raw in its XML', () => {
    const dir = fresh();
    mkdirSync(dir);
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
    answers.response.name = NASTY;
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answers));
    const r = cli([
      'assess',
      '--answers',
      join(dir, 'a.json'),
      '--out',
      dir,
      '--format',
      'docx',
      '--date',
      '2026-01-01',
    ]);
    expect(r.code).toBe(0);
    const docx = readdirSync(dir).find((f) => f.endsWith('.docx'))!;
    for (const [name, bytes] of unzip(readFileSync(join(dir, docx))))
      if (name.endsWith('.xml')) expectClean(bytes.toString('utf8'));
  });

  it('a control character in a rule title: the SVG stays valid XML, the bar chart on screen is clean', () => {
    const rules = fresh();
    expect(cli(['rules', 'init', rules, '--name', `Goma${OSC}`]).code).toBe(0);
    const file = join(rules, 'mechanisms', 'focal_point.json');
    const mech = JSON.parse(readFileSync(file, 'utf8')) as { title: string };
    mech.title = `Focal ${OSC}\u0001\u001b[2J\u001b[31mpoint`;
    writeFileSync(file, JSON.stringify(mech, null, 2));
    const v = cli(['rules', 'validate', '--rules', rules]);
    expectClean(v.stdout);
    expectClean(v.stderr);
    const dir = fresh();
    const out = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ version: 1, answers: {} }));
    const r = cli(['batch', dir, '--out', out, '--rules', rules, '--date', '2026-01-01', '--allow-personal-data']);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    const svg = readdirSync(out).find((f) => f.endsWith('.svg'))!;
    expect(() => parseXml(readFileSync(join(out, svg), 'utf8'))).not.toThrow();
    for (const text of filesIn(out)) expectClean(text);
  });

  it('compare | cat: a name cannot add a heading or a control sequence', () => {
    const a = join(tmp, 'cmp.json');
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
    answers.response.name = `Goma\n# Heading\u2028# Other ${OSC}`;
    writeFileSync(a, JSON.stringify(answers));
    const r = cli(['compare', a, '--set', 'governmentStance=engaged']);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    expect(r.stdout).not.toMatch(/^# (Heading|Other)/m);
  });

  it('rules init --name with a control sequence prints it escaped', () => {
    const r = cli(['rules', 'init', fresh(), '--name', `Goma${OSC}`]);
    expect(r.code).toBe(0);
    expectClean(r.stdout);
    expectClean(r.stderr);
  });
});
