import type { OutStream } from './context.js';

/**
 * A command's JSON on stdout, as gh prints it: indented on a terminal, where a person reads it;
 * compact on a pipe or in a file, where a program does (a third less to write and to read;
 * `jq .` or an editor indents it). The same answers give the same bytes to the same kind of
 * output.
 */
export function jsonText(value: unknown, out: OutStream): string {
  return `${JSON.stringify(value, null, out.isTTY ? 2 : undefined)}\n`;
}
