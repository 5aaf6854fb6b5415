import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'tip-rules-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The real CLI, as a user runs it, with exactly these colour variables (NO_COLOR=1 unless given). */
const run = (args: string[], env: NodeJS.ProcessEnv = { NO_COLOR: '1' }, cwd = ROOT) =>
  cli(args, { cwd, env: { NO_COLOR: undefined, ...env } });

let copies = 0;
/** A fresh copy of the built-in rules with one file edited; made by `rules init` itself when `init` is set. */
function copyWith(file: string, edit: (json: any) => void, init = false): string {
  const dir = join(tmp, `copy-${++copies}`);
  if (init) {
    const r = run(['rules', 'init', dir, '--name', `Copy ${copies}`]);
    expect(r.code, r.stderr).toBe(0);
  } else cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return dir;
}

function writeJson(name: string, value: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** A copied rule file's text without its "$schema" line, which `rules init` relinks to the package's schemas/. */
const noSchema = (text: string): string => text.replace(/^ {2}"\$schema": .*\n/m, '');

describe('tip-coord rules validate', () => {
  it('passes the built-in rule base, deep check included, and says how much it checked', () => {
    // A time budget that a loaded machine cannot spend: the whole check runs.
    const r = run(['rules', 'validate', '--deep', '--time', '600']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Rule set “tip-coord default rules” 1.0.0, built in');
    expect(r.stdout).toMatch(
      /Deep check: [\d,]+ answer sets in [\d.]+ s \([\d,]+ from a covering array of all [\d,]+ 3-way combinations/,
    );
    expect(r.stdout).toContain('random with seed 1');
    expect(r.stdout).toMatch(/invariant terminology-when-resisted: applied to [1-9][\d,]* answer sets/);
    expect(r.stdout).toContain('Gaps: none; the fallback fp-fallback');
    expect(r.stdout).toContain('✓ Valid (warnings: 0).');
    expect(r.stderr).toBe('');
  }, 300_000);

  const broken: Array<[string, string, (j: any) => void, string[]]> = [
    [
      'a misspelt fact',
      'mechanisms/working_group.json',
      (j) => (j.rules[0].conditions.all[0].fact = 'tipEvidnce'),
      [
        'mechanisms/working_group.json, rule "wg-in-place", conditions.all[0]',
        'fact "tipEvidnce" is not a question (did you mean "tipEvidence"?)',
      ],
    ],
    [
      'a value no question offers',
      'cautions/terminology.json',
      (j) => (j.rules[0].conditions.all[0].value = ['resists_terminology', 'hostile']),
      [
        'cautions/terminology.json, rule "caution-terminology-stance", conditions.all[0]',
        'value "hostile" is not offered by question "governmentStance"',
      ],
    ],
    [
      'a rule without citation',
      'cautions/no_data.json',
      (j) => delete j.rules[0].citations,
      ['cautions/no_data.json, rule "caution-no-data-evidence": needs "citations" (a list (of an object with "source"'],
    ],
    [
      'a rule without rationale',
      'mechanisms/focal_point.json',
      (j) => (j.rules[2].rationale = ' '),
      ['mechanisms/focal_point.json, rule "fp-outside-actors": "rationale" is blank: it needs a text'],
    ],
    [
      'a rule that can never hold',
      'cautions/meeting_load.json',
      (j) => j.rules[0].conditions.all.push({ fact: 'meetingLoad', operator: 'in', value: ['low', 'moderate'] }),
      [
        'cautions/meeting_load.json, rule "caution-meeting-load-high", conditions.all[0] and conditions.all[1]',
        'this rule can never hold',
      ],
    ],
    [
      'a primary rule that can never decide',
      'mechanisms/cross_response_learning.json',
      (j) => (j.rules[0].order = 110),
      [
        'mechanisms/cross_response_learning.json, rule "crl-expertise-no-lead"',
        'can never decide',
        '"fp-fallback", order 100',
      ],
    ],
    [
      'two primaries in the same order',
      'mechanisms/strategy_inclusion.json',
      (j) => (j.rules[0].order = 10),
      [
        'nl-transition-handover',
        'si-preparedness',
        'order 10 is also used by rule',
        'primary rules need distinct orders',
      ],
    ],
    [
      'two fallbacks',
      'mechanisms/national_linkage.json',
      (j) => (j.rules[0].conditions = { all: [] }),
      [
        'mechanisms/focal_point.json, rule "fp-fallback"',
        'second fallback',
        '"nl-transition-handover" in mechanisms/national_linkage.json',
      ],
    ],
  ];

  it.each(broken)('catches %s, naming the place (exit 2)', (_what, file, edit, expected) => {
    const dir = copyWith(file, edit);
    const r = run(['rules', 'validate', '--rules', dir]);
    expect(r.code, r.stdout).toBe(2);
    for (const text of expected) expect(r.stdout).toContain(text);
    expect(r.stdout).toMatch(/^error {3}/m);
    expect(r.stdout).toMatch(/Invalid \(errors: [1-9]/);
    expect(r.stderr).toBe('');
    // The same rule base is refused by assess too, or at least still evaluates without a stack trace.
    const a = run([
      'assess',
      '--rules',
      dir,
      '--answers',
      join(ROOT, 'examples', 'all-unknown.json'),
      '--format',
      'json',
    ]);
    expect(a.stderr).not.toContain('    at ');
  });

  it('warns about operators that pass on "unknown" without failing', () => {
    const dir = copyWith('mechanisms/cross_response_learning.json', (j) => {
      j.rules[1].conditions.all[0] = { fact: 'parallelResponses', operator: 'notEqual', value: 'single' };
    });
    const r = run(['rules', 'validate', '--rules', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'warning mechanisms/cross_response_learning.json, rule "crl-parallel-expertise", conditions.all[0]: operator "notEqual"',
    );
    expect(r.stdout).toContain('✓ Valid (warnings: 1).');
  });

  it('--deep catches an edit that breaks an invariant, with answers to reproduce it', () => {
    const dir = copyWith('cautions/terminology.json', (j) => (j.rules[0].conditions.all[0].value = ['selective']));
    const shallow = run(['rules', 'validate', '--rules', dir]);
    expect(shallow.code).toBe(0);
    const r = run(['rules', 'validate', '--rules', dir, '--deep', '--samples', '20', '--seed', '3', '--time', '600']);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stdout).toMatch(
      /^error {3}invariant terminology-when-resisted: .*expected caution terminology; it is missing\. \([\d,]+ answer sets; e\.g\. governmentStance=resists_terminology, others unknown\)$/m,
    );
    expect(r.stdout).toContain('20 random with seed 3');
  }, 300_000);

  it('refuses a bad --samples value and a missing folder in one line (exit 2)', () => {
    const r = run(['rules', 'validate', '--deep', '--samples', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tip-coord: --samples "many": expected a whole number from 0 to 100000.\n');
    const m = run(['rules', 'validate', '--rules', join(tmp, 'nowhere')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/^tip-coord: Rules folder .*nowhere: not found or not a folder\. Give --rules a folder/);
  });

  it('honours NO_COLOR and --no-color, and colours when forced', () => {
    const coloured = run(['rules', 'validate'], { FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[');
    expect(run(['rules', 'validate'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(run(['--no-color', 'rules', 'test'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('tip-coord rules test', () => {
  it("runs the rule base's scenarios/ by default, then shows coverage", () => {
    const r = run(['rules', 'test']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\d+ scenarios, rule set “tip-coord default rules” 1\.0\.0, built in$/m);
    expect(r.stdout).toContain('  ✓ wg-refugee-documented');
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed\.$/m);
    expect(r.stdout).toMatch(/^ {4}wg-several-patterns +held [1-9]\d*, not \d+, decided [1-9]/m);
    expect(r.stdout).toMatch(/^Conditions: (\d+) in all; \1 met and \1 failed in some scenario\.$/m);
  });

  it('prints the difference and exits 1 when a scenario fails', () => {
    const file = writeJson('expects-wg.json', {
      description: 'Nothing known, yet expects a working group',
      answers: { governmentStance: 'engaged' },
      expect: { primary: 'working_group', cautions: ['no_data', 'terminology'], notPrimary: ['focal_point'] },
    });
    const r = run(['rules', 'test', file, join(ROOT, 'rules', 'scenarios', 'focal-point-all-unknown.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ expects-wg');
    expect(r.stdout).toContain('- primary: expected working_group, got focal_point (rule fp-fallback)');
    expect(r.stdout).toContain('- expected caution terminology; it is missing');
    expect(r.stdout).toContain('- expected focal_point not to be primary; it is (rule fp-fallback)');
    expect(r.stdout).not.toContain('- expected caution no_data');
    expect(r.stdout).toContain('✓ focal-point-all-unknown');
    expect(r.stdout).toContain('1 passed, 1 failed.');
  });

  it('lists the rules and conditions the scenarios never exercised', () => {
    const r = run(['rules', 'test', join(ROOT, 'rules', 'scenarios', 'focal-point-all-unknown.json')]);
    expect(r.code).toBe(0);
    const never = r.stdout.split('Rules that never held (add a scenario where they do):\n')[1]!;
    expect(never).toMatch(/^ {2}wg-several-patterns \(mechanisms\/working_group\.json\)$/m);
    expect(r.stdout).toMatch(
      /Rules never seen failing \(add a scenario where they do not hold\):\n {2}caution-no-data-evidence \(cautions\/no_data\.json\)/,
    );
    expect(r.stdout).toContain(
      'wg-several-patterns, conditions.all[5].any[1]: The estimated scale of trafficking is “Widespread”',
    );
    expect(r.stdout).toContain('Conditions never met:');
  });

  it('takes a folder of scenarios, and refuses a broken scenario file in one line (exit 2)', () => {
    const dir = join(tmp, 'scenarios');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'ok.json'),
      JSON.stringify({ description: 'all unknown', answers: {}, expect: { primary: 'focal_point' } }),
    );
    expect(run(['rules', 'test', dir]).stdout).toContain('1 passed, 0 failed.');
    const bad = writeJson('bad.json', { description: 'typo', answers: {}, expect: { primry: 'focal_point' } });
    const r = run(['rules', 'test', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `tip-coord: Scenario file ${bad}: unknown key "expect.primry" (did you mean "primary"?); valid keys: "primary", "notPrimary", "includes", "excludes", "cautions", "noCautions", "verdict", "review", "textExcludes", "draftingSafe", "actions", "planOwners", "noPlanOwners".\n`,
    );
    expect(run(['rules', 'test', join(tmp, 'missing.json')]).code).toBe(2);
    // The scenarios travel with the rules: any folder will do for the built-in ones...
    expect(run(['rules', 'test'], { NO_COLOR: '1' }, tmp).stdout).toMatch(/^\d+ passed, 0 failed\.$/m);
    // ...and a rule base without scenarios/ says where they belong.
    const bare = join(tmp, 'no-scenarios');
    cpSync(join(ROOT, 'rules'), bare, { recursive: true });
    rmSync(join(bare, 'scenarios'), { recursive: true });
    const none = run(['rules', 'test', '--rules', bare], { NO_COLOR: '1' }, tmp);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `tip-coord: Scenario folder no-scenarios/scenarios: not found (pass scenario files, or keep them in the scenarios/ folder of the rule folder).\n`,
    );
  });

  it('documents exit code 1 for a failing scenario in --help', () => {
    const r = run(['rules', 'test', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Exit code 1 when a scenario's outcome differs from what it expects.");
  });
});

describe('tip-coord rules doc', () => {
  it('writes the rule base as a review document in plain words', () => {
    const r = run(['rules', 'doc']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^# Rule base “tip-coord default rules” 1\.0\.0: review document\n/);
    expect(md).toContain('## How the primary mechanism is chosen');
    expect(md).toMatch(
      /^\| 10 \| Transition, with a national system that can take the work over \(`nl-transition-handover`\) \|/m,
    );
    expect(md).toMatch(/^\| 100 \| .*`fp-fallback`.* \| Always applies\. \|$/m);
    expect(md).toContain('### Primary rules that can hold together');
    expect(md).toContain('| Rule | Conditions | Outcome | Sources |');
    expect(md).toContain(
      "The government's stance on the subject is “Reluctant to acknowledge it; may forbid the word” or “Acknowledges only some forms”",
    );
    expect(md).toContain('Primary when no other primary rule holds (fallback, order 100)');
    expect(md).toContain('## Consistency checks');
    // Every mechanism, caution and action has its section, every rule its row, and no placeholder is left.
    for (const dir of ['mechanisms', 'cautions', 'actions'])
      for (const f of ['working_group', 'terminology', 'training']
        .map((n) => join(ROOT, 'rules', dir, `${n}.json`))
        .filter(existsSync)) {
        const item = JSON.parse(readFileSync(f, 'utf8'));
        expect(md).toContain(`### ${item.title} (\`${item.id}\`)`);
        for (const rule of item.rules) expect(md).toContain(`(\`${rule.id}\`) |`);
      }
    expect(md).not.toMatch(/\{\w+\}/);
    // Every source cited in a table is listed at the end.
    for (const id of new Set(
      [...md.matchAll(/\| ((?:S\d+|ST2018)(?:, (?:S\d+|ST2018))*) \|$/gm)].flatMap((m) => m[1]!.split(', ')),
    ))
      expect(md).toContain(`- **${id}**: `);
    expect(run(['rules', 'doc']).stdout).toBe(md);
  });

  it('writes --out without replacing a file unless --force', () => {
    const out = join(tmp, 'review.md');
    const r = run(['rules', 'doc', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Review document written to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(run(['rules', 'doc']).stdout);
    const again = run(['rules', 'doc', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`tip-coord: ${out} already exists (choose another --out or add --force).\n`);
    expect(run(['rules', 'doc', '--out', out, '--force']).code).toBe(0);
  });
});

describe('tip-coord rules init and --rules', () => {
  it('copies the built-in rule base, refusing a non-empty folder unless --force', () => {
    const dir = join(tmp, 'init-target');
    const r = run(['rules', 'init', dir, '--name', 'Country X rules']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Copied the built-in rule base to ${dir} as rule set “Country X rules”.`);
    const ruleset = JSON.parse(readFileSync(join(dir, 'ruleset.json'), 'utf8'));
    expect(ruleset.name).toBe('Country X rules');
    expect(ruleset.basedOn).toMatchObject({ name: 'tip-coord default rules', version: '1.0.0' });
    // The same bytes, but for "$schema", which points at the package's schemas/ from the copy's place.
    expect(noSchema(readFileSync(join(dir, 'mechanisms', 'working_group.json'), 'utf8'))).toBe(
      noSchema(readFileSync(join(ROOT, 'rules', 'mechanisms', 'working_group.json'), 'utf8')),
    );
    const again = run(['rules', 'init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is not empty');
    expect(run(['rules', 'init', dir, '--force', '--name', 'Country X rules']).code).toBe(0);
    const file = writeJson('not-a-folder', {});
    expect(run(['rules', 'init', file]).stderr).toContain('exists and is not a folder');
    // An empty folder is fine.
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect(run(['rules', 'init', empty]).code).toBe(0);
    expect(existsSync(join(empty, 'questions.json'))).toBe(true);
  });

  it('copies the scenario tests with the rules: `rules test --rules` passes on a fresh copy, from any folder', () => {
    const dir = join(tmp, 'init-with-scenarios');
    expect(run(['rules', 'init', dir, '--name', 'Country Y rules']).code).toBe(0);
    const builtIn = readdirSync(join(ROOT, 'rules', 'scenarios')).sort();
    expect(builtIn.length).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'scenarios')).sort()).toEqual(builtIn);
    for (const f of builtIn)
      expect(noSchema(readFileSync(join(dir, 'scenarios', f), 'utf8'))).toBe(
        noSchema(readFileSync(join(ROOT, 'rules', 'scenarios', f), 'utf8')),
      );
    const r = run(['rules', 'test', '--rules', dir], { NO_COLOR: '1' }, tmp);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${builtIn.length} scenarios, rule set “Country Y rules” 1\\.0\\.0, from folder init-with-scenarios$`,
        'm',
      ),
    );
    expect(r.stdout).toContain(`${builtIn.length} passed, 0 failed.`);
    // The scenarios are not rules: the copy with them validates.
    expect(run(['rules', 'validate', '--rules', dir]).code).toBe(0);
  });

  it('a contextualised copy changes the outcome of assess --rules, and the report names it', () => {
    // Country X: a deployable counter-trafficking specialist can chair a working group too.
    const dir = copyWith(
      'mechanisms/working_group.json',
      (j) => {
        j.rules[2].conditions.all[3] = {
          fact: 'leadCapacity',
          operator: 'in',
          value: ['agency_can_lead', 'specialist_available'],
        };
      },
      true,
    );
    const answers = writeJson('specialist.json', {
      version: 1,
      answers: {
        tipEvidence: 'documented',
        tipScale: 'significant',
        antiTipActors: 'in_cluster',
        leadCapacity: 'specialist_available',
        governmentStance: 'engaged',
        meetingLoad: 'low',
      },
    });
    const builtIn = JSON.parse(
      run(['assess', '--answers', answers, '--format', 'json', '--date', '2026-01-01']).stdout,
    );
    const copied = run(['assess', '--rules', dir, '--answers', answers, '--format', 'json', '--date', '2026-01-01']);
    expect(copied.code, copied.stderr).toBe(0);
    const result = JSON.parse(copied.stdout);
    expect(builtIn.primary).toBe('focal_point');
    expect(result.primary).toBe('working_group');
    expect(result.stamp.ruleSet).toMatchObject({
      name: `Copy ${copies}`,
      version: '1.0.0',
      folder: dir.split('/').pop(),
    });
    expect(builtIn.stamp.ruleSet.folder).toBeNull();
    expect(result.stamp.ruleSet.hash).not.toBe(builtIn.stamp.ruleSet.hash);

    const out = join(tmp, 'reports');
    const md = run(['assess', '--rules', dir, '--answers', answers, '--out', out, '--date', '2026-01-01']);
    expect(md.code).toBe(0);
    const report = readFileSync(md.stdout.trim(), 'utf8');
    expect(report).toContain(`rule set “Copy ${copies}” 1.0.0, from folder ${dir.split('/').pop()} (`);

    // The copy validates, and the built-in scenarios show what the change altered.
    expect(run(['rules', 'validate', '--rules', dir, '--deep', '--samples', '50']).code).toBe(0);
    const doc = run(['rules', 'doc', '--rules', dir]).stdout;
    expect(doc).toContain(`# Rule base “Copy ${copies}” 1.0.0: review document`);
    expect(doc).toContain('A contextualised copy of “tip-coord default rules” 1.0.0');
    expect(doc).toContain(
      'Who could lead is “An agency is able and willing to chair” or “A counter-trafficking specialist can be deployed”',
    );
  }, 300_000);
});
