import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsx } from '../../src/cli/inputs/xlsx.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { formVersion } from '../../src/render/xlsform.js';
import { koboTable } from '../support/kobo.js';
import { EXAMPLE_RESPONSES } from '../support/kobo-example.js';
import { allElements, parseXml, type XmlElement } from '../support/xml.js';
import { cli, ROOT } from '../support/cli.js';
import { skipWithout } from '../support/system-tools.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-kobo-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const rules = loadRuleBase();
/** pyxform, the reference XLSForm converter, as CI has it beside the repository (.ci/run installs its dependencies). */
const XLS2XFORM = join(ROOT, '..', 'shared', 'tools', 'xls2xform');
const noPyxform = skipWithout('pyxform', existsSync(XLS2XFORM), `expected at ${XLS2XFORM}`);
const EXAMPLE_EXPORT = join(ROOT, 'examples', 'kobo-export.xlsx');

describe.skipIf(noPyxform)('tip-coord form: the questionnaire as an XLSForm', () => {
  const form = join(tmp, 'form.xlsx');
  const xml = join(tmp, 'form.xml');
  let xform: XmlElement;
  let text: string;
  beforeAll(() => {
    const r = cli(['form', '--out', form]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(formVersion(rules));
    const c = spawnSync(XLS2XFORM, ['--skip_validate', form, xml], { encoding: 'utf8' });
    expect(`${c.stdout}${c.stderr}`).toContain('Conversion complete');
    expect(c.status).toBe(0);
    text = readFileSync(xml, 'utf8');
    xform = parseXml(text);
  });

  it('converts with pyxform and holds every question, with its type and choices plus "Don\'t know"', () => {
    const binds = allElements(xform).filter((e) => e.name === 'bind');
    const bindOf = (id: string): XmlElement | undefined => binds.find((b) => b.attrs.nodeset?.endsWith(`/${id}`));
    for (const q of rules.questions) {
      const bind = bindOf(q.id);
      expect(bind, q.id).toBeDefined();
      expect(bind!.attrs.type).toBe(q.type === 'multi' ? 'string' : 'string');
      const control = allElements(xform).find(
        (e) => (e.name === 'select1' || e.name === 'select') && e.attrs.ref?.endsWith(`/${q.id}`),
      );
      expect(control?.name, q.id).toBe(q.type === 'multi' ? 'select' : 'select1');
      if (q.type === 'multi') expect(bind!.attrs.constraint).toContain("selected(., 'unknown')");
    }
    expect(bindOf('responseName')).toBeDefined();
    expect(text).toContain(`version="${formVersion(rules)}"`);
  });

  it('turns every askWhen into a relevant, and no other question has one', () => {
    const binds = allElements(xform).filter((e) => e.name === 'bind');
    for (const q of rules.questions) {
      const rel = binds.find((b) => b.attrs.nodeset?.endsWith(`/${q.id}`))!.attrs.relevant;
      if (q.askWhen) {
        expect(rel, q.id).toBeDefined();
        for (const fact of JSON.stringify(q.askWhen)
          .match(/"fact":"(\w+)"/g)!
          .map((m) => m.slice(8, -1)))
          expect(rel, q.id).toContain(`/${fact}`);
      } else expect(rel, q.id).toBeUndefined();
    }
  });

  it('has the labels in both languages, English by default', () => {
    const translations = allElements(xform).filter((e) => e.name === 'translation');
    expect(translations.map((t) => t.attrs.lang)).toEqual(['English (en)', 'Français (fr)']);
    expect(translations[0]!.attrs.default).toBe('true()');
    const fr = loadRuleBase(undefined, 'fr');
    expect(text).toContain(fr.questionById.get('tipScale')!.label.replace(/'/g, '&apos;').split('&')[0]);
    expect(text).toContain(rules.questionById.get('tipScale')!.label.split("'")[0]);
    expect(text).toContain(fr.unknownLabel);
  });

  it('refuses to replace a file without --force, in one line', () => {
    const r = cli(['form', '--out', form]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('already exists');
  });
});

describe('tip-coord batch on a KoboToolbox export', () => {
  it('the example export is there (npm run gen makes it from the example responses)', () => {
    expect(existsSync(EXAMPLE_EXPORT)).toBe(true);
    expect(statSync(EXAMPLE_EXPORT).size).toBeGreaterThan(0);
  });

  it('runs the README example exactly: tip-coord batch examples/kobo-export.xlsx', () => {
    const out = join(tmp, 'portfolio');
    const r = cli(['batch', 'examples/kobo-export.xlsx', '--out', out, '--date', '2026-11-30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    // One report each, named after the response-name question.
    expect(files).toContain('2026-11-30-example-refugee-response.md');
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(EXAMPLE_RESPONSES.length + 1);
    const summary = readFileSync(join(out, '2026-11-30-portfolio.md'), 'utf8');
    for (const e of EXAMPLE_RESPONSES) expect(summary).toContain(e.name!);
    // The 2018 figures beside the batch's, with their derivation and the 2018 sample.
    expect(summary).toContain('## Beside the 2018 stock-take');
    expect(summary).toContain('29 humanitarian responses');
    expect(summary).toMatch(/\| Only anecdotal evidence of trafficking \| 25% \(1\/4\) \| 23% \|/);
    expect(summary).toMatch(/\| No TIP work known \| 50% \(2\/4\) \| 27% \|/);
    expect(summary).toMatch(
      /\| Aware of anti-trafficking work the cluster does not discuss \| 25% \(1\/4\) \| nearly one third \|/,
    );
    // Answers version 2 asks about an existing mechanism (issue 12): the figure is computed, not "not asked".
    expect(summary).toMatch(
      /\| Has a TIP mechanism \(such as a TIP working group\) \| 0% \(0\/4; 2 "Don't know"\) \| 19% \|/,
    );
    const svg = readFileSync(join(out, '2026-11-30-portfolio.svg'), 'utf8');
    expect(svg).toContain('class="mark"');
  });

  it('--summary-only gives the same counts without a report per response, and notices go to stderr once', () => {
    const table = koboTable(rules, [...EXAMPLE_RESPONSES, ...EXAMPLE_RESPONSES]);
    table[0]!.push('evidence/comment');
    table.slice(1).forEach((row) => row.push('x'));
    const f = join(tmp, 'export.xlsx');
    writeFileSync(f, xlsx([{ name: 's', rows: table }]));
    const full = join(tmp, 'full');
    const quick = join(tmp, 'quick');
    const a = cli(['batch', f, '--out', full, '--date', '2026-11-30']);
    const b = cli(['batch', f, '--out', quick, '--date', '2026-11-30', '--summary-only']);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stderr.match(/matches no question/g)).toHaveLength(1);
    expect(readdirSync(quick).sort()).toEqual(['2026-11-30-portfolio.md', '2026-11-30-portfolio.svg']);
    const counts = (dir: string): string =>
      readFileSync(join(dir, '2026-11-30-portfolio.md'), 'utf8')
        .split('## Responses')[0]!
        .replace(/^> Generated.*$/m, '');
    expect(counts(quick)).toEqual(counts(full));
    expect(readFileSync(join(quick, '2026-11-30-portfolio.svg'), 'utf8')).toEqual(
      readFileSync(join(full, '2026-11-30-portfolio.svg'), 'utf8'),
    );
  });
});

describe('rules init and the schemas', () => {
  it("points each copied file's $schema at the package's schemas/", () => {
    const copy = join(tmp, 'rules-copy');
    const r = cli(['rules', 'init', copy, '--name', 'Country X rules']);
    expect(r.code).toBe(0);
    for (const rel of ['questions.json', 'drafting.en.json', 'mechanisms/working_group.json', 'locales/fr.json']) {
      const ref = (JSON.parse(readFileSync(join(copy, rel), 'utf8')) as { $schema: string }).$schema;
      const target = join(copy, rel, '..', ref);
      expect(existsSync(target), `${rel}: ${ref}`).toBe(true);
      expect(target.startsWith(join(ROOT, 'schemas'))).toBe(true);
    }
    expect(cli(['rules', 'validate', '--rules', copy]).code).toBe(0);
  });
});

describe('batch keeps going when one report cannot be written', () => {
  it('skips that response with a reason (a file-size limit here, as a full disk would), writes the others and the summary', async () => {
    const { runCli } = await import('../support/cli.js');
    const dir = join(tmp, 'two');
    const out = join(tmp, 'two-out');
    mkdirSync(dir);
    // The all-unknown report is about 36 KB; the full example's about 44 KB: a 40 KB limit stops the second only.
    copyFileSync(join(ROOT, 'examples', 'all-unknown.json'), join(dir, 'a.json'));
    copyFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), join(dir, 'b.json'));
    const r = await runCli(['batch', dir, '--out', out, '--date', '2026-11-30'], {
      // sh's ulimit -f counts 512-byte blocks (80: 40 KB); Node ignores SIGXFSZ, so the write fails with EFBIG.
      wrapper: ['sh', '-c', 'ulimit -f 80 && exec "$0" "$@"'],
    });
    expect(r.code, r.stderr).toBe(0);
    // The full message (with the path) on screen; the summary says what kind of problem it was (issue 15).
    expect(r.stderr).toMatch(/skipped: Cannot write .*\(file larger than the limit in force\)/);
    expect(r.stderr).toContain('1 of 2 responses was skipped');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['2026-11-30-a.md', '2026-11-30-portfolio.md', '2026-11-30-portfolio.svg']);
    expect(readFileSync(join(out, '2026-11-30-portfolio.md'), 'utf8')).toContain(
      'b.json: its report could not be written (file larger than the limit in force)',
    );
  });
});

describe('the stock-take view in Word', () => {
  it('batch --format docx puts the 2018 figures and how they are derived in the Word summary', async () => {
    const out = join(tmp, 'word');
    const r = cli(['batch', 'examples/kobo-export.xlsx', '--out', out, '--date', '2026-11-30', '--format', 'docx']);
    expect(r.code, r.stderr).toBe(0);
    const mammoth = await import('mammoth');
    const { value } = await mammoth.extractRawText({ path: join(out, '2026-11-30-portfolio.docx') });
    expect(value).toContain('Beside the 2018 stock-take');
    expect(value).toContain('29 humanitarian responses');
    expect(value).toContain('Only anecdotal evidence of trafficking');
    expect(value).toContain('`tipEvidence` is `anecdotal`'.replace(/`/g, ''));
  });
});
