import { completeAnswers } from '../../core/answers.js';
import { officialsComplicit } from '../../core/sensitivity.js';
import { buildDraft, draftMarkdown, draftSections, DRAFT_SECTIONS, type DraftSection } from '../../render/draft.js';
import { EXIT } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { assess } from '../../core/assessment.js';
import { message } from '../../core/messages.js';
import { resolveDate, runInfo } from '../run-info.js';
import { checkFormat } from '../command-kit.js';
import type { Context } from '../context.js';
import { readAnswers } from '../inputs/answers.js';
import { jsonText } from '../json-output.js';
import { checkFolder, wordFile, writeNewReport } from '../report-files.js';
import { commandName, uiText, userError, valueList } from '../ui-text.js';
import { gateFor } from '../gate.js';
import { examplePath } from '../examples.js';

export interface DraftOptions {
  answers?: string;
  set?: string[];
  section?: string;
  rules?: string;
  format: string;
  /** For --format docx: the folder the Word file goes to. */
  out?: string;
  /** For --format docx: replace the Word file of the same name instead of numbering a new one. */
  force?: boolean;
  /** The ToR's review date and the Word file's timestamps count from it. */
  date?: string;
  allowPersonalData?: boolean;
}

/**
 * Prints the drafting text alone: paste-ready markdown (or JSON) on stdout, notices on stderr.
 * Questions the answers leave open count as unknown: the interview belongs to `assess`.
 */
export async function run(opts: DraftOptions, ctx: Context): Promise<number> {
  checkFormat(opts.format, ['md', 'json', 'docx']);
  const valid = [...DRAFT_SECTIONS, 'tor'] as const;
  if (opts.section !== undefined && !(valid as readonly string[]).includes(opts.section))
    throw userError('error.section', { value: JSON.stringify(opts.section), valid: valueList(valid) });
  if (!opts.answers && !opts.set?.length)
    throw userError('error.draftNeedsAnswers', { cmd: commandName(), example: examplePath() });
  const tor = opts.section === 'tor';
  const sections: readonly DraftSection[] = opts.section && !tor ? [opts.section as DraftSection] : DRAFT_SECTIONS;
  const { rules, given, name: given_name } = readAnswers(ctx, opts);
  // The name titles a Word file and names it; checked for every format, as `assess` checks it.
  const gate = gateFor(rules, opts);
  const name = gate.maybeName(given_name, `${uiText('where.answersFile')} ${opts.answers}: "response.name"`);
  const out = gate.path(opts.out ?? 'reports', '--out');
  // The Word file's folder is checked before any work (the other formats print to stdout).
  if (opts.format === 'docx') checkFolder(out);
  // The HNO/HRP/strategy text does not show the date; the ToR (its review date) and a Word file do.
  const dated = tor || opts.format === 'docx';
  const result = await assess(new Evaluator(rules), {
    answers: completeAnswers(rules, given),
    run: runInfo(rules, dated ? ctx.date(opts.date) : resolveDate(opts.date, {}, ctx.now())),
    ...(name ? { responseName: name } : {}),
  });
  const draft = buildDraft(rules, result);
  if (draft.variant === 'safe') ctx.stderr.write(`${message(rules, 'cli.draftSafe')}\n`);
  // The terms of reference outline: written whatever the recommendation, for a group that exists or is planned.
  const { torMarkdown } = tor ? await import('../../render/tor.js') : { torMarkdown: undefined };
  const markdown = torMarkdown ? torMarkdown(rules, result, 2) : draftMarkdown(rules, draft, { sections });
  if (opts.format === 'docx') {
    const { wordHeader } = await import('../../render/report.js');
    const title = tor ? message(rules, 'tor.title') : message(rules, 'report.drafting');
    const date = result.stamp.date;
    const path = writeNewReport(
      out,
      date,
      name,
      tor ? 'tor.docx' : 'draft.docx',
      await wordFile(rules, markdown, title, date, wordHeader(rules, officialsComplicit(result.answers))),
      { force: Boolean(opts.force) },
    );
    ctx.stdout.write(`${path}\n`);
    return EXIT.ok;
  }
  if (opts.format === 'json' && torMarkdown) ctx.stdout.write(jsonText({ tor: markdown }, ctx.stdout));
  else ctx.stdout.write(opts.format === 'json' ? jsonText(draftSections(draft, sections), ctx.stdout) : markdown);
  return EXIT.ok;
}
