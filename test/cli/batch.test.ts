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
import { allElements, parseXml } from '../support/xml.js';
import { cli, ROOT } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-batch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(tmp, `case-${++n}`);

/** No external request: nothing fetched on open, nothing run. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link/i);
  expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(html).not.toMatch(/url\(/i);
}

describe('tip-coord batch over a folder', () => {
  const dir = fresh();
  const out = fresh();
  let r: ReturnType<typeof cli>;
  beforeAll(() => {
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), join(dir, 'a-refugee.json'));
    copyFileSync(join(ROOT, 'examples', 'all-unknown.json'), join(dir, 'b-unknown.json'));
    writeFileSync(join(dir, 'c-bad.json'), JSON.stringify({ version: 1, answers: { tipScale: 'huge' } }));
    writeFileSync(join(dir, 'd-broken.json'), '{ not json');
    writeFileSync(join(dir, 'notes.txt'), 'not a response');
    r = cli(['batch', dir, '--out', out, '--date', '2026-01-01']);
  });

  it('evaluates the valid files, reports the bad ones by name with the reason, and exits 0 with a warning', () => {
    expect(r.code).toBe(0);
    const err = r.stderr.trim().split('\n');
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/^tip-coord: skipped: .*c-bad\.json: "answers\.tipScale" has "huge"/);
    expect(err[1]).toMatch(/d-broken\.json: not valid JSON/);
    expect(err[2]).toMatch(/^tip-coord: warning: 2 of 4 responses were skipped/);
  });

  it('writes one report per valid response, the summary and its chart', () => {
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        '2026-01-01-b-unknown.md',
        '2026-01-01-example-refugee-response-documented-cases.md',
        '2026-01-01-portfolio.md',
        '2026-01-01-portfolio.svg',
      ].sort(),
    );
    const report = readFileSync(join(out, '2026-01-01-example-refugee-response-documented-cases.md'), 'utf8');
    expect(report).toContain('## Annex A. Text for the RRP or JRP, now being drafted');
    expect(statSync(join(out, '2026-01-01-portfolio.md')).mode & 0o777).toBe(0o600);
    const summary = readFileSync(join(out, '2026-01-01-portfolio.md'), 'utf8');
    expect(summary).toContain('2 responses evaluated, 2 skipped');
    expect(summary).toContain('](2026-01-01-portfolio.svg)');
    expect(summary).toContain('| Dedicated anti-trafficking working group or task force | 1 | 50% |');
    expect(summary).toContain('| TIP focal point and standing agenda item | 1 | 50% |');
    expect(summary).toMatch(/c-bad\.json/);
    const svg = parseXml(readFileSync(join(out, '2026-01-01-portfolio.svg'), 'utf8'));
    const bars = allElements(svg).filter((e) => e.attrs.class === 'bar');
    expect(bars.filter((b) => b.attrs['data-count'] === '1').length).toBeGreaterThan(2);
  });

  it('prints the text bar chart and where the files are', () => {
    expect(r.stdout).toMatch(/Primary mechanism \(2 responses\)/);
    expect(r.stdout).toMatch(/Dedicated anti-trafficking working group.*█+ 1/);
    expect(r.stdout).toContain(join(out, '2026-01-01-portfolio.md'));
  });

  it('a second run never overwrites: the summary and chart move to -2 together', () => {
    const again = cli(['batch', dir, '--out', out, '--date', '2026-01-01']);
    expect(again.code).toBe(0);
    expect(existsSync(join(out, '2026-01-01-portfolio-2.md'))).toBe(true);
    expect(readFileSync(join(out, '2026-01-01-portfolio-2.md'), 'utf8')).toContain('](2026-01-01-portfolio-2.svg)');
    expect(existsSync(join(out, '2026-01-01-portfolio-2.svg'))).toBe(true);
  });
});

describe('tip-coord batch over a CSV file', () => {
  const csv = join(tmp, 'responses.csv');
  beforeAll(() =>
    writeFileSync(
      csv,
      '\uFEFFname,responseType,tipScale,tipEvidence,tipForms,governmentStance,expertiseElsewhere\r\n' +
        '"North, IDP",idp_cluster,significant,documented,"forced_labour;child_labour",engaged,FALSE\r\n' +
        'South <b>,refugee_response,widespread,indicators,forced_marriage,resists_terminology,\r\n' +
        'Bad row,idp_cluster,huge,none,,,\r\n' +
        '"East\nline",mixed,,,,,\r\n',
    ),
  );

  it('reports the bad row by number with the reason, processes the rest, writes the files', () => {
    const out = fresh();
    const r = cli(['batch', csv, '--out', out, '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('responses.csv row 4: "tipScale" has "huge"');
    expect(r.stderr).toMatch(/warning: 1 of 4 responses was skipped/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      [
        '2026-01-01-north-idp.md',
        '2026-01-01-south-b.md',
        '2026-01-01-east-line.md',
        '2026-01-01-portfolio.md',
        '2026-01-01-portfolio.svg',
      ].sort(),
    );
    const south = readFileSync(join(out, '2026-01-01-south-b.md'), 'utf8');
    expect(south).toContain('South \\<b\\>');
    // The terminology caution: the drafting text in this report is the safe variant.
    const drafting = south.slice(south.indexOf('### HNO'), south.indexOf('## Annex B'));
    expect(drafting).not.toMatch(/traffick|\btip\b/i);
    const summary = readFileSync(join(out, '2026-01-01-portfolio.md'), 'utf8');
    expect(summary).toContain('3 responses evaluated, 1 skipped');
    expect(summary).toContain('| Mind the terminology | 1 | 33% |');
  });

  it('writes self-contained HTML reports and summary with --format html', () => {
    const out = fresh();
    const r = cli(['batch', csv, '--out', out, '--format', 'html', '--date', '2026-01-01']);
    expect(r.code).toBe(0);
    const html = readdirSync(out).filter((f) => f.endsWith('.html'));
    expect(html).toHaveLength(4);
    for (const f of html) expectSelfContained(readFileSync(join(out, f), 'utf8'));
    const summary = readFileSync(join(out, '2026-01-01-portfolio.html'), 'utf8');
    expect(summary).toContain('<svg ');
    expect(summary).toContain('<a href="2026-01-01-north-idp.html">');
    expect(readFileSync(join(out, '2026-01-01-south-b.html'), 'utf8')).toContain('South &lt;b&gt;');
  });

  it('exits 2 and writes nothing when no response can be evaluated', () => {
    const bad = join(tmp, 'all-bad.csv');
    writeFileSync(bad, 'tipScale\nhuge\nbigger\n');
    const out = fresh();
    const r = cli(['batch', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('row 2');
    expect(r.stderr).toContain('row 3');
    expect(r.stderr).toMatch(/none of the 2 responses could be evaluated/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 with one line for a bad header, an unknown path or format', () => {
    const header = join(tmp, 'header.csv');
    writeFileSync(header, 'tipScale,scale\nisolated,x\n');
    for (const args of [
      ['batch', header],
      ['batch', join(tmp, 'nope')],
      ['batch', csv, '--format', 'pdf'],
    ]) {
      const r = cli([...args, '--out', fresh()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(cli(['batch', header]).stderr).toContain('column 2: "scale" is not a question id');
  });
});

describe('tip-coord assess --format html', () => {
  it('writes one self-contained, printable HTML report, like the markdown one', () => {
    const out = fresh();
    const r = cli([
      'assess',
      '--answers',
      'examples/refugee-wg-documented.json',
      '--format',
      'html',
      '--out',
      out,
      '--date',
      '2026-01-01',
    ]);
    expect(r.code).toBe(0);
    const path = join(out, '2026-01-01-example-refugee-response-documented-cases.html');
    expect(r.stdout.trim()).toBe(path);
    const html = readFileSync(path, 'utf8');
    expectSelfContained(html);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('@media print');
    expect(html).toContain('<h2>Annex A. Text for the RRP or JRP, now being drafted</h2>');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('batch: a version-1 CSV table', () => {
  it('reads governmentStance "implicated" as suspected complicity, says so once, and the report carries the sensitivity note', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'v1.csv'),
      'name,responseType,tipScale,governmentStance,antiTipActors\nDemo north,idp_cluster,widespread,implicated,in_cluster\n',
    );
    const r = cli(['batch', 'v1.csv', '--out', 'out', '--date', '2026-01-15'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('row 2');
    expect(r.stderr).toContain('officialComplicity "suspected"');
    expect(r.stderr.match(/read as version 2/g)).toHaveLength(1);
    const report = readFileSync(join(dir, 'out', '2026-01-15-demo-north.md'), 'utf8');
    const banner = (
      JSON.parse(readFileSync(join(ROOT, 'rules', 'messages.en.json'), 'utf8')) as Record<string, string>
    )['report.complicityNotice']!;
    expect(report).toContain(banner.slice(0, 40));
  });
});
