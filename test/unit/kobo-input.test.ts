import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, csvInputs, readBatch } from '../../src/cli/inputs/batch.js';
import { xlsx } from '../../src/render/workbook.js';
import { completeAnswers, validateAnswersFile } from '../../src/core/answers.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { koboTable, toCsv, type KoboResponse } from '../support/kobo.js';
import { EXAMPLE_RESPONSES } from '../support/kobo-example.js';

const rules = loadRuleBase();
const tmp = mkdtempSync(join(tmpdir(), 'tip-kobo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The example responses were written as version-1 answers: read as version 2 (issue 12) before export.
const responses: KoboResponse[] = EXAMPLE_RESPONSES.map((r) => ({
  ...r,
  answers: validateAnswersFile({ version: 1, answers: r.answers }, rules, 'x').answers,
}));
// Lists in questionnaire order, as the tool keeps them.
const expected = responses.map((r) =>
  completeAnswers(rules, validateAnswersFile({ version: 2, answers: r.answers }, rules, 'x').answers),
);

async function read(file: string): Promise<Awaited<ReturnType<typeof collect>>> {
  const notices: string[] = [];
  const out = await collect(readBatch(rules, file, (t) => notices.push(t)));
  expect(notices).toEqual([]);
  return out;
}

describe('KoboToolbox / ODK exports', () => {
  for (const [label, opts] of [
    ['"/" groups, multi-selects as text and 0/1 columns', {}],
    ['"-" groups', { sep: '-' }],
    ['0/1 columns only', { text: false }],
    ['text only', { choiceColumns: false }],
  ] as const) {
    it(`reads back every answer and name from an .xlsx and a .csv export: ${label}`, async () => {
      const table = koboTable(rules, responses, opts);
      const x = join(tmp, `e-${label.length}.xlsx`);
      writeFileSync(x, xlsx([{ name: 'tip_coord_stocktake', rows: table }]));
      const c = join(tmp, `e-${label.length}.csv`);
      writeFileSync(c, toCsv(table));
      for (const file of [x, c]) {
        const { inputs, skipped } = await read(file);
        expect(skipped).toEqual([]);
        expect(inputs.map((i) => i.name)).toEqual(responses.map((r) => r.name));
        expect(inputs.map((i) => completeAnswers(rules, i.answers))).toEqual(expected);
        expect(inputs.map((i) => i.source)).toEqual(responses.map((_, n) => `row ${n + 2}`));
      }
    });
  }

  it('reports a column that matches no question once, and skips a bad row with its number', async () => {
    const table = koboTable(rules, responses);
    table[0]!.push('evidence/comments');
    table.slice(1).forEach((r) => r.push('free text'));
    const col = table[0]!.indexOf('evidence/tipScale');
    table[2]![col] = 'enormous';
    const notices: string[] = [];
    const { inputs, skipped } = await collect(
      readBatch(
        rules,
        (() => {
          const f = join(tmp, 'bad.xlsx');
          writeFileSync(f, xlsx([{ name: 's', rows: table }]));
          return f;
        })(),
        (t) => notices.push(t),
      ),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('"evidence/comments" matches no question');
    expect(skipped.map((s) => s.source)).toEqual(['row 3']);
    expect(skipped[0]!.detail).toContain('"tipScale" has "enormous"');
    // The summary's reason names the kind of problem, never the value (issue 15).
    expect(skipped[0]!.reason).not.toContain('enormous');
    expect(inputs).toHaveLength(responses.length - 1);
  });

  it('reads a Kobo CSV export saved with ";" between columns (Kobo\'s CSV default)', async () => {
    const table = koboTable(rules, responses);
    const f = join(tmp, 'semicolons.csv');
    writeFileSync(f, toCsv(table, ';'));
    const { inputs, skipped } = await read(f);
    expect(skipped).toEqual([]);
    expect(inputs.map((i) => completeAnswers(rules, i.answers))).toEqual(expected);
    expect(inputs.map((i) => i.name)).toEqual(responses.map((r) => r.name));
  });

  it("keeps tip-coord's own CSV strict: an unknown column there is an error, not a notice", async () => {
    await expect(csvInputs(rules, 'tipScale,tipEvidnce\nisolated,none\n', 'r.csv')).rejects.toThrow(
      'is not a question id',
    );
  });

  it('refuses a file that is not a workbook in one line', async () => {
    const f = join(tmp, 'not.xlsx');
    writeFileSync(f, 'name,tipScale\nA,isolated\n');
    await expect(collect(readBatch(rules, f))).rejects.toThrow(/not\.xlsx: cannot be read as an Excel workbook/);
  });
});

describe('an .xlsx written by another program (openpyxl: shared strings, numbers, an empty row)', () => {
  it('reads text, 0/1 numbers, escaped characters and row numbers as a spreadsheet shows them', async () => {
    const fixture = join(__dirname, '..', 'fixtures', 'openpyxl-export.xlsx');
    const { inputs, skipped } = await collect(readBatch(rules, fixture));
    expect(inputs.map((i) => [i.source, i.name, i.answers])).toEqual([
      [
        'row 2',
        'Goma & north <IDP>',
        { responseType: 'idp_cluster', tipScale: 'widespread', tipForms: ['forced_labour'] },
      ],
      // The text column is empty: the 0/1 columns say what was ticked.
      [
        'row 3',
        'Sites "east"',
        { responseType: 'mixed', tipScale: 'isolated', tipForms: ['sexual_exploitation'], expertiseElsewhere: true },
      ],
    ]);
    expect(skipped.map((s) => s.source)).toEqual(['row 5']);
  });
});

describe('a hostile workbook', () => {
  it('refuses a damaged archive and a sheet that is not XML-compressed data in one line, never a stack trace', async () => {
    const good = xlsx([{ name: 's', rows: [['tipScale'], ['isolated']] }]);
    const damaged = Buffer.from(good);
    // Corrupt the compressed data of every part.
    for (let i = 40; i < damaged.length - 200; i += 7) damaged[i] = damaged[i]! ^ 0xff;
    const f = join(tmp, 'damaged.xlsx');
    writeFileSync(f, damaged);
    await expect(collect(readBatch(rules, f))).rejects.toThrow(/damaged\.xlsx: cannot be read as an Excel workbook/);
    const truncated = join(tmp, 'truncated.xlsx');
    writeFileSync(truncated, good.subarray(0, good.length - 30));
    await expect(collect(readBatch(rules, truncated))).rejects.toThrow(/cannot be read as an Excel workbook/);
  });
});
