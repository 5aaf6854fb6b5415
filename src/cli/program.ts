/**
 * The command line: the program, its global options and help, and one line per command. A new
 * command is a file `commands/<name>.command.ts` declaring its typed options (its code beside it
 * in `commands/<name>.ts`, loaded when it runs) and one `register…` line below.
 */
import { Command } from '@commander-js/extra-typings';
import { about, exitCodes, examples, helpWording, indented, t, wordCommanderErrors } from './command-kit.js';
import { docPath, examplePath } from './examples.js';
import { commandName } from './ui-text.js';
import { registerAssess } from './commands/assess.command.js';
import { registerExplain } from './commands/explain.command.js';
import { registerCompare } from './commands/compare.command.js';
import { registerDraft } from './commands/draft.command.js';
import { registerBatch } from './commands/batch.command.js';
import { registerRules } from './commands/rules.command.js';
import { registerForm } from './commands/form.command.js';
import { registerWeb } from './commands/web.command.js';

/** Every command, by name: its `register…` declares it (its options, help and action). */
const COMMANDS: readonly (readonly [string, (program: Command) => void])[] = [
  ['assess', registerAssess],
  ['explain', registerExplain],
  ['compare', registerCompare],
  ['draft', registerDraft],
  ['batch', registerBatch],
  ['rules', registerRules],
  ['form', registerForm],
  ['web', registerWeb],
];

/**
 * The command a command line runs, when nothing before it but the options that only set the
 * run (--no-color, --lang) could make the top level do something else (its help, its version).
 */
export function commandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-color' || arg.startsWith('--lang=')) continue;
    if (arg === '--lang') {
      i++;
      continue;
    }
    return arg.startsWith('-') ? undefined : arg;
  }
  return undefined;
}

/**
 * The program for a command line (`args`, without node and the script): when it runs one of the
 * commands, only that one is declared (declaring them all, with their options and texts, is a
 * few milliseconds of every run); for anything else (the help, `help NAME`, a name misspelt,
 * which "did you mean" compares with all of them), every command.
 */
export function buildProgram(version: string, args: readonly string[] = []): Command {
  const program = new Command('tip-coord');
  // Set before the commands are made: they inherit the help option, help wording and output.
  program
    .helpOption('-h, --help', t('cli.help'))
    .configureHelp(helpWording)
    .version(version, '-V, --version', t('cli.version'))
    .option('--no-color', t('cli.noColor'))
    .option('--lang <en|fr>', t('cli.lang'))
    .addHelpText('before', () => about(`${t('cli.about')}\n${t('cli.startHere', { cmd: commandName() })}`))
    .addHelpText('after', exitCodes)
    .addHelpText('after', () => `\n${indented(t('cli.docs', { docs: docPath('README.md') }), 0)}`)
    .addHelpText('after', () =>
      examples([
        `${commandName()} assess`,
        `${commandName()} assess --answers ${examplePath()} --format json`,
        `${commandName()} explain --answers ${examplePath()}`,
        `${commandName()} help assess`,
      ]),
    );

  const named = commandOf(args);
  const only = COMMANDS.find(([name]) => name === named);
  for (const [, register] of only ? [only] : COMMANDS) register(program);
  wordCommanderErrors(program, shortHelp);
  return program;
}

/** `tip-coord` alone: what it is, where to start, the next few things people do, where the rest is. */
export function shortHelp(): string {
  const cmd = commandName();
  const things: [string, string][] = [
    [`${cmd} assess --answers FILE --set id=value`, t('cli.short.whatIf')],
    [`${cmd} draft --answers FILE`, t('cli.short.draft')],
    [`${cmd} batch export.xlsx`, t('cli.short.batch')],
    [`${cmd} rules init DIR`, t('cli.short.rules')],
    [`${cmd} web`, t('cli.short.web')],
  ];
  return [
    about(t('cli.about')),
    about(t('cli.startHere', { cmd })),
    t('cli.short.then'),
    ...things.map(([c, what]) => `  ${c}\n${indented(what, 6)}`),
    '',
    about(t('cli.short.more', { cmd, docs: docPath('README.md') })),
  ].join('\n');
}
