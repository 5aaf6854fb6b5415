import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { MAX_NAME, nameLength } from '../../../core/answers.js';
import { EXIT, UserError } from '../../../core/errors.js';
import { systemReason } from '../../../core/system-errors.js';
import { writeFolder } from '../../report-files.js';
import { gateFor } from '../../gate.js';
import { DEFAULT_RULES_DIR, listFiles } from '../../../rules/folder.js';
import { type RuleBase } from '../../../core/types.js';
import { uiTexts, userError } from '../../ui-text.js';
import type { Context } from '../../context.js';
import { sayFor, line } from './shared.js';

export interface InitOptions {
  /** The folder to copy the built-in rule base into. */
  dir: string;
  force?: boolean;
  name?: string;
  allowPersonalData?: boolean;
}

/**
 * `rules init DIR`: copies the built-in rule base for contextualisation. Refuses a non-empty
 * folder unless --force (then files of the same name are replaced, each atomically); into a
 * new or empty folder the copy is made beside it and renamed, so it is all there or not at all.
 */
export async function run(opts: InitOptions, ctx: Context): Promise<number> {
  const dir = opts.dir;
  const target = resolve(dir);
  const name = opts.name ?? basename(target);
  if (!name.trim() || nameLength(name) > MAX_NAME) throw userError('error.init.name', { max: MAX_NAME });
  if (resolve(DEFAULT_RULES_DIR) === target) throw userError('error.init.builtIn', { dir });
  const exists = existsSync(target);
  if (exists && !statSync(target).isDirectory()) throw userError('error.init.notFolder', { dir });
  let empty: boolean;
  try {
    empty = !exists || readdirSync(target).length === 0;
  } catch (err) {
    throw userError('error.init.copy', { dir, why: systemReason(uiTexts(), err) });
  }
  if (!empty && !opts.force) throw userError('error.init.notEmpty', { dir });

  const builtIn = ctx.rules();
  // The name goes into every report made with the copy, and so does the folder's.
  const gate = gateFor(builtIn, opts);
  const checkedName = gate.name(name, '--name');
  const folder = gate.path(dir, '<dir>');
  const files = copyList(builtIn, checkedName, target);
  try {
    // Into a new or empty folder, all or nothing; into a full one (--force), file by file.
    writeFolder(folder, files, { into: !empty });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw userError('error.init.copy', { dir, why: systemReason(uiTexts(), err) });
  }
  const say = sayFor(ctx, builtIn);
  line(ctx, say('rules.initDone', { dir, name }));
  line(ctx, say('rules.initNext', { dir: relative(process.cwd(), target) || '.' }));
  return EXIT.ok;
}

/**
 * The built-in files to copy, scenario tests included, with ruleset.json renamed and pointing
 * back to what it was copied from.
 */
function copyList(builtIn: RuleBase, name: string, target: string): Array<[string, string]> {
  const schemas = join(DEFAULT_RULES_DIR, '..', 'schemas');
  return listFiles(DEFAULT_RULES_DIR, uiTexts(), { withScenarios: true }).map(({ rel, text }) => {
    // "$schema" points at the package's schemas/ from the copy's place, so an editor still finds them.
    const relinked = text.replace(
      /("\$schema":\s*")(?:\.\.\/)+schemas\/([\w.-]+)"/,
      (_, head: string, file: string) => {
        const to = relative(dirname(join(target, rel)), join(schemas, file))
          .split(sep)
          .join('/');
        return `${head}${to}"`;
      },
    );
    if (rel !== 'ruleset.json') return [rel, relinked];
    const ruleset = JSON.parse(text) as Record<string, unknown>;
    const copy = { ...ruleset, name, basedOn: { name: builtIn.name, version: builtIn.version, hash: builtIn.hash } };
    return [rel, `${JSON.stringify(copy, null, 2)}\n`];
  });
}
