import { describe, expect, it } from 'vitest';
import { CommanderError } from '@commander-js/extra-typings';
import { buildProgram, commandOf } from '../../src/cli/program.js';
import { UserError } from '../../src/core/errors.js';
import { commandName, setUiLang } from '../../src/cli/ui-text.js';

/** What parsing `args` throws, as main() would get it. */
async function thrown(...args: string[]): Promise<unknown> {
  setUiLang('en');
  const argv = ['node', 'tip-coord', ...args];
  // Parse only: no command's action runs (each would load its code), so the options are left to fail.
  // The program main() builds for these arguments (only the command they run, when they run one).
  return buildProgram('0.0.0', args)
    .parseAsync(argv)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
}

describe("commander's errors, worded by the tool through documented commander (exitOverride, configureOutput)", () => {
  it.each([
    [['asess'], 'unknown command "asess" (did you mean "assess"?); tip-coord --help lists the commands.'],
    [['help', 'asses'], 'unknown command "asses" (did you mean "assess"?); tip-coord --help lists the commands.'],
    [['rules', 'valdate'], 'unknown command "valdate" (did you mean "validate"?); tip-coord rules --help lists'],
    [['rules', 'help', 'valdate'], 'unknown command "valdate" (did you mean "validate"?)'],
    [['assess', '--answer', 'x'], 'unknown option "--answer" (did you mean "--answers"?); tip-coord assess --help'],
    [['assess', '--answer=x'], 'unknown option "--answer" (did you mean "--answers"?)'],
    [['--bad'], 'unknown option "--bad"; tip-coord --help lists the options.'],
    [['assess', '--out'], '-o, --out <dir>: a value is missing after it; tip-coord assess --help says what to give.'],
    [['assess', '-a'], '-a, --answers <file>: a value is missing after it'],
    [['assess', '--answers', '--lang', 'en'], '-a, --answers <file>: a value is missing after it'],
    [['--lang'], '--lang <en|fr>: a value is missing after it; tip-coord --help says what to give.'],
    [['batch'], 'missing <path>; tip-coord batch --help says what to give.'],
    [['rules', 'init'], 'missing <dir>; tip-coord rules init --help'],
    [['explain', 'a', 'b'], 'too many arguments: tip-coord explain takes 0, got 2 ("a" "b")'],
    [['compare', 'a', 'b', 'c'], 'too many arguments: tip-coord compare takes 2, got 3 ("c")'],
  ])('%j', async (args, message) => {
    const err = await thrown(...args);
    expect(err).toBeInstanceOf(UserError);
    // "npx tip-coord" when the tests run under npx.
    expect((err as Error).message).toContain(message.replaceAll('tip-coord', commandName()));
  });

  it('help and version end the parse with exit 0; no command (or a group without its subcommand) shows help on stdout, no error', async () => {
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = (chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    };
    const stderr = process.stderr.write;
    let err = '';
    process.stderr.write = (chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    };
    try {
      for (const args of [['--help'], ['help'], ['help', 'assess'], ['help', 'help'], ['--version']]) {
        const thrownBy = await thrown(...args);
        expect(thrownBy, args.join(' ')).toBeInstanceOf(CommanderError);
        expect((thrownBy as CommanderError).exitCode, args.join(' ')).toBe(0);
      }
      out = '';
      err = '';
      // `tip-coord` alone: the short help (Start here), not an error.
      expect(await thrown()).toBeUndefined();
      expect(out).toContain('Start here');
      expect(out).toContain(`${commandName()} assess`);
      out = '';
      // `tip-coord rules` alone: the rules' help.
      expect(await thrown('rules')).toBeUndefined();
      expect(out).toContain('Usage:');
      expect(out).toContain('validate');
      expect(err).toBe('');
    } finally {
      process.stdout.write = write;
      process.stderr.write = stderr;
    }
  });
});

describe('the commands declared for a command line', () => {
  const declared = (...args: string[]) =>
    buildProgram('0.0.0', args)
      .commands.map((c) => c.name())
      .filter((n) => n !== 'help');
  const ALL = ['assess', 'explain', 'compare', 'draft', 'batch', 'rules', 'form', 'web'];

  it.each([
    [['assess', '--answers', 'x'], 'assess'],
    [['--lang', 'fr', 'draft'], 'draft'],
    [['--lang=fr', '--no-color', 'rules', 'doc'], 'rules'],
    [['-h', 'assess'], undefined],
    [['--help'], undefined],
    [['-V'], undefined],
    [[], undefined],
    [['--lang'], undefined],
  ])('%j runs %s', (args, name) => {
    expect(commandOf(args)).toBe(name);
  });

  it('only the command a line runs; every command for the help, `help NAME` or a name misspelt', () => {
    expect(declared('assess', '--format', 'json')).toEqual(['assess']);
    expect(declared('--lang', 'fr', 'batch', 'x.csv')).toEqual(['batch']);
    for (const args of [[], ['--help'], ['-h', 'assess'], ['help', 'assess'], ['asess'], ['--bad', 'assess']])
      expect(declared(...args), JSON.stringify(args)).toEqual(ALL);
  });
});
