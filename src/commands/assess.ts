import { applyOverrides, completeAnswers, toAnswersFile, validateAnswersFile, type Answers } from '../answers.js';
import { EXIT, UserError } from '../errors.js';
import { Evaluator } from '../evaluate.js';
import { writeFileAtomic, writeNewReport } from '../files.js';
import { readJsonFile } from '../json-file.js';
import { findPersonalData } from '../personal-data.js';
import { assess } from '../result.js';
import { DEFAULT_RULES_DIR, loadRuleBase, message } from '../rulebase.js';
import { resolveDate } from '../stamp.js';
import type { RuleBase } from '../types.js';
import { checkFormat, printMarkdown } from './output.js';

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

export async function runAssess(opts: AssessOptions, io: Io): Promise<number> {
  checkFormat(opts.format, ['md', 'json']);
  const date = resolveDate(opts.date);
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR);
  const { given, name: fileName } = gatherAnswers(rules, opts);
  let name = opts.name ?? fileName;
  let answers = given;
  // Before any question is asked or anything written. The interview checks a typed name itself.
  if (!opts.allowPersonalData) {
    refusePersonalData(rules, opts.name !== undefined ? '--name' : `Answers file ${opts.answers}: "response.name"`, name);
  }

  const missing = rules.questions.some((q) => !(q.id in given));
  if (missing && io.stdinIsTTY) {
    const { runInterview } = await import('../interview.js');
    const res = await runInterview(rules, given, name, io.stderr.isTTY && !io.stdout.isTTY ? io.stderr : io.stdout, {
      allowPersonalData: opts.allowPersonalData ?? false,
    });
    answers = res.answers;
    name = res.name;
  } else if (!opts.answers && !io.stdinIsTTY) {
    throw new UserError(
      'No terminal to ask the questions in: pass --answers FILE (see examples/), e.g. tip-coord assess --answers examples/refugee-wg-documented.json',
    );
  }

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
  // The report module is loaded only for a report: --format json does not pay for it.
  const { buildReport } = await import('../report.js');
  const markdown = buildReport(rules, result);
  const path = writeNewReport(opts.out, date, name, 'md', `${markdown}\n`);
  if (io.stdout.isTTY) {
    await printMarkdown(markdown, io);
    io.stdout.write(`\n${message(rules, 'cli.reportWritten', { path })}\n`);
  } else {
    io.stdout.write(`${path}\n`);
  }
  return EXIT.ok;
}

/** Stops the run when a free-text field holds an e-mail address or a phone number (see personal-data.ts). */
function refusePersonalData(rules: RuleBase, field: string, text: string | undefined): void {
  const found = text === undefined ? undefined : findPersonalData(text);
  if (found) {
    throw new UserError(message(rules, 'cli.personalData', { field, kind: message(rules, `personalData.${found.kind}`), text: found.text }));
  }
}
