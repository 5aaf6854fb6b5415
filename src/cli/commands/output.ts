import { colorEnabled } from '../color.js';
import { userError, valueList } from '../ui-text.js';

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

export function checkFormat(format: string, valid: readonly string[]): void {
  if (!valid.includes(format))
    throw userError('error.format', { value: JSON.stringify(format), valid: valueList(valid) });
}
