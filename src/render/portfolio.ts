import { escapeMd } from '../core/markdown.js';
import { cleanLine } from '../core/sanitize.js';
import type { Answers } from '../core/answers.js';
import {
  figureKeys,
  stockTakeCounters,
  STOCKTAKE_2018_RESPONSES,
  type StockTakeCounter,
  type StockTakeFigure,
} from './stocktake.js';
import { message, textFor, wording } from '../core/messages.js';
import type { Item, RuleBase } from '../core/types.js';
import { formatDate, formatPercent } from '../core/lang.js';
import { officialsComplicit } from '../core/sensitivity.js';

/** A response that could not be read: where, and why. */
export interface Skipped {
  source: string;
  reason: string;
}

/** What the summary needs of one evaluated response (a Result, or the bare decision of --summary-only). */
export interface Evaluated {
  primary: string;
  cautions: readonly { id: string }[];
  unknowns: readonly string[];
  answers: Answers;
  response?: { name?: string };
  /** Version-2 results: the review of the mechanism that already exists. */
  review?: { verdict?: string };
  stamp?: { tool: { version: string } };
}

/** One evaluated response of a batch, as `summarize` takes it. */
export interface PortfolioEntry {
  source: string;
  result: Evaluated;
  /** File name of its report, beside the summary. */
  report: string;
}

/** One row of the summary's list of responses: only what the list shows, so a large batch stays small. */
export interface ListedEntry {
  label: string;
  primary: string;
  cautions: string;
  unknowns: number;
  /** File name of its report, beside the summary; absent with --summary-only. */
  report?: string;
}

export interface Count {
  id: string;
  label: string;
  count: number;
  /** A reference share to show beside the bar (the 2018 value), and what it is. */
  mark?: number;
  markLabel?: string;
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
  toolVersion: string;
  /** Officials are suspected or documented as complicit in at least one response counted. */
  complicit: boolean;
  /** Primary mechanisms, cautions and the most common unknowns, in that order. */
  panels: [Panel, Panel, Panel];
  /** The figures of the 2018 stock-take, computed from this batch. */
  stockTake: StockTakeFigure[];
  /** Review verdicts of existing mechanisms (version-2 results), by verdict; empty when none was reviewed. */
  reviews: Count[];
  entries: ListedEntry[];
  /** Responses left out of `entries` (a list too long to be useful in one file). */
  unlisted: number;
  skipped: Skipped[];
}

/** How many of the most common unknowns to show. */
export const TOP_UNKNOWNS = 8;
/** Past this many responses, the summary lists no more (the counts still cover them all). */
export const MAX_LISTED = 5000;

/**
 * The summary's counts, kept as responses are evaluated one by one: memory does not grow with
 * the number of responses beyond the list (capped at MAX_LISTED rows).
 */
export class Tally {
  private total = 0;
  private readonly primary = new Map<string, number>();
  private readonly cautions = new Map<string, number>();
  private readonly unknowns = new Map<string, number>();
  private readonly reviews = new Map<string, number>();
  private readonly figures: StockTakeCounter[];
  private readonly listed: ListedEntry[] = [];
  private unlisted = 0;
  /** Whether any response counted has officials suspected or documented as complicit. */
  private complicit = false;
  readonly skipped: Skipped[] = [];
  private toolVersion: string;

  constructor(
    private readonly rules: RuleBase,
    toolVersion = '',
  ) {
    this.figures = stockTakeCounters(rules);
    this.toolVersion = toolVersion;
  }

  get evaluated(): number {
    return this.total;
  }

  add(source: string, r: Evaluated, report?: string): void {
    const rules = this.rules;
    this.total++;
    if (!this.toolVersion && r.stamp) this.toolVersion = r.stamp.tool.version;
    bump(this.primary, r.primary);
    for (const c of r.cautions) bump(this.cautions, c.id);
    for (const u of r.unknowns) bump(this.unknowns, u);
    if (r.review?.verdict) bump(this.reviews, r.review.verdict);
    for (const f of this.figures) f.add(r.answers);
    if (officialsComplicit(r.answers)) this.complicit = true;
    if (this.listed.length >= MAX_LISTED) {
      this.unlisted++;
      return;
    }
    const title = (items: Item[], id: string): string => items.find((m) => m.id === id)?.title ?? id;
    this.listed.push({
      label: r.response?.name ?? source,
      primary: title(rules.mechanisms, r.primary),
      cautions: r.cautions.map((c) => title(rules.cautions, c.id)).join(message(rules, 'words.listSep')) || '—',
      unknowns: r.unknowns.length,
      ...(report === undefined ? {} : { report }),
    });
  }

