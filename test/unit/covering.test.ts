import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countCombinations,
  CoverageCount,
  coveringArray,
  missingCombinations,
  subsets,
} from '../../src/rules/covering.js';
import { coveringAnswers, representativeAnswers } from '../../src/rules/deep.js';
import { loadRuleBase } from '../../src/rules/folder.js';

/**
 * A naive check written apart from src/covering.ts: for every set of t columns, list every
 * combination of their values by brute force and look for a row showing it.
 */
function uncovered(rows: number[][], sizes: number[], t: number): string[] {
  const missing: string[] = [];
  const columnSets: number[][] = [];
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === t) return void columnSets.push(chosen);
    for (let j = from; j < sizes.length; j++) pick(j + 1, [...chosen, j]);
  };
  pick(0, []);
  for (const cols of columnSets) {
    let combos: number[][] = [[]];
    for (const j of cols) combos = combos.flatMap((c) => Array.from({ length: sizes[j]! }, (_, v) => [...c, v]));
    for (const values of combos)
      if (!rows.some((r) => cols.every((j, i) => r[j] === values[i])))
        missing.push(`${cols.join(',')}=${values.join(',')}`);
  }
  return missing;
}

function inRange(rows: number[][], sizes: number[]): boolean {
  return rows.every(
    (r) => r.length === sizes.length && r.every((v, j) => Number.isInteger(v) && v >= 0 && v < sizes[j]!),
  );
}

describe('covering arrays (IPOG)', () => {
  it('covers every 3-way combination of a small synthetic parameter set', () => {
    const sizes = [3, 4, 2, 5, 3, 2, 4, 3];
    const rows = coveringArray(sizes, 3);
    expect(inRange(rows, sizes)).toBe(true);
    expect(uncovered(rows, sizes, 3)).toEqual([]);
    expect(missingCombinations(rows, sizes, 3)).toEqual([]);
    // Far fewer rows than the full product (34,560), at least the product of the 3 largest columns.
    expect(rows.length).toBeGreaterThanOrEqual(5 * 4 * 4);
    expect(rows.length).toBeLessThan(200);
  });

  it('covers every t-way combination for random column sizes and strengths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (sizes, t) => {
          const rows = coveringArray(sizes, t);
          expect(inRange(rows, sizes)).toBe(true);
          expect(uncovered(rows, sizes, Math.min(t, sizes.length))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports what a deficient array misses', () => {
    const sizes = [2, 2, 2];
    const rows = coveringArray(sizes, 2).slice(1);
    expect(missingCombinations(rows, sizes, 2).length).toBeGreaterThan(0);
    expect(missingCombinations(rows, sizes, 2)).toHaveLength(uncovered(rows, sizes, 2).length);
  });

  it('counts the combinations a part of an array covers (a deep check stopped by its time budget)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (sizes, t, cut) => {
          const strength = Math.min(t, sizes.length);
          const rows = coveringArray(sizes, strength);
          const part = rows.slice(0, cut % (rows.length + 1));
          const count = new CoverageCount(sizes, strength);
          for (const row of part) count.add(row);
          const all = countCombinations(sizes, strength);
          expect(count.covered).toBe(all - uncovered(part, sizes, strength).length);
          if (part.length === rows.length) expect(count.covered).toBe(all);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts combinations and subsets', () => {
    expect(subsets(4, 2)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
    expect(countCombinations([2, 3, 4], 2)).toBe(2 * 3 + 2 * 4 + 3 * 4);
    expect(countCombinations([2, 3], 3)).toBe(0);
    expect(() => coveringArray([2, 0], 2)).toThrow(RangeError);
  });

  it('covers every 3-way combination of answer values over the real questionnaire', () => {
    const rules = loadRuleBase();
    const domains = rules.questions.map(representativeAnswers);
    const sizes = domains.map((d) => d.length);
    const { sets, combinations } = coveringAnswers(rules, 3);
    expect(combinations).toBe(countCombinations(sizes, 3));
    // Map each answer set back to value indices and check it independently.
    const rows = sets.map((answers) =>
      rules.questions.map((q, j) => domains[j]!.findIndex((v) => JSON.stringify(v) === JSON.stringify(answers[q.id]))),
    );
    expect(inRange(rows, sizes)).toBe(true);
    expect(missingCombinations(rows, sizes, 3, 1)).toEqual([]);
    expect(uncovered(rows, sizes, 3)).toEqual([]);
  });

  it('tries empty, unknown, single and combined answers to list questions', () => {
    const q = loadRuleBase().questionById.get('affectedGroups')!;
    expect(representativeAnswers(q)).toEqual([
      [],
      'unknown',
      ['women'],
      ['girls'],
      ['boys'],
      ['men'],
      ['women', 'girls', 'boys', 'men'],
      ['women', 'girls'],
      ['boys', 'men'],
    ]);
  });
});
