/**
 * How a Word file is packed: the lists' numbers put in place in one pass (render/docx.ts,
 * replaceNumbering) and, on the command line, the package made by native deflate (render/zip.ts)
 * instead of JSZip's. Both must give what the docx library alone gives.
 */
import * as docx from 'docx';
import { describe, expect, it } from 'vitest';
import { markdownToDocx, replaceNumbering } from '../../src/render/docx.js';
import { zip } from '../../src/render/zip.js';
import { unzip, zipEntries } from '../support/zip.js';

const markdown = [
  '# Plan',
  '',
  '1. first list',
  '2. its second item',
  '   1. nested',
  '   2. nested again',
  '',
  '- a bullet with {ordered-1} and {{ordered-2}} typed in it',
  '- another',
  '',
  '1. a second numbered list: it starts again at 1',
  '',
  '| A | B |',
  '| --- | --- |',
  '| {ordered-3} | {default-bullet-numbering-0} |',
  '',
].join('\n');
const opts = { title: 'Plan', lang: 'en', date: '2026-03-04', banner: 'Sensitive' };

describe('the numbers of lists in a Word file', () => {
  // The docx library's own replacer: the prototype's method (the package's compiler gets its own).
  const compiler = (docx.Packer as unknown as { compiler: { numberingReplacer: object } }).compiler;
  const library = Object.getPrototypeOf(compiler.numberingReplacer) as {
    replace(xml: string, n: readonly { reference: string; instance: number; numId: number }[]): string;
  };

  it('are put in place as the docx library puts them', () => {
    const numberings = [
      { reference: 'default-bullet-numbering', instance: 0, numId: 1 },
      { reference: 'ordered', instance: 1, numId: 2 },
      { reference: 'ordered', instance: 2, numId: 3 },
      { reference: 'ordered', instance: 11, numId: 4 },
    ];
    const xml = [
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{ordered-1}"/></w:numPr></w:pPr></w:p>',
      '<w:numId w:val="{ordered-11}"/><w:numId w:val="{ordered-1}"/>',
      '<w:numId w:val="{ordered-2}"/>',
      '<w:numId w:val="{ordered-12}"/>',
      '<w:numId w:val="{default-bullet-numbering-0}"/>',
      '<w:numId w:val="1"/>',
    ].join('');
    const ours = replaceNumbering(xml, numberings);
    expect(ours).toBe(library.replace.call(compiler.numberingReplacer, xml, numberings));
    expect(ours).toContain('<w:numId w:val="4"/><w:numId w:val="2"/>');
    expect(ours).toContain('<w:numId w:val="{ordered-12}"/>');
    expect(replaceNumbering(xml, [])).toBe(xml);
  });

  it('leave text that looks like a placeholder as it was typed (the library alone would not)', () => {
    const numberings = [{ reference: 'ordered', instance: 1, numId: 2 }];
    const xml = '<w:t>{ordered-1} {{ordered-1}}</w:t><w:numId w:val="{ordered-1}"/>';
    expect(replaceNumbering(xml, numberings)).toBe('<w:t>{ordered-1} {{ordered-1}}</w:t><w:numId w:val="2"/>');
    expect(library.replace.call(compiler.numberingReplacer, xml, numberings)).toBe(
      '<w:t>2 {2}</w:t><w:numId w:val="2"/>',
    );
  });

  it('refer to numberings the file defines, with no placeholder left', async () => {
    const files = unzip(Buffer.from(await markdownToDocx(markdown, opts)));
    const document = files.get('word/document.xml')!.toString('utf8');
    const numbering = files.get('word/numbering.xml')!.toString('utf8');
    const used = new Set([...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]));
    const defined = new Set([...numbering.matchAll(/<w:num w:numId="(\d+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThanOrEqual(3);
    for (const id of used) expect(defined.has(id)).toBe(true);
    // The text typed in the markdown is kept as it was, and no list property is left unnumbered.
    expect(document.match(/\{+[a-z-]+\d+\}+/g)).toEqual([
      '{ordered-1}',
      '{{ordered-2}}',
      '{ordered-3}',
      '{default-bullet-numbering-0}',
    ]);
    expect(document).not.toMatch(/w:val="\{/);
  });
});

describe('a Word file packed by native deflate', () => {
  const pack = (files: { name: string; data: Uint8Array }[], date: Date) => zip(files, { date });

  it("holds the same files as JSZip's package, with the report's date", async () => {
    const byJszip = Buffer.from(await markdownToDocx(markdown, opts));
    const byZlib = Buffer.from(await markdownToDocx(markdown, { ...opts, pack }));
    const a = unzip(byJszip);
    const b = unzip(byZlib);
    const files = (m: Map<string, Buffer>) => [...m.keys()].filter((k) => !k.endsWith('/'));
    expect(files(b)).toEqual(files(a));
    for (const name of files(a)) expect(b.get(name)!.equals(a.get(name)!), name).toBe(true);
    expect(zipEntries(byZlib)[0]!.name).toBe('word/_rels/document.xml.rels');
    // 2026-03-04 00:00 as MS-DOS date and time, as JSZip writes it.
    expect(byZlib.readUInt16LE(10)).toBe(0);
    expect(byZlib.readUInt16LE(12)).toBe(((2026 - 1980) << 9) | (3 << 5) | 4);
    expect(byZlib.readUInt16LE(12)).toBe(byJszip.readUInt16LE(12));
  });

  it('gives the same bytes for the same markdown and date', async () => {
    const one = Buffer.from(await markdownToDocx(markdown, { ...opts, pack }));
    const two = Buffer.from(await markdownToDocx(markdown, { ...opts, pack }));
    expect(one.equals(two)).toBe(true);
  });
});
