import { uiLang } from '../ui-text.js';
import { basename } from 'node:path';
import { completeAnswers } from '../../core/answers.js';
import { readBatch } from '../batch-input.js';
import { EXIT, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { ensureFolder, WriteError, writeNewReport, writeNewReportSet } from '../files.js';
import { cleanUpOnSignals, sweepStaleTemps } from '../temp-files.js';
import { checkRuleSetStamp } from '../stamp-check.js';
import { portfolioMarkdown, summarize, textBars, type PortfolioEntry, type Skipped } from '../../render/portfolio.js';
import type { RuleBase } from '../../core/types.js';
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
}

const FORMATS = ['md', 'html', 'docx'] as const;

/**
 * Evaluates every response of a folder or CSV file: one report each, then a portfolio summary
 * and its SVG chart. A response that cannot be read is reported on stderr and skipped.
 * Exit 0 when at least one response ran (with a warning line if any was skipped); 2 when none did.
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
  // The rule set's name and its folder are printed in every report's stamp and in the summary:
  // checked as `assess` checks them, before anything is read or written.
  if (!opts.allowPersonalData) checkRuleSetStamp(rules);
  const {
    inputs: read,
    skipped,
    notices,
  } = readBatch(rules, path, {
    ...(opts.allowPersonalData ? { allowPersonalData: true } : {}),
  });
  for (const n of notices) io.stderr.write(`tip-coord: ${n}\n`);
  // A name holding personal data skips its response, as any unreadable one (see personal-data.ts).
  // The reason goes into the summary, a file: it says what kind of data, never the data itself.
  const inputs = read.filter((input) => {
    const found = opts.allowPersonalData || input.name === undefined ? undefined : findPersonalData(input.name);
    if (found) {
      const reason = t('batch.personalData', { source: input.source, kind: t(`personalData.${found.kind}`) });
      skipped.push({ source: input.source, reason, detail: reason });
    }
    return !found;
  });
  for (const s of skipped) io.stderr.write(`tip-coord: ${t('batch.skipped', { reason: s.detail })}\n`);
  const total = inputs.length + skipped.length;
  if (inputs.length === 0) throw new UserError(t('batch.noneRan', { total }));
  // The folder before evaluating anything: if it cannot be made, stop with nothing written.
  // Then the temporary files that an earlier run, killed outright, left there.
  ensureFolder(opts.out);
  sweepStaleTemps(opts.out);

  // SIGINT, SIGTERM, SIGHUP: stop between two reports, leave no temporary file (issue 15).
  const stopCleaningUp = cleanUpOnSignals(() => t('batch.interrupted'));
  // One evaluator, one response after another: concurrent runs on one engine can drop rules.
  const evaluator = new Evaluator(rules);
  const entries: PortfolioEntry[] = [];
  const run = runInfo(rules, date);
  try {
    for (const input of inputs) {
      // A turn of the event loop between two responses: a signal is handled there.
      await new Promise((resolve) => setImmediate(resolve));
      const result = await assess(evaluator, {
        answers: completeAnswers(rules, input.answers),
        run,
        ...(input.name ? { responseName: input.name } : {}),
      });
      const { ext, content } = await reportFile(rules, result, format);
      let report: string;
      try {
        report = basename(writeNewReport(opts.out, date, input.name ?? input.fallbackName, ext, content));
      } catch (err) {
        // A full disk or no free name for this one response: skip it, say why, go on with the others.
        if (!(err instanceof WriteError)) throw err;
        const reason = t('batch.skip.notWritten', { source: input.source, why: err.why });
        skipped.push({ source: input.source, reason, detail: err.message });
        io.stderr.write(`tip-coord: ${t('batch.skipped', { reason: err.message })}\n`);
        continue;
      }
      entries.push({ source: input.source, result, report });
    }
    if (entries.length === 0) throw new UserError(t('batch.noneRan', { total }));
    return await writeSummary(rules, opts, format, date, entries, skipped, total, io);
  } finally {
    stopCleaningUp();
  }
}

async function writeSummary(
  rules: RuleBase,
  opts: BatchOptions,
  format: (typeof FORMATS)[number],
  date: string,
  entries: PortfolioEntry[],
  skipped: Skipped[],
  total: number,
  io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
): Promise<number> {
  const t = wording(rules);
  const portfolio = summarize(rules, entries, skipped);
  const { head, body } = portfolioMarkdown(rules, portfolio, date);
  const chartTitle = t('portfolio.chartTitle', { count: portfolio.total });
  const svg = barChartSvg(portfolio, chartTitle, { standalone: true });
  let summary: string | Uint8Array | ((stem: string) => string);
  if (format === 'docx') {
    // The chart stays beside it as an SVG file; Word shows the summary's tables.
    const { wordFile } = await import('./assess.js');
    summary = await wordFile(rules, `${head}\n${body}`, t('portfolio.title', { count: portfolio.total }), date);
  } else if (format === 'md') {
    summary = (stem) => `${head}\n![${t('portfolio.chartAlt')}](${encodeURI(`${stem}.svg`)})\n\n${body}`;
  } else {
    const { htmlDocument } = await import('../../render/html.js');
    summary = htmlDocument(
      t('portfolio.title', { count: portfolio.total }),
      [head, { svg: barChartSvg(portfolio, chartTitle, { standalone: false }) }, body],
      rules.lang,
    );
  }
  const [summaryPath, chartPath] = writeNewReportSet(opts.out, date, t('portfolio.fileName'), [
    { ext: format, content: summary },
    { ext: 'svg', content: svg },
  ]);

  io.stdout.write(`${textBars(rules, portfolio, io.stdout.columns || 80)}\n`);
  io.stdout.write(
    `${t('batch.written', { count: entries.length, dir: opts.out, summary: summaryPath!, chart: chartPath! })}\n`,
  );
  if (skipped.length > 0)
    io.stderr.write(
      `tip-coord: ${t(skipped.length === 1 ? 'batch.someSkipped.one' : 'batch.someSkipped.other', { skipped: skipped.length, total })}\n`,
    );
  return EXIT.ok;
}
