import { Lexer, type Token, type Tokens } from 'marked';
import { cleanText } from '../core/sanitize.js';

/**
 * Markdown (as tip-coord writes it) to a Word file with the `docx` library: real Heading 1-3
 * styles (the navigation pane works), real tables, numbered and bulleted lists, a sensitivity
 * banner in the page header, page numbers in the footer, A4 pages. Loaded only for --format docx.
 * The same markdown and date give the same bytes: every timestamp in the package is the report's date.
 */
export interface DocxOptions {
  title: string;
  /** "en" or "fr": the document's proofing language. */
  lang: string;
  /** Shown at the top of every page (the report's "politically sensitive" line). */
  banner?: string;
  /** The report's date, YYYY-MM-DD: the package's timestamps, for byte-identical files. */
  date: string;
  /** Rows of a long table compiled at a time (ROWS_PER_PART); a test compares the bytes with one pass (Infinity). */
  rowsPerPart?: number;
  /**
   * Makes the package from its files, all dated `date`. The command line passes zip.ts (native
   * deflate); without it, JSZip's own (JavaScript) deflate does it, as in the browser page.
   */
  pack?: (files: { name: string; data: Uint8Array }[], date: Date) => Uint8Array;
}

/**
 * The docx library holds a whole document as objects, and then as an object tree of its XML,
 * a few kilobytes per table cell: a batch's summary listing 2,000 responses took some 150 MB
 * that way. A table longer than LONG_TABLE rows is written with its header row and a marker
 * row; its rows are then compiled ROWS_PER_PART at a time, as small documents of their own, and
 * their XML is put in place of the marker. The file is the same, byte for byte, and memory no
 * longer grows with the length of the table. A report's own tables are shorter: one pass.
 */
const LONG_TABLE = 100;
const ROWS_PER_PART = 25;

export type Docx = typeof import('docx');
type Child = import('docx').Paragraph | import('docx').Table;
type Run = import('docx').TextRun | import('docx').ExternalHyperlink;
type TableRow = import('docx').TableRow;

interface Style {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  /** Table text: 9 pt. */
  small?: boolean;
}

/** A4 in twentieths of a point, margins of 18 and 15 mm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1020, bottom: 1020, left: 850, right: 850 };
/** The text width of an A4 page inside its margins, in twips (tables are laid out on it). */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** About one character of 9 pt table text, in twips. */
const TWIPS_PER_CHAR = 100;

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * `load` brings the docx library: imported when first needed on the command line; the browser
 * page keeps it apart from its first script, so that the page opens without compiling it.
 */
