import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { colorEnabled } from './color.js';
import { EXIT, InterruptedError, UserError } from './errors.js';

const EXIT_CODES_HELP = `
Exit codes:
  0    done
  1    unexpected error (a bug: please report it); for "rules test": a scenario failed
  2    invalid input: unknown option, unreadable file, invalid answers or rules
  130  interrupted (Ctrl-C): nothing written
`;

const RULES_OPTION = 'use the rule base in this folder instead of the built-in one';

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
    .addOption(new Option('-f, --format <format>', 'md: render and write a report; json: print the result to stdout').default('md'))
    .option('-o, --out <dir>', 'folder for the report', 'reports')
    .option('--save-answers <file>', 'write the answers as an answers file that --answers reads back')
    .option('--name <name>', 'name of the response (no personal names)')
    .option('--rules <dir>', RULES_OPTION)
    .option('--date <YYYY-MM-DD>', 'report date (default: SOURCE_DATE_EPOCH, else today)')
    .option('--force', 'replace an existing --save-answers file')
    .addHelpText('after', `\nExamples:\n  tip-coord assess\n  tip-coord assess --answers examples/cox-bazar-like.json --format json\n${EXIT_CODES_HELP}`)
    .action(async (opts) => {
      const { runAssess } = await import('./commands/assess.js');
      process.exitCode = await runAssess(opts, { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: Boolean(process.stdin.isTTY) });
    });

  const io = { stdout: process.stdout, stderr: process.stderr };
  // Each `rules` command loads its module only when run, like `assess`: start-up stays fast.
  type RulesModule = typeof import('./commands/rules.js');
  const rulesAction =
    <A extends unknown[]>(run: (m: RulesModule, ...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      process.exitCode = await run(await import('./commands/rules.js'), ...args);
    };
  const rules = program
    .command('rules')
    .description('check, test, document and copy the rule base (rules/)')
    .addHelpText('after', EXIT_CODES_HELP);

  rules
    .command('validate')
    .description('check every rule file; --deep also checks the outcome of every 3-way combination of answers')
    .option('--rules <dir>', RULES_OPTION)
    .option('--deep', 'evaluate a covering array of all 3-way combinations of answer values plus a random sample')
    .option('--samples <n>', 'random answer sets in --deep', '500')
    .option('--seed <n>', 'seed of the random sample in --deep', '1')
    .addHelpText('after', `\nErrors name the file, the rule and the condition; warnings do not fail.\n${EXIT_CODES_HELP}`)
    .action(rulesAction((m, opts: Parameters<RulesModule['runValidate']>[0]) => m.runValidate(opts, io)));

  rules
    .command('test')
    .description('run scenario files (answers and expected outcome), then show which rules and conditions they exercised')
    .argument('[files...]', 'scenario files or folders (default: test/scenarios/)')
    .option('--rules <dir>', RULES_OPTION)
    .addHelpText('after', `\nExit code 1 when a scenario's outcome differs from what it expects.\n${EXIT_CODES_HELP}`)
    .action(rulesAction((m, files: string[], opts: Parameters<RulesModule['runTest']>[1]) => m.runTest(files, opts, io)));

  rules
    .command('doc')
    .description('the rule base as a markdown review document: decision tables in plain words, with sources')
    .option('--rules <dir>', RULES_OPTION)
    .option('-o, --out <file>', 'write the document to this file instead of stdout')
    .option('--force', 'replace an existing --out file')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(rulesAction((m, opts: Parameters<RulesModule['runDoc']>[0]) => m.runDoc(opts, io)));

  rules
    .command('init')
    .description('copy the built-in rule base to a folder, to adapt it to a context; then use it with --rules')
    .argument('<dir>', 'new or empty folder for the copy')
    .option('--name <name>', "the copy's rule-set name, shown in every report (default: the folder's name)")
    .option('--force', 'copy into a non-empty folder, replacing files of the same name')
    .addHelpText('after', `\nExample:\n  tip-coord rules init rules-country-x && tip-coord assess --rules rules-country-x\n${EXIT_CODES_HELP}`)
    .action(rulesAction((m, dir: string, opts: Parameters<RulesModule['runInit']>[1]) => m.runInit(dir, opts, io)));

  return program;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // A reader that stops early (`| head`) is not an error: stop quietly, as other tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  });
  if (!colorEnabled(argv)) {
    const { default: chalk } = await import('chalk');
    chalk.level = 0;
  }
  const program = buildProgram();
  if (argv.includes('--version') || argv.includes('-V')) program.version(version(), '-V, --version');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    return handleError(err);
  }
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
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
