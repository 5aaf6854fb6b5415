import { uiLang } from '../ui-text.js';
import { basename } from 'node:path';
import { completeAnswers, toFacts, unknownIds } from '../../core/answers.js';
import { readBatch } from '../batch-input.js';
import { EXIT, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { ensureFolder, writeNewReport, writeNewReportSet } from '../files.js';
import { portfolioMarkdown, stockTakePanel, Tally, textBars, type Skipped } from '../../render/portfolio.js';
import { decide } from '../../core/decide.js';
import { holdsOn } from '../../core/conditions.js';
import { assess } from '../../core/assessment.js';
import { findPersonalData } from '../../core/personal-data.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../rules/folder.js';
import { wording } from '../../core/messages.js';
import { resolveDate, runInfo } from '../run-info.js';
import { barChartSvg } from '../../render/svg-chart.js';
import { reportFile } from './assess.js';
import { checkFormat } from './output.js';

export interface BatchOptions {
  out: string;
  rules?: string;
  format: string;
  date?: string;
  allowPersonalData?: boolean;
  /** Only the summary and its chart: no report per response (much faster for a large export). */
  summaryOnly?: boolean;
}

const FORMATS = ['md', 'html', 'docx'] as const;

/**
 * Evaluates every response of a folder, a CSV file or a KoboToolbox / ODK export (.csv, .xlsx),
 * one at a time: one report each, then a portfolio summary and its SVG chart. Memory does not
 * grow with the number of responses: the input is streamed and the summary keeps counts only
 * (see Tally). A response that cannot be read (or whose report cannot be written) is reported on
 * stderr and skipped. Exit 0 when at least one response ran (with a warning line if any was
 * skipped); 2 when none did.
 */
export async function runBatch(
  path: string,
  opts: BatchOptions,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  checkFormat(opts.format, FORMATS);
  const format = opts.format as (typeof FORMATS)[number];
  const date = resolveDate(opts.date);
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const t = wording(rules);

  // One evaluator, one response after another: concurrent runs on one engine can drop rules.
  const evaluator = new Evaluator(rules);
  const run = runInfo(rules, date);
  const tally = new Tally(rules, run.toolVersion);
  const skip = (s: Skipped): void => {
    tally.skip(s);
    io.stderr.write(`tip-coord: ${t('batch.skipped', { reason: s.reason })}\n`);
  };
  const notice = (text: string): void => void io.stderr.write(`tip-coord: ${text}\n`);
  let outChecked = false;
  const conditionsById = new Map(
    [...rules.mechanisms, ...rules.cautions, ...rules.actions].flatMap((i) => i.rules.map((r) => [r.id, r.conditions])),
  );
  for await (const item of readBatch(rules, path, notice)) {
    if ('skipped' in item) {
      skip(item.skipped);
      continue;
    }
    const input = item.input;
    // A name holding personal data skips its response, as any unreadable one (see personal-data.ts).
    // The reason goes into the summary, a file: it says what kind of data, never the data itself.
    const found = opts.allowPersonalData || input.name === undefined ? undefined : findPersonalData(input.name);
    if (found) {
      skip({
        source: input.source,
        reason: t('batch.personalData', { source: input.source, kind: t(`personalData.${found.kind}`) }),
      });
      continue;
    }
    const answers = completeAnswers(rules, input.answers);
    if (opts.summaryOnly) {
      // The bare decision, by the quick evaluator the what-if search uses: what the summary counts.
      const facts = toFacts(rules, answers);
      const d = decide(rules, (id) => holdsOn(conditionsById.get(id)!, facts));
      tally.add(input.source, {
        primary: d.primary,
        cautions: [...d.cautions].map((id) => ({ id })),
        unknowns: unknownIds(rules, answers),
        answers,
        ...(input.name ? { response: { name: input.name } } : {}),
      });
      continue;
    }
    const result = await assess(evaluator, { answers, run, ...(input.name ? { responseName: input.name } : {}) });
    const { ext, content } = await reportFile(rules, result, format);
    let report: string;
    try {
      if (!outChecked) ensureFolder(opts.out);
      outChecked = true;
      report = basename(writeNewReport(opts.out, date, input.name ?? input.fallbackName, ext, content));
    } catch (err) {
      // The folder itself is unusable: nothing more can be written, stop as before.
      if (!(err instanceof UserError) || !outChecked) throw err;
      // One report could not be written (a full disk, no free name): skip it, keep the others.
      skip({ source: input.source, reason: `${input.source}: ${err.message}` });
      continue;
    }
    tally.add(input.source, result, report);
  }
  const skipped = tally.skipped;
  const total = tally.evaluated + skipped.length;
  if (tally.evaluated === 0) throw new UserError(t('batch.noneRan', { total }));

  const portfolio = tally.portfolio();
  const { head, body } = portfolioMarkdown(rules, portfolio, date);
  const chartTitle = t('portfolio.chartTitle', { count: portfolio.total });
  const more = [stockTakePanel(rules, portfolio)];
  const svg = barChartSvg(portfolio, chartTitle, { standalone: true, more });
  let summary: string | Uint8Array | ((stem: string) => string);
  if (format === 'docx') {
    // The chart stays beside it as an SVG file; Word shows the summary's tables (the stock-take's among them).
    const { wordFile } = await import('./assess.js');
    summary = await wordFile(rules, `${head}\n${body}`, t('portfolio.title', { count: portfolio.total }), date);
  } else if (format === 'md') {
    summary = (stem) => `${head}\n![${t('portfolio.chartAlt')}](${encodeURI(`${stem}.svg`)})\n\n${body}`;
  } else {
    const { htmlDocument } = await import('../../render/html.js');
    summary = htmlDocument(
      t('portfolio.title', { count: portfolio.total }),
      [head, { svg: barChartSvg(portfolio, chartTitle, { standalone: false, more }) }, body],
      rules.lang,
    );
  }
  const [summaryPath, chartPath] = writeNewReportSet(opts.out, date, t('portfolio.fileName'), [
    { ext: format, content: summary },
    { ext: 'svg', content: svg },
  ]);

  io.stdout.write(`${textBars(rules, portfolio, io.stdout.columns || 80)}\n`);
  io.stdout.write(
    `${t(opts.summaryOnly ? 'batch.writtenSummaryOnly' : 'batch.written', { count: tally.evaluated, dir: opts.out, summary: summaryPath!, chart: chartPath! })}\n`,
  );
  if (skipped.length > 0)
    io.stderr.write(
      `tip-coord: ${t(skipped.length === 1 ? 'batch.someSkipped.one' : 'batch.someSkipped.other', { skipped: skipped.length, total })}\n`,
    );
  return EXIT.ok;
}
