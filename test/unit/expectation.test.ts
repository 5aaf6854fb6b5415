import { describe, expect, it } from 'vitest';
import { expectationShape } from '../../src/core/shapes/expectation.js';
import { shapeProblems } from '../../src/core/shapes/problems.js';
import { toolTexts } from '../../src/core/texts.js';

const shape = expectationShape({ mechanisms: ['working_group', 'focal_point'], cautions: ['terminology'] });
const problems = (e: unknown): string[] =>
  shapeProblems(shape, e, toolTexts('en'), { prefix: ['expect'] }).map((p) => p.message);

describe('expectations (scenario files and invariants)', () => {
  it('accepts every key with known ids', () => {
    const e = {
      primary: 'focal_point',
      notPrimary: ['working_group'],
      includes: [],
      excludes: ['working_group'],
      cautions: ['terminology'],
      noCautions: [],
    };
    expect(problems(e)).toEqual([]);
  });

  it('names the key of each problem: unknown key, wrong type, unknown id', () => {
    expect(problems('focal_point')).toEqual(['"expect" must be an object, not a text']);
    expect(problems(undefined)).toEqual(['needs "expect" (an object)']);
    expect(
      problems({
        primry: 'x',
        primary: ['focal_point'],
        includes: 'working_group',
        cautions: ['working_group'],
        notPrimary: ['nope'],
      }),
    ).toEqual([
      'unknown key "expect.primry" (did you mean "primary"?); valid keys: "primary", "notPrimary", "includes", "excludes", "cautions", "noCautions", "verdict", "review", "textExcludes", "draftingSafe", "actions", "planOwners", "noPlanOwners"',
      '"expect.primary" has a list; valid: "working_group" or "focal_point"',
      '"expect.includes" must be a list (of "working_group" or "focal_point"), not a text',
      '"expect.cautions[0]" has "working_group"; valid: "terminology"',
      '"expect.notPrimary[0]" has "nope"; valid: "working_group" or "focal_point"',
    ]);
  });
});
