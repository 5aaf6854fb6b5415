// The start-up path, in CommonJS on purpose: Node loads CommonJS from its start-up snapshot,
// while the first ES module pays for the ESM loader (about 10 ms on a 2-core machine, a third
// of the --help budget; see "Speed" in the README). Only commander is loaded here; the ES
// modules (language, colour, each command) are imported when a command runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { Command, CommanderError, Option } from 'commander';

/**
 * The help's words in the user's language, looked up by their English text (gettext style) in
 * rules/locales/cli.<lang>.json. Read here, in CommonJS and without the ES modules of the tool,
 * to keep --help fast; a test checks that every text below has its French.
 */
let catalog: Record<string, string> | undefined;
function h(english: string): string {
  return catalog?.[english] ?? english;
}

/** The language asked for: --lang, else the locale environment (lang.ts checks the value later). */
function helpLang(argv: readonly string[]): string {
  const env = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].find((v) => v);
  return (langArg(argv) ?? env ?? 'en').toLowerCase().split(/[_.@-]/)[0] ?? 'en';
}

function loadCatalog(argv: readonly string[]): void {
  const lang = helpLang(argv);
  if (lang === 'en') return;
  try {
    catalog = JSON.parse(readFileSync(join(__dirname, '..', 'rules', 'locales', `cli.${lang}.json`), 'utf8')) as Record<
      string,
      string
    >;
  } catch {
    // No such language: the command itself says so (lang.ts), in English.
  }
}

const exitCodesHelp = (): string =>
  [
    '',
    h('Exit codes:'),
    `  0    ${h('done')}`,
    `  1    ${h('unexpected error (a bug: please report it); for "rules test": a scenario failed')}`,
    `  2    ${h('invalid input: unknown option, unreadable file, invalid answers or rules')}`,
    `  130  ${h("interrupted (Ctrl-C): no report written; an interview's answers so far are kept as a draft")}`,
    '',
  ].join('\n');

/** Text after a command's options: a note, examples, then the exit codes. */
const after = (note: string | undefined, examples: string[], codes = exitCodesHelp()): string =>
  [
    note === undefined ? '' : `\n${note}`,
    examples.length ? `\n${h('Examples:')}\n${examples.map((e) => `  ${e}`).join('\n')}` : '',
    codes,
  ].join('\n');

const batchCodesHelp = (): string =>
  [
    '',
    h('Exit codes:'),
    `  0    ${h('every response was evaluated, or some were and the others were skipped (then a "warning:" line on stderr says how many)')}`,
    `  1    ${h('unexpected error (a bug: please report it)')}`,
    `  2    ${h('invalid input: no response could be evaluated, PATH unreadable, a bad CSV header, invalid rules')}`,
    '',
  ].join('\n');

/**
 * Commander's own words (titles, errors, defaults) in the user's language: each catalog entry
 * whose English holds {0} is a pattern, the rest are replaced as they stand.
 */
function localize(text: string): string {
  if (!catalog) return text;
  let out = text;
  for (const [en, tr] of Object.entries(catalog)) {
    if (!en.includes('{0}') || !en.startsWith('commander:')) continue;
    const pattern = new RegExp(
      en
        .slice('commander:'.length)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace('\\{0\\}', '(.+?)'),
      'g',
    );
    out = out.replace(pattern, (_m, v: string) => tr.replace('{0}', v));
  }
  return out;
}

