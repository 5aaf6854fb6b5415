import { questionCount, message, type MessageKey, type Vars } from '../../core/messages.js';
import { wrapText } from '../../render/wrap.js';
import type { OutStream, Result, RuleBase } from '../context.js';

/** Where the report and its answers are, as the screen shows them. */
export interface ShownFiles {
  report: string;
  answers?: string;
}

/**
 * The result in a few lines, for the end of an interview: the decision, the review verdict of an
 * existing mechanism where there is one, the first actions, the cautions, the unknowns, and
 * where the report and the answers are.
 */
export async function shortResult(
  rules: RuleBase,
  result: Result,
  written: ShownFiles,
  screen: OutStream,
): Promise<string> {
  const { default: chalk } = await import('chalk');
  const t = (key: MessageKey, vars?: Vars): string => message(rules, key, vars);
  const cols = (screen.columns || 80) - 1;
  // The menu below and the blank lines around take about ten rows: the result fits in the rest,
  // so that the decision stays in view above the menu.
  const room = (screen.rows || 24) - 10;
  const primary = result.recommendations.find((r) => r.role === 'primary');
  const also = result.recommendations.filter((r) => r.role === 'complementary').map((r) => r.title);
  const head: string[] = [];
  if (primary) head.push(chalk.bold(t('result.decision', { title: primary.title })));
  if (also.length) head.push(t('result.also', { list: also.join(t('words.listSep')) }));
  // The existing mechanism's review, where one exists (worded as the report words it).
  if (result.review) head.push(t('result.review', { verdict: result.review.verdict }));
  const tail: string[] = [];
  if (result.cautions.length)
    tail.push(`${t('result.cautions')} ${result.cautions.map((c) => c.title).join(t('words.listSep'))}`);
  if (result.unknowns.length)
    tail.push(t('result.unknowns', { questions: questionCount(rules, result.unknowns.length) }));
  // Paths are not wrapped: a line break inside one would spoil a copy and paste.
  const paths = [t('result.report', { path: written.report })];
  if (written.answers) paths.push(t('result.answers', { path: written.answers }));
  const rows = (lines: string[]): number =>
    lines.reduce((n, l) => n + wrapText(l, cols).split('\n').length, 0) +
    paths.reduce((n, p) => n + Math.ceil([...p].length / (cols + 1)), 0);
  // As many first actions as the screen has room for (the report has them all).
  const actions: string[] = [];
  // The first rows of page 1's plan, with their owners: the same plan the report and the JSON carry.
  for (const [i, row] of result.plan.slice(0, 3).entries()) {
    const line = `${i + 1}. ${row.action} (${row.ownerLabel})`;
    const next = [...actions, line];
    if (rows([...head, t('result.firstActions'), ...next, ...tail]) + 1 > room) break;
    actions.push(line);
  }
  const lines = [...head, ...(actions.length ? [t('result.firstActions'), ...actions] : []), ...tail];
  return `\n${wrapText(lines.join('\n'), cols)}\n${paths.join('\n')}\n\n`;
}
