/**
 * The entry point (bundled into dist/tip-coord.js, started by bin/tip-coord.js): the language,
 * the program, the exit code. Each command's code loads only when it runs; --help and --version
 * load this bundle's first file and the catalog of texts, nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommanderError } from '@commander-js/extra-typings';
import { EXIT, InterruptedError, UserError } from './core/errors.js';
import { colorEnabled } from './cli/terminal/color.js';
import { guardTerminal } from './cli/terminal/terminal-guard.js';
import { buildProgram } from './cli/program.js';
import { resolveLang, setUiLang, uiText } from './cli/ui-text.js';
import { PACKAGE_ROOT } from './paths.js';
import { directOutput } from './cli/direct-output.js';

export async function main(argv: string[] = process.argv): Promise<number> {
  directOutput();
  watchOutput();
  // The help and commander's errors are worded before --lang is checked: in the language asked
  // for when it is valid, else in the environment's (the command then refuses the bad --lang).
  setUiLang(resolveLang(validLang(argv)));
  try {
    const program = buildProgram(version(), argv.slice(2));
    program.hook('preAction', () => prepare(argv));
    await program.parseAsync(argv);
    return await settled(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
  } catch (err) {
    return await settled(handleError(err));
  }
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** --lang from the command line wherever it stands (it words even commander's errors and --help). */
function langArg(argv: readonly string[]): string | undefined {
  for (const [i, a] of argv.entries()) {
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

function validLang(argv: readonly string[]): string | undefined {
  const asked = langArg(argv);
  try {
    resolveLang(asked);
    return asked;
  } catch {
    return undefined;
  }
}

/** Before a command's action (not for --help or --version): check --lang, settle colour. */
function prepare(argv: readonly string[]): void {
  guardTerminal();
  setUiLang(resolveLang(langArg(argv)));
  if (!colorEnabled(argv)) {
    // Said to every colouring library before it loads: chalk and @colors/colors (marked-terminal's
    // tables) read FORCE_COLOR, the prompts' node:util styleText reads NO_COLOR.
    process.env.NO_COLOR ||= '1';
    process.env.FORCE_COLOR = '0';
  }
}

/** The first failure to write to stdout or stderr, other than a reader that stopped early. */
let outputFailure: { stream: NodeJS.WriteStream; err: NodeJS.ErrnoException } | undefined;

/**
 * A reader that stops early (`tip-coord --help | head -1`, EPIPE) is not an error: stop quietly,
 * as other tools do. Any other failure to write (a full disk, `> /dev/full`) is kept, and said
 * once the command is done (see `settled`): the output is incomplete, so the run failed.
 */
function watchOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      outputFailure ??= { stream, err };
    });
  }
}

/**
 * The exit code once what was written has gone out or failed: a failure to write to stdout is
 * said on stderr, in plain words, and the run exits 2 (as for a file that cannot be written);
 * one to stderr cannot be said, but the exit code still tells.
 */
async function settled(code: number): Promise<number> {
  await new Promise<void>((done) => process.stdout.write('', () => done()));
  // An error of the last write is emitted on the next turn of the event loop.
  await new Promise((done) => setImmediate(done));
  if (!outputFailure) return code;
  if (outputFailure.stream === process.stdout) {
    // Loaded only then: the start of every run does not pay for the way to disk.
    const { writeFailure } = await import('./cli/report-files.js');
    process.stderr.write(`tip-coord: ${uiText('error.write.stdout', { why: writeFailure(outputFailure.err) })}\n`);
  }
  return code === EXIT.ok ? EXIT.invalidInput : code;
}

function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    // --help, --version, `help COMMAND` (`tip-coord` alone is not an error: the short help, on stdout).
    if (err.exitCode === 0) return EXIT.ok;
    // Every other error is a UserError (wordCommanderErrors in command-kit.ts).
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

/** For the build (vite.build.config.ts): checks the built-in rules and writes their precompiled copy. */
export async function precompileRules(): Promise<{ written: string[]; problems: string[] }> {
  const { precompileBuiltIn } = await import('./rules/precompile.js');
  return precompileBuiltIn();
}
