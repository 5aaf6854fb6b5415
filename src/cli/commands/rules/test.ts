import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import chalk from 'chalk';
import { coverageGaps, emptyCoverage, recordCoverage, type RuleCoverage } from '../../../rules/coverage.js';
import { cleanLine } from '../../../core/sanitize.js';
import { EXIT } from '../../../core/errors.js';
import { Evaluator } from '../../../core/evaluate.js';
import { describeCondition } from '../../../core/explain.js';
import { recommend } from '../../../core/recommend.js';
import { ruleSetFolder, scenarioFolder } from '../../../rules/folder.js';
import { describeFolder } from '../../../render/report.js';
import { checkScenario, loadScenario } from '../../../rules/scenarios.js';
import { type RuleBase } from '../../../core/types.js';
import { userError } from '../../ui-text.js';
import type { MessageKey } from '../../../core/messages.js';
import type { Context } from '../../context.js';
import { type Say, sayFor, line } from './shared.js';

export interface TestOptions {
  /** Scenario files or folders; none: the rule base's own scenarios. */
  files: string[];
  rules?: string;
}

/** The scenario files named, or the rule base's scenarios/*.json; a folder stands for its *.json files. */
function scenarioFiles(args: string[], rulesDir: string): string[] {
  const folder = scenarioFolder(rulesDir);
  const near = relative(process.cwd(), folder);
  const given = args.length > 0 ? args : [near && !near.startsWith('..') && !isAbsolute(near) ? near : folder];
  return given.flatMap((path) => {
    if (!existsSync(path))
      throw userError(args.length === 0 ? 'error.scenario.noDefault' : 'error.scenario.notFound', { path });
    if (!statSync(path).isDirectory()) return [path];
    const files = readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort();
    if (files.length === 0) throw userError('error.scenario.emptyFolder', { path });
    return files.map((f) => join(path, f));
  });
}

/** `rules test`: run scenario files, print pass/fail with the differences, then coverage. Exit 1 when a scenario fails. */
export async function run(opts: TestOptions, ctx: Context): Promise<number> {
  const rules = ctx.rules(opts.rules);
  const say = sayFor(ctx, rules);
  // Read every file first: a broken one stops the run before any result is printed.
  const scenarios = scenarioFiles(opts.files, rules.dir).map((f) => loadScenario(f, rules));
  for (const s of scenarios) if (s.notice) ctx.stderr.write(`${s.notice}\n`);
  const evaluator = new Evaluator(rules);
  const coverage = emptyCoverage(rules);
  const folder = describeFolder(rules, ruleSetFolder(rules.dir, process.cwd()));
  line(
    ctx,
    chalk.bold(say('rules.testHeader', { count: scenarios.length, name: rules.name, version: rules.version, folder })),
  );
  let failed = 0;
  const { outcomeText } = await import('../../../render/draft.js');
  for (const s of scenarios) {
    const evaluation = await evaluator.evaluate(s.answers);
    const outcome = recommend(rules, evaluation);
    recordCoverage(coverage, evaluation, outcome);
    const diffs = checkScenario(outcome, s.expect, outcomeText(rules, outcome));
    if (diffs.length === 0) {
      line(ctx, `  ${chalk.green('✓')} ${cleanLine(s.name)}`);
      continue;
    }
    failed++;
    line(ctx, `  ${chalk.red('✗')} ${cleanLine(s.name)} (${cleanLine(s.file)}): ${cleanLine(s.description)}`);
    for (const d of diffs) line(ctx, `      ${chalk.red('-')} ${cleanLine(d)}`);
  }
  const summary = say('rules.testSummary', { passed: scenarios.length - failed, failed });
  line(ctx, failed > 0 ? chalk.red(summary) : chalk.green(summary));
  line(ctx);
  printCoverage(ctx, rules, coverage, say);
  return failed > 0 ? EXIT.testFailed : EXIT.ok;
}

function printCoverage(ctx: Context, rules: RuleBase, coverage: RuleCoverage[], say: Say): void {
  line(ctx, chalk.bold(say('rules.coverage')));
  const width = Math.max(...coverage.map((c) => c.rule.id.length));
  let file = '';
  for (const c of coverage) {
    if (c.item.file !== file) line(ctx, `  ${(file = c.item.file)}`);
    const decided = c.rule.role === 'primary' ? say('rules.coverageDecided', { decided: c.decided }) : '';
    const text = `${say('rules.coverageRule', { held: c.held, failed: c.failed })}${decided}`;
    line(ctx, `    ${c.rule.id.padEnd(width)}  ${c.held === 0 ? chalk.yellow(text) : text}`);
  }
  const gaps = coverageGaps(coverage);
  const leaves = coverage.flatMap((c) => c.leaves);
  line(ctx);
  line(
    ctx,
    say('rules.conditionsSummary', {
      total: leaves.length,
      met: leaves.filter((l) => l.met > 0).length,
      failed: leaves.filter((l) => l.failed > 0).length,
    }),
  );
  const ruleLists: Array<[MessageKey, RuleCoverage[]]> = [
    ['rules.neverHeld', gaps.neverHeld],
    ['rules.neverFailed', gaps.neverFailed],
    ['rules.neverDecided', gaps.neverDecided],
  ];
  for (const [key, list] of ruleLists) {
    if (list.length === 0) continue;
    line(ctx, chalk.yellow(say(key)));
    for (const c of list) line(ctx, `  ${c.rule.id} (${c.item.file})`);
  }
  for (const [key, list] of [
    ['rules.neverMet', gaps.neverMet],
    ['rules.neverFailedLeaves', gaps.neverFailedLeaves],
  ] as const) {
    if (list.length === 0) continue;
    line(ctx, chalk.yellow(say(key)));
    for (const { rule, leaf } of list)
      line(ctx, `  ${rule.rule.id}, ${leaf.path}: ${describeCondition(rules, leaf.leaf)}`);
  }
  const complete = Object.values(gaps).every((l) => l.length === 0);
  if (complete) line(ctx, chalk.green(say('rules.fullCoverage')));
}
