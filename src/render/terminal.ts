import { wrapText } from './wrap.js';

/**
 * Renders markdown for the terminal with marked-terminal. Loaded lazily: marked-terminal
 * costs about 225 ms of start-up (stack notes), paid only when a report is shown.
 */
export async function renderMarkdown(markdown: string, opts: { columns?: number; color: boolean }): Promise<string> {
  const { columns, color } = opts;
  // A pseudo-terminal may report 0 columns: treat it as unknown.
  const width = columns || 80;
  const [{ Marked }, { markedTerminal }, { default: chalk }] = await Promise.all([
    import('marked'),
    import('marked-terminal'),
    import('chalk'),
  ]);
  // marked-terminal shares the deduplicated chalk instance: level 0 turns its colours off.
  if (!color) chalk.level = 0;
  const plain = (s: string): string => s;
  const marked = new Marked(
    markedTerminal({
      width: Math.max(40, Math.min(width, 120)) - 2,
      reflowText: true,
      tab: 2,
      // Its default styles wrap items and paragraphs in colour resets, which break the
      // indentation of nested lists (the why / why-not trees) when colour is on.
      listitem: plain,
      paragraph: plain,
      text: plain,
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
  return wrapText(marked.parse(tablesAsLists(markdown), { async: false }) as string, width);
}

/**
 * Tables as lists, for the terminal only (files keep their tables): a table wider than the
 * screen wraps into broken box-drawing lines, while a list item wraps cleanly. Each row
 * becomes "- first cell — header: cell · header: cell".
 */
export function tablesAsLists(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  const cells = (line: string): string[] =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    const isTable = lines[i]!.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '');
    if (!isTable) {
      out.push(lines[i]!);
      continue;
    }
    const head = cells(lines[i]!);
    i += 2;
    for (; i < lines.length && lines[i]!.trim().startsWith('|'); i++) {
      const row = cells(lines[i]!);
      const rest = row.slice(1).map((c, j) => (head[j + 1] ? `${head[j + 1]}: ${c}` : c));
      out.push(`- ${row[0] ?? ''}${rest.length ? ` — ${rest.join(' · ')}` : ''}`);
    }
    i -= 1;
  }
  return out.join('\n');
}
