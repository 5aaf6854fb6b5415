import { completeAnswers } from '../../core/answers.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { buildTrace, traceMarkdown } from '../../render/trace.js';
import { checkFormat } from '../command-kit.js';
import type { Context } from '../context.js';
import { readAnswers } from '../inputs/answers.js';
import { jsonText } from '../json-output.js';
import { printMarkdown } from '../terminal/markdown.js';
import { userError } from '../ui-text.js';

export interface ExplainOptions {
  answers?: string;
  set?: string[];
  mechanism?: string;
  rules?: string;
  format: string;
}

/** `tip-coord explain`: which rules held or failed on the answers, and why (one mechanism or all). */
export async function run(opts: ExplainOptions, ctx: Context): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  if (!opts.answers && !opts.set?.length) throw userError('error.explainNeedsAnswers');
  const { rules, given } = readAnswers(ctx, opts);
  const evaluation = await new Evaluator(rules).evaluate(completeAnswers(rules, given));
  const ids = [...rules.mechanisms, ...rules.cautions, ...rules.verdicts].map((i) => i.id);
  if (opts.mechanism !== undefined && !ids.includes(opts.mechanism))
    throw userError('error.mechanism', { value: JSON.stringify(opts.mechanism), valid: ids.join(', ') });
  const trace = buildTrace(rules, evaluation, opts.mechanism);
  if (opts.format === 'json') ctx.stdout.write(jsonText(trace, ctx.stdout));
  else await printMarkdown(traceMarkdown(rules, trace), ctx);
  return EXIT.ok;
}
