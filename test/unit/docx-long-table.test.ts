/**
 * A long table in a Word file is compiled a part at a time (render/docx.ts, ROWS_PER_PART), so
 * that memory does not grow with its length; the file must be the one a single pass gives.
 */
import { describe, expect, it } from 'vitest';
import { markdownToDocx } from '../../src/render/docx.js';
import { unzip } from '../support/zip.js';

const rows = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `| Response ${i + 1} & "others" <b> | **Working group** | *caution* ${i % 7} | \`${i}\` | [report ${i}.docx](report%20${i}.docx) |`,
  ).join('\n');

const markdown = (n: number): string =>
  [
    '# Portfolio',
    '',
    'Before the table: \u{e000}0-rows-0\u{e001} a private-use text that must stay as it is.',
    '',
    '| Response | Primary | Cautions | Unknowns | Report |',
    '| --- | --- | --- | ---: | --- |',
    rows(n),
    '',
    '1. a list',
    '2. after it',
    '',
    '| A | B |',
    '| --- | --- |',
    '| short | table |',
    '',
  ].join('\n');

describe('a long table in a Word file', () => {
  const opts = { title: 'Portfolio', lang: 'en', date: '2026-01-01', banner: 'Sensitive' };

  it('is the same file whether its rows are compiled at once or a few at a time', async () => {
    const md = markdown(253);
    const once = await markdownToDocx(md, { ...opts, rowsPerPart: Number.POSITIVE_INFINITY });
    const parts = await markdownToDocx(md, { ...opts, rowsPerPart: 10 });
    const byDefault = await markdownToDocx(md, opts);
    expect(Buffer.from(parts).equals(Buffer.from(once))).toBe(true);
    expect(Buffer.from(byDefault).equals(Buffer.from(once))).toBe(true);
  });

  it('holds every row once, in order, and the text that looks like its marker', async () => {
    const file = await markdownToDocx(markdown(157), { ...opts, rowsPerPart: 5 });
    const xml = unzip(Buffer.from(file)).get('word/document.xml')!.toString('utf8');
    const found = [...xml.matchAll(/Response (\d+) &amp; &quot;others&quot; </g)].map((m) => Number(m[1]));
    expect(found).toEqual(Array.from({ length: 157 }, (_, i) => i + 1));
    expect(xml).toContain('\u{e000}0-rows-0\u{e001} a private-use text');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });
});
