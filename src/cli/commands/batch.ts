import { basename } from 'node:path';
import { completeAnswers, toFacts, unknownIds } from '../../core/answers.js';
import { readBatch, type BatchSkipped } from '../inputs/batch.js';
import { EXIT, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import {
  cleanUpOnSignals,
  checkFolder,
  ensureFolder,
  REPORT_FAMILY,
  reportMaker,
  sweepStaleTemps,
  wordFile,
  WriteError,
  writeNewReportSet,
  type ReportFormat,
  type SetFile,
} from '../report-files.js';
import { gateFor, type Checked } from '../gate.js';
import { portfolioMarkdown, stockTakePanel, Tally, textBars } from '../../render/portfolio.js';
import type { RuleBase } from '../../core/types.js';
import { decide } from '../../core/decide.js';
import { holdsOn } from '../../core/conditions.js';
import { assess } from '../../core/assessment.js';
import { wording } from '../../core/messages.js';
import { runInfo } from '../run-info.js';
import { barChartSvg } from '../../render/svg-chart.js';
import { checkFormats } from '../command-kit.js';
import type { Context } from '../context.js';
import { countInputs } from '../inputs/batch.js';
import { Progress } from '../terminal/batch-progress.js';
import { collectSooner } from '../heap.js';

export interface BatchOptions {
  /** A folder of answers files, a CSV file or a KoboToolbox / ODK export. */
  path: string;
  out: string;
  rules?: string;
  format: string;
  date?: string;
  allowPersonalData?: boolean;
  /** Only the summary and its chart: no report per response (much faster for a large export). */
  summaryOnly?: boolean;
  /** Replace the reports and the summary an earlier run wrote under the same names, instead of numbering new ones. */
  force?: boolean;
}

const FORMATS = ['md', 'html', 'docx'] as const;
/** The summary in any format and its chart: one set. */
const SUMMARY_FAMILY = [...FORMATS, 'svg'] as const;

/**
 * Evaluates every response of a folder, a CSV file or a KoboToolbox / ODK export (.csv, .xlsx),
 * one at a time: one report each, then a portfolio summary and its SVG chart. Memory does not
 * grow with the number of responses: the input is streamed and the summary keeps counts only
 * (see Tally). A response that cannot be read (or whose report cannot be written) is reported on
 * stderr and skipped; the summary says what kind of problem it was, never the value.
 * Exit 0 when at least one response ran (with a warning line if any was skipped); 2 when none did.
 */
export async function run(opts: BatchOptions, ctx: Context): Promise<number> {
  const formats: ReportFormat[] = checkFormats(opts.format, FORMATS);
  const path = opts.path;
  const date = ctx.date(opts.date);
  const rules = ctx.rules(opts.rules);
  const t = wording(rules);
  // The rule set's name and its folder are printed in every report's stamp and in the summary:
  // checked as `assess` checks them, before anything is read or written; so is --out.
  const gate = gateFor(rules, opts);
  gate.ruleSet();
  const out = gate.path(opts.out, '--out');
  // A folder that cannot take the reports is said at once, not as every response skipped; it is
  // made with the first report, so that an input refused whole leaves no folder behind.
  checkFolder(out);

  // One evaluator, one response after another: concurrent runs on one engine can drop rules.
  const evaluator = new Evaluator(rules);
  const run = runInfo(rules, date);
  const tally = new Tally(rules, run.toolVersion);
  const skip = (s: BatchSkipped): void => {
    // The summary keeps the reason (no value, no content); the screen shows the full message.
    tally.skip({ source: s.source, reason: s.reason });
    ctx.stderr.write(`tip-coord: ${t('batch.skipped', { reason: s.detail })}\n`);
    progress.tick();
  };
  const notice = (text: string): void => void ctx.stderr.write(`tip-coord: ${text}\n`);
  let outReady = false;
  let stopCleaningUp: (() => void) | undefined;
  const conditionsById = new Map(
    [...rules.mechanisms, ...rules.cautions, ...rules.actions, ...rules.verdicts].flatMap((i) =>
      i.rules.map((r) => [r.id, r.conditions]),
    ),
  );
  // Each response's report, in every format asked for, is one set under one name (see writeNewReportSet).
  const makeReport = opts.summaryOnly ? undefined : await reportMaker(rules, formats);
  // Word reports are the garbage that made memory grow with the batch (see collectSooner).
  if (makeReport && formats.includes('docx')) collectSooner();
  const written = new Set<string>();
  // Count, rate and time left on stderr, in a terminal only (time left when the count is known).
  const progress = new Progress(rules, ctx.stderr.isTTY ? countInputs(path) : undefined, ctx.stderr);
  try {
    let n = 0;
    for await (const item of readBatch(rules, path, notice, gate)) {
      // A turn of the event loop between two responses (every 256 without reports): a signal is handled there.
      if (!opts.summaryOnly || ++n % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
      if ('skipped' in item) {
        skip(item.skipped);
        continue;
      }
      const input = item.input;
      // A name holding personal data skips its response, as any unreadable one (see gate.ts).
      // The reason goes into the summary, a file: it says what kind of data, never the data itself.
      const sifted = input.name === undefined ? undefined : gate.sift(input.name);
      if (sifted && 'found' in sifted) {
        const reason = t('batch.personalData', { source: input.source, kind: t(`personalData.${sifted.found.kind}`) });
        skip({ source: input.source, reason, detail: reason });
        continue;
      }
      const name = sifted?.name;
      if (!outReady) {
        // The folder before evaluating anything: if it cannot be made, stop with nothing written.
        // Then the temporary files that an earlier run, killed outright, left there.
        ensureFolder(out);
        sweepStaleTemps(out);
        // SIGINT, SIGTERM, SIGHUP: stop between two reports, leave no temporary file.
        stopCleaningUp = cleanUpOnSignals(() => t('batch.interrupted'));
        outReady = true;
      }
      const answers = completeAnswers(rules, input.answers);
      if (!makeReport) {
        // --summary-only. The bare decision, by the quick evaluator the what-if search uses: what the summary counts.
        const facts = toFacts(rules, answers);
        const d = decide(
          rules,
          (id) => {
            const conditions = conditionsById.get(id);
            return conditions !== undefined && holdsOn(conditions, facts);
          },
          facts,
        );
        tally.add(input.source, {
          primary: d.primary,
          cautions: [...d.cautions].map((id) => ({ id })),
          unknowns: unknownIds(rules, answers),
          answers,
          ...(name ? { response: { name } } : {}),
        });
        continue;
      }
      const result = await assess(evaluator, { answers, run, ...(name ? { responseName: name } : {}) });
      const { files } = await makeReport(result);
      let report: string;
      try {
        const [first] = writeNewReportSet(out, date, name ?? input.fallbackName, files, {
          force: Boolean(opts.force),
          family: REPORT_FAMILY,
          taken: written,
        });
        report = basename(first ?? '');
      } catch (err) {
        // A full disk or no free name for this one response: skip it, say why, go on with the others.
        if (!(err instanceof WriteError)) throw err;
        skip({
          source: input.source,
          reason: t('batch.skip.notWritten', { source: input.source, why: err.why }),
          detail: err.message,
        });
        continue;
      }
      tally.add(input.source, result, report);
      progress.tick();
    }
    progress.end();
    const total = tally.evaluated + tally.skipped.length;
    if (tally.evaluated === 0) throw new UserError(t('batch.noneRan', { total }));
    return await writeSummary(rules, { ...opts, out }, formats, date, tally, ctx);
  } finally {
    stopCleaningUp?.();
  }
}

async function writeSummary(
  rules: RuleBase,
  opts: BatchOptions & { out: Checked },
  formats: readonly ReportFormat[],
  date: string,
  tally: Tally,
  ctx: Context,
): Promise<number> {
  const t = wording(rules);
  const skipped = tally.skipped;
  const total = tally.evaluated + skipped.length;
  const portfolio = tally.portfolio();
  const chartTitle = t('portfolio.chartTitle', { count: portfolio.total });
  const more = [stockTakePanel(rules, portfolio)];
  const svg = barChartSvg(portfolio, chartTitle, { standalone: true, more });
  const title = t('portfolio.title', { count: portfolio.total });
  const summaries: SetFile[] = [];
  for (const format of formats) {
    // Each summary links the reports of its own format.
    const { head, body } = portfolioMarkdown(rules, portfolio, date, format);
    if (format === 'docx') {
      // The chart stays beside it as an SVG file; Word shows the summary's tables (the stock-take's among them).
      const { wordHeader } = await import('../../render/report.js');
      summaries.push({
        ext: format,
        content: await wordFile(rules, `${head}\n${body}`, title, date, wordHeader(rules, portfolio.complicit)),
      });
    } else if (format === 'md') {
      summaries.push({
        ext: format,
        content: (stem) => `${head}\n![${t('portfolio.chartAlt')}](${encodeURI(`${stem}.svg`)})\n\n${body}`,
      });
    } else {
      const { htmlDocument } = await import('../../render/html.js');
      const inline = barChartSvg(portfolio, chartTitle, { standalone: false, more });
      summaries.push({ ext: format, content: htmlDocument(title, [head, { svg: inline }, body], rules.lang) });
    }
  }
  // The summary's name is a text of the rule base, which a copy may reword: it passes the gate too.
  const fileName = gateFor(rules).name(t('portfolio.fileName'), 'messages.en.json: "portfolio.fileName"');
  const [chartPath, ...summaryPaths] = writeNewReportSet(
    opts.out,
    date,
    fileName,
    [{ ext: 'svg', content: svg }, ...summaries],
    { force: Boolean(opts.force), family: SUMMARY_FAMILY },
  );
  const summaryPath = summaryPaths.join(t('words.listSep'));

  ctx.stdout.write(`${textBars(rules, portfolio, ctx.stdout.columns || 80)}\n`);
  ctx.stdout.write(
    `${t(opts.summaryOnly ? 'batch.writtenSummaryOnly' : 'batch.written', { count: tally.evaluated, dir: opts.out, summary: summaryPath, chart: chartPath })}\n`,
  );
  if (skipped.length > 0)
    ctx.stderr.write(
      `tip-coord: ${t(skipped.length === 1 ? 'batch.someSkipped.one' : 'batch.someSkipped.other', { skipped: skipped.length, total })}\n`,
    );
  return EXIT.ok;
}
