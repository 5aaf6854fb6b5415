/**
 * What every command's declaration (`commands/<name>.command.ts`) is made of: the commander
 * Command of the tool, shared options, help texts. Loaded at start-up, so it imports no command's
 * code: each command loads its code (`commands/<name>.ts`) when it runs.
 */
import { Help, Option, type CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { UserError } from '../core/errors.js';
import { closest } from '../core/suggest.js';
import type { ToolKey, Vars } from '../core/messages.js';
import type { Context } from './context.js';
import { commandName, uiText, userError, valueList } from './ui-text.js';
import { docPath } from './examples.js';

/** A text of the tool in this run's language (set before the program is built). */
export const t = (key: ToolKey, vars?: Vars): string => uiText(key, vars);

/** ' (did you mean "x"?)', or '' when nothing is near enough. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const near = closest(input, candidates);
  return near === undefined ? '' : t('cli.didYouMean', { value: near });
}

/** How the user calls a command, e.g. "tip-coord rules init" (or "npx tip-coord …"). */
export function commandLine(cmd: CommandUnknownOpts): string {
  const names: string[] = [];
  for (let c: CommandUnknownOpts | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return [commandName(), ...names].join(' ');
}

/** The options a command knows, its own and its parents' (the global ones), by their long names. */
function knownOptions(cmd: CommandUnknownOpts): string[] {
  const known: string[] = [];
  for (let c: CommandUnknownOpts | null = cmd; c; c = c.parent)
    for (const o of c.createHelp().visibleOptions(c)) if (o.long) known.push(o.long);
  return known;
}

/** "unknown command" with "did you mean", for a name `cmd` has no command of. */
function unknownCommand(cmd: CommandUnknownOpts, name: string): UserError {
  const names = cmd
    .createHelp()
    .visibleCommands(cmd)
    .map((c) => c.name());
  return userError('cli.error.unknownCommand', { name, suggestion: didYouMean(name, names), cmd: commandLine(cmd) });
}

/**
 * One of commander's parse errors as the tool words it, through the catalogs, from what the
 * command knows (its arguments, options and what it was given): a UserError, which main() prints
 * as one line "tip-coord: …" with exit 2. Help and version (exit 0), and the help commander
 * shows for a missing command, pass as they are.
 */
function reword(cmd: CommandUnknownOpts, err: CommanderError): Error {
  const args = cmd.args;
  switch (err.code) {
    case 'commander.unknownCommand':
      return unknownCommand(cmd, args[0] ?? '');
    case 'commander.unknownOption': {
      // A command with subcommands checks options before names (it has an action: helpWhenAlone):
      // `tip-coord asess --answers x` is about the command's name.
      if (cmd.commands.length > 0 && args[0] !== undefined && !args[0].startsWith('-'))
        return unknownCommand(cmd, args[0]);
      // Commander keeps the operands first, then the unknown arguments, the first of them the flag.
      const given = (args.find((a) => a.length > 1 && a.startsWith('-')) ?? '').replace(/=.*$/s, '');
      const suggestion = given.startsWith('--') ? didYouMean(given, knownOptions(cmd)) : '';
      return userError('cli.error.unknownOption', { flag: given, suggestion, cmd: commandLine(cmd) });
    }
    case 'commander.missingArgument': {
      const missing = cmd.registeredArguments.find((a, i) => a.required && args[i] === undefined);
      return userError('cli.error.missingArgument', { name: `<${missing?.name() ?? ''}>`, cmd: commandLine(cmd) });
    }
    case 'commander.optionMissingArgument': {
      // Which of the command's options (or its parents') the error is about: the one it quotes.
      let flags = '';
      for (let c: CommandUnknownOpts | null = cmd; c && !flags; c = c.parent)
        flags = c.options.find((o) => err.message.includes(`'${o.flags}'`))?.flags ?? '';
      return userError('cli.error.optionMissingArgument', { flags, cmd: commandLine(cmd) });
    }
    case 'commander.excessArguments': {
      const expected = cmd.registeredArguments.length;
      const extra = args
        .slice(expected)
        .map((a) => JSON.stringify(a))
        .join(' ');
      return userError('cli.error.excessArguments', { cmd: commandLine(cmd), expected, got: args.length, extra });
    }
    default:
      // Help, version, and any error the tool has no words of its own for (commander's, in English).
      return err.exitCode === 0 || err.code === 'commander.help'
        ? err
        : new UserError(err.message.replace(/^error: /, ''));
  }
}

/**
 * `help [command]` for a command with subcommands, as commander's own but with "did you mean"
 * for a name it does not know instead of the whole help.
 */
function addHelpCommand(cmd: CommandUnknownOpts): void {
  cmd
    .helpCommand(false)
    .command('help')
    .argument('[command]')
    .description(t('cli.help'))
    // As commander's own: words after the command's name are ignored.
    .allowExcessArguments()
    .action((name: string | undefined) => {
      if (name === undefined) cmd.help();
      const sub = cmd.commands.find((c) => c.name() === name || c.aliases().includes(name));
      if (!sub) throw unknownCommand(cmd, name);
      sub.help();
    });
}

/**
 * A command with subcommands run without one (`tip-coord`, `tip-coord rules`): someone trying the
 * tool. Commander would show the whole help on stderr as an error; here `text` (default: the
 * command's help) goes to stdout with exit 0, as gh does. A name it has no command of is still
 * "unknown command", with "did you mean".
 */
function helpWhenAlone(cmd: CommandUnknownOpts, text: () => string = () => cmd.helpInformation()): void {
  cmd.allowExcessArguments().action(() => {
    const [name] = cmd.args;
    if (name !== undefined) throw unknownCommand(cmd, name);
    process.stdout.write(text());
  });
}

/**
 * Once every command is declared: commander's parse errors worded by the tool (exitOverride),
 * commander's own English lines silenced (configureOutput), `help NAME` with "did you mean", and
 * a command with subcommands run alone shows help, not an error (`alone`: the top level's text).
 * Documented commander only: the error's code, and what the command was given.
 */
export function wordCommanderErrors(program: CommandUnknownOpts, alone?: () => string): void {
  const each = (cmd: CommandUnknownOpts): void => {
    if (cmd.commands.length > 0 && cmd.name() !== 'help') {
      addHelpCommand(cmd);
      helpWhenAlone(cmd, cmd === program ? alone : undefined);
    }
    cmd.configureOutput({ outputError: () => {} }).exitOverride((err) => {
      throw reword(cmd, err);
    });
    for (const sub of cmd.commands) each(sub);
  };
  each(program);
}

const TITLES: Readonly<Record<string, ToolKey>> = {
  'Usage:': 'cli.title.usage',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Arguments:': 'cli.title.arguments',
  'Global Options:': 'cli.title.globalOptions',
};

/**
 * Commander's own words in the help, in this run's language: its section titles (the fixed set
 * commander passes to styleTitle) and "(default: …)".
 */
export const helpWording = {
  styleTitle: (title: string): string => {
    const key = TITLES[title];
    return key ? t(key) : title;
  },
  // Commander wraps at any white space, no-break spaces included (the French " :", « … »): keep them.
  boxWrap(this: Help, str: string, width: number): string {
    return Help.prototype.boxWrap.call(this, str.replace(/\u00a0/g, '\u0000'), width).replace(/\u0000/g, '\u00a0');
  },
  optionDescription: (o: Option): string =>
    (o.required || o.optional) && o.defaultValue !== undefined
      ? `${o.description} ${t('cli.default', { value: JSON.stringify(o.defaultValue) })}`
      : o.description,
} satisfies Partial<Help>;

/** Commander's help formatter at the width commander uses for the help (the terminal's, else 80). */
function formatter(): { help: Help; width: number } {
  const help = Object.assign(new Help(), helpWording);
  const width = process.stdout.columns || 80;
  help.helpWidth = width;
  return { help, width };
}

/** Help sections of the tool's own: wrapped at word boundaries like commander's. Examples are not wrapped. */
export const examples = (lines: readonly string[]): string =>
  `\n${t('cli.title.examples')}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

// Commander ends each added help text with a line break: none here, or the next section would follow two blank lines.
export const note = (text: string): string => {
  const { help, width } = formatter();
  return `\n${help.boxWrap(text, width)}`;
};

/** Where a command's reference page is (docs/, shipped with the package), as the user would type its path. */
export const reference = (page: string): string => note(t('cli.reference', { docs: docPath(page) }));

/** The text above the top-level help: what the tool does, where to start. */
export const about = (text: string): string => {
  const { help, width } = formatter();
  return `${help.boxWrap(text, width)}\n`;
};

/** A text wrapped at word boundaries, each line indented by `by` spaces. */
export const indented = (text: string, by: number): string => {
  const { help, width } = formatter();
  return help
    .boxWrap(text, width - by)
    .split('\n')
    .map((l) => `${' '.repeat(by)}${l}`)
    .join('\n');
};

/** The exit codes, for the top-level help only (and the README). */
export const exitCodes = (): string => {
  const { help } = formatter();
  const codes = (['0', '1', '2', '130'] as const).map((code) => help.formatItem(code, 4, t(`cli.exit.${code}`), help));
  return ['', t('cli.title.exitCodes'), ...codes].join('\n');
};

// Options several commands share.

export const rulesOption = () => new Option('--rules <dir>', t('cli.rules'));

export const dateOption = (description = t('cli.date')) => new Option('--date <YYYY-MM-DD>', description);

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** --set id=value, repeatable. */
export const setOption = (description = t('cli.set', { docs: docPath('answers.md') })) =>
  new Option('--set <id=value>', description).argParser(collect);

/** -f, --format: one of `formats`, any case ("JSON" is "json"), with "did you mean". */
export const formatOption = <const F extends string>(formats: readonly F[], fallback: F, description: string) =>
  new Option('-f, --format <format>', description).default(fallback).argParser((value: string): F => {
    const lower = value.toLowerCase();
    const found = formats.find((f) => f === lower);
    if (found === undefined) checkFormat(value, formats);
    return found ?? fallback;
  });

/**
 * -f, --format for a command that writes files: one format or several, comma-separated
 * (`md,docx,html`: one run, one set of files), any case, each checked with "did you mean".
 */
export const formatsOption = <const F extends string>(formats: readonly F[], fallback: F, description: string) =>
  new Option('-f, --format <formats>', description)
    .default(fallback as string)
    .argParser((value: string): string => checkFormats(value, formats).join(','));

/** The formats of a --format list, in the order given, each once; an error for one not in `valid`. */
export function checkFormats<const F extends string>(value: string, valid: readonly F[]): F[] {
  const asked = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter((f) => f !== '');
  if (asked.length === 0) checkFormat(value, valid);
  for (const f of asked) checkFormat(f, valid);
  return [...new Set(asked)] as F[];
}

/** --format: one of `valid` (any case; the command line lowercases it), else an error with "did you mean". */
export function checkFormat(format: string, valid: readonly string[]): void {
  if (valid.includes(format.toLowerCase())) return;
  const near = closest(format, valid);
  throw userError('error.format', {
    value: JSON.stringify(format),
    valid: valueList(valid),
    suggestion: near === undefined ? '' : uiText('cli.didYouMean', { value: near }),
  });
}

/** A command's code, loaded when it runs: one `run(options, context)`. */
export interface CommandModule<O> {
  run(options: O, context: Context): Promise<number>;
}

/**
 * Runs a command with the process's context; its outcome becomes the process's exit code. The
 * command's code and the context (which reads rule bases) load only now: --help needs neither.
 */
export async function runCommand<O>(load: () => Promise<CommandModule<O>>, options: O): Promise<void> {
  const [command, { processContext }] = await Promise.all([load(), import('./context.js')]);
  process.exitCode = await command.run(options, processContext());
}
