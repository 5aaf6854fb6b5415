/**
 * French typography as francophone humanitarian clusters write it: a no-break space (U+00A0 or
 * the narrow U+202F) before ";", ":", "!" and "?", and inside « ». Addresses, commands and
 * values in code (`a;b`, "warning:" quoted as the program prints it) are not prose and are left alone.
 */
const CODE = /https?:\/\/\S+|`[^`]*`|«[\u00a0\u202f][^«»]*[\u00a0\u202f]»|\S+[;:]\S+/g;

/** The first place where a French text breaks the rule, shown with a little context; undefined when it holds. */
export function frenchTypographyProblem(text: string): string | undefined {
  const prose = text.replace(CODE, ' ');
  const m = /\p{L}[;:!?]|[^\S\u00a0\u202f][;:!?]|«[^\u00a0\u202f]|[^\u00a0\u202f]»/u.exec(prose);
  if (!m) return undefined;
  return prose.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10).trim();
}
