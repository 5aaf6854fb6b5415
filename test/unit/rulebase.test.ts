import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { DEFAULT_RULES_DIR, loadRuleBase, readRuleBase, ruleSetFolder } from '../../src/rules/folder.js';
import { parseJson } from '../../src/core/json.js';
import { toolTexts } from '../../src/core/texts.js';
import { ruleCopies } from '../support/rule-copy.js';

/** A copy of the built-in rule base with one file edited. */
const brokenCopy = ruleCopies('tip-rules-').edited;

function problemOf(dir: string): string {
  try {
    loadRuleBase(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected the rule base to be rejected');
}

describe('rule base', () => {
  it('loads the built-in rules with no problem', () => {
    const { problems, ruleBase } = readRuleBase(DEFAULT_RULES_DIR);
    expect(problems).toEqual([]);
    expect(ruleBase!.mechanisms.map((m) => m.id).sort()).toEqual(
      [
        'aor_integration',
        'cross_response_learning',
        'ct_capacity',
        'focal_point',
        'national_linkage',
        'protection_case_management',
        'strategy_inclusion',
        'working_group',
      ].sort(),
    );
    expect(ruleBase!.cautions.map((c) => c.id).sort()).toEqual(
      [
        'data_protection',
        'immigration_enforcement',
        'meeting_load',
        'no_data',
        'overlooked_groups',
        'parallel_system',
        'rule_of_law',
        'terminology',
      ].sort(),
    );
    expect(ruleBase!.questions).toHaveLength(26);
    expect(ruleBase!.verdicts.map((v) => v.id).sort()).toEqual(['close', 'hand_over', 'keep', 'merge', 'strengthen']);
  });

  it('gives the same hash for the same rules, another for changed rules', () => {
    const a = loadRuleBase().hash;
    expect(loadRuleBase().hash).toBe(a);
    const dir = brokenCopy('ruleset.json', (j) => (j.version = '1.0.1'));
    expect(loadRuleBase(dir).hash).not.toBe(a);
  });

  it('names file, rule and condition for a misspelt fact', () => {
    const dir = brokenCopy('mechanisms/working_group.json', (j) => (j.rules[0].conditions.all[0].fact = 'tipEvidnce'));
    const m = problemOf(dir);
    expect(m).toContain('mechanisms/working_group.json');
    expect(m).toContain('wg-in-place');
    expect(m).toContain('conditions.all[0]');
    expect(m).toContain('"tipEvidnce"');
  });

  it('rejects a value no question offers', () => {
    const m = problemOf(
      brokenCopy('cautions/terminology.json', (j) => (j.rules[0].conditions.all[0].value = ['hostile'])),
    );
    expect(m).toContain('"hostile"');
    expect(m).toContain('governmentStance');
  });

  it('rejects a rule without citation', () => {
    const m = problemOf(brokenCopy('cautions/no_data.json', (j) => (j.rules[0].citations = [])));
    expect(m).toContain('caution-no-data-evidence');
    expect(m).toContain('citation');
  });

  it('rejects a citation of a source that does not exist', () => {
    const m = problemOf(brokenCopy('cautions/no_data.json', (j) => (j.rules[0].citations[0].source = 'S99')));
    expect(m).toContain('"S99"');
  });

  it('rejects list operators on single questions and the reverse', () => {
    const m = problemOf(
      brokenCopy('cautions/terminology.json', (j) => (j.rules[0].conditions.all[0].operator = 'contains')),
    );
    expect(m).toContain('governmentStance');
    const m2 = problemOf(
      brokenCopy('cautions/overlooked_groups.json', (j) => (j.rules[0].conditions.any[0].operator = 'equal')),
    );
    expect(m2).toContain('list question');
  });

  it('rejects an unknown operator, a missing fallback, duplicate orders and duplicate ids', () => {
    expect(
      problemOf(brokenCopy('cautions/terminology.json', (j) => (j.rules[0].conditions.all[0].operator = 'like'))),
    ).toContain('"like"');
    expect(
      problemOf(
        brokenCopy(
          'mechanisms/focal_point.json',
          (j) => (j.rules[1].conditions = { all: [{ fact: 'phase', operator: 'equal', value: 'acute' }] }),
        ),
      ),
    ).toContain('fallback');
    expect(problemOf(brokenCopy('mechanisms/focal_point.json', (j) => (j.rules[0].order = 10)))).toContain('order 10');
    expect(problemOf(brokenCopy('mechanisms/focal_point.json', (j) => (j.rules[2].id = 'fp-fallback')))).toContain(
      'unique',
    );
  });

  it('rejects invalid JSON, naming the file', () => {
    const dir = brokenCopy('ruleset.json', () => undefined);
    writeFileSync(join(dir, 'actions', 'training.json'), '{ not json');
    expect(problemOf(dir)).toContain('actions/training.json');
  });

  it('rejects unknown keys that would change what a rule means', () => {
    const step = problemOf(brokenCopy('mechanisms/working_group.json', (j) => (j.steps[1].When = j.steps[1].when)));
    expect(step).toContain('mechanisms/working_group.json: unknown key "steps[1].When" (did you mean "when"?)');
    const leaf = problemOf(brokenCopy('cautions/no_data.json', (j) => (j.rules[0].conditions.all[0].path = '$.x')));
    expect(leaf).toContain('rule "caution-no-data-evidence": unknown key "conditions.all[0].path"');
    expect(problemOf(brokenCopy('cautions/no_data.json', (j) => (j.rules[0].priority = 5)))).toContain(
      'rule "caution-no-data-evidence": unknown key "priority"',
    );
  });

  it('rejects a bare condition at the root of a rule, which the engine would refuse', () => {
    const m = problemOf(
      brokenCopy('cautions/no_data.json', (j) => (j.rules[0].conditions = j.rules[0].conditions.all[0])),
    );
    expect(m).toContain('caution-no-data-evidence');
    expect(m).toContain('"all"');
  });

  it('rejects a second fallback, naming the one that can never decide', () => {
    const m = problemOf(brokenCopy('mechanisms/strategy_inclusion.json', (j) => (j.rules[0].conditions = { all: [] })));
    expect(m).toContain('mechanisms/focal_point.json, rule "fp-fallback"');
    expect(m).toContain('"si-preparedness"');
    expect(m).toContain('second fallback');
  });

  it('checks invariants.json, without blaming it for a broken caution file', () => {
    expect(readRuleBase(DEFAULT_RULES_DIR).ruleBase!.invariants.length).toBeGreaterThan(3);
    const bad = problemOf(
      brokenCopy('invariants.json', (j) => (j.invariants[0].expect = { cautions: ['terminolgy'] })),
    );
    expect(bad).toContain('invariant "terminology-when-resisted"');
    expect(bad).toContain('"expect.cautions[0]" has "terminolgy" (did you mean "terminology"?)');
    expect(problemOf(brokenCopy('invariants.json', (j) => (j.invariants[1].when.value = ['nothing'])))).toContain(
      '"nothing"',
    );
    const dir = brokenCopy('cautions/terminology.json', (j) => delete j.title);
    const { problems } = readRuleBase(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('cautions/terminology.json');
  });

  it('reads where a copy came from, and names its folder without a full path', () => {
    const dir = brokenCopy(
      'ruleset.json',
      (j) => (j.basedOn = { name: 'tip-coord default rules', version: '1.0.0', hash: 'abc' }),
    );
    expect(loadRuleBase(dir).basedOn).toEqual({ name: 'tip-coord default rules', version: '1.0.0', hash: 'abc' });
    expect(problemOf(brokenCopy('ruleset.json', (j) => (j.basedOn = 'default')))).toContain('"basedOn"');
    expect(ruleSetFolder(DEFAULT_RULES_DIR, '/work/x')).toBeNull();
    expect(ruleSetFolder('/work/x/rules-kenya', '/work/x')).toBe('rules-kenya');
    expect(ruleSetFolder('/home/someone/rules-kenya', '/work/x')).toBe('rules-kenya');
  });

  it('rejects a folder that does not exist', () => {
    expect(() => loadRuleBase('/nonexistent/rules')).toThrow(UserError);
  });
});

describe('keys written twice', () => {
  it('are found in any object, at any depth, and not across objects or arrays', async () => {
    const { duplicateKey } = await import('../../src/core/json.js');
    expect(duplicateKey('{"a":1,"b":{"a":2},"c":[{"x":1},{"x":2}]}')).toBeUndefined();
    expect(duplicateKey('{"a":1,"b":2,"a":3}')).toBe('a');
    expect(duplicateKey('{"k":"a:b\\"","k2":{"z":1,"z":2}}')).toBe('z');
    expect(duplicateKey('{"s":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
  });

  it('make a rule file a problem for rules validate, naming the file and the key', () => {
    const dir = brokenCopy('ruleset.json', () => undefined);
    const path = join(dir, 'cautions', 'terminology.json');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '"title": "Mind the terminology",',
        '"title": "Mind the terminology",\n  "title": "Terminology",',
      ),
    );
    const { problems } = readRuleBase(dir);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      expect.stringContaining('cautions/terminology.json: key "title" appears twice'),
    ]);
  });

  it('make an answers file invalid', () => {
    expect(() =>
      parseJson('{"version":1,"answers":{"phase":"acute","phase":"protracted"}}', 'a.json', toolTexts('en')),
    ).toThrow(/"phase" appears twice/);
  });
});