const RULES_OPTION = 'use the rule base in this folder instead of the built-in one';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command('tip-coord')
    // Set before the subcommands are made: they inherit the help option, help and output settings.
    .helpOption('-h, --help', h('display help for command'))
    .helpCommand('help [command]', h('display help for command'))
    .configureHelp({ styleTitle: (title: string) => h(title) })
    .configureOutput({
      writeOut: (str) => process.stdout.write(localize(str)),
      writeErr: (str) => process.stderr.write(localize(str)),
    })
    .description(h('Decide how to coordinate the response to trafficking in persons (TIP) in a humanitarian response.'))
    .option('--no-color', h('no colour in any output (NO_COLOR is honoured too)'))
    .option('--lang <en|fr>', h('language of every text (default: from LC_ALL, LC_MESSAGES or LANG, else English)'))
    .addHelpText('after', () => exitCodesHelp())
    .showHelpAfterError(h('(run with --help for usage)'))
    .exitOverride();

  program
    .command('assess')
    .description(h('interview (in a terminal) or answers file -> sourced recommendation and markdown report'))
    .option('-a, --answers <file>', h('answers file (JSON); questions it answers are not asked again'))
    .option('--set <id=value>', h('override one answer, e.g. --set governmentStance=engaged (repeatable)'), collect)
    .addOption(
      new Option(
        '-f, --format <format>',
        h(
          'md: render and write a markdown report; html: write it as a self-contained HTML page; docx: write it as a Word file; json: print the result to stdout',
        ),
      ).default('md'),
    )
    .option('-o, --out <dir>', h('folder for the report'), 'reports')
    .option('--save-answers <file>', h('write the answers as an answers file that --answers reads back'))
    .option('--name <name>', h('name of the response (no personal names)'))
    .option('--rules <dir>', h(RULES_OPTION))
    .option('--date <YYYY-MM-DD>', h('report date (default: SOURCE_DATE_EPOCH, else today)'))
    .option('--force', h('replace an existing --save-answers file (a report is never replaced: it gets a new name)'))
    .option('--allow-personal-data', h('accept a response name that looks like an e-mail address or a phone number'))
    .option('--edit', h("ask every question, with the answers file's answers as defaults (Enter keeps them)"))
    .option('--resume <file>', h('continue an interrupted interview from its draft answers file'))
    .addHelpText('after', () =>
      after(undefined, [
        'tip-coord assess',
        'tip-coord assess --answers examples/refugee-wg-documented.json --format json',
      ]),
    )
    .action(async (opts) => {
      const { runAssess } = await import('./cli/commands/assess.js');
      process.exitCode = await runAssess(opts, io());
    });

  program
    .command('explain')
    .description(h('the trace behind a recommendation, rule by rule: which answers met or failed each condition'))
    .option('-a, --answers <file>', h('answers file (JSON)'))
    .option('--set <id=value>', h('override one answer (repeatable)'), collect)
    .option('-m, --mechanism <id>', h('only this mechanism or caution'))
    .addOption(new Option('-f, --format <format>', h('md or json')).default('md'))
    .option('--rules <dir>', h(RULES_OPTION))
    .addHelpText('after', () =>
      after(undefined, ['tip-coord explain --answers examples/refugee-wg-documented.json --mechanism working_group']),
    )
    .action(async (opts) => {
      const { runExplain } = await import('./cli/commands/explain.js');
      process.exitCode = await runExplain(opts, io());
    });

  program
    .command('compare')
    .description(h('two answer sets side by side: answers, recommendations, cautions and actions that differ'))
    .argument('<a>', h('answers file A'))
    .argument('[b]', h('answers file B (default: A; --set then applies to B, for a what-if)'))
    .option('--set <id=value>', h('override one answer of B (repeatable)'), collect)
    .addOption(new Option('-f, --format <format>', h('md or json')).default('md'))
    .option('--rules <dir>', h(RULES_OPTION))
    .option('--date <YYYY-MM-DD>', h('date for both results (default: SOURCE_DATE_EPOCH, else today)'))
    .addHelpText('after', () =>
      after(undefined, [
        'tip-coord compare idp.json refugee.json',
        'tip-coord compare this-year.json --set governmentStance=engaged',
      ]),
    )
    .action(async (a: string, b: string | undefined, opts) => {
      const { runCompare } = await import('./cli/commands/compare.js');
      process.exitCode = await runCompare(a, b, opts, io());
    });

  program
    .command('draft')
    .description(
      h('paste-ready text for the HNO risk analysis, the HRP response strategy and the protection strategies'),
    )
    .option('-a, --answers <file>', h('answers file (JSON); questions it does not answer count as unknown'))
    .option('--set <id=value>', h('override one answer, e.g. --set governmentStance=engaged (repeatable)'), collect)
    .option('--section <section>', h('only one section: hno, hrp, strategy, or tor (terms of reference outline)'))
    .addOption(
      new Option(
        '-f, --format <format>',
        h('md: markdown to paste; json: the texts as JSON; docx: a Word file in --out'),
      ).default('md'),
    )
    .option('-o, --out <dir>', h('folder for the Word file (--format docx)'), 'reports')
    .option(
      '--date <YYYY-MM-DD>',
      h('date of the ToR review and of the Word file (default: SOURCE_DATE_EPOCH, else today)'),
    )
    .option('--rules <dir>', h(RULES_OPTION))
    .addHelpText('after', () =>
      after(
        h(
          'The text goes to stdout, notices to stderr. Where the government resists the word "trafficking" (the terminology caution), the text uses the agreed labels instead, and stderr says so.',
        ),
        [
          'tip-coord draft --answers examples/refugee-wg-documented.json',
          'tip-coord draft --answers examples/refugee-wg-documented.json --section hrp > hrp.md',
        ],
      ),
    )
    .action(async (opts) => {
      const { runDraft } = await import('./cli/commands/draft.js');
      process.exitCode = await runDraft(opts, io());
    });

  program
    .command('batch')
    .description(
      h(
        'evaluate many responses (a folder of answers files or a CSV file): one report each, plus a portfolio summary and chart',
      ),
    )
    .argument(
      '<path>',
      h('a folder of answers files (*.json), or a CSV file with a header row of question ids and one response per row'),
    )
    .option('-o, --out <dir>', h('folder for the reports, the summary and the chart'), 'reports')
    .addOption(
      new Option(
        '-f, --format <format>',
        h('md, html (self-contained page) or docx (Word) for the reports and the summary'),
      ).default('md'),
    )
    .option('--rules <dir>', h(RULES_OPTION))
    .option('--date <YYYY-MM-DD>', h('report date (default: SOURCE_DATE_EPOCH, else today)'))
    .option('--allow-personal-data', h('accept response names that look like an e-mail address or a phone number'))
    .addHelpText('after', () =>
      after(
        [
          h(
            'CSV: the first row holds question ids (see rules/questions.json) and optionally a "name" column; each further row is one response. An empty cell means "unknown"; list answers are separated by ";" (e.g. forced_labour;child_labour). Rows are counted as in a spreadsheet: the header is row 1.',
          ),
          '',
          h(
            'A response that cannot be read (an invalid row or file) is reported on stderr with its row number or file name and skipped; the others still run.',
          ),
        ].join('\n'),
        ['tip-coord batch responses/ --out portfolio/', 'tip-coord batch responses.csv --format html'],
        batchCodesHelp(),
      ),
    )
    .action(async (path: string, opts) => {
      const { runBatch } = await import('./cli/commands/batch.js');
      process.exitCode = await runBatch(path, opts, io());
    });

  const rulesIo = { stdout: process.stdout, stderr: process.stderr };
  // Each `rules` command loads its module only when run, like `assess`: start-up stays fast.
  type RulesModule = typeof import('./cli/commands/rules.js');
  const rulesAction =
    <A extends unknown[]>(run: (m: RulesModule, ...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      process.exitCode = await run(await import('./cli/commands/rules.js'), ...args);
    };
  const rules = program
    .command('rules')
    .description(h('check, test, document and copy the rule base (rules/)'))
    .addHelpText('after', () => exitCodesHelp());

  rules
    .command('validate')
    .description(h('check every rule file; --deep also checks the outcome of every 3-way combination of answers'))
    .option('--rules <dir>', h(RULES_OPTION))
    .option('--deep', h('evaluate a covering array of all 3-way combinations of answer values plus a random sample'))
    .option('--samples <n>', h('random answer sets in --deep'), '500')
    .option('--seed <n>', h('seed of the random sample in --deep'), '1')
    .addHelpText('after', () => after(h('Errors name the file, the rule and the condition; warnings do not fail.'), []))
    .action(rulesAction((m, opts: Parameters<RulesModule['runValidate']>[0]) => m.runValidate(opts, rulesIo)));

  rules
    .command('test')
    .description(
      h('run scenario files (answers and expected outcome), then show which rules and conditions they exercised'),
    )
    .argument('[files...]', h('scenario files or folders (default: the scenarios/ folder of the rule folder)'))
    .option('--rules <dir>', h(RULES_OPTION))
    .addHelpText('after', () => after(h("Exit code 1 when a scenario's outcome differs from what it expects."), []))
    .action(
      rulesAction((m, files: string[], opts: Parameters<RulesModule['runTest']>[1]) => m.runTest(files, opts, rulesIo)),
    );

  rules
    .command('doc')
    .description(h('the rule base as a markdown review document: decision tables in plain words, with sources'))
    .option('--rules <dir>', h(RULES_OPTION))
    .option('-o, --out <file>', h('write the document to this file instead of stdout'))
    .option('--force', h('replace an existing --out file'))
    .addHelpText('after', () => exitCodesHelp())
    .action(rulesAction((m, opts: Parameters<RulesModule['runDoc']>[0]) => m.runDoc(opts, rulesIo)));

  rules
    .command('init')
    .description(h('copy the built-in rule base to a folder, to adapt it to a context; then use it with --rules'))
    .argument('<dir>', h('new or empty folder for the copy'))
    .option('--name <name>', h("the copy's rule-set name, shown in every report (default: the folder's name)"))
    .option('--force', h('copy into a non-empty folder, replacing files of the same name'))
    .option('--allow-personal-data', h('accept a rule-set name that looks like an e-mail address or a phone number'))
    .addHelpText('after', () =>
      after(undefined, ['tip-coord rules init rules-country-x && tip-coord assess --rules rules-country-x']),
    )
    .action(
      rulesAction((m, dir: string, opts: Parameters<RulesModule['runInit']>[1]) => m.runInit(dir, opts, rulesIo)),
    );

  return program;
}

