import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { colorEnabled } from './color.js';
import { EXIT, InterruptedError, UserError } from './errors.js';

const EXIT_CODES_HELP = `
Exit codes:
  0    done
  1    unexpected error (a bug: please report it)
  2    invalid input: unknown option, unreadable file, invalid answers or rules
  130  interrupted (Ctrl-C): nothing written
`;

const BATCH_HELP = `
CSV: the first row holds question ids (see rules/questions.json) and optionally a "name" column;
each further row is one response. An empty cell means "unknown"; list answers are separated by ";"
(e.g. forced_labour;child_labour). Rows are counted as in a spreadsheet: the header is row 1.

A response that cannot be read (an invalid row or file) is reported on stderr with its row number or
file name and skipped; the others still run.

Exit codes:
  0    every response was evaluated, or some were and the others were skipped
       (then a "warning:" line on stderr says how many)
  1    unexpected error (a bug: please report it)
  2    invalid input: no response could be evaluated, PATH unreadable, a bad CSV header, invalid rules

Examples:
  tip-coord batch responses/ --out portfolio/
  tip-coord batch responses.csv --format html
`;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('tip-coord')
    .description('Decide how to coordinate the response to trafficking in persons (TIP) in a humanitarian response.')
    .option('--no-color', 'no colour in any output (NO_COLOR is honoured too)')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('assess')
    .description('interview (in a terminal) or answers file -> sourced recommendation and markdown report')
    .option('-a, --answers <file>', 'answers file (JSON); questions it answers are not asked again')
    .option('--set <id=value>', 'override one answer, e.g. --set governmentStance=engaged (repeatable)', collect)
    .addOption(
      new Option('-f, --format <format>', 'md: render and write a markdown report; html: write it as a self-contained HTML page; json: print the result to stdout').default(
        'md',
      ),
    )
    .option('-o, --out <dir>', 'folder for the report', 'reports')
    .option('--save-answers <file>', 'write the answers as an answers file that --answers reads back')
    .option('--name <name>', 'name of the response (no personal names)')
    .option('--rules <dir>', 'use this rule base instead of the built-in one')
    .option('--date <YYYY-MM-DD>', 'report date (default: SOURCE_DATE_EPOCH, else today)')
    .option('--force', 'replace an existing --save-answers file')
    .option('--edit', 'ask every question, with the answers file\'s answers as defaults (Enter keeps them)')
    .option('--resume <file>', 'continue an interrupted interview from its draft answers file')
    .addHelpText('after', `\nExamples:\n  tip-coord assess\n  tip-coord assess --answers examples/refugee-wg-documented.json --format json\n${EXIT_CODES_HELP}`)
    .action(async (opts) => {
      const { runAssess } = await import('./commands/assess.js');
      process.exitCode = await runAssess(opts, io());
    });

  program
    .command('explain')
    .description('the trace behind a recommendation, rule by rule: which answers met or failed each condition')
    .option('-a, --answers <file>', 'answers file (JSON)')
    .option('--set <id=value>', 'override one answer (repeatable)', collect)
    .option('-m, --mechanism <id>', 'only this mechanism or caution')
    .addOption(new Option('-f, --format <format>', 'md or json').default('md'))
    .option('--rules <dir>', 'use this rule base instead of the built-in one')
    .addHelpText('after', `\nExamples:\n  tip-coord explain --answers examples/refugee-wg-documented.json --mechanism working_group\n${EXIT_CODES_HELP}`)
    .action(async (opts) => {
      const { runExplain } = await import('./commands/explain.js');
      process.exitCode = await runExplain(opts, io());
    });

  program
    .command('compare')
    .description('two answer sets side by side: answers, recommendations, cautions and actions that differ')
    .argument('<a>', 'answers file A')
    .argument('[b]', 'answers file B (default: A; --set then applies to B, for a what-if)')
    .option('--set <id=value>', 'override one answer of B (repeatable)', collect)
    .addOption(new Option('-f, --format <format>', 'md or json').default('md'))
    .option('--rules <dir>', 'use this rule base instead of the built-in one')
    .option('--date <YYYY-MM-DD>', 'date for both results (default: SOURCE_DATE_EPOCH, else today)')
    .addHelpText(
      'after',
      `\nExamples:\n  tip-coord compare idp.json refugee.json\n  tip-coord compare this-year.json --set governmentStance=engaged\n${EXIT_CODES_HELP}`,
    )
    .action(async (a: string, b: string | undefined, opts) => {
      const { runCompare } = await import('./commands/compare.js');
      process.exitCode = await runCompare(a, b, opts, io());
    });

  program
    .command('draft')
    .description('paste-ready text for the HNO risk analysis, the HRP response strategy and the protection strategies')
    .option('-a, --answers <file>', 'answers file (JSON); questions it does not answer count as unknown')
    .option('--set <id=value>', 'override one answer, e.g. --set governmentStance=engaged (repeatable)', collect)
    .option('--section <section>', 'only one section: hno, hrp or strategy')
    .addOption(new Option('-f, --format <format>', 'md: markdown to paste; json: the texts as JSON').default('md'))
    .option('--rules <dir>', 'use this rule base instead of the built-in one')
    .addHelpText(
      'after',
      `\nThe text goes to stdout, notices to stderr. Where the government resists the word "trafficking"\n(the terminology caution), the text uses the agreed labels instead, and stderr says so.\n\nExamples:\n  tip-coord draft --answers examples/refugee-wg-documented.json\n  tip-coord draft --answers examples/refugee-wg-documented.json --section hrp > hrp.md\n${EXIT_CODES_HELP}`,
    )
    .action(async (opts) => {
      const { runDraft } = await import('./commands/draft.js');
      process.exitCode = await runDraft(opts, io());
    });

  program
    .command('batch')
    .description('evaluate many responses (a folder of answers files or a CSV file): one report each, plus a portfolio summary and chart')
    .argument('<path>', 'a folder of answers files (*.json), or a CSV file with a header row of question ids and one response per row')
    .option('-o, --out <dir>', 'folder for the reports, the summary and the chart', 'reports')
    .addOption(new Option('-f, --format <format>', 'md or html (self-contained page) for the reports and the summary').default('md'))
    .option('--rules <dir>', 'use this rule base instead of the built-in one')
    .option('--date <YYYY-MM-DD>', 'report date (default: SOURCE_DATE_EPOCH, else today)')
    .addHelpText('after', BATCH_HELP)
    .action(async (path: string, opts) => {
      const { runBatch } = await import('./commands/batch.js');
      process.exitCode = await runBatch(path, opts, io());
    });

  return program;
}

function io() {
  return { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY) };
}

export async function main(argv: string[] = process.argv): Promise<number> {
  if (!colorEnabled(argv)) {
    const { default: chalk } = await import('chalk');
    chalk.level = 0;
    // The prompts colour through node:util styleText, which reads NO_COLOR itself.
    process.env.NO_COLOR ||= '1';
  }
  const program = buildProgram();
  program.version(version(), '-V, --version');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    return handleError(err);
  }
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    // commander has already printed its message.
    return EXIT.invalidInput;
  }
  if (err instanceof UserError) {
    process.stderr.write(`tip-coord: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof InterruptedError) {
    process.stderr.write(`\n${err.message}\n`);
    return EXIT.interrupted;
  }
  process.stderr.write(`tip-coord: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.unexpected;
}
