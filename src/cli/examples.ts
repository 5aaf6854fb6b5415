import { isAbsolute, join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

/** The example answers files shipped with the package (examples/), by name. */
export const EXAMPLES = {
  documented: 'refugee-wg-documented.json',
  allUnknown: 'all-unknown.json',
  kobo: 'kobo-export.xlsx',
} as const;

/**
 * The path of an example answers file shipped with the package, as the user would type it from
 * the current folder: "examples/…" in a clone of the repository, the installed file's full path
 * anywhere else (an installed package's examples are not in the user's folder).
 */
export function examplePath(name: string = EXAMPLES.documented, cwd: string = process.cwd()): string {
  return shippedPath(['examples', name], cwd);
}

/**
 * A file shipped with the package (examples/, docs/), as the user would type it: relative to the
 * current folder when it lies below it, else its full path; quoted for the shell when needed.
 */
export function shippedPath(parts: readonly string[], cwd: string = process.cwd()): string {
  const file = join(PACKAGE_ROOT, ...parts);
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : file;
  return /^[\w./:\\-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
}

/** A page of the documentation shipped with the package (docs/), as the user would type its path. */
export const docPath = (page: string, cwd: string = process.cwd()): string => shippedPath(['docs', page], cwd);
