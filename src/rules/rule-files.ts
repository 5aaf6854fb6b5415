import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The folder of a rule base that holds its scenario tests (answers and the outcome expected):
 * they travel with the rules (`rules init` copies them, `rules test` reads them) but are no part
 * of the rule base itself: not parsed as rules, not in its hash.
 */
export const SCENARIOS_FOLDER = 'scenarios';

/**
 * The files of a rules folder that make its rule base, in order: every .json file under it,
 * sorted, the scenario folder only when asked. One walk for reading (listFiles) and for checking
 * a precompiled copy against the disk (precompiled.ts): both see the same files.
 */
export function walkRuleFiles(
  dir: string,
  opts: { withScenarios?: boolean },
  fsStep: <T>(path: string, step: () => T) => T,
  visit: (rel: string, full: string, st: Stats) => void,
): void {
  const walk = (d: string): void => {
    for (const name of fsStep(d, () => readdirSync(d)).sort()) {
      const full = join(d, name);
      const st = fsStep(full, () => statSync(full));
      if (st.isDirectory()) {
        if (d === dir && name === SCENARIOS_FOLDER && !opts.withScenarios) continue;
        walk(full);
      } else if (name.endsWith('.json')) visit(relative(dir, full).split('\\').join('/'), full, st);
    }
  };
  walk(dir);
}

