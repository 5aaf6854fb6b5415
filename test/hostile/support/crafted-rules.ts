/**
 * A small rule folder crafted so that every pair of its primary rules costs the checker a full
 * search : each rule asks for any known answer to fifteen
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

export interface CraftOptions {
  /** Each rule also asks for `any` of this many conditions, so that every step of a search costs that much more. */
  width?: number;
  /** The crafted rules' role: "primary" (checked pairwise) or "complementary" (evaluated only). */
  role?: 'primary' | 'complementary';
}

export function craftRules(dir: string, bin: string, count = 12, opts: CraftOptions = {}): void {
  const { width = 0, role = 'primary' } = opts;
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
  const wide = (i: number) =>
    width > 0
      ? [
          {
            any: Array.from({ length: width }, (_, k) => ({
              fact: QUESTIONS[(i + k) % QUESTIONS.length]!,
              operator: 'in',
              value: known(QUESTIONS[(i + k) % QUESTIONS.length]!),
            })),
          },
        ]
      : [];
  const { order: _order, ...rest } = template;
  base.rules = [
    ...base.rules,
    ...Array.from({ length: count }, (_, i) => ({
      ...rest,
      id: `crafted-${i}`,
      role,
      // Between the built-in primary rules' orders (65 is taken) and the fallback's (100).
      ...(role === 'primary' ? { order: 70 + i } : {}),
      conditions: {
        all: [
          ...QUESTIONS.map((id) => ({ fact: id, operator: 'in', value: known(id) })),
          { fact: 'responseType', operator: 'equal', value: types[i % 3] },
          { fact: 'tipForms', operator: 'contains', value: i % 2 ? 'forced_labour' : 'sexual_exploitation' },
          ...wide(i),
        ],
      },
    })),
  ];
  // Compact when large: a rule file holds at most 1 MB.
  writeFileSync(
    join(dir, 'mechanisms', 'working_group.json'),
    JSON.stringify(base, null, width > 0 || count > 100 ? 0 : 2),
  );
  // Room for more than 39 primary rules before the fallback (order 100): it goes last.
  if (role === 'primary' && count > 39) {
    const fpPath = join(dir, 'mechanisms', 'focal_point.json');
    const fp = JSON.parse(readFileSync(fpPath, 'utf8')) as { rules: Array<{ order?: number }> };
    for (const r of fp.rules) if (r.order === 100) r.order = 100_000;
    writeFileSync(fpPath, JSON.stringify(fp, null, 2));
  }
  // Their French: the template's.
  const frPath = join(dir, 'locales', 'fr.json');
  const fr = JSON.parse(readFileSync(frPath, 'utf8')) as Record<string, string>;
  const prefix = `rules.${String(template.id)}.`;
  for (const [k, v] of Object.entries(fr))
    if (k.startsWith(prefix)) for (let i = 0; i < count; i++) fr[`rules.crafted-${i}.${k.slice(prefix.length)}`] = v;
  writeFileSync(frPath, JSON.stringify(fr, null, 2));
}
