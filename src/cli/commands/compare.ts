import { basename } from 'node:path';
import { completeAnswers } from '../../core/answers.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { compareResults, comparisonMarkdown } from '../../render/compare.js';
import { assess } from '../../core/assessment.js';
import { runInfo } from '../run-info.js';
import { checkFormat } from '../command-kit.js';
import type { Context } from '../context.js';
import { gatherAnswers, type GivenAnswers } from '../inputs/answers.js';
import { jsonText } from '../json-output.js';
import { printMarkdown } from '../terminal/markdown.js';

export interface CompareOptions {
  /** The first answers file. */
  a: string;
  /** The second; A again when not given. */
  b?: string | undefined;
  set?: string[];
  rules?: string;
  format: string;
  date?: string;
}

/** compare A [B]: B defaults to A; --set applies to B, so "compare A --set x=y" is a what-if. */
export async function run(opts: CompareOptions, ctx: Context): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  const date = ctx.date(opts.date);
  const rules = ctx.rules(opts.rules);
  const a = gatherAnswers(rules, { answers: opts.a });
  const b = gatherAnswers(rules, { answers: opts.b ?? opts.a, ...(opts.set ? { set: opts.set } : {}) });
  // One notice per file read: B is A again when no B is given.
  for (const notice of new Set([a.notice, b.notice])) if (notice) ctx.stderr.write(`${notice}\n`);
  const evaluator = new Evaluator(rules);
  const evaluate = (x: GivenAnswers) =>
    assess(evaluator, {
      answers: completeAnswers(rules, x.given),
      run: runInfo(rules, date),
      ...(x.name ? { responseName: x.name } : {}),
    });
  const ra = await evaluate(a);
  const rb = await evaluate(b);
  const labelA = a.name ?? basename(opts.a);
  let labelB = b.name ?? basename(opts.b ?? opts.a);
  if (labelB === labelA) labelB = opts.set?.length ? `${labelA} + ${opts.set.join(' ')}` : `${labelA} (2)`;
  const comparison = compareResults(rules, ra, rb, [labelA, labelB]);
  if (opts.format === 'json') ctx.stdout.write(jsonText(comparison, ctx.stdout));
  else await printMarkdown(comparisonMarkdown(rules, comparison), ctx);
  return EXIT.ok;
}
