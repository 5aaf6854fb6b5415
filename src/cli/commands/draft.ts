import { completeAnswers } from '../../core/answers.js';
import { buildDraft, draftMarkdown, draftSections, DRAFT_SECTIONS, type DraftSection } from '../../render/draft.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { assess } from '../../core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../rules/folder.js';
import { message } from '../../core/messages.js';
import { resolveDate, runInfo } from '../run-info.js';
import { gatherAnswers } from './assess.js';
import { type Io } from './output.js';
import { checkFormat } from './output.js';
import { uiLang, userError, valueList } from '../ui-text.js';

export interface DraftOptions {
  answers?: string;
  set?: string[];
  section?: string;
  rules?: string;
  format: string;
}

/**
 * Prints the drafting text alone: paste-ready markdown (or JSON) on stdout, notices on stderr.
 * Questions the answers leave open count as unknown: the interview belongs to `assess`.
 */
export async function runDraft(opts: DraftOptions, io: Io): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  if (opts.section !== undefined && !(DRAFT_SECTIONS as readonly string[]).includes(opts.section))
    throw userError('error.section', { value: JSON.stringify(opts.section), valid: valueList(DRAFT_SECTIONS) });
  if (!opts.answers && !opts.set?.length) throw userError('error.draftNeedsAnswers');
  const sections: readonly DraftSection[] = opts.section ? [opts.section as DraftSection] : DRAFT_SECTIONS;
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const { given, name, notice } = gatherAnswers(rules, opts);
  if (notice) io.stderr.write(`${notice}\n`);
  // The date only stamps the result; the text does not show it, so SOURCE_DATE_EPOCH is not needed here.
  const result = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, given),
    run: runInfo(rules, resolveDate(undefined, {})),
    ...(name ? { responseName: name } : {}),
  });
  const draft = buildDraft(rules, result);
  if (draft.variant === 'safe') io.stderr.write(`${message(rules, 'cli.draftSafe')}\n`);
  io.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify(draftSections(draft, sections), null, 2)}\n`
      : draftMarkdown(rules, draft, { sections }),
  );
  return EXIT.ok;
}
