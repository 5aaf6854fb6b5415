import { basename, dirname } from 'node:path';
import { planLine } from '../../core/plan.js';
import { questionCount, message, type MessageKey, type Vars } from '../../core/messages.js';
import { wrapText } from '../../render/wrap.js';
import type { OutStream, Result, RuleBase } from '../context.js';

/** Where the report (in each format written) and its answers are, as the screen shows them. */
export interface ShownFiles {
  reports: string[];
  answers?: string;
}

/**
 * Rows the result cannot use: the "What next?" menu below it (its question, three choices, a
 * blank line, the key hint and the two rows the prompt keeps under it) and the blank lines
 * around the result, so that the result's first line stays on screen above the menu.
 */
export const MENU_ROWS = 10;

/**
 * The result in a few lines, for the end of an interview: the decision, the review verdict of an
 * existing mechanism where there is one, the first actions, the cautions, the unknowns, and where
 * the report and its answers are. It fits the screen above the menu: on a small one (80×24, a long
 * --out path), the decision, the first action and the whole report path come first, then what
 * else fits, each line in its place.
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
  const room = (screen.rows || 24) - MENU_ROWS;
  const primary = result.recommendations.find((r) => r.role === 'primary');
  const also = result.recommendations.filter((r) => r.role === 'complementary').map((r) => r.title);
  // The first rows of page 1's plan, with their owners: the same plan the report and the JSON carry.
  const steps = result.plan.slice(0, 3).map(planLine);

  // Each part with its rank (0 first): what a small screen keeps. Shown in the order listed.
  const parts: { rank: number; lines: string[]; wrap: boolean }[] = [];
  const part = (rank: number, lines: string[], wrap = true): void => {
    if (lines.length) parts.push({ rank, lines, wrap });
  };
  if (primary) part(0, [chalk.bold(t('result.decision', { title: primary.title }))]);
  if (also.length) part(6, [t('result.also', { list: also.join(t('words.listSep')) })]);
  // The existing mechanism's review, where one exists (worded as the report words it).
  if (result.review) part(2, [t('result.review', { verdict: result.review.verdict })]);
  steps.forEach((step, i) =>
    part(i === 0 ? 0 : 4 + i, [...(i === 0 ? [t('result.firstActions')] : []), `${i + 1}. ${step}`]),
  );
  if (result.cautions.length)
    part(4, [`${t('result.cautions')} ${result.cautions.map((c) => c.title).join(t('words.listSep'))}`]);
  if (result.unknowns.length)
    part(8, [t('result.unknowns', { questions: questionCount(rules, result.unknowns.length) })]);
  // Paths are not wrapped: a line break inside one would spoil a copy and paste.
  part(0, [t('result.report', { path: written.reports[0] ?? '' })], false);
  part(3, besideLines(t, written), false);

  const height = (p: (typeof parts)[number]): number =>
    p.lines.reduce(
      (n, l) =>
        n + (p.wrap ? wrapText(l, cols).split('\n').length : Math.ceil(Math.max(1, [...l].length) / (cols + 1))),
      0,
    );
  const kept = new Set<(typeof parts)[number]>();
  let used = 0;
  for (const p of [...parts].sort((a, b) => a.rank - b.rank)) {
    // The first rank is kept whatever its height: it is what the screen is for.
    if (p.rank > 0 && used + height(p) > room) continue;
    kept.add(p);
    used += height(p);
  }
  const lines = parts
    .filter((p) => kept.has(p))
    .map((p) => (p.wrap ? wrapText(p.lines.join('\n'), cols) : p.lines.join('\n')));
  return `\n${lines.join('\n')}\n\n`;
}

/**
 * The other files of the set: beside the report under the same name, so their extensions say
 * enough (a long --out path is not repeated); answers kept elsewhere (--save-answers) get their path.
 */
function besideLines(t: (key: MessageKey, vars?: Vars) => string, written: ShownFiles): string[] {
  const [first, ...others] = written.reports;
  if (first === undefined) return written.answers ? [t('result.answers', { path: written.answers })] : [];
  const stem = basename(first).replace(/\.[^.]+$/, '');
  const near = (path: string): boolean => dirname(path) === dirname(first) && basename(path).startsWith(`${stem}.`);
  const beside = others.filter(near).map((p) => basename(p).slice(stem.length));
  const answersBeside = written.answers !== undefined && near(written.answers);
  if (answersBeside) beside.push(t('result.answersBeside', { ext: basename(written.answers!).slice(stem.length) }));
  return [
    ...(beside.length ? [t('result.beside', { list: beside.join(t('words.listSep')) })] : []),
    ...(written.answers && !answersBeside ? [t('result.answers', { path: written.answers })] : []),
  ];
}
