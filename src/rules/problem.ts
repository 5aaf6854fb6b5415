/** One problem found in the rule base: where it is and what is wrong. */
export interface Problem {
  file: string;
  rule?: string;
  where?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const at = [p.file, p.rule ? `rule "${p.rule}"` : '', p.where ?? ''].filter(Boolean).join(', ');
  return `${at}: ${p.message}`;
}
