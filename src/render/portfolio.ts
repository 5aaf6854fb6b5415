import { escapeMd } from '../core/markdown.js';
import { cleanLine } from '../core/sanitize.js';
import type { Result } from '../core/assessment.js';
import { message, wording } from '../core/messages.js';
import type { Item, RuleBase } from '../core/types.js';
import { formatDate, formatPercent } from '../core/lang.js';

/** A response that could not be read: where, and why. */
export interface Skipped {
  source: string;
  reason: string;
}

/** One evaluated response of a batch. */
export interface PortfolioEntry {
  source: string;
  result: Result;
  /** File name of its report, beside the summary. */
  report: string;
}

export interface Count {
  id: string;
  label: string;
  count: number;
}

/** A panel of the picture across responses: what is counted, and the counts. */
export interface Panel {
  title: string;
  /** Header of the first column of its table. */
  column: string;
  counts: Count[];
  /** What to say when there is nothing to count. */
  empty: string;
}

export interface Portfolio {
  total: number;
  /** Primary mechanisms, cautions and the most common unknowns, in that order. */
  panels: [Panel, Panel, Panel];
  entries: PortfolioEntry[];
  skipped: Skipped[];
}

/** How many of the most common unknowns to show. */
export const TOP_UNKNOWNS = 8;

/** Counts across responses, like Figure 1 of the 2018 stock-take: every mechanism and caution, even at zero. */
export function summarize(rules: RuleBase, entries: PortfolioEntry[], skipped: Skipped[]): Portfolio {
  const t = wording(rules);
  const count = (pred: (r: Result) => boolean): number => entries.filter((e) => pred(e.result)).length;
  const unknowns = rules.questions
    .map((q) => ({ id: q.id, label: q.label, count: count((r) => r.unknowns.includes(q.id)) }))
    .filter((c) => c.count > 0)
    // Stable sort: ties stay in questionnaire order.
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_UNKNOWNS);
  return {
    total: entries.length,
    panels: [
      {
        title: t('portfolio.primary'),
        column: t('portfolio.mechanism'),
        // In the order primary rules are tried, so the table reads like the decision.
        counts: [...rules.mechanisms]
          .sort((a, b) => firstOrder(a) - firstOrder(b))
          .map((m) => ({ id: m.id, label: m.title, count: count((r) => r.primary === m.id) })),
        empty: '',
      },
      {
        title: t('portfolio.cautions'),
        column: t('portfolio.caution'),
        counts: rules.cautions.map((c) => ({
          id: c.id,
          label: c.title,
          count: count((r) => r.cautions.some((x) => x.id === c.id)),
        })),
        empty: '',
      },
      {
        title: t('portfolio.unknowns'),
        column: t('portfolio.question'),
        counts: unknowns,
        empty: t('portfolio.noUnknowns'),
      },
    ],
    entries,
    skipped,
  };
}

const firstOrder = (m: Item): number => Math.min(...m.rules.map((r) => r.order ?? Infinity));

const share = (rules: RuleBase, n: number, total: number): string =>
  formatPercent(rules.lang, total === 0 ? 0 : n / total);

/**
 * The portfolio summary as markdown, in two parts so that a chart can go between them:
 * the head (title and stamp) and the body (tables, responses, skipped).
 */
export function portfolioMarkdown(rules: RuleBase, p: Portfolio, date: string): { head: string; body: string } {
  const t = wording(rules);
  const stamp = p.entries[0]?.result.stamp;
  const head = [
    `# ${t('portfolio.title', { count: p.total })}`,
    '',
    `> ${t('portfolio.stamp', {
      toolVersion: stamp?.tool.version ?? '',
      date: formatDate(rules, date),
      ruleSetName: escapeMd(rules.name),
      ruleSetVersion: rules.version,
      ruleSetHash: rules.hash.slice(0, 12),
      count: p.total,
      skipped: p.skipped.length,
    })}`,
    '>',
    `> ${t('report.sensitive')}`,
    '',
  ];
  const body: string[] = [];
  for (const panel of p.panels) {
    body.push(`## ${panel.title}`, '');
    if (panel.counts.length === 0) {
      body.push(panel.empty, '');
      continue;
    }
    body.push(`| ${panel.column} | ${t('portfolio.responses')} | ${t('portfolio.share')} |`, '| --- | ---: | ---: |');
    for (const c of panel.counts)
      body.push(`| ${escapeMd(c.label)} | ${c.count} | ${share(rules, c.count, p.total)} |`);
    body.push('');
  }
  body.push(`## ${t('portfolio.list')}`, '');
  body.push(
    `| ${t('portfolio.response')} | ${t('portfolio.primary')} | ${t('portfolio.cautions')} | ${t('portfolio.unknownCount')} | ${t('portfolio.report')} |`,
    '| --- | --- | --- | ---: | --- |',
  );
  for (const e of p.entries) {
    const r = e.result;
    const primary = r.recommendations.find((x) => x.role === 'primary')!.title;
    const cautions = r.cautions.map((c) => c.title).join(message(rules, 'words.listSep')) || '—';
    body.push(
      `| ${escapeMd(r.response.name ?? e.source)} | ${escapeMd(primary)} | ${escapeMd(cautions)} | ${r.unknowns.length} | [${escapeMd(e.report)}](${encodeURI(e.report)}) |`,
    );
  }
  body.push('', `## ${t('portfolio.skipped')}`, '');
  if (p.skipped.length === 0) body.push(t('portfolio.noneSkipped'));
  for (const s of p.skipped) body.push(`- ${escapeMd(s.reason)}`);
  body.push('');
  return { head: head.join('\n'), body: body.join('\n') };
}

/** The panels as text bar charts for the terminal: bars in proportion to the number of responses. */
export function textBars(rules: RuleBase, p: Portfolio, width = 80): string {
  const barMax = Math.max(10, Math.min(40, width - 50));
  const labelWidth = Math.max(...p.panels.flatMap((x) => x.counts.map((c) => [...c.label].length)), 10);
  const labelMax = Math.min(labelWidth, Math.max(20, width - barMax - 8));
  const fit = (label: string): string => {
    // A title from a rule file: one line, its control characters escaped (issue 15).
    const s = cleanLine(label);
    const chars = [...s];
    return chars.length > labelMax
      ? `${chars.slice(0, labelMax - 1).join('')}…`
      : s.padEnd(labelMax + (s.length - chars.length));
  };
  const out: string[] = [];
  for (const panel of p.panels) {
    out.push(`${cleanLine(panel.title)} (${message(rules, 'portfolio.ofResponses', { count: p.total })})`);
    if (panel.counts.length === 0) out.push(`  ${panel.empty}`);
    for (const c of panel.counts) {
      const bar = '█'.repeat(Math.round((c.count / Math.max(p.total, 1)) * barMax));
      out.push(`  ${fit(c.label)} ${bar}${bar ? ' ' : ''}${c.count}`);
    }
    out.push('');
  }
  return out.join('\n');
}
