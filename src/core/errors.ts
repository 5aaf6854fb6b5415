import { cleanText } from './sanitize.js';

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  /** `rules test`: a scenario's outcome differs from what it expects (not invalid input: the files were read). */
  testFailed: 1,
  invalidInput: 2,
  interrupted: 130,
} as const;

/** A mistake the user can fix: printed as one line, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalidInput,
  ) {
    // A message may quote a file's key or value: its control characters are shown escaped.
    super(cleanText(message));
    this.name = 'UserError';
  }
}

/** The user pressed Ctrl-C: stop cleanly, write no report. */
export class InterruptedError extends Error {
  constructor(message = 'Interrupted: no report written.') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** Lists values for an error message: "a", "b" or "c". */
export function listValues(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
