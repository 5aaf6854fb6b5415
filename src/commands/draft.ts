import { completeAnswers } from '../answers.js';
import { buildDraft, draftMarkdown, draftSections, DRAFT_SECTIONS, type DraftSection } from '../draft.js';
import { EXIT, UserError, listValues } from '../errors.js';
import { Evaluator } from '../evaluate.js';
import { assess } from '../result.js';
import { DEFAULT_RULES_DIR, loadRuleBase, message } from '../rulebase.js';
import { resolveDate } from '../stamp.js';
import { collectAnswers, type Io } from './assess.js';

export interface DraftOptions {
  answers?: string;
  set?: string[];
  section?: string;
  rules?: string;
  format: string;
}

/** Prints the drafting text alone: paste-ready markdown (or JSON) on stdout, notices on stderr. */
export async function runDraft(opts: DraftOptions, io: Io): Promise<number> {
  if (!['md', 'json'].includes(opts.format))
    throw new UserError(`--format ${JSON.stringify(opts.format)}: valid formats are ${listValues(['md', 'json'])}.`);
  if (opts.section !== undefined && !(DRAFT_SECTIONS as readonly string[]).includes(opts.section))
    throw new UserError(`--section ${JSON.stringify(opts.section)}: valid sections are ${listValues(DRAFT_SECTIONS)}.`);
  const sections: readonly DraftSection[] = opts.section ? [opts.section as DraftSection] : DRAFT_SECTIONS;
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR);
  // Questions go to stderr: stdout holds only the text to paste.
  const { answers, name } = await collectAnswers(rules, opts, io, 'draft', io.stderr);
  // The date only stamps the result; the text does not show it, so SOURCE_DATE_EPOCH is not needed here.
  const result = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, answers),
    date: resolveDate(undefined, {}),
    ...(name ? { responseName: name } : {}),
  });
  const draft = buildDraft(rules, result);
  if (draft.variant === 'safe') io.stderr.write(`${message(rules, 'cli.draftSafe')}\n`);
  io.stdout.write(
    opts.format === 'json' ? `${JSON.stringify(draftSections(draft, sections), null, 2)}\n` : draftMarkdown(rules, draft, { sections }),
  );
  return EXIT.ok;
}