export async function markdownToDocx(
  text: string,
  options: DocxOptions,
  load: () => Promise<Docx> = () => import('docx'),
): Promise<Uint8Array> {
  // The edge where text enters the package's XML: a character XML cannot hold (a control, U+FFFE,
  // a lone surrogate) is shown escaped, or Word would refuse the file (the docx library escapes markup only).
  const markdown = cleanText(text);
  const opts = {
    ...options,
    title: cleanText(options.title),
    ...(options.banner ? { banner: cleanText(options.banner) } : {}),
  };
  const d: Docx = await load();
  fasterNumbering(d);
  const lang = opts.lang === 'fr' ? 'fr-FR' : 'en-GB';
  let listInstance = 0;
  const rowsPerPart = opts.rowsPerPart ?? ROWS_PER_PART;
  // A marker no text of the document holds (private-use characters, and a number the markdown lacks).
  let salt = 0;
  while (markdown.includes(`\u{e000}${salt}-`)) salt++;
  const markerTag = `\u{e000}${salt}`;
  /** The long tables, their rows still to compile (see ROWS_PER_PART). */
  const longTables: { marker: string; rows: Tokens.TableCell[][]; row: (r: Tokens.TableCell[]) => TableRow }[] = [];
  const compile = (doc: import('docx').Document): JSZipLike =>
    (
      d.Packer as unknown as {
        compiler: { compile(file: unknown, prettify?: unknown, overrides?: unknown[]): JSZipLike };
      }
    ).compiler.compile(doc, undefined, []);
  const partXml = async (zip: JSZipLike): Promise<string> => {
    const part = zip.file('word/document.xml');
    if (!part) throw new Error('docx: no word/document.xml in the package');
    return part.async('string');
  };

  const inline = (tokens: Token[] | undefined, style: Style = {}): Run[] => {
    const out: Run[] = [];
    for (const tok of tokens ?? []) {
      switch (tok.type) {
        case 'strong':
          out.push(...inline((tok as Tokens.Strong).tokens, { ...style, bold: true }));
          break;
        case 'em':
          out.push(...inline((tok as Tokens.Em).tokens, { ...style, italics: true }));
          break;
        case 'codespan':
          out.push(run(decode((tok as Tokens.Codespan).text), { ...style, code: true }));
          break;
        case 'br':
          out.push(new d.TextRun({ break: 1 }));
          break;
        case 'link': {
          // Addresses stay visible as text: a printed or forwarded report must show them.
          const l = tok as Tokens.Link;
          out.push(...inline(l.tokens, style));
          if (l.text !== l.href) out.push(run(` (${l.href})`, style));
          break;
        }
        case 'text':
        case 'escape':
        case 'del':
        default: {
          const t = tok as Tokens.Text;
          if (t.tokens && t.tokens.length > 0) out.push(...inline(t.tokens, style));
          else out.push(run(decode(t.text ?? tok.raw), style));
        }
      }
    }
    return out;
  };

  const run = (text: string, s: Style): import('docx').TextRun =>
    new d.TextRun({
      text,
      ...(s.bold ? { bold: true } : {}),
      ...(s.italics ? { italics: true } : {}),
      ...(s.code ? { font: 'Consolas' } : {}),
      ...(s.small ? { size: 18 } : {}),
    });

  const headingLevel = (depth: number) =>
    depth <= 1 ? d.HeadingLevel.HEADING_1 : depth === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3;

  const list = (l: Tokens.List, level: number, out: Child[]): void => {
    const instance = ++listInstance;
    for (const item of l.items) {
      let first = true;
      for (const tok of item.tokens) {
        if (tok.type === 'list') {
          list(tok as Tokens.List, level + 1, out);
          continue;
        }
        const runs = inline((tok as Tokens.Text).tokens ?? [], {});
        out.push(
          new d.Paragraph({
            children: runs.length > 0 ? runs : [run(decode((tok as Tokens.Text).text ?? ''), {})],
            ...(first
              ? l.ordered
                ? { numbering: { reference: 'ordered', level: Math.min(level, 2), instance } }
                : { bullet: { level: Math.min(level, 2) } }
              : { indent: { left: 720 * (level + 1) } }),
          }),
        );
        first = false;
      }
    }
  };

  const table = (t: Tokens.Table): import('docx').Table => {
    // Each column gets room for its longest unbreakable word, then the rest of the page by its average text length.
    const columns = t.header.map((h, i) => [h, ...t.rows.map((r) => r[i]!)].filter(Boolean));
    const minimum = columns.map(
      (cells) => (Math.max(...cells.flatMap((c) => c.text.split(' ').map((w) => w.length))) + 2) * TWIPS_PER_CHAR,
    );
    const average = columns.map((cells) => Math.max(4, cells.reduce((n, c) => n + c.text.length, 0) / cells.length));
    const free = Math.max(0, TEXT_WIDTH - minimum.reduce((a, b) => a + b, 0));
    const total = average.reduce((a, b) => a + b, 0);
    const raw = minimum.map((m, i) => m + (free * average[i]!) / total);
    const scale = TEXT_WIDTH / raw.reduce((a, b) => a + b, 0);
    const widths = raw.map((w) => Math.floor(w * scale));
    const cell = (c: Tokens.TableCell, header: boolean, i: number) =>
      new d.TableCell({
        children: [
          new d.Paragraph({ spacing: { after: 0 }, children: inline(c.tokens, header ? { bold: true } : {}) }),
        ],
        width: { size: widths[i]!, type: d.WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(header ? { shading: { type: d.ShadingType.CLEAR, fill: 'EDEDED', color: 'auto' } } : {}),
      });
    const row = (r: Tokens.TableCell[]) =>
      new d.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) });
    const long = t.rows.length > Math.max(rowsPerPart, LONG_TABLE);
    const marker = `${markerTag}-rows-${longTables.length}\u{e001}`;
    if (long) longTables.push({ marker, rows: t.rows, row });
    return new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths,
      rows: [
        new d.TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((c, i) => cell(c, true, i)) }),
        ...(long
          ? [new d.TableRow({ children: [new d.TableCell({ children: [new d.Paragraph(marker)] })] })]
          : t.rows.map(row)),
      ],
    });
  };

  const blocks = (tokens: Token[], out: Child[], quoted = false): void => {
    for (const tok of tokens) {
      switch (tok.type) {
        case 'heading': {
          const h = tok as Tokens.Heading;
          out.push(new d.Paragraph({ heading: headingLevel(h.depth), children: inline(h.tokens) }));
          break;
        }
        case 'paragraph':
          out.push(
            new d.Paragraph({
              children: inline((tok as Tokens.Paragraph).tokens),
              ...(quoted
                ? {
                    shading: { type: d.ShadingType.CLEAR, fill: 'FFF7EE', color: 'auto' },
                    border: { left: { style: d.BorderStyle.SINGLE, size: 18, color: 'B35900', space: 6 } },
                    indent: { left: 240 },
                  }
                : {}),
            }),
          );
          break;
        case 'blockquote':
          blocks((tok as Tokens.Blockquote).tokens, out, true);
          break;
        case 'list':
          list(tok as Tokens.List, 0, out);
          break;
        case 'table':
          out.push(table(tok as Tokens.Table), new d.Paragraph({ children: [] }));
          break;
        case 'code':
          for (const line of (tok as Tokens.Code).text.split('\n'))
            out.push(new d.Paragraph({ children: [run(line, { code: true })] }));
          break;
        case 'hr':
          out.push(new d.Paragraph({ thematicBreak: true, children: [] }));
          break;
        case 'space':
          break;
        default:
          // Raw HTML and anything else: shown as text, never interpreted.
          if ('raw' in tok && tok.raw.trim()) out.push(new d.Paragraph({ children: [run(tok.raw.trim(), {})] }));
      }
    }
  };

  const children: Child[] = [];
  blocks(new Lexer({ gfm: true }).lex(markdown), children);

  const levels = [0, 1, 2].map((level) => ({
    level,
    format: d.LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: d.AlignmentType.START,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
  const when = new Date(`${opts.date}T00:00:00Z`);
  const doc = new d.Document({
    title: opts.title,
    creator: 'tip-coord',
    lastModifiedBy: 'tip-coord',
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 21, language: { value: lang } },
          paragraph: { spacing: { after: 100 } },
        },
      },
    },
    numbering: { config: [{ reference: 'ordered', levels }] },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        ...(opts.banner
          ? {
              headers: {
                default: new d.Header({
                  children: [
                    new d.Paragraph({
                      alignment: d.AlignmentType.CENTER,
                      children: [new d.TextRun({ text: opts.banner, bold: true, size: 16, color: '8A4500' })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [new d.TextRun({ children: [d.PageNumber.CURRENT, ' / ', d.PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });

  const zip = compile(doc);
  // word/document.xml as UTF-8 bytes, when its long tables were compiled apart: never as one
  // string, which would hold the whole text again (twice over, as UTF-16).
  let documentXml: Uint8Array | undefined;
  if (longTables.length > 0) {
    const xml = await partXml(zip);
    const pieces: Uint8Array[] = [];
    let from = 0;
    const inOrder = longTables.map((t) => ({ ...t, at: xml.indexOf(t.marker) })).sort((x, y) => x.at - y.at);
    for (const { at, rows, row } of inOrder) {
      pieces.push(utf8.encode(xml.slice(from, xml.lastIndexOf('<w:tr>', at))));
      for (let i = 0; i < rows.length; i += rowsPerPart) {
        const part = await partXml(
          compile(
            new d.Document({
              sections: [{ children: [new d.Table({ rows: rows.slice(i, i + rowsPerPart).map(row) })] }],
            }),
          ),
        );
        // As bytes: a slice of the part's text would keep all of it alive.
        pieces.push(utf8.encode(part.slice(part.indexOf('<w:tr>'), part.lastIndexOf('</w:tr>') + '</w:tr>'.length)));
      }
      from = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
    }
    pieces.push(utf8.encode(xml.slice(from)));
    documentXml = joinBytes(pieces);
    zip.file('word/document.xml', documentXml);
  }
  // The package's timestamps (zip entries, core properties) would be the time of the run: use the report's date.
  const core = zip.file('docProps/core.xml');
  if (core) {
    const stamp = `${opts.date}T00:00:00Z`;
    const xml = (await core.async('string')).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
      `$1${stamp}$2`,
    );
    zip.file('docProps/core.xml', xml);
  }
  for (const f of Object.values(zip.files)) f.date = when;
  if (opts.pack) {
    const files: { name: string; data: Uint8Array }[] = [];
    for (const [name, f] of Object.entries(zip.files))
      if (!f.dir)
        files.push({
          name,
          data: name === 'word/document.xml' && documentXml ? documentXml : await f.async('uint8array'),
        });
    return opts.pack(files, when);
  }
  // Bytes, not a Node Buffer: the same builder serves the browser page (tip-coord web).
  return zip.generateAsync({
    type: 'uint8array',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    compression: 'DEFLATE',
  });
}

const utf8 = new TextEncoder();

interface Numbering {
  reference: string;
  instance: number;
  numId: number;
}

/**
 * Each list's number put in place of its placeholder (`<w:numId w:val="{ordered-3}"/>`), in one
 * pass. The docx library runs one regular expression per list over every part of the package
 * (about a seventh of a Word batch's time), and over the text too: a report that quoted
 * "{ordered-1}" would have shown a number instead. Only the list properties are changed here.
 */
export function replaceNumbering(xml: string, numberings: readonly Numbering[]): string {
  if (numberings.length === 0) return xml;
  const ids = new Map(numberings.map((n) => [`${n.reference}-${n.instance}`, String(n.numId)]));
  return xml.replace(/(<w:numId w:val=")\{([^{}"]*)\}"/g, (whole, start: string, key: string) => {
    const id = ids.get(key);
    return id === undefined ? whole : `${start}${id}"`;
  });
}

/** docx's compiler (a single one, Packer's) given replaceNumbering; left as it is if it has no such part. */
function fasterNumbering(d: Docx): void {
  const replacer = (d.Packer as unknown as { compiler?: { numberingReplacer?: { replace?: unknown } } }).compiler
    ?.numberingReplacer;
  if (replacer && typeof replacer.replace === 'function') replacer.replace = replaceNumbering;
}

/** Bytes put end to end. */
function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The part of JSZip (bundled by docx) used above. */
interface JSZipLike {
  files: Record<string, { date: Date; dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }>;
  file(path: string): { async(type: 'string'): Promise<string> } | null;
  file(path: string, data: string | Uint8Array): unknown;
  generateAsync(opts: { type: 'uint8array'; mimeType: string; compression: 'DEFLATE' }): Promise<Uint8Array>;
}
