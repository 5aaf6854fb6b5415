/**
 * Personal data in disguise is still personal data: e-mail addresses and phone numbers are
 * found after the text is normalised as a reader sees it (entities, NFKC, digits of any script,
 * invisible characters and soft hyphens removed, `_ - . space` and dashes between digits, spaces
 * around "@"). And the look-alikes that are not (years, dates in any script, counts, versions,
 * codes the tool writes itself) still pass: a false alarm costs a coordinator a re-run.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as assess } from '../../src/cli/commands/assess.js';
import { run as batch } from '../../src/cli/commands/batch.js';
import { gateFor } from '../../src/cli/gate.js';
import { UserError } from '../../src/core/errors.js';
import { findPersonalData } from '../../src/core/personal-data.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { EXAMPLE } from '../support/cli.js';
import { testContext } from '../support/context.js';

const SHY = '\u00ad';
const ZWSP = '\u200b';

/** At least 30 disguises, each with what it is. */
const DISGUISES: [string, 'email' | 'phone'][] = [
  ['john.doe&#64;example.org', 'email'],
  ['john.doe&#x40;example.org', 'email'],
  ['john.doe&commat;example.org', 'email'],
  ['john.doe [at] example [dot] org', 'email'],
  ['john.doe (at) example (dot) org', 'email'],
  ['john.doe＠example.org', 'email'],
  ['john.doe﹫example．org', 'email'],
  ['john.doe@localhost', 'email'],
  ['Call john.doe @ example.org', 'email'],
  ['john.doe @example.org', 'email'],
  ['john.doe@ example.org', 'email'],
  [`john.doe${ZWSP}@example.org`, 'email'],
  [`john${SHY}.doe@exam${SHY}ple.org`, 'email'],
  ['john.doe\u2060@\ufeffexample.org', 'email'],
  ['JOHN.DOE@EXAMPLE.ORG', 'email'],
  ['+２４３ ８１ ２３４ ５６７８', 'phone'],
  ['Goma ٠٨١٢٣٤٥٦٧٨', 'phone'],
  ['Goma ۰۸۱۲۳۴۵۶۷۸', 'phone'],
  ['Goma ०८१२३४५६७८', 'phone'],
  ['Goma 𝟎𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖', 'phone'],
  ['Goma 08I2345678', 'phone'],
  ['Goma O8I 234 56O', 'phone'],
  ['Goma 081_234_5678', 'phone'],
  ['Goma-0812345678', 'phone'],
  ['Goma_0812345678', 'phone'],
  ['Goma.0812345678', 'phone'],
  [`Goma 081${SHY}234${SHY}5678`, 'phone'],
  [`Goma 0812${ZWSP}345${ZWSP}678`, 'phone'],
  ['Goma 081\u2060234\u20605678', 'phone'],
  ['Goma 081–234–5678', 'phone'],
  ['Goma 081—234—5678', 'phone'],
  ['Goma +243\u00a081\u00a0234\u00a05678', 'phone'],
  ['Goma +243\u202f81\u202f234\u202f5678', 'phone'],
  ['Goma 0 8 1 2 3 4 5 6 7 8', 'phone'],
  ['Tel:0812345678', 'phone'],
  ['Goma (081) 234-5678', 'phone'],
  ['Goma 081\u200f234\u200f5678', 'phone'],
];

