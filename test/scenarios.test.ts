import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../src/core/evaluate.js';
import { recommend } from '../src/core/recommend.js';
import { DEFAULT_RULES_DIR, loadRuleBase, scenarioFolder } from '../src/rules/folder.js';
import { checkScenario, loadScenario } from '../src/rules/scenarios.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
// The scenario tests travel with the rules (rules init copies them; rules test reads them).
const dir = scenarioFolder(DEFAULT_RULES_DIR);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('scenarios (rules/scenarios/*.json)', () => {
  it.each(files)('%s', async (file) => {
    const s = loadScenario(join(dir, file), rules);
    const outcome = recommend(rules, await evaluator.evaluate(s.answers));
    expect(checkScenario(outcome, s.expect)).toEqual([]);
    // Every recommendation is explained and sourced.
    for (const r of outcome.recommendations) {
      expect(r.why.length).toBeGreaterThan(0);
      expect(r.sources.length).toBeGreaterThan(0);
    }
    for (const c of outcome.cautions) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('cover every mechanism as primary and every caution', () => {
    const scenarios = files.map((f) => loadScenario(join(dir, f), rules));
    const primaries = new Set(scenarios.map((s) => s.expect.primary));
    for (const m of rules.mechanisms) expect(primaries, `no scenario has ${m.id} as primary`).toContain(m.id);
    const cautions = new Set(scenarios.flatMap((s) => s.expect.cautions ?? []));
    for (const c of rules.cautions) expect(cautions, `no scenario expects caution ${c.id}`).toContain(c.id);
  });
});
