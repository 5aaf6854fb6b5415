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
import { checkFormats } from '../command-kit.js';
import type { Context, Result, RuleBase } from '../context.js';
import { readAnswers } from '../inputs/answers.js';
import {
  answersJson,
  checkOutputsFirst,
  answersInReport,
  REPORT_FAMILY,
  reportMaker,
  saveDraft,
  writeFileAtomic,
  writeReportSet,
  type MadeReport,
  type ReportFormat,
  type Written,
} from '../report-files.js';
import { printMarkdown, showPaged } from '../terminal/markdown.js';
import { shortResult } from '../terminal/short-result.js';
import { commandName, uiText, userError } from '../ui-text.js';
import { examplePath } from '../examples.js';
import { jsonText } from '../json-output.js';

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
  const formats = checkFormats(opts.format, ['md', 'html', 'docx', 'json']);
  // JSON goes to stdout, reports to files: one or the other.
  if (formats.includes('json') && formats.length > 1) throw userError('error.format.jsonAlone', { value: opts.format });
  const toFiles = formats.filter((f): f is ReportFormat => f !== 'json');
  const json = toFiles.length === 0;
  if (opts.resume && opts.answers) throw userError('error.resumeAndAnswers');
  // An empty name would be silently ignored; "-" means stdout, which --format json already uses.
  if (opts.saveAnswers === '') throw userError('error.write.emptyName', { option: '--save-answers' });
  if (opts.saveAnswers === '-' && json) throw userError('error.write.stdoutTwice');
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
  // Whether stdin is a terminal is asked last: the answer loads Node's terminal modules.
  const interactive = (missing || Boolean(opts.edit)) && ctx.stdinIsTTY;
  if (!answersFile && !ctx.stdinIsTTY) {
    throw userError('error.noTerminal', { cmd: commandName(), example: examplePath() });
  }
  if (opts.edit && !ctx.stdinIsTTY) throw userError('error.editNeedsTerminal');
  checkOutputsFirst({
    out: json ? undefined : out,
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
  const makeReport = json ? undefined : await reportMaker(rules, toFiles);
  // The answers go beside the report (<report>.answers.json) unless --save-answers names a file
  // or --no-save-answers says not to.
  const besideReport = opts.saveAnswers === undefined && makeReport !== undefined;

  /**
   * Writes the report in each format and its answers, one set under one name (a re-run gets -2
   * for all of them, or replaces them with --force); after a what-if, the same files again.
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
      const made = await makeReport(result, answersInReport(before));
      made.files.forEach((f, i) => {
        const path = before.reports[i];
        if (path) writeFileAtomic(path, f.content, { force: true });
      });
      return before;
    }
    // Made once for the stem the set gets: the report names its answers file beside it by that
    // stem; a file the user named (--save-answers) is not named in the report (a path can name a person).
    let made: { stem: string; report: Promise<MadeReport> } | undefined;
    const madeFor = (stem: string): Promise<MadeReport> => {
      if (made?.stem !== stem) {
        const naming = besideReport ? answersInReport({ answers: `${stem}.answers.json`, beside: true }) : {};
        made = { stem, report: makeReport(result, naming) };
      }
      return made.report;
    };
    const report = async (stem: string, i: number): Promise<string | Uint8Array> => {
      const file = (await madeFor(stem)).files[i];
      if (!file) throw new Error(`no report file ${i}`);
      return file.content;
    };
    // Answers first: they are what a user would lose; the report can be made again from them.
    const paths = await writeReportSet(
      out,
      date,
      name,
      [
        ...(besideReport ? [{ ext: 'answers.json', content: async () => content }] : []),
        ...toFiles.map((ext, i) => ({ ext, content: (stem: string) => report(stem, i) })),
      ],
      { force: Boolean(opts.force), family: REPORT_FAMILY },
    );
    const answers = besideReport ? paths.shift() : saveAnswers;
    return { reports: paths, ...(answers ? { answers } : {}), ...(besideReport ? { beside: true } : {}) };
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
          // The pager leaves the report's last page on screen: the decision and the paths again, above the menu.
          ctx.stdout.write(await shortResult(rules, result, files, ctx.stdout));
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
      ctx.stdout.write(`\n${reportsWritten(rules, written)}\n`);
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
    ctx.stdout.write(jsonText(withoutDrafting(result), ctx.stdout));
    return EXIT.ok;
  }
  // The draft has done its work: its answers are now beside the report.
  if (opts.resume && written.answers && /\.draft\.json$/.test(opts.resume)) rmSync(opts.resume, { force: true });
  if (ctx.stdout.isTTY) {
    // After an interview the short result above the menu has said where everything is, and stays
    // the last thing on screen; otherwise the report is shown, then where it is.
    if (!session) {
      await printMarkdown((await makeReport(result, answersInReport(written))).markdown, ctx);
      if (written.answers) ctx.stdout.write(`\n${message(rules, 'cli.answersSaved', { path: written.answers })}`);
      ctx.stdout.write(`\n${reportsWritten(rules, written)}\n`);
    }
  } else {
    // For scripts: the path of each report, one a line.
    ctx.stdout.write(written.reports.map((p) => `${p}\n`).join(''));
  }
  return EXIT.ok;
}

/** "Report written to …", one line for each file of the set. */
function reportsWritten(rules: RuleBase, written: Written): string {
  return written.reports.map((path) => message(rules, 'cli.reportWritten', { path })).join('\n');
}
