/**
 * The precompiled rule base (src/rules/precompiled.ts): read back, it is the rule base parsing
 * gives, and it is never read once a rule file differs from those it was made from.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/lang.js';
import type { RuleBase } from '../../src/core/types.js';
import { DEFAULT_RULES_DIR, readRuleBase } from '../../src/rules/folder.js';
import { filesDigest, precompiledFile, readPrecompiled, writePrecompiled } from '../../src/rules/precompiled.js';

const BUILD = 'test-build';

describe('the precompiled rule base', () => {
  let tmp: string;
  let rules: string;
  let out: string;
  const parsed = (lang: (typeof LANGS)[number]): RuleBase => {
    const { ruleBase, problems } = readRuleBase(rules, lang);
    expect(problems).toEqual([]);
    return ruleBase!;
  };

  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-precompiled-'));
    rules = join(tmp, 'rules');
    out = join(tmp, 'dist');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    mkdirSync(out);
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(LANGS)('read back in %s, is the rule base that parsing the folder gives', (lang) => {
    const rb = parsed(lang);
    writePrecompiled(out, rules, rb, BUILD);
    const back = readPrecompiled(out, rules, lang, BUILD);
    expect(back).toStrictEqual(rb);
    // The questions the map holds are the questions of the list, as when parsed.
    for (const q of back!.questions) expect(back!.questionById.get(q.id)).toBe(q);
  });

  it('keeps the folder a run names, not the one it was built in', () => {
    writePrecompiled(out, rules, parsed('en'), BUILD);
    const moved = join(tmp, 'moved');
    cpSync(rules, moved, { recursive: true });
    expect(readPrecompiled(out, moved, 'en', BUILD)?.dir).toBe(moved);
  });

  describe('is not read', () => {
    beforeEach(() => {
      writePrecompiled(out, rules, parsed('en'), BUILD);
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeDefined();
    });

    it('once a rule file changed, even by one byte of the same length', () => {
      const file = join(rules, 'mechanisms', 'working_group.json');
      const text = readFileSync(file, 'utf8');
      const i = text.indexOf('"title": "') + '"title": "'.length;
      const changed = `${text.slice(0, i)}${text[i] === 'X' ? 'Y' : 'X'}${text.slice(i + 1)}`;
      expect(changed.length).toBe(text.length);
      writeFileSync(file, changed);
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });

    it('once a rule file is added or removed', () => {
      writeFileSync(join(rules, 'cautions', 'zz-new.json'), '{}');
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
      unlinkSync(join(rules, 'cautions', 'zz-new.json'));
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeDefined();
      unlinkSync(join(rules, 'cautions', 'terminology.json'));
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });

    it('once a translation changed, whatever the language asked for', () => {
      const file = join(rules, 'locales', 'fr.json');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });

    it('by another build, in another language, or when the copy is damaged or missing', () => {
      expect(readPrecompiled(out, rules, 'en', 'another-build')).toBeUndefined();
      expect(readPrecompiled(out, rules, 'en', undefined)).toBeUndefined();
      expect(readPrecompiled(out, rules, 'fr', BUILD)).toBeUndefined();
      writeFileSync(precompiledFile(out, 'en'), readFileSync(precompiledFile(out, 'en'), 'utf8').slice(0, 1000));
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
      rmSync(precompiledFile(out, 'en'));
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });
  });

  describe('tells unchanged files by their sizes and times, where that is safe', () => {
    const ruleFiles = (): string[] =>
      (readdirSync(rules, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.json') && !f.startsWith('scenarios'))
        .map((f) => join(rules, f));
    const setTimes = (ms: number): void => {
      for (const f of ruleFiles()) utimesSync(f, ms / 1000, ms / 1000);
    };
    const anHourAgo = Date.now() - 3_600_000;
    /** The same length, another byte, and the file's time put back as it was. */
    const editKeepingTime = (file: string): void => {
      const { mtime } = statSync(file);
      const text = readFileSync(file, 'utf8');
      const i = text.indexOf('"title": "') + '"title": "'.length;
      writeFileSync(file, `${text.slice(0, i)}${text[i] === 'X' ? 'Y' : 'X'}${text.slice(i + 1)}`);
      utimesSync(file, mtime, mtime);
    };
    const file = (): string => join(rules, 'mechanisms', 'working_group.json');

    it('trusts files of the recorded size and time (as make and git do), without reading them', () => {
      setTimes(anHourAgo);
      writePrecompiled(out, rules, parsed('en'), BUILD);
      editKeepingTime(file());
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeDefined();
    });

    it("counts npm's packing time as unchanged: an installed package's files all have it", () => {
      setTimes(anHourAgo);
      writePrecompiled(out, rules, parsed('en'), BUILD);
      setTimes(Date.UTC(1985, 9, 26, 8, 15));
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeDefined();
      // An edit gives the file another time: then its bytes decide.
      writeFileSync(file(), `${readFileSync(file(), 'utf8')} `);
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });

    it('reads the bytes of a file whose size or time differs, and finds it the same when it is', () => {
      setTimes(anHourAgo);
      writePrecompiled(out, rules, parsed('en'), BUILD);
      setTimes(Date.now());
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeDefined();
    });

    it('does not trust the time of a file changed about when the copy was made', () => {
      // Changed within the same tick of the file system's clock, a file keeps its time.
      setTimes(Date.now() - 1000);
      writePrecompiled(out, rules, parsed('en'), BUILD);
      editKeepingTime(file());
      expect(readPrecompiled(out, rules, 'en', BUILD)).toBeUndefined();
    });
  });

  it('digests the files loading reads: scenario files are not part of it', () => {
    const before = filesDigest(rules);
    writeFileSync(join(rules, 'scenarios', 'zz-extra.json'), '{}');
    expect(filesDigest(rules)).toBe(before);
    writeFileSync(join(rules, 'ruleset.json'), `${readFileSync(join(rules, 'ruleset.json'), 'utf8')} `);
    expect(filesDigest(rules)).not.toBe(before);
    expect(filesDigest(join(tmp, 'nowhere'))).toBeUndefined();
  });
});
