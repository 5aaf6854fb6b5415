import { colorEnabled } from './color.js';
import { wrapText } from './wrap.js';

/**
 * Renders markdown for the terminal with marked-terminal. Loaded lazily: marked-terminal
 * costs about 225 ms of start-up (stack notes), paid only when a report is shown.
 */
export async function renderMarkdown(markdown: string, columns?: number): Promise<string> {
  // A pseudo-terminal may report 0 columns: treat it as unknown.
  const width = columns || process.stdout.columns || 80;
  const [{ Marked }, { markedTerminal }, { default: chalk }] = await Promise.all([
    import('marked'),
    import('marked-terminal'),
    import('chalk'),
  ]);
  const color = colorEnabled();
  // marked-terminal shares the deduplicated chalk instance: level 0 turns its colours off.
  if (!color) chalk.level = 0;
  const marked = new Marked(
    markedTerminal({
      width: Math.max(40, Math.min(width, 120)) - 2,
      reflowText: true,
      tab: 2,
      ...(color ? {} : { tableOptions: { style: { head: [], border: [] } } }),
    }),
  );
  // marked-terminal leaves inline markup in list items raw (mikaelbr/marked-terminal#371):
  // render a text token's inline tokens with the terminal renderer.
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
    },
  });
  // Nor does it wrap list items: wrap everything to the width, colour codes aside.
  return wrapText(marked.parse(markdown, { async: false }) as string, width);
}
