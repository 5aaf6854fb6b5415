import { UserError } from '../errors.js';
import type { Io } from './assess.js';

/** Markdown to the terminal: rendered when stdout is a terminal, as plain markdown otherwise. */
export async function printMarkdown(markdown: string, io: Io): Promise<void> {
  if (io.stdout.isTTY) {
    const { renderMarkdown } = await import('../render.js');
    io.stdout.write(await renderMarkdown(markdown, io.stdout.columns));
  } else io.stdout.write(`${markdown}\n`);
}

export function checkFormat(format: string, valid: readonly string[]): void {
  if (!valid.includes(format)) throw new UserError(`--format ${JSON.stringify(format)}: valid formats are ${valid.map((v) => `"${v}"`).join(', ')}.`);
}
