import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/core/suggest.js';

describe('did you mean', () => {
  it('counts a letter added, removed, changed, or two letters swapped as one edit', () => {
    expect(editDistance('assess', 'assess')).toBe(0);
    expect(editDistance('asess', 'assess')).toBe(1);
    expect(editDistance('assesss', 'assess')).toBe(1);
    expect(editDistance('assecs', 'assess')).toBe(1);
    expect(editDistance('asssee', 'assess')).toBe(2);
    expect(editDistance('sasess', 'assess')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the nearest candidate, ignoring case, and nothing when none is near', () => {
    const commands = ['assess', 'explain', 'compare', 'draft', 'batch', 'rules', 'help'];
    expect(closest('asess', commands)).toBe('assess');
    expect(closest('EXPLIAN', commands)).toBe('explain');
    expect(closest('rule', commands)).toBe('rules');
    expect(closest('frobnicate', commands)).toBeUndefined();
    expect(closest('x', ['md', 'json'])).toBeUndefined();
    expect(closest('jsn', ['md', 'html', 'json'])).toBe('json');
    expect(closest('--answerz', ['--answers', '--set', '--format'])).toBe('--answers');
  });
});
