/**
 * Control characters from hostile files: C0 and C1 controls, DEL and the
 * bidirectional formatting characters (marks, embeddings, overrides, isolates) never reach a
 * terminal or a file raw. They are shown escaped (`\u001b`), so the text stays readable and
 * a reader sees that something odd was there, but a terminal is never reset or retitled, an
 * SVG stays valid XML and a name cannot pretend to read backwards.
 *
 * One set of functions, used at the edges (terminal writes, file writes) and by the renderers
 * for names and titles.
 */

/** Controls other than tab and newline, DEL, C1, and the bidi formatting characters. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
/** The same, and the line breaks too: a name or a title is one line. */
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
/** What JSON.stringify leaves raw but a terminal or a reader should not see raw. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text written or printed (a report, a message): every control but tab and newline shown escaped. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** One line of text from a user or a file (a name, a title, a label): line breaks escaped too. */
export function cleanLine(s: string): string {
  return s.replace(UNSAFE_IN_LINE, escapeChar);
}

/** An id, a key or a file name in a message: quoted JSON-style, every control escaped. */
export function quoted(s: string): string {
  return JSON.stringify(s).replace(UNSAFE_IN_JSON, escapeChar);
}

// A CSI sequence (colours, the prompts' cursor moves): the only escape sequences tip-coord
// itself writes to a terminal. Anything else with an ESC (OSC titles, RIS resets, charset
// switches) did not come from tip-coord.
const CSI_OR_UNSAFE =
  /\u001b\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text about to be written to a terminal (stdout or stderr): the CSI sequences of colours and
 * prompts and a carriage return pass; every other control is shown escaped. Texts from files
 * are cleaned before they are rendered, so a CSI sequence here is tip-coord's own.
 */
export function cleanTerminal(s: string): string {
  return s.replace(CSI_OR_UNSAFE, (m) => (m.length > 1 ? m : escapeChar(m)));
}

/** Whether `s` holds a character cleanText would escape. */
export function hasControls(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s);
}