/** At least 30 look-alikes that hold no personal data. */
const HARMLESS: string[] = [
  '2017-2018 2019-2020',
  'Plan 2017/18, 2019/20',
  'Cox’s Bazar 2017-2018',
  'North Kivu 2025 2026',
  'Goma 2026-11-29',
  'Goma 29/11/2026',
  'Goma 29.11.2026 14:00',
  'Goma 2026-11-29T10:30',
  'Goma 20261129',
  'Goma 2026_11_29',
  'Goma ٢٠٢٦-١١-٢٩',
  'Goma ٢٩/١١/٢٠٢٦',
  'Goma ۲۰۲۶/۱۱/۲۹',
  'Goma २०२६-११-२९',
  'Goma ٢٠٢٦-١١-٢٩T١٠:٣٠',
  'Goma 2026\u200f-11\u200f-29',
  '2,000 people',
  '29 responses, 19% with a working group, 27% without',
  'Questionnaire of 42 questions in 15 sections',
  'tip-coord 0.1.0',
  'rules 1.0.0+3f2a9c1b7d4e',
  'version 2.10.3',
  'v1.2.3 at 10.0.0.1',
  'HRP-2026-001',
  'SO2 and IO1 2026',
  'row-1048576',
  '2026-01-01-goma-2',
  'CD7101 Goma',
  '@cluster_lead',
  'Goma meeting @ 10:00',
  'Kivu @ HQ',
  'İstanbul &amp; Gaziantep',
  'Phase 2 of 3',
  '1,000,000 people',
  'Goma 12.5% of 29 responses',
];

describe('disguised personal data', () => {
  it('the tables are as large as promised', () => {
    expect(DISGUISES.length).toBeGreaterThanOrEqual(30);
    expect(HARMLESS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(DISGUISES)('%j is found (%s)', (text, kind) => {
    expect(findPersonalData(text)?.kind).toBe(kind);
  });

  it.each(HARMLESS)('%j is not', (text) => {
    expect(findPersonalData(text)).toBeUndefined();
  });
});

describe('disguised personal data at the one safety gate', () => {
  const rules = loadRuleBase(DEFAULT_RULES_DIR);
  const gate = gateFor(rules);
  const tmp = mkdtempSync(join(tmpdir(), 'tip-hostile-disguise-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  /** The disguises the red team passed through, as the issue lists them. */
  const FROM_THE_ATTACKS = DISGUISES.filter(([text]) =>
    ['Goma 081_234_5678', 'Call john.doe @ example.org', 'Goma-0812345678', `Goma 081${SHY}234${SHY}5678`].includes(
      text,
    ),
  );

  it.each(DISGUISES)('%j stops a name and a path, and is sifted out of a batch', (text, kind) => {
    expect(() => gate.name(text, '--name')).toThrow(UserError);
    expect(() => gate.path(join(tmp, text), '--out')).toThrow(UserError);
    expect(gate.sift(text)).toMatchObject({ found: { kind } });
  });

  it.each(HARMLESS)('%j passes the gate', (text) => {
    expect(gate.name(text, '--name')).toBe(text);
    expect(gate.sift(text)).toEqual({ name: text });
  });

  it('assess: an answers file named with each disguise is refused, and nothing is written', async () => {
    expect(FROM_THE_ATTACKS).toHaveLength(4);
    for (const [text, kind] of FROM_THE_ATTACKS) {
      const answers = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { response: { name: string } };
      answers.response.name = text;
      const file = join(tmp, 'named.json');
      writeFileSync(file, JSON.stringify(answers));
      const out = join(tmp, 'assess-out');
      const err = await assess({ answers: file, format: 'md', out }, testContext().ctx).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, text).toBeInstanceOf(UserError);
      expect((err as Error).message).toContain(kind === 'email' ? 'an e-mail address' : 'a phone number');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  });

  it('batch: a row named with a disguise is skipped with its reason, the others are reported', async () => {
    const csv = join(tmp, 'named.csv');
    const names = [...FROM_THE_ATTACKS.map(([text]) => text), 'Goma 2026-11-29'];
    writeFileSync(csv, `name,tipScale\n${names.map((n) => `"${n}",isolated`).join('\n')}\n`);
    const out = join(tmp, 'batch-out');
    const t = testContext();
    expect(await batch({ path: csv, format: 'md', out }, t.ctx)).toBe(0);
    const written = readdirSync(out);
    expect(written.filter((f) => !f.includes('portfolio'))).toEqual(['2024-03-01-goma-2026-11-29.md']);
    for (const f of written) {
      const text = readFileSync(join(out, f), 'utf8');
      for (const [name] of FROM_THE_ATTACKS) expect(text).not.toContain(name);
      expect(text).not.toMatch(/081|john/);
    }
    expect(t.stderr().match(/the name holds what looks like/g)).toHaveLength(4);
  });
});
