/**
 * A command context for in-process tests: captured streams (no terminal), a fixed clock, an
 * environment of the test's choosing, one language. Commands are called as the command line
 * calls them, `run(options, context)`, against the source.
 */
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { Lang } from '../../src/core/lang.js';
import { makeContext, type Context } from '../../src/cli/context.js';

/** A stream that keeps what is written to it. */
class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Noon UTC on the 1st of March 2024: the same local date in every time zone from UTC-11 to UTC+11. */
export const FIXED_NOW = new Date('2024-03-01T12:00:00Z');
export const FIXED_DATE = '2024-03-01';

export interface TestRun {
  ctx: Context;
  /** What the command wrote on stdout and stderr so far, colours removed. */
  stdout(): string;
  stderr(): string;
}

export function testContext(opts: { lang?: Lang; env?: NodeJS.ProcessEnv; now?: Date } = {}): TestRun {
  const out = new Capture();
  const err = new Capture();
  const now = opts.now ?? FIXED_NOW;
  const ctx = makeContext({
    stdout: out,
    stderr: err,
    stdinIsTTY: false,
    env: opts.env ?? {},
    now: () => now,
    lang: opts.lang ?? 'en',
    color: false,
  });
  return {
    ctx,
    stdout: () => stripVTControlCharacters(out.text),
    stderr: () => stripVTControlCharacters(err.text),
  };
}
