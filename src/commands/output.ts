import type { Io } from './assess.js';
import { userError, valueList } from '../ui-text.js';

/** Markdown to the terminal: rendered when stdout is a terminal, as plain markdown otherwise. */
export async function printMarkdown(markdown: string, io: Io): Promise<void> {
  if (io.stdout.isTTY) {
    const { renderMarkdown } = await import('../render.js');
    io.stdout.write(await renderMarkdown(markdown, io.stdout.columns));
  } else io.stdout.write(`${markdown}\n`);
}

export function checkFormat(format: string, valid: readonly string[]): void {
  if (!valid.includes(format)) throw userError('error.format', { value: JSON.stringify(format), valid: valueList(valid) });
}
