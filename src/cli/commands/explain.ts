import { completeAnswers } from '../../core/answers.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../rules/folder.js';
import { buildTrace, traceMarkdown } from '../../render/trace.js';
import { gatherAnswers } from './assess.js';
import { type Io } from './output.js';
import { checkFormat, printMarkdown } from './output.js';
import { uiLang, userError } from '../ui-text.js';

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
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const { given, notice } = gatherAnswers(rules, opts);
  if (notice) io.stderr.write(`${notice}\n`);
  const evaluation = await new Evaluator(rules).evaluate(completeAnswers(rules, given));
  const ids = [...rules.mechanisms, ...rules.cautions, ...rules.verdicts].map((i) => i.id);
  if (opts.mechanism !== undefined && !ids.includes(opts.mechanism))
    throw userError('error.mechanism', { value: JSON.stringify(opts.mechanism), valid: ids.join(', ') });
  const trace = buildTrace(rules, evaluation, opts.mechanism);
  if (opts.format === 'json') io.stdout.write(`${JSON.stringify(trace, null, 2)}\n`);
  else await printMarkdown(traceMarkdown(rules, trace), io);
  return EXIT.ok;
}
