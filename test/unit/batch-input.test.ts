import { describe, expect, it } from 'vitest';
import { csvInputs } from '../../src/cli/inputs/batch.js';
import { UserError } from '../../src/core/errors.js';
import { loadRuleBase } from '../../src/rules/folder.js';

const rules = loadRuleBase();

describe('CSV responses', async () => {
  it('reads answers by question id, lists split on ";", empty cells left unknown, the name column as the name', async () => {
    const { inputs, skipped } = await csvInputs(
      rules,
      'name,tipEvidence,tipForms,expertiseElsewhere,tipScale\n"North, IDP",documented,forced_labour; child_labour,TRUE,\n',
      'r.csv',
    );
    expect(skipped).toEqual([]);
    expect(inputs).toEqual([
      {
        source: 'row 2',
        fallbackName: 'row-2',
        name: 'North, IDP',
        answers: { tipEvidence: 'documented', tipForms: ['forced_labour', 'child_labour'], expertiseElsewhere: true },
      },
    ]);
  });

  it('skips a bad row with its row number and reason, and keeps the others', async () => {
    const csv = 'tipScale,tipEvidence\nisolated,none\n\nhuge,none\nwidespread\n"x"y,none\nsignificant,documented\n';
    const { inputs, skipped } = await csvInputs(rules, csv, 'r.csv');
    expect(inputs.map((i) => i.source)).toEqual(['row 2', 'row 7']);
    expect(skipped.map((s) => s.source)).toEqual(['row 4', 'row 5', 'row 6']);
    expect(skipped[0]!.detail).toBe(
      'r.csv row 4: "tipScale" has "huge"; valid: "isolated", "significant", "widespread" or "unknown".',
    );
    expect(skipped[1]!.reason).toContain('has 1 cell; the header row has 2');
    // csv-parse reads `"x"y` as it stands: a value no question offers, so the row is skipped.
    expect(skipped[2]!.detail).toContain('"tipScale" has');
    // The summary's reason says what kind of problem it was, never the value (issue 15).
    expect(skipped[0]!.reason).toBe(
      'r.csv row 4: invalid answers (an unknown question id, a value outside the list, a wrong type or a name too long; run the batch again to see which on screen).',
    );
    expect(skipped[2]!.reason).not.toContain('x"y');
  });

  it('refuses a header that is not question ids, naming the column, and hints at ";" separators', async () => {
    const err = async (csv: string): Promise<string> => {
      try {
        await csvInputs(rules, csv, 'r.csv');
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        return (e as Error).message;
      }
      throw new Error('expected an error');
    };
    expect(await err('tipScale,tipEvidnce\n')).toMatch(
      /^r\.csv: column 2: "tipEvidnce" is not a question id; valid: "name", "responseType"/,
    );
    expect(await err('tipScale;tipEvidence\nisolated;none\n')).toContain('save it with "," as the separator');
    expect(await err('tipScale,tipScale\n')).toContain('appears twice');
    expect(await err('\n')).toContain('empty');
    expect(await err('tipScale\n\n')).toContain('no responses');
    expect(await err('tipScale\n"open\n')).toContain('not closed');
  });

  it('refuses a name longer than an answers file allows', async () => {
    const { skipped } = await csvInputs(rules, `name,tipScale\n${'x'.repeat(201)},isolated\n`, 'r.csv');
    expect(skipped[0]!.detail).toContain('"response.name" is 201 characters long');
  });
});
