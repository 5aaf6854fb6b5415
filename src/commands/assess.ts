import { applyOverrides, completeAnswers, toAnswersFile, validateAnswersFile, type Answers } from '../answers.js';
import { EXIT, UserError, listValues } from '../errors.js';
import { Evaluator } from '../evaluate.js';
import { writeFileAtomic, writeNewReport } from '../files.js';
import { readJsonFile } from '../json-file.js';
import { buildReport } from '../report.js';
import { assess, type Result } from '../result.js';
import { DEFAULT_RULES_DIR, loadRuleBase, message } from '../rulebase.js';
import { resolveDate } from '../stamp.js';
import type { RuleBase } from '../types.js';

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
}

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdinIsTTY: boolean;
}

/** Reads --answers and applies --set: the answers given before any question is asked. */
export function gatherAnswers(rules: RuleBase, opts: { answers?: string; set?: string[] }): { given: Answers; name?: string } {
  let given: Answers = {};
  let name: string | undefined;
  if (opts.answers) {
    const file = validateAnswersFile(readJsonFile(opts.answers, 'Answers file'), rules, `Answers file ${opts.answers}`);
    given = file.answers;
    name = file.response?.name;
  }
  if (opts.set?.length) given = applyOverrides(rules, given, opts.set);
  return name === undefined ? { given } : { given, name };
}

/**
 * The answers to evaluate: --answers and --set, then, in a terminal, the interview for the
 * questions they leave open. Without a terminal and without --answers, stop rather than wait.
 */
export async function collectAnswers(
  rules: RuleBase,
  opts: { answers?: string; set?: string[]; name?: string },
  io: Io,
  command: string,
  promptOut: NodeJS.WritableStream,
): Promise<{ answers: Answers; name?: string }> {
  const { given, name: fileName } = gatherAnswers(rules, opts);
  const name = opts.name ?? fileName;
  const missing = rules.questions.some((q) => !(q.id in given));
  if (missing && io.stdinIsTTY) {
    const { runInterview } = await import('../interview.js');
    return runInterview(rules, given, name, promptOut);
  }
  if (!opts.answers && !io.stdinIsTTY) {
    throw new UserError(
      `No terminal to ask the questions in: pass --answers FILE (see examples/), e.g. tip-coord ${command} --answers examples/refugee-wg-documented.json`,
    );
  }
  return name === undefined ? { answers: given } : { answers: given, name };
}

const REPORT_FORMATS = ['md', 'json', 'html'];

/** The report for a result as a file: markdown, or the same markdown as a self-contained HTML page. */
export async function reportFile(rules: RuleBase, result: Result, format: 'md' | 'html'): Promise<{ markdown: string; ext: string; content: string }> {
  const markdown = buildReport(rules, result);
  if (format === 'md') return { markdown, ext: 'md', content: `${markdown}\n` };
  const { htmlDocument } = await import('../html.js');
  const title = message(rules, 'report.title', { name: result.response.name ?? message(rules, 'report.unnamed') });
  return { markdown, ext: 'html', content: htmlDocument(title, [markdown]) };
}

export async function runAssess(opts: AssessOptions, io: Io): Promise<number> {
  if (!REPORT_FORMATS.includes(opts.format))
    throw new UserError(`--format ${JSON.stringify(opts.format)}: valid formats are ${listValues(REPORT_FORMATS)}.`);
  const date = resolveDate(opts.date);
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR);
  const { answers, name } = await collectAnswers(rules, opts, io, 'assess', io.stderr.isTTY && !io.stdout.isTTY ? io.stderr : io.stdout);

  const complete = completeAnswers(rules, answers);
  const result = await assess(new Evaluator(rules), { answers: complete, date, ...(name ? { responseName: name } : {}) });

  // Save answers first: they are what a user would lose; the report can be made again from them.
  if (opts.saveAnswers) {
    writeFileAtomic(opts.saveAnswers, `${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`, { force: opts.force ?? false });
    io.stderr.write(`${message(rules, 'cli.answersSaved', { path: opts.saveAnswers })}\n`);
  }

  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  const { markdown, ext, content } = await reportFile(rules, result, opts.format as 'md' | 'html');
  const path = writeNewReport(opts.out, date, name, ext, content);
  if (io.stdout.isTTY) {
    const { renderMarkdown } = await import('../render.js');
    io.stdout.write(await renderMarkdown(markdown, io.stdout.columns));
    io.stdout.write(`\n${message(rules, 'cli.reportWritten', { path })}\n`);
  } else {
    io.stdout.write(`${path}\n`);
  }
  return EXIT.ok;
}
