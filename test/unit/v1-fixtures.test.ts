import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, describeMigration, migrateV1Answers, validateAnswersFile } from '../../src/core/answers.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { recommend } from '../../src/core/recommend.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { loadScenario } from '../../src/rules/scenarios.js';

/**
 * Every example and scenario file as it was before answers version 2 (issue 12), kept in
 * test/fixtures/v1: each still loads, is read as version 2, and gives the outcome pinned here.
 */
const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
const dir = join(import.meta.dirname, '..', 'fixtures', 'v1');
const list = (sub: string): string[] =>
  readdirSync(join(dir, sub))
    .filter((f) => f.endsWith('.json'))
    .sort();

/**
 * Primary and cautions of each version-1 file, read as version 2. The primaries are those of
 * version 1, except where the exploitation pattern now decides: complicity no longer sends
 * unknown forms to the AoRs, no evidence puts the documents first, domestic servitude goes to
 * general protection, anecdotal sexual exploitation of women to the GBV AoR; refugees bring the
 * detention caution.
 */
const PINNED: Record<string, { primary: string; cautions: string[] }> = {
  'aor-child-protection.json': { primary: 'aor_integration', cautions: ['data_protection', 'rule_of_law'] },
  'aor-implicated-authorities.json': {
    primary: 'focal_point',
    cautions: ['data_protection', 'no_data', 'rule_of_law'],
  },
  'aor-resists-terminology.json': { primary: 'aor_integration', cautions: ['data_protection', 'terminology'] },
  'aor-selective-government.json': { primary: 'aor_integration', cautions: ['terminology'] },
  'cross-response-learning.json': { primary: 'strategy_inclusion', cautions: ['no_data', 'parallel_system'] },
  'focal-point-all-unknown.json': { primary: 'focal_point', cautions: ['no_data'] },
  'focal-point-high-load.json': { primary: 'focal_point', cautions: ['data_protection', 'meeting_load'] },
  'focal-point-outside-actors.json': { primary: 'focal_point', cautions: [] },
  'national-linkage-engaged.json': {
    primary: 'protection_case_management',
    cautions: ['no_data', 'overlooked_groups'],
  },
  'strategy-inclusion-window.json': { primary: 'aor_integration', cautions: ['no_data'] },
  'wg-refugee-documented.json': {
    primary: 'working_group',
    cautions: ['data_protection', 'immigration_enforcement', 'overlooked_groups', 'parallel_system'],
  },
  'wg-widespread-high-load.json': {
    primary: 'working_group',
    cautions: ['data_protection', 'meeting_load', 'overlooked_groups'],
  },
  'all-unknown.json': { primary: 'focal_point', cautions: ['no_data'] },
  'refugee-wg-documented.json': {
    primary: 'working_group',
    cautions: ['data_protection', 'immigration_enforcement', 'overlooked_groups', 'parallel_system'],
  },
};

const outcomeOf = async (answers: Parameters<typeof completeAnswers>[1]) => {
  const o = recommend(rules, await evaluator.evaluate(completeAnswers(rules, answers)));
  return { primary: o.primary, cautions: o.cautions.map((c) => c.id).sort() };
};

describe('version-1 answers files (test/fixtures/v1)', () => {
  it('keeps every example and scenario file of version 1', () => {
    expect([...list('examples'), ...list('scenarios')].sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(list('examples'))('examples/%s loads, is read as version 2 and gives its pinned outcome', async (f) => {
    const raw = JSON.parse(readFileSync(join(dir, 'examples', f), 'utf8'));
    expect(raw.version).toBe(1);
    const file = validateAnswersFile(raw, rules, f);
    expect(file.version).toBe(2);
    expect(file.migratedFrom).toBe(1);
    expect(await outcomeOf(file.answers)).toEqual(PINNED[f]);
  });

  it.each(list('scenarios'))('scenarios/%s loads, is read as version 2 and gives its pinned outcome', async (f) => {
    const s = loadScenario(join(dir, 'scenarios', f), rules);
    expect(s.notice).toMatch(/version 1, read as version 2/);
    expect(await outcomeOf(s.answers)).toEqual(PINNED[f]);
  });
});

describe('migrateV1Answers', () => {
  it('reads "implicated" as suspected complicity and an unknown stance, and a single actor as a list', () => {
    const { answers, notes } = migrateV1Answers({
      governmentStance: 'implicated',
      antiTipActors: 'none',
      phase: 'acute',
    });
    expect(answers).toEqual({
      governmentStance: 'unknown',
      officialComplicity: 'suspected',
      antiTipActors: [],
      phase: 'acute',
    });
    expect(notes.map((n) => n.id)).toEqual(['governmentStance', 'antiTipActors']);
    const line = describeMigration(rules, 'f.json', notes);
    expect(line).toContain(
      'governmentStance "implicated" read as officialComplicity "suspected", governmentStance "unknown"',
    );
    expect(line).toContain('antiTipActors "none" read as antiTipActors []');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('drops nothing: an explicit officialComplicity is kept, other answers pass through, unknown stays unknown', () => {
    const raw = {
      governmentStance: 'implicated',
      officialComplicity: 'documented',
      antiTipActors: 'unknown',
      tipScale: 'isolated',
    };
    const { answers, notes } = migrateV1Answers(raw);
    expect(answers).toEqual({
      governmentStance: 'unknown',
      officialComplicity: 'documented',
      antiTipActors: 'unknown',
      tipScale: 'isolated',
    });
    expect(notes).toEqual([
      { id: 'governmentStance', from: 'implicated', to: [{ id: 'governmentStance', value: 'unknown' }] },
    ]);
    // Pure: the input is not changed.
    expect(raw.governmentStance).toBe('implicated');
  });

  it('a version-2 file is read as is, with no migration', () => {
    const f = validateAnswersFile({ version: 2, answers: { antiTipActors: ['in_cluster'] } }, rules, 'f');
    expect(f.migration).toBeUndefined();
    expect(() => validateAnswersFile({ version: 2, answers: { governmentStance: 'implicated' } }, rules, 'f')).toThrow(
      /"implicated"/,
    );
  });
});
