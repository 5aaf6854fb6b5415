import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const source = readFileSync(join(ROOT, 'src', 'cli.cts'), 'utf8');
const catalog = JSON.parse(readFileSync(join(ROOT, 'rules', 'locales', 'cli.fr.json'), 'utf8')) as Record<
  string,
  string
>;

/** Every English text of the help: the literal argument of each h(...) in cli.cts, and RULES_OPTION. */
const english = new Set<string>();
for (const m of source.matchAll(/\bh\(\s*(['"])((?:\\.|(?!\1).)*)\1,?\s*\)/g))
  english.add(m[2]!.replace(/\\(['"])/g, '$1'));
english.add(/const RULES_OPTION = '((?:\\.|[^'])*)'/.exec(source)![1]!);
// Commander's section titles, passed to h() through styleTitle.
for (const t of ['Usage:', 'Options:', 'Commands:', 'Arguments:']) english.add(t);

describe('the command line in French (rules/locales/cli.fr.json)', () => {
  it('has every help text, and nothing the help no longer says', () => {
    expect(english.size).toBeGreaterThan(60);
    const missing = [...english].filter((e) => !catalog[e]?.trim());
    expect(missing).toEqual([]);
    const unused = Object.keys(catalog).filter(
      (k) => k !== '$comment' && !k.startsWith('commander:') && k !== 'Global Options:' && !english.has(k),
    );
    expect(unused).toEqual([]);
  });

  it('keeps commander patterns usable: one {0} in the English and in the French', () => {
    for (const [k, v] of Object.entries(catalog).filter(([k]) => k.startsWith('commander:'))) {
      expect(k.split('{0}').length, k).toBe(2);
      expect(v.split('{0}').length, k).toBe(2);
    }
  });

  it('leaves command lines and flags untranslated', () => {
    for (const e of english) {
      for (const flag of e.match(/--[a-z-]+/g) ?? []) expect(catalog[e], `${e} -> ${catalog[e]}`).toContain(flag);
    }
  });
});
