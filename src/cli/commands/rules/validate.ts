import chalk from 'chalk';
import { type Answers } from '../../../core/answers.js';
import { deepCheck, DEEP_DEFAULTS, MAX_SAMPLES, type DeepResult } from '../../../rules/deep.js';
import { RUN_BUDGET } from '../../../core/search.js';
import { progressLine } from '../../terminal/progress.js';
import { cleanText } from '../../../core/sanitize.js';
import { EXIT } from '../../../core/errors.js';
import { lintRuleBase, type Finding, type LintResult } from '../../../rules/lint.js';
import { type Outcome } from '../../../core/recommend.js';
import { formatProblem } from '../../../rules/problem.js';
import { DEFAULT_RULES_DIR, readRuleBase, ruleSetFolder } from '../../../rules/folder.js';
import { describeFolder } from '../../../render/report.js';
import { answersInline } from '../../../core/search.js';
import { UNKNOWN, type RuleBase } from '../../../core/types.js';
import { userError } from '../../ui-text.js';
import type { Context } from '../../context.js';
import { type Say, sayFor, num, line, runBudget } from './shared.js';

function header(ctx: Context, rules: RuleBase, say: Say): void {
  const folder = describeFolder(rules, ruleSetFolder(rules.dir, process.cwd()));
  line(
    ctx,
    chalk.bold(
      say('rules.header', { name: rules.name, version: rules.version, folder, hash: rules.hash.slice(0, 12) }),
    ),
  );
  if (rules.basedOn) line(ctx, `  ${say('rules.basedOn', { ...rules.basedOn, hash: rules.basedOn.hash.slice(0, 12) })}`);
}

function printFinding(ctx: Context, f: Finding): void {
  const label = f.level === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
  line(ctx, `${label} ${cleanText(formatProblem(f))}`);
}

/** A whole number option, e.g. --samples 500, at most `max` when given. */
function intOption(name: string, value: string | undefined, fallback: number, min: number, max?: number): number {
  if (value === undefined) return fallback;
  // A value too long to be a number is not echoed whole.
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  const n = Number(value);
  if (max !== undefined && (!/^\d+$/.test(value) || n < min || n > max))
    throw userError('error.wholeNumberRange', { name, value: shown, min, max });
  if (!/^\d+$/.test(value) || n < min || !Number.isSafeInteger(n))
    throw userError('error.wholeNumber', { name, value: shown, min });
  return n;
}

export interface ValidateOptions {
  rules?: string;
  deep?: boolean;
  samples?: string;
  seed?: string;
}