function io() {
  // isatty(0), not process.stdin.isTTY: that getter builds the stdin stream (about 1.5 ms), which
  // only the interview needs.
  return { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: isatty(0) };
}

/** --lang from the command line wherever it stands (it words even commander's errors and --help). */
function langArg(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
}

export async function main(argv: string[] = process.argv): Promise<number> {
  quietOnClosedPipe();
  loadCatalog(argv);
  const program = buildProgram();
  program.version(version(), '-V, --version', h('output the version number'));
  // Before any command's action, never for --help or --version: they load no ES module.
  program.hook('preAction', () => prepare(argv));
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return handleError(err);
  }
}

/** The language (--lang, else the locale environment) and colour, for the command about to run. */
async function prepare(argv: readonly string[]): Promise<void> {
  const [{ colorEnabled }, { resolveLang }, { setUiLang }] = await Promise.all([
    import('./cli/color.js'),
    import('./cli/ui-text.js'),
    import('./cli/ui-text.js'),
  ]);
  if (!colorEnabled(argv)) {
    // Said to every colouring library before it loads: chalk and @colors/colors (marked-terminal's
    // tables) read FORCE_COLOR, the prompts' node:util styleText reads NO_COLOR.
    process.env.NO_COLOR ||= '1';
    process.env.FORCE_COLOR = '0';
  }
  setUiLang(resolveLang(langArg(argv)));
}

/**
 * A reader that stops early (`tip-coord --help | head -1`) is not an error: stop quietly, as
 * other tools do, instead of a stack trace from the stream.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    });
  }
}

async function handleError(err: unknown): Promise<number> {
  if (err instanceof CommanderError) {
    // --help and --version end here too: no ES module may be loaded on this path.
    // (EXIT.ok and EXIT.invalidInput of errors.ts.)
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    // commander has already printed its message.
    return 2;
  }
  // Loaded only now: the commands loaded the same module, so instanceof holds.
  const { EXIT, InterruptedError, UserError } = await import('./core/errors.js');
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
