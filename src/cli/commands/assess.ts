import {
  completeAnswers,
  isApplicable,
  parseAnswerText,
  settleApplicability,
  describeMigration,
  toAnswersFile,
  validateAnswersFile,
  type Answers,
} from '../../core/answers.js';
import type { Interview } from '../interview.js';
import { EXIT, InterruptedError, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { ensureFolder, writeFileAtomic, writeNewReport } from '../files.js';
import { readJsonFile } from '../../rules/json-file.js';
import { personalDataProblem } from '../../core/personal-data.js';
import { checkRuleSetStamp } from '../stamp-check.js';
import { assess, type Result } from '../../core/assessment.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../rules/folder.js';
import { inputError, message } from '../../core/messages.js';
import { resolveDate, runInfo } from '../run-info.js';
import { NOT_APPLICABLE, type RuleBase } from '../../core/types.js';
import { checkFormat, printMarkdown, type Io } from './output.js';
import { commandName, uiLang, uiText, uiTexts, userError } from '../ui-text.js';
import { examplePath } from '../examples.js';

export interface AssessOptions {
  answers?: string;
  set?: string[];
  format: string;
  out: string;
  saveAnswers?: string;
  rules?: string;
  date?: string;
  name?: string;
  force?: boolean;
  allowPersonalData?: boolean;
  edit?: boolean;
  resume?: string;
}

/** Answers without the skipped ones ("not_applicable"), which skip logic settles again from the others. */
function answeredOnly(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== NOT_APPLICABLE));
}

/**
 * Applies --set id=value overrides, validated like the answers file. The flag's name is the
 * command line's business: the core names the place of an error as it is told (`where`).
 */
export function applyOverrides(rules: RuleBase, answers: Answers, sets: readonly string[]): Answers {
  const out = { ...answers };
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw inputError(rules, 'error.set.syntax', { value: JSON.stringify(s) });
    const id = s.slice(0, eq).trim();
    out[id] = parseAnswerText(rules, id, s.slice(eq + 1), `--set ${id}`);
  }
  return out;
}

/**
 * Reads --answers and applies --set: the answers given before any question is asked. A
 * version-1 file is read as version 2; `notice` then says how, for the caller to print on stderr.
 */
export function gatherAnswers(
  rules: RuleBase,
  opts: { answers?: string; set?: string[] },
): { given: Answers; name?: string; notice?: string } {
  let given: Answers = {};
  let name: string | undefined;
  let notice: string | undefined;
  if (opts.answers) {
    const where = `${uiText('where.answersFile')} ${opts.answers}`;
    const file = validateAnswersFile(readJsonFile(opts.answers, uiText('where.answersFile'), uiTexts()), rules, where);
    given = file.answers;
    name = file.response?.name;
    if (file.migration) notice = describeMigration(rules, where, file.migration);
  }
  if (opts.set?.length) given = applyOverrides(rules, given, opts.set);
  return { given, ...(name === undefined ? {} : { name }), ...(notice === undefined ? {} : { notice }) };
}

/** The report for a result as a file: markdown, the same markdown as a self-contained HTML page, or a Word file. */
export async function reportFile(
  rules: RuleBase,
  result: Result,
  format: 'md' | 'html' | 'docx',
): Promise<{ markdown: string; ext: string; content: string | Uint8Array }> {
  // Loaded only for a report: --format json does not pay for it.
  const { buildReport } = await import('../../render/report.js');
  const markdown = buildReport(rules, result);
  if (format === 'md') return { markdown, ext: 'md', content: `${markdown}\n` };
  if (format === 'docx') {
    const title = message(rules, 'report.title', { name: result.response.name ?? message(rules, 'report.unnamed') });
    const content = await wordFile(rules, markdown, title, result.stamp.date);
    return { markdown, ext: 'docx', content };
  }
  const { htmlDocument } = await import('../../render/html.js');
  const title = message(rules, 'report.title', { name: result.response.name ?? message(rules, 'report.unnamed') });
  return { markdown, ext: 'html', content: htmlDocument(title, [markdown], rules.lang) };
}

/** Markdown as a Word file, with the sensitivity line at the top of every page. Loads docx only when called. */
export async function wordFile(rules: RuleBase, markdown: string, title: string, date: string): Promise<Uint8Array> {
  const { markdownToDocx } = await import('../../render/docx.js');
  return markdownToDocx(markdown, { title, lang: rules.lang, banner: message(rules, 'report.sensitive'), date });
}

