/**
 * What ships explains itself: the README, docs/, the source (its comments included), the rule
 * base, the examples, the schemas and the launcher never cite an issue number ("issue 12",
 * "#12") or a document the package does not hold (the project's domain briefs). Users have
 * neither; history lives in git, and rules cite public sources by title (rules/sources.json).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const SHIPPED = ['README.md', 'docs', 'src', 'rules', 'examples', 'schemas', 'bin'];
const TEXT = /\.(?:md|ts|js|json|html|css|txt)$/;

/** What a maintainer's note looks like, each with what it is called in a failure. */
const NOTES: ReadonlyArray<readonly [string, RegExp]> = [
  ['an issue number', /\bissues? #?\d+\b/i],
  // "#12" standing alone: not a colour (#333, three digits or more), an HTML entity (&#58;) or
  // an upstream project's issue (owner/repo#371, a public reference).
  ['an issue number', /(?:^|[\s([,;"'])#\d{1,2}(?=[\s).,;:\]"']|$)/],
  ['the domain brief', /\bdomain[- ]?briefs?\b/i],
  ['a brief by its file name', /\bdomain-brief(?:-\d)?\.md\b/i],
];

function* files(path: string): Generator<string> {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  } else if (TEXT.test(path)) yield path;
}

/** Every maintainer's note in `text`, as "line N: what (the words)". */
export function notesIn(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, pattern] of NOTES) {
      const m = pattern.exec(line);
      if (m) found.push(`line ${i + 1}: ${what} (${m[0].trim()})`);
    }
  });
  return found;
}

describe('no maintainer notes in shipped text', () => {
  it('the patterns catch what they are for, and leave alone what is not a note', () => {
    for (const note of [
      'escaped (issue 15).',
      'Issue 12: the review',
      'see #12 for why',
      '(#7)',
      'as the domain brief says',
      'domain-brief-2 §3',
      'Caution of the Domain Brief',
    ])
      expect(notesIn(note), note).not.toEqual([]);
    for (const fine of [
      'color: #333;',
      'fill="#1f77b4"',
      '&#58;',
      'mikaelbr/marked-terminal#371',
      'Human Trafficking (issue page)',
      'a decision brief',
      'S12, S14',
    ])
      expect(notesIn(fine), fine).toEqual([]);
  });

  it.each(SHIPPED)('%s: no issue number, no domain brief', (top) => {
    const found: string[] = [];
    for (const file of files(join(ROOT, top)))
      for (const note of notesIn(readFileSync(file, 'utf8'))) found.push(`${relative(ROOT, file)}: ${note}`);
    expect(found).toEqual([]);
  });
});
