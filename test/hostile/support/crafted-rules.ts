/**
 * A small rule folder crafted so that every pair of its primary rules costs the checker a full
 * search (issue 15, "Analysis without bounds"): each rule asks for any known answer to fifteen
 * questions, then a response type the other rules exclude, so no search can prune early.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const QUESTIONS = [
  'phase',
  'tipScale',
  'tipEvidence',
  'officialComplicity',
  'nationalReferral',
  'ruleOfLaw',
  'governmentStance',
  'parallelResponses',
  'meetingLoad',
  'leadCapacity',
  'gbvAor',
  'cpAor',
  'referralPathways',
  'planningWindow',
  'expertiseElsewhere',
];

export function craftRules(dir: string, bin: string, count = 12): void {
  execFileSync(process.execPath, [bin, 'rules', 'init', dir, '--name', 'Crafted'], { stdio: 'ignore' });
  const questions = (
    JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as {
      questions: Array<{ id: string; choices?: Array<{ value: unknown }> }>;
    }
  ).questions;
  const known = (id: string): unknown[] => {
    const q = questions.find((x) => x.id === id)!;
    return q.choices ? q.choices.map((c) => c.value) : [true, false];
  };
  const base = JSON.parse(readFileSync(join(dir, 'mechanisms', 'working_group.json'), 'utf8')) as {
    rules: Array<Record<string, unknown>>;
  };
  // A primary rule that holds on the answers alone (not one that waits for a review's verdict).
  const template = base.rules.find((r) => r.role === 'primary' && !r.verdicts)!;
  const types = ['idp_cluster', 'refugee_response', 'mixed'];
  base.rules = [
    ...base.rules,
    ...Array.from({ length: count }, (_, i) => ({
      ...template,
      id: `crafted-${i}`,
      // Between the built-in primary rules' orders (65 is taken) and the fallback's (100).
      order: 70 + i,
      conditions: {
        all: [
          ...QUESTIONS.map((id) => ({ fact: id, operator: 'in', value: known(id) })),
          { fact: 'responseType', operator: 'equal', value: types[i % 3] },
          { fact: 'tipForms', operator: 'contains', value: i % 2 ? 'forced_labour' : 'sexual_exploitation' },
        ],
      },
    })),
  ];
  writeFileSync(join(dir, 'mechanisms', 'working_group.json'), JSON.stringify(base, null, 2));
  // Their French: the template's.
  const frPath = join(dir, 'locales', 'fr.json');
  const fr = JSON.parse(readFileSync(frPath, 'utf8')) as Record<string, string>;
  const prefix = `rules.${String(template.id)}.`;
  for (const [k, v] of Object.entries(fr))
    if (k.startsWith(prefix)) for (let i = 0; i < count; i++) fr[`rules.crafted-${i}.${k.slice(prefix.length)}`] = v;
  writeFileSync(frPath, JSON.stringify(fr, null, 2));
}
