import { colorEnabled } from '../terminal/color.js';
import { closest } from '../../core/suggest.js';
import { uiText, userError, valueList } from '../ui-text.js';

/** Where a command writes, and whether it may ask: given to each command, so tests can pass their own. */
export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdinIsTTY: boolean;
}

/** Markdown to the terminal: rendered when stdout is a terminal, as plain markdown otherwise. */
export async function printMarkdown(markdown: string, io: Io): Promise<void> {
  if (io.stdout.isTTY) {
    const { renderMarkdown } = await import('../../render/terminal.js');
    io.stdout.write(await renderMarkdown(markdown, { columns: io.stdout.columns, color: colorEnabled() }));
  } else io.stdout.write(`${markdown}\n`);
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
