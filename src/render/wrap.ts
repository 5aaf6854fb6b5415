// Colour codes take no room on screen: measure text without them.
const SGR = /\x1b\[[0-9;]*m/g;
const visible = (s: string): number => [...s.replace(SGR, '')].length;
/** Table rows must keep their borders: never wrap them. */
const TABLE_ROW = /[│┌┐└┘├┤┬┴┼─]/;

/**
 * Word-wraps text to a terminal width, line by line, keeping each line's indentation (and a
 * list marker's) on its continuation lines, so that output wraps cleanly at 80 columns rather
 * than being cut mid-word by the terminal. Colour codes are not counted. Wide (CJK)
 * characters count as one column; these texts rarely hold them.
 */
export function wrapText(text: string, width: number): string {
  const w = Math.max(20, width - 1);
  return text
    .split('\n')
    .map((line) => {
      if (visible(line) <= w || TABLE_ROW.test(line)) return line;
      const indent = /^(?:\s|\x1b\[[0-9;]*m)*(?:[-*•] |\d+\. )?/.exec(line)![0];
      const pad = ' '.repeat(visible(indent));
      const out: string[] = [];
      let current = '';
      for (const word of line.slice(indent.length).split(/ +/)) {
        const prefix = out.length === 0 ? indent : pad;
        const next = current ? `${current} ${word}` : word;
        if (current && visible(prefix) + visible(next) > w) {
          out.push(prefix + current);
          current = word;
        } else current = next;
      }
      out.push((out.length === 0 ? indent : pad) + current);
      return out.join('\n');
    })
    .join('\n');
}
