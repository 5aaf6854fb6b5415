import { toAnswersFile, validateAnswersFile, type Answers } from '../core/answers.js';
import { UserError } from '../core/errors.js';
import { MAX_JSON_BYTES, parseJson } from '../core/json.js';
import { message } from '../core/messages.js';
import { personalDataProblem } from '../core/personal-data.js';
import type { RuleBase } from '../core/types.js';

/** Answers as read from a file, a draft or the page's address. */
export interface GivenAnswers {
  answers: Answers;
  name?: string;
}

/**
 * Reads an answers file's text as the command line reads `--answers`: the same size limit,
 * JSON parser, validation (version 1 read as version 2) and personal-data check of the name.
 * Throws a UserError worded in the rule base's language.
 */
export function readAnswers(rules: RuleBase, text: string, where: string): GivenAnswers {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_JSON_BYTES)
    throw new UserError(message(rules, 'error.file.tooLarge', { path: where, size, max: MAX_JSON_BYTES }));
  const file = validateAnswersFile(parseJson(text, where, rules.messages), rules, where);
  const name = file.response?.name;
  const problem = personalDataProblem(rules, name, `${where}: "response.name"`);
  if (problem) throw new UserError(problem);
  return name === undefined ? { answers: file.answers } : { answers: file.answers, name };
}

/** The answers file the command line reads (`assess --answers`), as the command line writes it. */
export function answersJson(answers: Answers, name: string | undefined): string {
  return `${JSON.stringify(toAnswersFile(answers, name), null, 2)}\n`;
}

/** base64url (RFC 4648 §5, padding optional) to UTF-8 text; undefined when it is not base64url. */
export function fromBase64Url(b64: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(b64)) return undefined;
  try {
    const binary = atob(b64.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offers bytes or text as a download; nothing leaves the computer. */
export function download(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date where the user is, as the command line dates a report (YYYY-MM-DD). */
export function today(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
