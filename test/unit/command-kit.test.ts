import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliCommand } from '../../src/cli/command-kit.js';

describe('CliCommand', () => {
  it('overrides methods commander really calls on a parse error (a rename in commander shows here)', () => {
    const methods = [
      'unknownCommand',
      'unknownOption',
      'missingArgument',
      'optionMissingArgument',
      '_excessArguments',
      '_dispatchHelpCommand',
    ];
    for (const m of methods) {
      expect(typeof (Command.prototype as unknown as Record<string, unknown>)[m], m).toBe('function');
      expect(Object.hasOwn(CliCommand.prototype, m), m).toBe(true);
    }
  });

  it('makes its subcommands CliCommands too', () => {
    const program = new CliCommand('tip-coord');
    expect(program.command('assess')).toBeInstanceOf(CliCommand);
  });
});
