/**
 * Word output (issue 13, item 9): the .docx is read back by an independent reader (mammoth, and a
 * plain zip reader for the parts mammoth ignores): Word heading styles, real tables, numbered
 * lists, the sensitivity line in the page header, page numbers, A4; in English and French;
 * the same bytes at a fixed --date.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';
import { unzip } from '../support/zip.js';

const EXAMPLE = 'examples/refugee-wg-documented.json';
const tmp = mkdtempSync(join(tmpdir(), 'tip-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function only(dir: string, ext: string): Buffer {
  const files = readdirSync(dir).filter((f) => f.endsWith(ext));
  expect(files).toHaveLength(1);
  return readFileSync(join(dir, files[0]!));
}

async function html(buf: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: buf })).value;
}

describe('--format docx', () => {
  it('assess writes a Word report with heading styles, tables and numbered lists, the same bytes at a fixed date', async () => {
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    for (const out of [a, b]) {
      const r = cli([
        'assess',
        '--answers',
        EXAMPLE,
        '--out',
        out,
        '--date',
        '2026-11-29',
        '--format',
        'docx',
        '--lang',
        'en',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(/\.docx$/);
    }
    const doc = only(a, '.docx');
    expect(doc.equals(only(b, '.docx'))).toBe(true);
    const h = await html(doc);
    // mammoth maps Word's Heading 1-3 styles to h1-h3: the navigation pane sees the same outline.
    expect(h).toMatch(/<h1>Coordinating the response to trafficking in persons: Example refugee response/);
    expect(h).toContain('<h2>Decision brief</h2>');
    expect(h).toContain('<h3>Action plan: the next 30, 60 and 90 days</h3>');
    expect(h).toContain('<h2>Annex B. How this was decided</h2>');
    expect(h).toMatch(
      /<table>.*<th><p><strong>By<\/strong><\/p><\/th><th><p><strong>Action<\/strong><\/p><\/th><th><p><strong>Owner<\/strong><\/p><\/th>/s,
    );
    expect(h).toContain('<td><p>30\u00a0days</p></td>');
    expect(h).toContain('30 days: by 29 December 2026; 60 days: by 28 January 2027');
    expect(h).toMatch(/<ol><li>Keep the working group already in place/);
    expect(h).not.toContain('**');
    // The decision comes before the plan, the plan before the set-up, the annex after it.
    const order = [
      'Decision brief',
      'Action plan',
      'The recommended set-up',
      'Annex A',
      'Annex B',
      'Sources cited',
    ].map((x) => h.indexOf(x));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const parts = unzip(doc);
    const body = parts.get('word/document.xml')!.toString('utf8');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    const header = [...parts].filter(([n]) => /^word\/header\d*\.xml$/.test(n)).map(([, v]) => v.toString('utf8'));
    expect(header.join('')).toContain('This report may be politically sensitive.');
    const footer = [...parts].filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, v]) => v.toString('utf8'));
    expect(footer.join('')).toMatch(/PAGE/);
    expect(parts.get('docProps/core.xml')!.toString('utf8')).toContain('2026-11-29T00:00:00Z');
  });

  it('writes the French report with French headings and the French banner', async () => {
    const out = join(tmp, 'fr');
    const r = cli([
      'assess',
      '--answers',
      EXAMPLE,
      '--out',
      out,
      '--date',
      '2026-11-29',
      '--format',
      'docx',
      '--lang',
      'fr',
    ]);
    expect(r.code).toBe(0);
    const doc = only(out, '.docx');
    const h = await html(doc);
    expect(h).toContain('<h2>Note de décision</h2>');
    expect(h).toContain("<h3>Plan d'action\u00a0: les 30, 60 et 90 prochains jours</h3>");
    expect(h).toContain('<th><p><strong>Responsable</strong></p></th>');
    const header = [...unzip(doc)].filter(([n]) => n.startsWith('word/header')).map(([, v]) => v.toString('utf8'));
    expect(header.join('')).toContain('Ce rapport peut être politiquement sensible.');
  });

  it('draft --section tor --format docx writes the terms of reference outline as a numbered list', async () => {
    const out = join(tmp, 'tor');
    const r = cli([
      'draft',
      '--answers',
      EXAMPLE,
      '--section',
      'tor',
      '--format',
      'docx',
      '--out',
      out,
      '--date',
      '2026-11-29',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = await html(only(out, '.docx'));
    expect(h).toContain('<h2>Terms of reference (outline)</h2>');
    const items = /<ol>(.*?)<\/ol>/s.exec(h)![1]!.match(/<li>/g) ?? [];
    expect(items).toHaveLength(9);
    expect(h).toContain('Reports to the refugee Protection Working Group');
    expect(h).toContain('29 November 2027');
  });

  it('draft --format docx writes the HNO, HRP and strategy texts; batch writes Word reports and a Word summary', async () => {
    const out = join(tmp, 'draft');
    expect(cli(['draft', '--answers', EXAMPLE, '--format', 'docx', '--out', out, '--date', '2026-11-29']).code).toBe(0);
    const h = await html(only(out, '.docx'));
    expect(h).toMatch(/<h2>Protection risk analysis \([^<]*\)<\/h2>/);
    expect(h).toContain('<strong>Information gaps and limitations.</strong>');
    expect(h).toContain('<table>');
    const batch = join(tmp, 'batch');
    const r = cli(['batch', 'examples', '--out', batch, '--date', '2026-11-29', '--format', 'docx']);
    expect(r.code).toBe(0);
    const docs = readdirSync(batch).filter((f) => f.endsWith('.docx'));
    // One report for each example answers file, and the summary.
    expect(docs.length).toBe(readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).length + 1);
    const summary = await html(
      readFileSync(
        join(
          batch,
          docs.find((f) => f.includes('portfolio'))!,
        ),
      ),
    );
    expect(summary).toContain('<table>');
  });

  describe('under suspected or documented complicity', () => {
    const WARNING =
      'Sensitive: officials are suspected or documented to be complicit. Do not share this document with the authorities';
    /** The page header of every page: one section, its default header, no different first or even pages. */
    function everyPageHeader(doc: Buffer): string {
      const parts = unzip(doc);
      const body = parts.get('word/document.xml')!.toString('utf8');
      const sections = body.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
      expect(sections.length).toBeGreaterThan(0);
      for (const sect of sections) {
        expect(sect).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
        expect(sect).not.toMatch(/w:type="(first|even)"|<w:titlePg/);
      }
      expect(parts.get('word/settings.xml')?.toString('utf8') ?? '').not.toMatch(
        /<w:evenAndOddHeaders(?! w:val="false")/,
      );
      return [...parts]
        .filter(([n]) => /^word\/header\d*\.xml$/.test(n))
        .map(([, v]) => v.toString('utf8'))
        .join('');
    }

    it.each([
      [['assess'], '.docx'],
      [['draft'], 'draft.docx'],
      [['draft', '--section', 'tor'], 'tor.docx'],
    ])('every page of the Word file of %j says so and not to share it with the authorities', (args, ext) => {
      const out = join(tmp, `complicit-${args.join('-')}`);
      const r = cli([
        ...args,
        '--answers',
        EXAMPLE,
        '--set',
        'officialComplicity=documented',
        '--format',
        'docx',
        '--out',
        out,
        '--date',
        '2026-11-29',
      ]);
      expect(r.code, r.stderr).toBe(0);
      const header = everyPageHeader(only(out, ext));
      expect(header).toContain(WARNING);
      expect(header).not.toContain('This report may be politically sensitive.');
    });

    it('in French too; without complicity, the sensitivity line on every page', () => {
      const fr = join(tmp, 'complicit-fr');
      expect(
        cli([
          'assess',
          '--answers',
          EXAMPLE,
          '--set',
          'officialComplicity=suspected',
          '--format',
          'docx',
          '--out',
          fr,
          '--lang',
          'fr',
        ]).code,
      ).toBe(0);
      expect(everyPageHeader(only(fr, '.docx'))).toContain('Ne pas transmettre ce document aux autorités');
      const plain = join(tmp, 'plain');
      expect(cli(['assess', '--answers', EXAMPLE, '--format', 'docx', '--out', plain]).code).toBe(0);
      const header = everyPageHeader(only(plain, '.docx'));
      expect(header).toContain('This report may be politically sensitive.');
      expect(header).not.toContain(WARNING);
    });

    it('the batch summary warns on every page when any response it counts has complicity', async () => {
      const input = join(tmp, 'batch-in');
      mkdirSync(input);
      const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
      writeFileSync(join(input, 'a.json'), JSON.stringify(example));
      writeFileSync(
        join(input, 'b.json'),
        JSON.stringify({
          ...example,
          response: { name: 'B' },
          answers: { ...example.answers, officialComplicity: 'documented' },
        }),
      );
      const out = join(tmp, 'batch-complicit');
      expect(cli(['batch', input, '--out', out, '--format', 'docx', '--date', '2026-11-29']).code).toBe(0);
      const docs = readdirSync(out).filter((f) => f.endsWith('.docx'));
      const header = (name: string): string =>
        everyPageHeader(
          readFileSync(
            join(
              out,
              docs.find((f) => f.includes(name))!,
            ),
          ),
        );
      expect(header('portfolio')).toContain(WARNING);
      expect(header('-b.docx')).toContain(WARNING);
      expect(header('example-refugee')).not.toContain(WARNING);
      expect(
        await html(
          readFileSync(
            join(
              out,
              docs.find((f) => f.includes('portfolio'))!,
            ),
          ),
        ),
      ).toContain(
        'In at least one response counted here, partners suspect or have documented the complicity of officials.',
      );
    });
  });
});
