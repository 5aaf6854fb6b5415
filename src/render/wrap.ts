import { wrapAnsi } from 'fast-wrap-ansi';

// Colour codes take no room on screen: measure text without them.
const SGR = /\x1b\[[0-9;]*m/g;
/** Table rows must keep their borders: never wrap them. */
const TABLE_ROW = /[│┌┐└┘├┤┬┴┼─]/;
/** A line's indentation, with a list marker if it has one: continuation lines line up after it. */
const INDENT = /^(?:\s|\x1b\[[0-9;]*m)*(?:(?:[-*•✓✗–❯›] |\d+\. )(?:\x1b\[[0-9;]*m)*)?/;

/**
 * Word-wraps text to a terminal width, line by line, keeping each line's indentation (and a
 * list marker's) on its continuation lines, so that output wraps cleanly rather than being cut
 * mid-word by the terminal. Widths come from fast-wrap-ansi (the wrapper the prompts use), which
 * skips colour codes and counts wide (CJK) characters as two columns. Only a word longer than
 * a whole line is ever broken.
 */
export function wrapText(text: string, width: number): string {
  const w = Math.max(20, width - 1);
  return text
    .split('\n')
    .map((line) => {
      if (TABLE_ROW.test(line)) return line;
      const indent = INDENT.exec(line)![0];
      const pad = indent.replace(SGR, '').length;
      const body = line.slice(indent.length);
      const room = Math.max(10, w - pad);
      return wrapAnsi(breakLongWords(body, room), room, { trim: true, hard: true, wordWrap: true })
        .split('\n')
        .map((l, i) => (i === 0 ? indent : ' '.repeat(pad)) + l)
        .join('\n');
    })
    .join('\n');
}

/**
 * A first line that starts with `lead` (a cursor, a tick box), continuation lines lined up
 * under the text: "❯ ◯ A long answer…\n    …goes on here".
 */
export function hanging(lead: string, text: string, width: number): string {
  const pad = lead.replace(SGR, '').length;
  const room = Math.max(10, Math.max(20, width - 1) - pad);
  return wrapAnsi(breakLongWords(text, room), room, { trim: true, hard: true, wordWrap: true })
    .split('\n')
    .map((l, i) => (i === 0 ? lead : ' '.repeat(pad)) + l)
    .join('\n');
}

/**
 * A word longer than a whole line (a path, a file name) must be broken somewhere: after a "/",
 * "-", "_" or "." where it has one, so that no part of it is cut in the middle of a word.
 */
function breakLongWords(text: string, room: number): string {
  return text
    .split(' ')
    .map((word) => {
      if ([...word.replace(SGR, '')].length <= room || /\x1b/.test(word)) return word;
      const parts = word.match(/[^/\-_.]*[/\-_.]+|[^/\-_.]+$/g) ?? [word];
      const lines: string[] = [];
      let line = '';
      for (const part of parts) {
        if (line && [...line].length + [...part].length > room) {
          lines.push(line);
          line = '';
        }
        line += part;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join(' ');
}