export async function runAssess(opts: AssessOptions, io: Io): Promise<number> {
  checkFormat(opts.format, ['md', 'json', 'html', 'docx']);
  if (opts.resume && opts.answers) throw userError('error.resumeAndAnswers');
  // An empty name would be silently ignored; "-" means stdout, which --format json already uses.
  if (opts.saveAnswers === '') throw userError('error.write.emptyName', { option: '--save-answers' });
  if (opts.saveAnswers === '-' && opts.format === 'json') throw userError('error.write.stdoutTwice');
  const answersFile = opts.resume ?? opts.answers;
  const date = resolveDate(opts.date);
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const {
    given,
    name: fileName,
    notice,
  } = gatherAnswers(rules, {
    ...opts,
    ...(answersFile ? { answers: answersFile } : {}),
  });
  if (notice) io.stderr.write(`${notice}\n`);
  let name = opts.name ?? fileName;
  let answers = given;
  // Before any question is asked or anything written; the interview checks a typed name itself.
  const personalData = (text: string | undefined, field?: string): string | undefined =>
    opts.allowPersonalData ? undefined : personalDataProblem(rules, text, field);
  // The rule set's name is printed in every report's stamp too.
  const problem = personalData(
    name,
    opts.name !== undefined ? '--name' : `${uiText('where.answersFile')} ${answersFile}: "response.name"`,
  );
  if (problem) throw new UserError(problem);
  if (!opts.allowPersonalData) checkRuleSetStamp(rules);

  const settled = settleApplicability(rules, given);
  const missing = rules.questions.some((q) => !(q.id in settled) && isApplicable(rules, q, settled));
  const interactive = io.stdinIsTTY && (missing || Boolean(opts.edit));
  if (!io.stdinIsTTY && !answersFile) {
    throw userError('error.noTerminal', { cmd: commandName(), example: examplePath() });
  }
  if (opts.edit && !io.stdinIsTTY) throw userError('error.editNeedsTerminal');

  const evaluator = new Evaluator(rules);
  const run = (a: Answers): Promise<Result> =>
    assess(evaluator, {
      answers: completeAnswers(rules, a),
      run: runInfo(rules, date),
      ...(name ? { responseName: name } : {}),
    });
  // Prompts go where they do not mix with the JSON on stdout.
  const promptOut = opts.format === 'json' ? io.stderr : io.stdout;
  let session: Interview | undefined;
  let shown = false;
  let result: Result;
  try {
    if (interactive) {
      const { Interview } = await import('../interview.js');
      session = await Interview.open(rules, promptOut, given, name);
      session.intro(Boolean(opts.edit));
      if (name === undefined) await session.askName((typed) => personalData(typed) ?? true);
      await session.askAll(Boolean(opts.edit));
      await session.review();
      answers = session.answers;
      name = session.name;
    }
    result = await run(answers);
    if (session && opts.format !== 'json' && io.stdout.isTTY) {
      // The live what-if of a support call: change an answer, see what changed, until done.
      const [{ buildReport }, { compareResults, changeSummaryMarkdown }] = await Promise.all([
        import('../../render/report.js'),
        import('../../render/compare.js'),
      ]);
      await printMarkdown(buildReport(rules, result), io);
      shown = true;
      while (await session.changeAfterResults()) {
        const next = await run(session.answers);
        await printMarkdown(changeSummaryMarkdown(rules, compareResults(rules, result, next, ['before', 'after'])), io);
        result = next;
      }
      answers = session.answers;
    }
  } catch (err) {
    if (err instanceof InterruptedError && session && Object.keys(session.answers).length > 0) {
      const draft = writeNewReport(
        opts.out,
        date,
        session.name,
        'draft.json',
        // Only what was answered: questions skipped so far are settled again on --resume.
        `${JSON.stringify(toAnswersFile(answeredOnly(session.answers), session.name), null, 2)}\n`,
      );
      throw new InterruptedError(
        `${err.message} ${message(rules, 'interview.draftSaved', { path: draft, cmd: commandName() })}`,
      );
    }
    throw err;
  }

  // Save answers first: they are what a user would lose; the report can be made again from them.
  if (opts.saveAnswers === '-') {
    io.stdout.write(`${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`);
  } else if (opts.saveAnswers) {
    // The report's folder first: if it cannot be made, stop before writing anything at all.
    if (opts.format !== 'json') ensureFolder(opts.out);
    writeFileAtomic(opts.saveAnswers, `${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`, {
      force: opts.force ?? false,
    });
    io.stderr.write(`${message(rules, 'cli.answersSaved', { path: opts.saveAnswers })}\n`);
  }

  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const { markdown, ext, content } = await reportFile(rules, result, opts.format as 'md' | 'html' | 'docx');
  const path = writeNewReport(opts.out, date, name, ext, content);
  if (io.stdout.isTTY) {
    if (!shown) await printMarkdown(markdown, io);
    io.stdout.write(`\n${message(rules, 'cli.reportWritten', { path })}\n`);
  } else {
    io.stdout.write(`${path}\n`);
  }
  return EXIT.ok;
}
