import {
  completeAnswers,
  isApplicable,
  settleApplicability,
  MAX_NAME,
  nameLength,
  type Answers,
} from '../../core/answers.js';
import type { Interview } from '../terminal/interview.js';
import { EXIT, InterruptedError, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { rmSync } from 'node:fs';
import { gateFor } from '../gate.js';
import { assess } from '../../core/assessment.js';
import { withoutDrafting } from '../../core/recommend.js';
import { message } from '../../core/messages.js';
import { runInfo } from '../run-info.js';
import { checkFormat } from '../command-kit.js';
import type { Context, Result } from '../context.js';
import { readAnswers } from '../inputs/answers.js';
import {
  answersJson,
  checkOutputsFirst,
  answersInReport,
  reportMaker,
  saveDraft,
  writeBeside,
  writeFileAtomic,
  writeNewReport,
  type Written,
} from '../report-files.js';
import { printMarkdown, showPaged } from '../terminal/markdown.js';
import { shortResult } from '../terminal/short-result.js';
import { commandName, uiText, userError } from '../ui-text.js';
import { examplePath } from '../examples.js';

export interface AssessOptions {
  answers?: string;
  set?: string[];
  format: string;
  out: string;
  /** A file; false with --no-save-answers; undefined: beside the report. */
  saveAnswers?: string | false;
  rules?: string;
  date?: string;
  name?: string;
  force?: boolean;
  allowPersonalData?: boolean;
  edit?: boolean;
  resume?: string;
}

/**
 * `tip-coord assess`: the interview (in a terminal, for what the answers file leaves open), the
 * result, the report and its answers; then, in a terminal, the short result and what-ifs.
 */
export async function run(opts: AssessOptions, ctx: Context): Promise<number> {
  checkFormat(opts.format, ['md', 'json', 'html', 'docx']);
  if (opts.resume && opts.answers) throw userError('error.resumeAndAnswers');
  // An empty name would be silently ignored; "-" means stdout, which --format json already uses.
  if (opts.saveAnswers === '') throw userError('error.write.emptyName', { option: '--save-answers' });
  if (opts.saveAnswers === '-' && opts.format === 'json') throw userError('error.write.stdoutTwice');
  const answersFile = opts.resume ?? opts.answers;
  const date = ctx.date(opts.date);
  const {
    rules,
    given,
    name: fileName,
  } = readAnswers(ctx, {
    ...opts,
    ...(answersFile ? { answers: answersFile } : {}),
  });
  if (opts.name !== undefined && nameLength(opts.name) > MAX_NAME)
    throw userError('error.name.length', { field: '--name', length: nameLength(opts.name), max: MAX_NAME });
  let answers = given;
  // Every name and path a file is written under, before any question is asked or anything
  // written; the interview checks a typed name itself. The rule set's name and folder are
  // printed in every report's stamp.
  const gate = gateFor(rules, opts);
  let name = gate.maybeName(
    opts.name ?? fileName,
    opts.name !== undefined ? '--name' : `${uiText('where.answersFile')} ${answersFile}: "response.name"`,
  );
  gate.ruleSet();
  const out = gate.path(opts.out, '--out');
  const resume = opts.resume === undefined ? undefined : gate.path(opts.resume, '--resume');
  // "-": the answers on stdout.
  const saveAnswers =
    typeof opts.saveAnswers === 'string' && opts.saveAnswers !== '-'
      ? gate.path(opts.saveAnswers, '--save-answers')
      : undefined;
  const drafts = { out, ...(resume ? { resume } : {}) };

  const settled = settleApplicability(rules, given);
  const missing = rules.questions.some((q) => !(q.id in settled) && isApplicable(rules, q, settled));
  const interactive = ctx.stdinIsTTY && (missing || Boolean(opts.edit));
  if (!ctx.stdinIsTTY && !answersFile) {
    throw userError('error.noTerminal', { cmd: commandName(), example: examplePath() });
  }
  if (opts.edit && !ctx.stdinIsTTY) throw userError('error.editNeedsTerminal');
  checkOutputsFirst({
    out: opts.format === 'json' ? undefined : out,
    ...(saveAnswers ? { saveAnswers } : {}),
    ...(opts.force ? { force: true } : {}),
  });

  const evaluator = new Evaluator(rules);
  const evaluate = (a: Answers): Promise<Result> =>
    assess(evaluator, {
      answers: completeAnswers(rules, a),
      run: runInfo(rules, date),
      ...(name ? { responseName: name } : {}),
    });
  const format = opts.format as 'md' | 'html' | 'docx' | 'json';
  const makeReport = format === 'json' ? undefined : await reportMaker(rules, format);
  // The answers go beside the report (<report>.answers.json) unless --save-answers names a file
  // or --no-save-answers says not to.
  const besideReport = opts.saveAnswers === undefined && makeReport !== undefined;

  /**
   * Writes the report and its answers: new names the first time, the same files after a what-if.
   * Undefined when no report is written (JSON on stdout).
   */
  const writeOutputs = async (result: Result, a: Answers, before?: Written): Promise<Written | undefined> => {
    const content = answersJson(a, name);
    // "-": the answers on stdout (a report is being written, so stdout is free), once.
    if (opts.saveAnswers === '-' && !before) ctx.stdout.write(content);
    if (saveAnswers) {
      writeFileAtomic(saveAnswers, content, {
        force: Boolean(opts.force) || before !== undefined,
        option: '--save-answers',
      });
      if (!before) ctx.stderr.write(`${message(rules, 'cli.answersSaved', { path: saveAnswers })}\n`);
    }
    if (!makeReport) return undefined;
    if (before) {
      if (before.answers && before.beside) writeFileAtomic(before.answers, content, { force: true });
      writeFileAtomic(before.report, (await makeReport(result, answersInReport(before))).content, { force: true });
      return before;
    }
    if (!besideReport) {
      // A file the user named is not named in the report (a path can name a person).
      const made = await makeReport(result);
      const report = writeNewReport(out, date, name, made.ext, made.content);
      return { report, ...(saveAnswers ? { answers: saveAnswers } : {}) };
    }
    // Answers first: they are what a user would lose; the report can be made again from them.
    return writeBeside(out, date, name, content, async (naming) => await makeReport(result, naming));
  };

  /** Writes, or keeps the answers as a draft and says where when the report cannot be written. */
  const writeOrKeep = async (result: Result, a: Answers, before?: Written): Promise<Written | undefined> => {
    try {
      return await writeOutputs(result, a, before);
    } catch (err) {
      if (!(err instanceof UserError) || !interactive) throw err;
      const draft = saveDraft(drafts, date, a, name);
      if (!draft) throw err;
      throw new UserError(
        message(rules, 'error.write.reportDraftSaved', { error: err.message, path: draft, cmd: commandName() }),
      );
    }
  };

  // Prompts go where they do not mix with the JSON on stdout.
  const promptOut = opts.format === 'json' ? ctx.stderr : ctx.stdout;
  let session: Interview | undefined;
  let written: Written | undefined;
  // Saved once, whichever comes first: a signal (at once, while files can still be written) or the interruption.
  let draft: string | undefined;
  // The name typed in the interview was checked there: a draft keeps it.
  const keepDraft = (s: Interview): string | undefined => {
    const typed = s.name === undefined ? undefined : gate.sift(s.name);
    return (draft ??= saveDraft(drafts, date, s.answers, typed && 'name' in typed ? typed.name : undefined));
  };
  let result: Result;
  try {
    if (interactive) {
      const { Interview } = await import('../terminal/interview.js');
      session = await Interview.open(rules, promptOut, given, name);
      const open = session;
      open.beforeAbort = () => {
        if (!written && Object.keys(open.answers).length > 0) keepDraft(open);
      };
      session.intro(Boolean(opts.edit));
      if (name === undefined) await session.askName((typed) => gate.typedName(typed) ?? true);
      await session.askAll(Boolean(opts.edit));
      await session.review();
      answers = session.answers;
      name = gate.maybeName(session.name, '--name');
    }
    result = await evaluate(answers);
    written = await writeOrKeep(result, answers);
    if (session && makeReport && written && ctx.stdout.isTTY) {
      // The short result beside the menu; the full report is one choice away (paged), and a
      // what-if rewrites the same report and answers files.
      const { compareResults, changeSummaryMarkdown } = await import('../../render/compare.js');
      let files: Written = written;
      ctx.stdout.write(await shortResult(rules, result, files, ctx.stdout));
      for (let next = await session.afterResults(); next !== 'finish'; next = await session.afterResults()) {
        if (next === 'report') {
          await showPaged((await makeReport(result, answersInReport(files))).markdown, ctx);
          continue;
        }
        if (!(await session.changeOne())) continue;
        const changed = await evaluate(session.answers);
        await printMarkdown(
          changeSummaryMarkdown(rules, compareResults(rules, result, changed, ['before', 'after'])),
          ctx,
        );
        result = changed;
        answers = session.answers;
        // A report is written: the same files come back.
        written = files = (await writeOrKeep(result, answers, files)) ?? files;
        ctx.stdout.write(`${message(rules, 'result.updated')}\n`);
        ctx.stdout.write(await shortResult(rules, result, files, ctx.stdout));
      }
    }
  } catch (err) {
    if (err instanceof InterruptedError && session && written) {
      // Interrupted at the menu: the report and the answers are already written.
      ctx.stdout.write(`\n${message(rules, 'cli.reportWritten', { path: written.report })}\n`);
      return EXIT.ok;
    }
    if (err instanceof InterruptedError && session && Object.keys(session.answers).length > 0) {
      const draft = keepDraft(session);
      throw new InterruptedError(
        draft
          ? `${err.message} ${message(rules, 'interview.draftSaved', { path: draft, cmd: commandName() })}`
          : err.message,
      );
    }
    throw err;
  } finally {
    session?.close();
  }

  if (!makeReport || !written) {
    ctx.stdout.write(`${JSON.stringify(withoutDrafting(result), null, 2)}\n`);
    return EXIT.ok;
  }
  // The draft has done its work: its answers are now beside the report.
  if (opts.resume && written.answers && /\.draft\.json$/.test(opts.resume)) rmSync(opts.resume, { force: true });
  if (ctx.stdout.isTTY) {
    if (!session) {
      await printMarkdown((await makeReport(result, answersInReport(written))).markdown, ctx);
      if (written.answers) ctx.stdout.write(`\n${message(rules, 'cli.answersSaved', { path: written.answers })}`);
    }
    ctx.stdout.write(`\n${message(rules, 'cli.reportWritten', { path: written.report })}\n`);
  } else {
    ctx.stdout.write(`${written.report}\n`);
  }
  return EXIT.ok;
}
