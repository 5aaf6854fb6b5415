import { describe, expect, it } from 'vitest';
import { CommanderError } from '@commander-js/extra-typings';
import { buildProgram } from '../../src/cli/program.js';
import { UserError } from '../../src/core/errors.js';
import { commandName, setUiLang } from '../../src/cli/ui-text.js';

/** What parsing `args` throws, as main() would get it. */
async function thrown(...args: string[]): Promise<unknown> {
  setUiLang('en');
  const argv = ['node', 'tip-coord', ...args];
  // Parse only: no command's action runs (each would load its code), so the options are left to fail.
  return buildProgram('0.0.0')
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

  it('help and version end the parse with exit 0; no command shows the help as an error', async () => {
    const write = process.stdout.write;
    process.stdout.write = () => true;
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      for (const args of [['--help'], ['help'], ['help', 'assess'], ['help', 'help'], ['--version']]) {
        const err = await thrown(...args);
        expect(err, args.join(' ')).toBeInstanceOf(CommanderError);
        expect((err as CommanderError).exitCode, args.join(' ')).toBe(0);
      }
      expect(((await thrown()) as CommanderError).exitCode).toBe(1);
    } finally {
      process.stdout.write = write;
      process.stderr.write = stderr;
    }
  });
});
