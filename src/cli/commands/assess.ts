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
import type { Interview } from '../terminal/interview.js';
import { EXIT, InterruptedError, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { ensureFolder, FileExistsError, safeSlug, writeFileAtomic, writeNewReport } from '../report-files.js';
import { accessSync, constants, existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { MAX_NAME, nameLength } from '../../core/answers.js';
import { questionCount, type MessageKey, type Vars } from '../../core/messages.js';
import type { ReportOptions } from '../../render/report.js';
import { wrapText } from '../../render/wrap.js';
import { colorEnabled } from '../terminal/color.js';
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
  opts: ReportOptions = {},
): Promise<MadeReport> {
  return (await reportMaker(rules, format))(result, opts);
}

/** A report made: its markdown, and the file's extension and content. */
export interface MadeReport {
  markdown: string;
  ext: string;
  content: string | Uint8Array;
}

/** The same, as a function that needs no more loading: for contents written under a name found later. */
async function reportMaker(
  rules: RuleBase,
  format: 'md' | 'html' | 'docx',
): Promise<(result: Result, opts?: ReportOptions) => Promise<MadeReport>> {
  // Loaded only for a report: --format json does not pay for it.
  const { buildReport } = await import('../../render/report.js');
  const { htmlDocument } = format === 'html' ? await import('../../render/html.js') : { htmlDocument: undefined };
  return async (result, opts = {}) => {
    const markdown = buildReport(rules, result, opts);
    if (format === 'md') return { markdown, ext: 'md', content: `${markdown}\n` };
    const title = message(rules, 'report.title', { name: result.response.name ?? message(rules, 'report.unnamed') });
    if (format === 'docx')
      return { markdown, ext: 'docx', content: await wordFile(rules, markdown, title, result.stamp.date) };
    return { markdown, ext: 'html', content: htmlDocument!(title, [markdown], rules.lang) };
  };
}

/**
 * How a report names its answers file: relative to the current folder, or only its name when it
 * lies elsewhere: a report is forwarded, and a full path can name a person (/home/jane.doe/...).
 */
export function pathInReport(path: string): string {
  const rel = relative(process.cwd(), resolve(path)).split('\\').join('/');
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(path);
}

const answersJson = (answers: Answers, name: string | undefined): string =>
  `${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`;

/**
 * Saves the answers given so far as a draft, somewhere writable: the draft being resumed (it is
 * replaced), else a new draft in the report folder, else in the current folder, else in the
 * system's temporary folder. Returns its path, or undefined if nowhere would take it.
 */
function saveDraft(opts: AssessOptions, date: string, answers: Answers, name: string | undefined): string | undefined {
  // Only what was answered: questions skipped so far are settled again on --resume.
  const content = answersJson(answeredOnly(answers), name);
  if (opts.resume) {
    try {
      writeFileAtomic(opts.resume, content, { force: true });
      return opts.resume;
    } catch {
      /* try a new draft below */
    }
  }
  for (const dir of [opts.out, '.', tmpdir()]) {
    try {
      return writeNewReport(dir, date, name, 'draft.json', content);
    } catch {
      /* the next place */
    }
  }
  return undefined;
}

/**
 * Before the first question: the report folder exists (or can be made) and takes files, and a
 * --save-answers file is not taken; otherwise twenty answers would be lost at the end.
 */
function checkOutputsFirst(opts: AssessOptions): void {
  if (opts.format !== 'json') {
    ensureFolder(opts.out);
    try {
      accessSync(opts.out, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw userError('error.write.folderNotWritable', {
        dir: opts.out,
        why: uiText(code === 'EROFS' ? 'error.write.code.EROFS' : 'error.write.code.EACCES'),
      });
    }
  }
  if (typeof opts.saveAnswers === 'string' && opts.saveAnswers !== '-' && !opts.force && existsSync(opts.saveAnswers))
    throw userError('error.write.exists', { path: opts.saveAnswers, option: '--save-answers' });
}

/**
 * Writes the answers, then the report that names them, under one new stem in `dir`:
 * <date>-<slug>.answers.json and <date>-<slug>.<ext>, then -2, -3... until both names are free.
 */
async function writeBeside(
  dir: string,
  date: string,
  name: string | undefined,
  answers: string,
  report: (answersPath: string) => Promise<MadeReport>,
): Promise<Written> {
  const stem = `${date}-${safeSlug(name)}`;
  for (let n = 1; n < 1000; n++) {
    const base = join(dir, `${stem}${n === 1 ? '' : `-${n}`}`);
    const answersPath = `${base}.answers.json`;
    try {
      writeFileAtomic(answersPath, answers);
    } catch (err) {
      if (err instanceof FileExistsError) continue;
      throw err;
    }
    try {
      const made = await report(answersPath);
      const reportPath = `${base}.${made.ext}`;
      writeFileAtomic(reportPath, made.content);
      return { report: reportPath, answers: answersPath };
    } catch (err) {
      // The report's name was taken (or it failed): undo the answers, try the next number.
      rmSync(answersPath, { force: true });
      if (!(err instanceof FileExistsError)) throw err;
    }
  }
  throw userError('error.write.noFreeName', { dir, name: `${stem}.answers.json` });
}

/** Where this run's files went: written once, then replaced in place after each what-if. */
interface Written {
  report: string;
  answers?: string;
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
  if (opts.name !== undefined && nameLength(opts.name) > MAX_NAME)
    throw userError('error.name.length', { field: '--name', length: nameLength(opts.name), max: MAX_NAME });
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
  checkOutputsFirst(opts);

  const evaluator = new Evaluator(rules);
  const run = (a: Answers): Promise<Result> =>
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

  /** Writes the report and its answers: new names the first time, the same files after a what-if. */
  const writeOutputs = async (result: Result, a: Answers, before?: Written): Promise<Written> => {
    const content = answersJson(a, name);
    // "-": the answers on stdout (a report is being written, so stdout is free), once.
    if (opts.saveAnswers === '-' && !before) io.stdout.write(content);
    const explicit = typeof opts.saveAnswers === 'string' && opts.saveAnswers !== '-' ? opts.saveAnswers : undefined;
    if (explicit) {
      writeFileAtomic(explicit, content, {
        force: Boolean(opts.force) || before !== undefined,
        option: '--save-answers',
      });
      if (!before) io.stderr.write(`${message(rules, 'cli.answersSaved', { path: explicit })}\n`);
    }
    if (!makeReport) return { report: '', ...(explicit ? { answers: explicit } : {}) };
    const naming = (path: string | undefined): ReportOptions => (path ? { answersFile: pathInReport(path) } : {});
    if (before) {
      if (before.answers && besideReport) writeFileAtomic(before.answers, content, { force: true });
      writeFileAtomic(before.report, (await makeReport(result, naming(before.answers))).content, { force: true });
      return before;
    }
    if (!besideReport) {
      const made = await makeReport(result, naming(explicit));
      const report = writeNewReport(opts.out, date, name, made.ext, made.content);
      return { report, ...(explicit ? { answers: explicit } : {}) };
    }
    // Answers first: they are what a user would lose; the report can be made again from them.
    return writeBeside(
      opts.out,
      date,
      name,
      content,
      async (answersPath) => await makeReport(result, naming(answersPath)),
    );
  };

  /** Writes, or keeps the answers as a draft and says where when the report cannot be written. */
  const writeOrKeep = async (result: Result, a: Answers, before?: Written): Promise<Written> => {
    try {
      return await writeOutputs(result, a, before);
    } catch (err) {
      if (!(err instanceof UserError) || !interactive) throw err;
      const draft = saveDraft(opts, date, a, name);
      if (!draft) throw err;
      throw new UserError(
        message(rules, 'error.write.reportDraftSaved', { error: err.message, path: draft, cmd: commandName() }),
      );
    }
  };

  // Prompts go where they do not mix with the JSON on stdout.
  const promptOut = opts.format === 'json' ? io.stderr : io.stdout;
  let session: Interview | undefined;
  let written: Written | undefined;
  // Saved once, whichever comes first: a signal (at once, while files can still be written) or the interruption.
  let draft: string | undefined;
  const keepDraft = (s: Interview): string | undefined => (draft ??= saveDraft(opts, date, s.answers, s.name));
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
      if (name === undefined) await session.askName((typed) => personalData(typed) ?? true);
      await session.askAll(Boolean(opts.edit));
      await session.review();
      answers = session.answers;
      name = session.name;
    }
    result = await run(answers);
    written = await writeOrKeep(result, answers);
    if (session && makeReport && io.stdout.isTTY) {
      // The short result beside the menu; the full report is one choice away (paged), and a
      // what-if rewrites the same report and answers files.
      const { compareResults, changeSummaryMarkdown } = await import('../../render/compare.js');
      io.stdout.write(await shortResult(rules, result, written, io.stdout));
      for (let next = await session.afterResults(); next !== 'finish'; next = await session.afterResults()) {
        if (next === 'report') {
          await showPaged(
            (await makeReport(result, written.answers ? { answersFile: pathInReport(written.answers) } : {})).markdown,
            io,
          );
          continue;
        }
        if (!(await session.changeOne())) continue;
        const changed = await run(session.answers);
        await printMarkdown(
          changeSummaryMarkdown(rules, compareResults(rules, result, changed, ['before', 'after'])),
          io,
        );
        result = changed;
        answers = session.answers;
        written = await writeOrKeep(result, answers, written);
        io.stdout.write(`${message(rules, 'result.updated')}\n`);
        io.stdout.write(await shortResult(rules, result, written, io.stdout));
      }
    }
  } catch (err) {
    if (err instanceof InterruptedError && session && written) {
      // Interrupted at the menu: the report and the answers are already written.
      io.stdout.write(`\n${message(rules, 'cli.reportWritten', { path: written.report })}\n`);
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

  if (!makeReport) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  // The draft has done its work: its answers are now beside the report.
  if (opts.resume && written.answers && /\.draft\.json$/.test(opts.resume)) rmSync(opts.resume, { force: true });
  if (io.stdout.isTTY) {
    if (!session) {
      await printMarkdown(
        (await makeReport(result, written.answers ? { answersFile: pathInReport(written.answers) } : {})).markdown,
        io,
      );
      if (written.answers) io.stdout.write(`\n${message(rules, 'cli.answersSaved', { path: written.answers })}`);
    }
    io.stdout.write(`\n${message(rules, 'cli.reportWritten', { path: written.report })}\n`);
  } else {
    io.stdout.write(`${written.report}\n`);
  }
  return EXIT.ok;
}

/**
 * The result in a few lines, for the end of an interview: the decision, the review verdict of an
 * existing mechanism where there is one, the first actions, the cautions, the unknowns, and
 * where the report and the answers are.
 */
async function shortResult(rules: RuleBase, result: Result, written: Written, screen: Io['stdout']): Promise<string> {
  const { default: chalk } = await import('chalk');
  const t = (key: MessageKey, vars?: Vars): string => message(rules, key, vars);
  const cols = (screen.columns || 80) - 1;
  // The menu below and the blank lines around take about ten rows: the result fits in the rest,
  // so that the decision stays in view above the menu.
  const room = (screen.rows || 24) - 10;
  const primary = result.recommendations.find((r) => r.role === 'primary');
  const also = result.recommendations.filter((r) => r.role === 'complementary').map((r) => r.title);
  const head: string[] = [];
  if (primary) head.push(chalk.bold(t('result.decision', { title: primary.title })));
  if (also.length) head.push(t('result.also', { list: also.join(t('words.listSep')) }));
  // The existing mechanism's review, where one exists (worded as the report words it).
  if (result.review) head.push(t('result.review', { verdict: result.review.verdict }));
  const tail: string[] = [];
  if (result.cautions.length)
    tail.push(`${t('result.cautions')} ${result.cautions.map((c) => c.title).join(t('words.listSep'))}`);
  if (result.unknowns.length)
    tail.push(t('result.unknowns', { questions: questionCount(rules, result.unknowns.length) }));
  // Paths are not wrapped: a line break inside one would spoil a copy and paste.
  const paths = [t('result.report', { path: written.report })];
  if (written.answers) paths.push(t('result.answers', { path: written.answers }));
  const rows = (lines: string[]): number =>
    lines.reduce((n, l) => n + wrapText(l, cols).split('\n').length, 0) +
    paths.reduce((n, p) => n + Math.ceil([...p].length / (cols + 1)), 0);
  // As many first actions as the screen has room for (the report has them all).
  const actions: string[] = [];
  // The first rows of page 1's plan, with their owners: the same plan the report and the JSON carry.
  for (const [i, row] of result.plan.slice(0, 3).entries()) {
    const line = `${i + 1}. ${row.action} (${row.ownerLabel})`;
    const next = [...actions, line];
    if (rows([...head, t('result.firstActions'), ...next, ...tail]) + 1 > room) break;
    actions.push(line);
  }
  const lines = [...head, ...(actions.length ? [t('result.firstActions'), ...actions] : []), ...tail];
  return `\n${wrapText(lines.join('\n'), cols)}\n${paths.join('\n')}\n\n`;
}

/**
 * The full report on screen, through $PAGER or `less` when there is one (one screen at a time,
 * q to come back), printed otherwise.
 */
async function showPaged(markdown: string, io: Io): Promise<void> {
  const { renderMarkdown } = await import('../../render/terminal.js');
  const text = await renderMarkdown(markdown, { columns: io.stdout.columns, color: colorEnabled() });
  const pager = process.env.PAGER?.trim() || 'less';
  const env = { ...process.env, LESS: process.env.LESS ?? 'FRX' };
  const shown = spawnSync('/bin/sh', ['-c', pager === 'less' ? 'exec less -R' : pager], {
    input: text,
    stdio: ['pipe', 'inherit', 'inherit'],
    env,
  });
  if (shown.error || shown.status === 127) io.stdout.write(text);
}