  skip(s: Skipped): void {
    this.skipped.push(s);
  }

  portfolio(): Portfolio {
    const rules = this.rules;
    const t = wording(rules);
    const n = (m: Map<string, number>, id: string): number => m.get(id) ?? 0;
    const unknowns = rules.questions
      .map((q) => ({ id: q.id, label: q.label, count: n(this.unknowns, q.id) }))
      .filter((c) => c.count > 0)
      // Stable sort: ties stay in questionnaire order.
      .sort((a, b) => b.count - a.count)
      .slice(0, TOP_UNKNOWNS);
    return {
      total: this.total,
      complicit: this.complicit,
      toolVersion: this.toolVersion,
      panels: [
        {
          title: t('portfolio.primary'),
          column: t('portfolio.mechanism'),
          // In the order primary rules are tried, so the table reads like the decision.
          counts: [...rules.mechanisms]
            .sort((a, b) => firstOrder(a) - firstOrder(b))
            .map((m) => ({ id: m.id, label: m.title, count: n(this.primary, m.id) })),
          empty: '',
        },
        {
          title: t('portfolio.cautions'),
          column: t('portfolio.caution'),
          counts: rules.cautions.map((c) => ({ id: c.id, label: c.title, count: n(this.cautions, c.id) })),
          empty: '',
        },
        {
          title: t('portfolio.unknowns'),
          column: t('portfolio.question'),
          counts: unknowns,
          empty: t('portfolio.noUnknowns'),
        },
      ],
      stockTake: this.figures.map((f) => f.figure()),
      reviews: [...this.reviews].map(([id, count]) => ({ id, label: id, count })),
      entries: this.listed,
      unlisted: this.unlisted,
      skipped: this.skipped,
    };
  }
}

const bump = (m: Map<string, number>, id: string): void => void m.set(id, (m.get(id) ?? 0) + 1);

/** Counts across responses, like Figure 1 of the 2018 stock-take: every mechanism and caution, even at zero. */
export function summarize(rules: RuleBase, entries: PortfolioEntry[], skipped: Skipped[]): Portfolio {
  const tally = new Tally(rules);
  for (const e of entries) tally.add(e.source, e.result, e.report);
  for (const s of skipped) tally.skip(s);
  return tally.portfolio();
}

const firstOrder = (m: Item): number => Math.min(...m.rules.map((r) => r.order ?? Infinity));

const share = (rules: RuleBase, n: number, total: number): string =>
  formatPercent(rules.lang, total === 0 ? 0 : n / total);

/**
 * The portfolio summary as markdown, in two parts so that a chart can go between them:
 * the head (title and stamp) and the body (tables, responses, skipped).
 */
