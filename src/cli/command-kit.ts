/**
 * What every command's declaration (`commands/<name>.command.ts`) is made of: the commander
 * Command of the tool, shared options, help texts. Loaded at start-up, so it imports no command's
 * code: each command loads its code (`commands/<name>.ts`) when it runs.
 */
import { Command, Help, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { closest } from '../core/suggest.js';
import type { MessageKey, Vars } from '../core/messages.js';
import type { Context } from './context.js';
import { commandName, uiText, userError, valueList } from './ui-text.js';

/** A text of the tool in this run's language (set before the program is built). */
export const t = (key: MessageKey, vars?: Vars): string => uiText(key, vars);

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

const baseDispatchHelp = (
  Command.prototype as unknown as { _dispatchHelpCommand(this: CommandUnknownOpts, name?: string): unknown }
)._dispatchHelpCommand;

/**
 * The tool's commander Command. Commander reports a parse error by calling one of the methods
 * below (its own, not in its typings; commander is pinned, test/unit/command-kit.test.ts checks
 * they still exist and test/cli/command-line.test.ts drives each): here they throw a UserError
 * worded through the catalogs, with
 * "did you mean", which main() prints as one line "tip-coord: …" and exit 2.
 */
export class CliCommand extends Command {
  override createCommand(name?: string): Command {
    return new CliCommand(name);
  }

  unknownCommand(name: string = this.args[0] ?? ''): never {
    const names = this.createHelp()
      .visibleCommands(this)
      .map((c) => c.name());
    throw userError('cli.error.unknownCommand', { name, suggestion: didYouMean(name, names), cmd: commandLine(this) });
  }

  unknownOption(flag: string): never {
    // This command's options and its parents' (the global ones).
    const known: string[] = [];
    const add = (c: CommandUnknownOpts | null): void => {
      if (!c) return;
      for (const o of c.createHelp().visibleOptions(c)) if (o.long) known.push(o.long);
      add(c.parent);
    };
    add(this);
    const given = flag.split('=')[0]!;
    const suggestion = given.startsWith('--') ? didYouMean(given, known) : '';
    throw userError('cli.error.unknownOption', { flag: given, suggestion, cmd: commandLine(this) });
  }

  missingArgument(name: string): never {
    throw userError('cli.error.missingArgument', { name: `<${name}>`, cmd: commandLine(this) });
  }

  optionMissingArgument(option: { flags: string }): never {
    throw userError('cli.error.optionMissingArgument', { flags: option.flags, cmd: commandLine(this) });
  }

  _excessArguments(received: string[]): never {
    const expected = this.registeredArguments.length;
    const extra = received
      .slice(expected)
      .map((a) => JSON.stringify(a))
      .join(' ');
    throw userError('cli.error.excessArguments', { cmd: commandLine(this), expected, got: received.length, extra });
  }

  /** `help NAME`: NAME's help, or an unknown command with "did you mean" (not the whole help). */
  _dispatchHelpCommand(name?: string): unknown {
    if (name !== undefined && !this.commands.some((c) => c.name() === name || c.aliases().includes(name)))
      this.unknownCommand(name);
    return baseDispatchHelp.call(this, name);
  }
}

const TITLES: Readonly<Record<string, MessageKey>> = {
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
function formatter(): Help {
  const help = Object.assign(new Help(), helpWording);
  help.helpWidth = process.stdout.columns || 80;
  return help;
}

/** Help sections of the tool's own: wrapped at word boundaries like commander's. Examples are not wrapped. */
export const examples = (lines: readonly string[]): string =>
  `\n${t('cli.title.examples')}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;

export const note = (text: string): string => {
  const help = formatter();
  return `\n${help.boxWrap(text, help.helpWidth!)}\n`;
};

/** The text above the top-level help: what the tool does, where to start. */
export const about = (text: string): string => {
  const help = formatter();
  return `${help.boxWrap(text, help.helpWidth!)}\n`;
};

/** The exit codes, for the top-level help only (and the README). */
export const exitCodes = (): string => {
  const help = formatter();
  const codes = (['0', '1', '2', '130'] as const).map((code) => help.formatItem(code, 4, t(`cli.exit.${code}`), help));
  return ['', t('cli.title.exitCodes'), ...codes].join('\n');
};

// Options several commands share.

export const rulesOption = () => new Option('--rules <dir>', t('cli.rules'));

export const dateOption = (description = t('cli.date')) => new Option('--date <YYYY-MM-DD>', description);

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** --set id=value, repeatable. */
export const setOption = (description = t('cli.set')) => new Option('--set <id=value>', description).argParser(collect);

/** -f, --format: one of `formats`, any case ("JSON" is "json"), with "did you mean". */
export const formatOption = <const F extends string>(formats: readonly F[], fallback: F, description: string) =>
  new Option('-f, --format <format>', description).default(fallback).argParser((value: string): F => {
    const lower = value.toLowerCase();
    const found = formats.find((f) => f === lower);
    if (found === undefined) checkFormat(value, formats);
    return found ?? fallback;
  });

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
