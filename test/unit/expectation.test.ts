import { describe, expect, it } from 'vitest';
import { expectationProblems } from '../../src/core/expectation.js';

const mechanisms = ['working_group', 'focal_point'];
const cautions = ['terminology'];

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
    expect(expectationProblems(e, mechanisms, cautions)).toEqual([]);
  });

  it('names the key of each problem: unknown key, wrong type, unknown id', () => {
    expect(expectationProblems('focal_point', mechanisms, cautions)).toEqual([
      '"expect" must be an object with any of primary, notPrimary, includes, excludes, cautions, noCautions, verdict, review, textExcludes, draftingSafe, actions, planOwners, noPlanOwners',
    ]);
    expect(
      expectationProblems(
        {
          primry: 'x',
          primary: ['focal_point'],
          includes: 'working_group',
          cautions: ['working_group'],
          notPrimary: ['nope'],
        },
        mechanisms,
        cautions,
      ),
    ).toEqual([
      'unknown key "expect.primry"; valid: primary, notPrimary, includes, excludes, cautions, noCautions, verdict, review, textExcludes, draftingSafe, actions, planOwners, noPlanOwners',
      '"expect.primary" must be a mechanism id',
      '"expect.includes" must be a list of ids',
      '"expect.cautions": "working_group" is not a caution; valid: terminology',
      '"expect.notPrimary": "nope" is not a mechanism; valid: working_group, focal_point',
    ]);
  });
});
