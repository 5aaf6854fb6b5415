import { uiLang } from '../ui-text.js';
import { basename } from 'node:path';
import { completeAnswers } from '../../core/answers.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { compareResults, comparisonMarkdown } from '../../render/compare.js';
import { assess } from '../../core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../rules/folder.js';
import { resolveDate, runInfo } from '../run-info.js';
import { gatherAnswers } from './assess.js';
import { type Io } from './output.js';
import { checkFormat, printMarkdown } from './output.js';

export interface CompareOptions {
  set?: string[];
  rules?: string;
  format: string;
  date?: string;
}

/** compare A [B]: B defaults to A; --set applies to B, so "compare A --set x=y" is a what-if. */
export async function runCompare(
  fileA: string,
  fileB: string | undefined,
  opts: CompareOptions,
  io: Io,
): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  const date = resolveDate(opts.date);
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const a = gatherAnswers(rules, { answers: fileA });
  const b = gatherAnswers(rules, { answers: fileB ?? fileA, ...(opts.set ? { set: opts.set } : {}) });
  // One notice per file read: B is A again when no B is given.
  for (const notice of new Set([a.notice, b.notice])) if (notice) io.stderr.write(`${notice}\n`);
  const evaluator = new Evaluator(rules);
  const run = (x: typeof a) =>
    assess(evaluator, {
      answers: completeAnswers(rules, x.given),
      run: runInfo(rules, date),
      ...(x.name ? { responseName: x.name } : {}),
    });
  const ra = await run(a);
  const rb = await run(b);
  const labelA = a.name ?? basename(fileA);
  let labelB = b.name ?? basename(fileB ?? fileA);
  if (labelB === labelA) labelB = opts.set?.length ? `${labelA} + ${opts.set.join(' ')}` : `${labelA} (2)`;
  const comparison = compareResults(rules, ra, rb, [labelA, labelB]);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  else await printMarkdown(comparisonMarkdown(rules, comparison), io);
  return EXIT.ok;
}
