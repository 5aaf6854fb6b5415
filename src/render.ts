import { colorEnabled, loadChalk } from './color.js';

/**
 * Renders markdown for the terminal with marked-terminal. Loaded lazily: marked-terminal
 * costs about 225 ms of start-up (stack notes), paid only when a report is shown.
 */
export async function renderMarkdown(markdown: string, width?: number): Promise<string> {
  // chalk first: marked-terminal shares the instance, and loadChalk() turns its colours off.
  await loadChalk();
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const color = colorEnabled();
  const marked = new Marked(
    markedTerminal({
      // A pseudo-terminal may report 0 columns: treat it as unknown.
      width: Math.max(40, Math.min(width || process.stdout.columns || 80, 120)) - 2,
      reflowText: true,
      tab: 2,
      ...(color ? {} : { tableOptions: { style: { head: [], border: [] } } }),
    }),
  );
  return marked.parse(markdown, { async: false }) as string;
}
