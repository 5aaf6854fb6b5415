import { UserError } from '../core/errors.js';
import { wording } from '../core/messages.js';
import { findPersonalData, personalDataProblem } from '../core/personal-data.js';
import type { RuleBase } from '../core/types.js';
import { ruleSetFolder } from '../rules/folder.js';

/**
 * The rule set's name and its --rules folder are printed in every report's stamp and in a
 * batch's summary: one holding personal data stops the run before anything is written
 * (issue 15). `assess` and `batch` both call this.
 */
export function checkRuleSetStamp(rules: RuleBase, cwd = process.cwd()): void {
  const problem = personalDataProblem(rules, rules.name, `ruleset.json: "name"`);
  if (problem) throw new UserError(problem);
  const folder = ruleSetFolder(rules.dir, cwd);
  const found = folder === null ? undefined : findPersonalData(folder);
  const t = wording(rules);
  if (found)
    throw new UserError(t('batch.folderPersonal', { kind: t(`personalData.${found.kind}`), text: found.text }));
}
