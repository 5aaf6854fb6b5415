/**
 * Every file tip-coord writes is valid for its format: characters XML forbids (C0 controls but
 * tab and line breaks, U+FFFE, U+FFFF, lone surrogates) never reach a Word file (a report or the
 * portfolio summary), an SVG chart, an XLSForm or an HTML page, whatever a name holds. Property
 * tests feed arbitrary names to each renderer and parse every XML part strictly; the CLI runs
 * check the files written end to end for a response named with U+FFFE.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInfo } from '../../src/cli/run-info.js';
import { reportFiles, wordFile } from '../../src/cli/report-files.js';
import { completeAnswers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import type { RuleBase } from '../../src/core/types.js';
import { htmlDocument } from '../../src/render/html.js';
import { portfolioMarkdown, Tally } from '../../src/render/portfolio.js';
import { wordHeader } from '../../src/render/report.js';
import { barChartSvg } from '../../src/render/svg-chart.js';
import { xlsx } from '../../src/render/workbook.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { cli, EXAMPLE } from '../support/cli.js';
import { FORBIDDEN_IN_XML, parseXml } from '../support/xml.js';
import { unzip } from '../support/zip.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-xmlsafe-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Any text, weighted towards what breaks XML: forbidden characters, lone surrogates, markup. */
const hostileName = fc.string({
  unit: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('\ufffe', '\uffff', '\ud800', '\udfff', '\u0000', '\u0001', '\u001b', '\u000b'),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']]>', '_x0041_', '|', '*', '#', '\n', '\t', '\r'),
    },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  ),
  minLength: 1,
  maxLength: 24,
});

/** Every XML part of a zip package (a .docx, an .xlsx) parses strictly. */
function expectPackageParses(bytes: Uint8Array): void {
  const parts = unzip(Buffer.from(bytes));
  expect(parts.size).toBeGreaterThan(0);
  for (const [name, data] of parts)
    if (/\.(xml|rels)$/.test(name)) expect(() => parseXml(data.toString('utf8')), name).not.toThrow();
}

let rules: RuleBase;
let evaluator: Evaluator;
beforeAll(() => {
  rules = loadRuleBase(DEFAULT_RULES_DIR, 'en');
  evaluator = new Evaluator(rules);
});

const resultNamed = (name: string) =>
  assess(evaluator, {
    answers: completeAnswers(rules, {}),
    run: runInfo(rules, '2026-01-01'),
    responseName: name,
  });

describe('names that XML cannot hold, in every format written', () => {
  it('the strict checker refuses what XML forbids', () => {
    for (const c of ['\ufffe', '\uffff', '\ud800', '\u0001'])
      expect(() => parseXml(`<a>${c}</a>`), JSON.stringify(c)).toThrow(/forbids/);
    expect(() => parseXml('<a>&#xFFFE;</a>')).toThrow(/forbids/);
    expect(() => parseXml('<a>\u{1F600}\t\n&#x1F600;</a>')).not.toThrow();
  });

  it('a Word report and its title: every part parses', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        const made = (await reportFiles(rules, await resultNamed(name), ['docx'])).files[0]!;
        expectPackageParses(made.content as Uint8Array);
      }),
      { numRuns: 15 },
    );
  });

  it('a Word file of any markdown (the portfolio summary is one): every part parses', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        const md = `# ${name}\n\n${name}\n\n| a | b |\n| --- | --- |\n| ${name} | \`${name}\` |\n\n- ${name}\n\n> ${name}\n\n<${name}>\n`;
        // The name as the page header too: every text that enters the package is cleaned.
        expectPackageParses(await wordFile(rules, md, name, '2026-01-01', name));
      }),
      { numRuns: 25 },
    );
  });

  it('the portfolio summary as a Word file, responses named anyhow', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileName, { minLength: 1, maxLength: 3 }), async (names) => {
        const tally = new Tally(rules, '0.0.0');
        for (const [i, name] of names.entries())
          tally.add(`row ${i + 2}`, await resultNamed(name), `2026-01-01-row-${i + 2}.docx`);
        const { head, body } = portfolioMarkdown(rules, tally.portfolio(), '2026-01-01');
        expectPackageParses(
          await wordFile(rules, `${head}\n${body}`, names[0]!, '2026-01-01', wordHeader(rules, false)),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('an SVG chart whose title and panel titles hold anything', async () => {
    const tally = new Tally(rules, '0.0.0');
    tally.add('row 2', await resultNamed('Goma'), 'goma.md');
    const portfolio = tally.portfolio();
    fc.assert(
      fc.property(hostileName, (name) => {
        const panel = {
          ...portfolio.panels[0]!,
          title: name,
          counts: portfolio.panels[0]!.counts.map((c) => ({ ...c, label: name })),
        };
        for (const standalone of [true, false]) {
          const svg = barChartSvg(portfolio, name, { standalone, more: [panel] });
          expect(() => parseXml(svg)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an XLSForm (a workbook of text) whose sheet names and cells hold anything', () => {
    fc.assert(
      fc.property(hostileName, hostileName, (name, cell) => {
        expectPackageParses(
          xlsx([
            {
              name,
              rows: [
                [cell, ''],
                ['', cell],
              ],
            },
          ]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('an HTML page whose title and text hold anything', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const html = htmlDocument(name, [`# ${name}\n\n${name} | \`${name}\`\n`]);
        expect(FORBIDDEN_IN_XML.exec(html)?.[0]).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('a response named with U+FFFE, end to end', () => {
  const name = 'Goma \ufffe north \uffff';

  it('assess --format docx, html, md: well-formed files', () => {
    const file = join(tmp, 'fffe.json');
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
    answers.response.name = name;
    writeFileSync(file, JSON.stringify(answers));
    for (const format of ['docx', 'html', 'md']) {
      const out = join(tmp, `assess-${format}`);
      const r = cli(['assess', '--answers', file, '--out', out, '--format', format, '--date', '2026-01-01']);
      expect(r.code, r.stderr).toBe(0);
      for (const f of readdirSync(out)) {
        const bytes = readFileSync(join(out, f));
        if (f.endsWith('.docx')) expectPackageParses(bytes);
        else expect(FORBIDDEN_IN_XML.exec(bytes.toString('utf8'))?.[0], f).toBeUndefined();
      }
    }
  });

  it('batch --format docx: the reports, the summary and its SVG chart are well-formed', () => {
    const dir = join(tmp, 'batch-in');
    const out = join(tmp, 'batch-out');
    mkdirSync(dir);
    const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
    answers.response.name = name;
    writeFileSync(join(dir, 'a.json'), JSON.stringify(answers));
    writeFileSync(join(dir, `b\ufffe.json`), JSON.stringify({ version: 1, answers: {} }));
    const r = cli(['batch', dir, '--out', out, '--format', 'docx', '--date', '2026-01-01']);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.docx')).length).toBe(3);
    for (const f of files) {
      const bytes = readFileSync(join(out, f));
      if (f.endsWith('.docx')) expectPackageParses(bytes);
      else if (f.endsWith('.svg')) expect(() => parseXml(bytes.toString('utf8'))).not.toThrow();
    }
  });
});
