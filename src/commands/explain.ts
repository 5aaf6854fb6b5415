import { completeAnswers } from '../answers.js';
import { EXIT } from '../errors.js';
import { Evaluator } from '../evaluate.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../rulebase.js';
import { buildTrace, traceMarkdown } from '../trace.js';
import { gatherAnswers, type Io } from './assess.js';
import { checkFormat, printMarkdown } from './output.js';
import { userError } from '../ui-text.js';

export interface ExplainOptions {
  answers?: string;
  set?: string[];
  mechanism?: string;
  rules?: string;
  format: string;
}

export async function runExplain(opts: ExplainOptions, io: Io): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  if (!opts.answers && !opts.set?.length) throw userError('error.explainNeedsAnswers');
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR);
  const { given } = gatherAnswers(rules, opts);
  const evaluation = await new Evaluator(rules).evaluate(completeAnswers(rules, given));
  const trace = buildTrace(rules, evaluation, opts.mechanism);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
  else await printMarkdown(traceMarkdown(rules, trace), io);
  return EXIT.ok;
}
