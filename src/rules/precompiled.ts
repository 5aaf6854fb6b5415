/**
 * The built-in rule base, checked once at build time: `npm run build` validates the rules folder
 * the package ships (as `rules validate` does) and writes each language's parsed rule base beside
 * the bundle (dist/rulebase.<lang>.json), with a digest of the files it was made from. A run that
 * uses the built-in rules reads that copy instead of parsing and checking about forty files again,
 * but only once the files on disk are known to be the same (their sizes and times, else their
 * digest): a rule file changed, added or removed since the build, and the run reads and checks the
 * folder as if there were no copy. A `--rules` folder is always read and checked in full.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../core/lang.js';
import type { MessageKey } from '../core/message-keys.js';
import { toolTexts } from '../core/texts.js';
import type { RuleBase, Source, Texts } from '../core/types.js';
import { walkRuleFiles } from './rule-files.js';

/** Changes when the shape of the file below changes. */
const FORMAT = 3;

/** The time npm gives every file it packs (and so every file of an installed package). */
const NPM_PACK_MTIME = Date.UTC(1985, 9, 26, 8, 15);
/**
 * A file changed this close to the recording may have been changed again within the same tick
 * of the file system's clock, leaving its time as recorded: its bytes are digested instead
 * (git's "racily clean" files).
 */
const RACY_MS = 3000;

interface Precompiled {
  format: number;
  /** The build that wrote it: a copy is only read by the bundle it was built with. */
  build: string;
  lang: Lang;
  /** sha256 over every rule file's path and bytes (see filesDigest). */
  files: string;
  /** Each rule file's size and modification time when the copy was made, and that time. */
  stats: { recordedAt: number; files: Record<string, [size: number, mtimeMs: number]> };
  /**
   * The rule base, its maps as lists and without its folder (set where it is read), and of its
   * messages only those that are not the tool's own texts as the bundle holds them (about half
   * of them, an eighth of the file): the bundle that reads the copy is the one that wrote it.
   */
  ruleBase: Omit<RuleBase, 'dir' | 'questionById' | 'sources' | 'messages'> & {
    sources: [string, Source][];
    messages: Partial<Texts<MessageKey>>;
  };
}

export const precompiledFile = (dir: string, lang: Lang): string => join(dir, `rulebase.${lang}.json`);

/**
 * A digest of the files a rule base is read from: their paths and bytes, in the order loading
 * reads them. Undefined when the folder cannot be walked or a file read: loading then says why.
 */
export function filesDigest(rulesDir: string): string | undefined {
  const hash = createHash('sha256');
  try {
    walkRuleFiles(
      rulesDir,
      {},
      (_path, step) => step(),
      (rel, full) => {
        hash.update(`${rel}\0`);
        hash.update(readFileSync(full));
        hash.update('\0');
      },
    );
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/** Each rule file's size and modification time, by path (undefined when the folder cannot be walked). */
function fileStats(rulesDir: string): Record<string, [number, number]> | undefined {
  const stats: Record<string, [number, number]> = {};
  try {
    walkRuleFiles(
      rulesDir,
      {},
      (_path, step) => step(),
      (rel, _full, st) => {
        stats[rel] = [st.size, st.mtimeMs];
      },
    );
  } catch {
    return undefined;
  }
  return stats;
}

/**
 * Whether the rule files on disk are those the copy was made from, told from their sizes and
 * times where that is safe (the same files, each of the recorded size, with the recorded time,
 * or npm's, which an edit replaces) and from their bytes otherwise: the stat of forty files
 * costs a fraction of reading and digesting them, on every run.
 */
function unchanged(rulesDir: string, data: Precompiled): boolean {
  const now = fileStats(rulesDir);
  const then = data.stats.files;
  const same =
    now !== undefined &&
    Object.keys(now).length === Object.keys(then).length &&
    Object.entries(now).every(([rel, [size, mtime]]) => {
      const was = then[rel];
      return (
        was !== undefined &&
        size === was[0] &&
        (mtime === NPM_PACK_MTIME || mtime === was[1]) &&
        was[1] < data.stats.recordedAt - RACY_MS
      );
    });
  return same || filesDigest(rulesDir) === data.files;
}

/**
 * The rule base precompiled for `rulesDir` in `lang` by the build `build`, when it is fresh:
 * written by this build, in this language, from the files on disk now (see unchanged).
 * Undefined otherwise (no copy, another build, a rule file changed since): the caller then
 * reads and checks the folder itself.
 */
export function readPrecompiled(
  precompiledDir: string,
  rulesDir: string,
  lang: Lang,
  build: string | undefined,
): RuleBase | undefined {
  if (build === undefined) return undefined;
  let data: Precompiled;
  try {
    data = JSON.parse(readFileSync(precompiledFile(precompiledDir, lang), 'utf8')) as Precompiled;
  } catch {
    return undefined;
  }
  if (data.format !== FORMAT || data.build !== build || data.lang !== lang) return undefined;
  if (!unchanged(rulesDir, data)) return undefined;
  const rb = data.ruleBase;
  return {
    ...rb,
    messages: { ...toolTexts(lang), ...rb.messages } as Texts<MessageKey>,
    dir: resolve(rulesDir),
    questionById: new Map(rb.questions.map((q) => [q.id, q])),
    sources: new Map(rb.sources),
  };
}

/**
 * Writes the precompiled copy of a rule base (checked by the caller) for the build `build`.
 * The parsed rule base is plain data but for its two maps; questionById holds the very objects
 * of `questions`, so it is rebuilt from them rather than written twice.
 */
export function writePrecompiled(precompiledDir: string, rulesDir: string, ruleBase: RuleBase, build: string): string {
  const recordedAt = Date.now();
  const files = filesDigest(rulesDir);
  const stats = fileStats(rulesDir);
  if (files === undefined || stats === undefined) throw new Error(`cannot read the rules folder ${rulesDir}`);
  const { dir: _dir, questionById: _byId, sources, messages, ...rest } = ruleBase;
  const tool: Readonly<Record<string, string>> = toolTexts(ruleBase.lang);
  const own = Object.fromEntries(Object.entries(messages).filter(([key, text]) => tool[key] !== text));
  const data: Precompiled = {
    format: FORMAT,
    build,
    lang: ruleBase.lang,
    files,
    stats: { recordedAt, files: stats },
    ruleBase: { ...rest, sources: [...sources], messages: own },
  };
  const path = precompiledFile(precompiledDir, ruleBase.lang);
  // ASCII only (anything else as a \u escape): Node reads ASCII text into a one-byte string, and
  // parses it, faster than text with accents or dashes, which makes a two-byte string.
  writeFileSync(path, `${JSON.stringify(data).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`);
  return path;
}