/** `rules validate`: every problem in the rule base; exit 2 when there is any error. */
export async function run(opts: ValidateOptions, ctx: Context): Promise<number> {
  const samples = intOption('--samples', opts.samples, DEEP_DEFAULTS.samples, 0, MAX_SAMPLES);
  const seed = intOption('--seed', opts.seed, DEEP_DEFAULTS.seed, 0);
  const { ruleBase: rules, problems } = readRuleBase(opts.rules ?? DEFAULT_RULES_DIR, ctx.lang);
  const say = sayFor(ctx, rules);
  if (!rules) {
    line(ctx, chalk.bold(say('rules.headerUnloaded', { folder: opts.rules ?? DEFAULT_RULES_DIR })));
    for (const p of problems) printFinding(ctx, { ...p, level: 'error' });
    line(ctx, chalk.red(say('rules.invalid', { errors: problems.length, warnings: 0 })));
    return EXIT.invalidInput;
  }
  header(ctx, rules, say);
  const all = [...rules.mechanisms, ...rules.cautions, ...rules.actions];
  line(
    ctx,
    `  ${say('rules.counts', {
      questions: rules.questions.length,
      mechanisms: rules.mechanisms.length,
      cautions: rules.cautions.length,
      actions: rules.actions.length,
      rules: all.reduce((n, i) => n + i.rules.length, 0),
      invariants: rules.invariants.length,
    })}`,
  );
  line(ctx);
  const run = runBudget(ctx, say);
  const lint = lintRuleBase(rules, run.budget);
  run.end();
  // Errors first: they are what must be fixed.
  for (const f of [...lint.findings].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1)))
    printFinding(ctx, f);
  if (lint.findings.length > 0) line(ctx);
  printPrimaries(ctx, lint, say);
  if (lint.unchecked > 0)
    line(ctx, chalk.yellow(say('rules.budgetSpent', { steps: num(ctx, RUN_BUDGET), unchecked: lint.unchecked })));

  let errors = lint.findings.filter((f) => f.level === 'error').length;
  const warnings = lint.findings.length - errors;
  if (opts.deep) {
    line(ctx);
    if (errors > 0) line(ctx, say('rules.deepSkipped'));
    else {
      const progress = progressLine(ctx.stderr, (percent) => say('rules.progress.deep', { percent }));
      const { outcomeText } = await import('../../../render/draft.js');
      const draftText = (o: Outcome) => outcomeText(rules, o);
      const deep = await timed(() =>
        deepCheck(rules, { samples, seed, draftText }, undefined, (d, t) => progress.update(d, t)),
      );
      progress.end();
      errors += printDeep(ctx, rules, deep, say);
    }
  }
  line(ctx);
  if (errors > 0) {
    line(ctx, chalk.red(say('rules.invalid', { errors, warnings })));
    return EXIT.invalidInput;
  }
  line(ctx, chalk.green(`✓ ${say('rules.valid', { warnings })}`));
  return EXIT.ok;
}

function printPrimaries(ctx: Context, lint: LintResult, say: Say): void {
  line(ctx, say('rules.primaryOrder', { list: lint.primaries.map((p) => `${p.rule.order} ${p.rule.id}`).join(' · ') }));
  // With checks starved by the run's budget, "no overlaps" is not proven: the budget line says so.
  if (lint.overlaps.length > 0) line(ctx, say('rules.overlaps', { count: lint.overlaps.length }));
  else if (lint.unchecked === 0) line(ctx, say('rules.noOverlaps'));
  if (lint.fallback && !lint.gap) line(ctx, say('rules.noGap', { rule: lint.fallback.rule.id }));
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** Prints the deep check; returns how many kinds of problem it found. */
function printDeep(
  ctx: Context,
  rules: RuleBase,
  { value: r, ms }: { value: DeepResult; ms: number },
  say: Say,
): number {
  line(
    ctx,
    say('rules.deep', {
      checked: num(ctx, r.coveringSets + r.randomSets),
      seconds: (ms / 1000).toFixed(1),
      covering: num(ctx, r.coveringSets),
      combinations: num(ctx, r.combinations),
      strength: r.options.strength,
      questions: r.questions,
      random: num(ctx, r.randomSets),
      seed: r.options.seed,
    }),
  );
  for (const [id, count] of Object.entries(r.invariantHits))
    line(ctx, `  ${say('rules.deepInvariant', { id, count: num(ctx, count) })}`);
  for (const p of r.problems)
    line(
      ctx,
      `${chalk.red('error  ')} ${say('rules.deepProblem', { check: p.check, message: p.message, count: num(ctx, p.count), answers: exampleAnswers(rules, p.example, say) })}`,
    );
  if (r.problems.length === 0) line(ctx, `  ${say('rules.deepOk')}`);
  return r.problems.length;
}

/** The answers of an example, as --set arguments would give them: unknown ones left out. */
function exampleAnswers(rules: RuleBase, answers: Answers, say: Say): string {
  const known = Object.fromEntries(
    rules.questions.flatMap((q) => {
      const a = answers[q.id];
      return a === undefined || a === UNKNOWN ? [] : [[q.id, a] as const];
    }),
  );
  return Object.keys(known).length === 0
    ? say('rules.allUnknown')
    : say('rules.othersUnknown', { answers: answersInline(known) });
}