export function portfolioMarkdown(
  rules: RuleBase,
  p: Portfolio,
  date: string,
  /** Link each report in this format (the summary's own), when the reports were written in it too. */
  reportExt?: string,
): { head: string; body: string } {
  const t = wording(rules);
  const head = [
    `# ${t('portfolio.title', { count: p.total })}`,
    '',
    `> ${t('portfolio.stamp', {
      toolVersion: p.toolVersion,
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
    ...(p.complicit ? [`> **${t('portfolio.complicityNotice')}**`, ''] : []),
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
  body.push(...stockTakeMarkdown(rules, p));
  body.push(`## ${t('portfolio.list')}`, '');
  body.push(
    `| ${t('portfolio.response')} | ${t('portfolio.primary')} | ${t('portfolio.cautions')} | ${t('portfolio.unknownCount')} | ${t('portfolio.report')} |`,
    '| --- | --- | --- | ---: | --- |',
  );
  for (const e of p.entries) {
    const file = e.report === undefined || !reportExt ? e.report : e.report.replace(/\.[^.]+$/, `.${reportExt}`);
    const report = file === undefined ? '—' : `[${escapeMd(file)}](${encodeURI(file)})`;
    body.push(
      `| ${escapeMd(e.label)} | ${escapeMd(e.primary)} | ${escapeMd(e.cautions)} | ${e.unknowns} | ${report} |`,
    );
  }
  if (p.unlisted > 0) body.push('', t('portfolio.unlisted', { count: p.unlisted, max: MAX_LISTED }));
  body.push('', `## ${t('portfolio.skipped')}`, '');
  if (p.skipped.length === 0) body.push(t('portfolio.noneSkipped'));
  for (const s of p.skipped) body.push(`- ${escapeMd(s.reason)}`);
  body.push('');
  return { head: head.join('\n'), body: body.join('\n') };
}

/** The 2018 stock-take's figures beside this batch's, how each is derived, and the review verdicts. */
function stockTakeMarkdown(rules: RuleBase, p: Portfolio): string[] {
  const t = wording(rules);
  const out = [
    `## ${t('stockTake.title')}`,
    '',
    t('stockTake.intro', { count: p.total, responses2018: STOCKTAKE_2018_RESPONSES }),
    '',
    `| ${t('stockTake.figure')} | ${t('stockTake.thisBatch')} | ${t('stockTake.in2018', { responses2018: STOCKTAKE_2018_RESPONSES })} | ${t('stockTake.derived')} |`,
    '| --- | ---: | ---: | --- |',
  ];
  for (const f of p.stockTake) {
    const k = figureKeys(f.id);
    const value = f.asked
      ? `${share(rules, f.count, f.total)} (${f.count}/${f.total}${f.unknown ? `; ${t('stockTake.unknown', { count: f.unknown })}` : ''})`
      : t('stockTake.notAsked');
    out.push(`| ${t(k.name)} | ${value} | ${t(k.value2018)} | ${t(f.asked ? k.derived : k.notAsked)} |`);
  }
  out.push('', t('stockTake.source'), '');
  if (p.reviews.length > 0) {
    out.push(`### ${t('stockTake.reviews')}`, '');
    out.push(
      `| ${t('stockTake.verdict')} | ${t('portfolio.responses')} | ${t('portfolio.share')} |`,
      '| --- | ---: | ---: |',
    );
    for (const c of p.reviews) {
      // A verdict the catalog words (keep, strengthen, merge, hand_over, close), else its id as the results carry it.
      const label = textFor(rules.messages, `stockTake.verdicts.${c.id}`) ?? c.label;
      out.push(`| ${escapeMd(label)} | ${c.count} | ${share(rules, c.count, p.total)} |`);
    }
    out.push('');
  }
  return out;
}

/** The stock-take figures as a chart panel: this batch's share, the 2018 value in the label. */
export function stockTakePanel(rules: RuleBase, p: Portfolio): Panel {
  const t = wording(rules);
  return {
    title: t('stockTake.title'),
    column: t('stockTake.figure'),
    counts: p.stockTake
      .filter((f) => f.asked)
      .map((f: StockTakeFigure) => ({
        id: f.id,
        label: `${t(figureKeys(f.id).name)} (2018: ${t(figureKeys(f.id).value2018)})`,
        count: f.count,
        mark: f.share2018,
        markLabel: `2018: ${t(figureKeys(f.id).value2018)}`,
      })),
    empty: t('stockTake.noneAsked'),
  };
}

/** The panels as text bar charts for the terminal: bars in proportion to the number of responses. */
export function textBars(rules: RuleBase, p: Portfolio, width = 80): string {
  const barMax = Math.max(10, Math.min(40, width - 50));
  const labelWidth = Math.max(
    ...[...p.panels, stockTakePanel(rules, p)].flatMap((x) => x.counts.map((c) => [...c.label].length)),
    10,
  );
  const labelMax = Math.min(labelWidth, Math.max(20, width - barMax - 8));
  const fit = (label: string): string => {
    // A title from a rule file: one line, its control characters escaped.
    const s = cleanLine(label);
    const chars = [...s];
    return chars.length > labelMax
      ? `${chars.slice(0, labelMax - 1).join('')}…`
      : s.padEnd(labelMax + (s.length - chars.length));
  };
  const out: string[] = [];
  for (const panel of [...p.panels, stockTakePanel(rules, p)]) {
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
