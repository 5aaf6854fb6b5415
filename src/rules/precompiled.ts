/**
 * The built-in rule base, checked once at build time: `npm run build` validates the rules folder
 * the package ships (as `rules validate` does) and writes each language's parsed rule base beside
 * the bundle (dist/rulebase.<lang>.json), with a digest of the files it was made from. A run that
 * uses the built-in rules reads that copy instead of parsing and checking about forty files again,
 * but only after digesting the files on disk the same way: a rule file changed, added or removed
 * since the build gives another digest, and the run then reads and checks the folder as if there
 * were no copy. A `--rules` folder is always read and checked in full.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../core/lang.js';
import type { RuleBase, Source } from '../core/types.js';
import { walkRuleFiles } from './rule-files.js';

/** Changes when the shape of the file below changes. */
const FORMAT = 1;

interface Precompiled {
  format: number;
  /** The build that wrote it: a copy is only read by the bundle it was built with. */
  build: string;
  lang: Lang;
  /** sha256 over every rule file's path and bytes (see filesDigest). */
  files: string;
  /** The rule base, its maps as lists and without its folder (set where it is read). */
  ruleBase: Omit<RuleBase, 'dir' | 'questionById' | 'sources'> & { sources: [string, Source][] };
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

/**
 * The rule base precompiled for `rulesDir` in `lang` by the build `build`, when it is fresh:
 * written by this build, in this language, from files with the same digest as those on disk now.
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
  if (filesDigest(rulesDir) !== data.files) return undefined;
  const rb = data.ruleBase;
  return {
    ...rb,
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
  const files = filesDigest(rulesDir);
  if (files === undefined) throw new Error(`cannot read the rules folder ${rulesDir}`);
  const { dir: _dir, questionById: _byId, sources, ...rest } = ruleBase;
  const data: Precompiled = {
    format: FORMAT,
    build,
    lang: ruleBase.lang,
    files,
    ruleBase: { ...rest, sources: [...sources] },
  };
  const path = precompiledFile(precompiledDir, ruleBase.lang);
  writeFileSync(path, `${JSON.stringify(data)}\n`);
  return path;
}
