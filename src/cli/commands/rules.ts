import { toolVersion } from '../run-info.js';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import chalk from 'chalk';
import { MAX_NAME, nameLength, type Answers } from '../../core/answers.js';
import { coverageGaps, emptyCoverage, recordCoverage, type RuleCoverage } from '../../rules/coverage.js';
import { deepCheck, DEEP_DEFAULTS, MAX_SAMPLES, type DeepResult } from '../../rules/deep.js';
import { RUN_BUDGET, SearchBudget } from '../../core/search.js';
import { progressLine } from '../terminal/progress.js';
import { cleanLine, cleanText } from '../../core/sanitize.js';
import { EXIT, UserError } from '../../core/errors.js';
import { Evaluator } from '../../core/evaluate.js';
import { describeCondition } from '../../core/explain.js';
import { writeFileAtomic } from '../report-files.js';
import { personalDataProblem } from '../../core/personal-data.js';
import { lintRuleBase, type Finding, type LintResult } from '../../rules/lint.js';
import { recommend, type Outcome } from '../../core/recommend.js';
import { buildRuleDoc } from '../../rules/ruledoc.js';
import { formatProblem } from '../../rules/problem.js';
import {
  DEFAULT_RULES_DIR,
  listFiles,
  loadRuleBase,
  readRuleBase,
  ruleSetFolder,
  scenarioFolder,
} from '../../rules/folder.js';
import { describeFolder } from '../../render/report.js';
import { message } from '../../core/messages.js';
import { checkScenario, loadScenario } from '../../rules/scenarios.js';
import { answersInline } from '../../core/search.js';
import { UNKNOWN, type RuleBase } from '../../core/types.js';
import { uiLang, uiTexts, userError } from '../ui-text.js';
import type { MessageKey, Vars } from '../../core/messages.js';
import { LOCALE } from '../../core/lang.js';

export interface RulesIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Say = (key: MessageKey, vars?: Vars) => string;

/** Texts come from the rule base in use; from the built-in one when that did not load. */
const sayFor = (rules?: RuleBase): Say => {
  const base = rules ?? loadRuleBase(DEFAULT_RULES_DIR, uiLang());
  return (key, vars) => message(base, key, vars);
};

const num = (n: number): string => n.toLocaleString(LOCALE[uiLang()]);
const line = (io: RulesIo, text = ''): void => void io.stdout.write(`${text}\n`);

function header(io: RulesIo, rules: RuleBase, say: Say): void {
  const folder = describeFolder(rules, ruleSetFolder(rules.dir, process.cwd()));
  line(
    io,
    chalk.bold(
      say('rules.header', { name: rules.name, version: rules.version, folder, hash: rules.hash.slice(0, 12) }),
    ),
  );
  if (rules.basedOn) line(io, `  ${say('rules.basedOn', { ...rules.basedOn, hash: rules.basedOn.hash.slice(0, 12) })}`);
}

function printFinding(io: RulesIo, f: Finding): void {
  const label = f.level === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
  line(io, `${label} ${cleanText(formatProblem(f))}`);
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

/** The search budget of one run, with a progress line on stderr when it takes more than a second. */
function runBudget(io: RulesIo, say: Say): { budget: SearchBudget; end: () => void } {
  const progress = progressLine(io.stderr, (percent) => say('rules.progress.lint', { percent }));
  return {
    budget: new SearchBudget(RUN_BUDGET, undefined, (done, total) => progress.update(done, total)),
    end: () => progress.end(),
  };
}

export interface ValidateOptions {
  rules?: string;
  deep?: boolean;
  samples?: string;
  seed?: string;
}

/** `rules validate`: every problem in the rule base; exit 2 when there is any error. */
export async function runValidate(opts: ValidateOptions, io: RulesIo): Promise<number> {
  const samples = intOption('--samples', opts.samples, DEEP_DEFAULTS.samples, 0, MAX_SAMPLES);
  const seed = intOption('--seed', opts.seed, DEEP_DEFAULTS.seed, 0);
  const { ruleBase: rules, problems } = readRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const say = sayFor(rules);
  if (!rules) {
    line(io, chalk.bold(say('rules.headerUnloaded', { folder: opts.rules ?? DEFAULT_RULES_DIR })));
    for (const p of problems) printFinding(io, { ...p, level: 'error' });
    line(io, chalk.red(say('rules.invalid', { errors: problems.length, warnings: 0 })));
    return EXIT.invalidInput;
  }
  header(io, rules, say);
  const all = [...rules.mechanisms, ...rules.cautions, ...rules.actions];
  line(
    io,
    `  ${say('rules.counts', {
      questions: rules.questions.length,
      mechanisms: rules.mechanisms.length,
      cautions: rules.cautions.length,
      actions: rules.actions.length,
      rules: all.reduce((n, i) => n + i.rules.length, 0),
      invariants: rules.invariants.length,
    })}`,
  );
  line(io);
  const run = runBudget(io, say);
  const lint = lintRuleBase(rules, run.budget);
  run.end();
  // Errors first: they are what must be fixed.
  for (const f of [...lint.findings].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1)))
    printFinding(io, f);
  if (lint.findings.length > 0) line(io);
  printPrimaries(io, lint, say);
  if (lint.unchecked > 0)
    line(io, chalk.yellow(say('rules.budgetSpent', { steps: num(RUN_BUDGET), unchecked: lint.unchecked })));

  let errors = lint.findings.filter((f) => f.level === 'error').length;
  const warnings = lint.findings.length - errors;
  if (opts.deep) {
    line(io);
    if (errors > 0) line(io, say('rules.deepSkipped'));
    else {
      const progress = progressLine(io.stderr, (percent) => say('rules.progress.deep', { percent }));
      const { outcomeText } = await import('../../render/draft.js');
      const draftText = (o: Outcome) => outcomeText(rules, o);
      const deep = await timed(() =>
        deepCheck(rules, { samples, seed, draftText }, undefined, (d, t) => progress.update(d, t)),
      );
      progress.end();
      errors += printDeep(io, rules, deep, say);
    }
  }
  line(io);
  if (errors > 0) {
    line(io, chalk.red(say('rules.invalid', { errors, warnings })));
    return EXIT.invalidInput;
  }
  line(io, chalk.green(`✓ ${say('rules.valid', { warnings })}`));
  return EXIT.ok;
}

function printPrimaries(io: RulesIo, lint: LintResult, say: Say): void {
  line(io, say('rules.primaryOrder', { list: lint.primaries.map((p) => `${p.rule.order} ${p.rule.id}`).join(' · ') }));
  // With checks starved by the run's budget, "no overlaps" is not proven: the budget line says so.
  if (lint.overlaps.length > 0) line(io, say('rules.overlaps', { count: lint.overlaps.length }));
  else if (lint.unchecked === 0) line(io, say('rules.noOverlaps'));
  if (lint.fallback && !lint.gap) line(io, say('rules.noGap', { rule: lint.fallback.rule.id }));
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

/** Prints the deep check; returns how many kinds of problem it found. */
function printDeep(
  io: RulesIo,
  rules: RuleBase,
  { value: r, ms }: { value: DeepResult; ms: number },
  say: Say,
): number {
  line(
    io,
    say('rules.deep', {
      checked: num(r.coveringSets + r.randomSets),
      seconds: (ms / 1000).toFixed(1),
      covering: num(r.coveringSets),
      combinations: num(r.combinations),
      strength: r.options.strength,
      questions: r.questions,
      random: num(r.randomSets),
      seed: r.options.seed,
    }),
  );
  for (const [id, count] of Object.entries(r.invariantHits))
    line(io, `  ${say('rules.deepInvariant', { id, count: num(count) })}`);
  // Which exploitation patterns (primary rules) and verdicts the answer sets reached, and the modifier pairs compared.
  line(
    io,
    `  ${say('rules.deepPatterns', { list: Object.entries(r.decidedBy).map(([id, n]) => `${id} ${num(n)}`).join(' · ') })}`,
  );
  line(
    io,
    `  ${say('rules.deepVerdicts', { list: Object.entries(r.verdicts).map(([id, n]) => `${id} ${num(n)}`).join(' · ') })}`,
  );
  line(io, `  ${say('rules.deepPairs', { count: num(r.pairs) })}`);
  for (const p of r.problems)
    line(
      io,
      `${chalk.red('error  ')} ${say('rules.deepProblem', { check: p.check, message: p.message, count: num(p.count), answers: exampleAnswers(rules, p.example, say) })}`,
    );
  if (r.problems.length === 0) line(io, `  ${say('rules.deepOk')}`);
  return r.problems.length;
}

/** The answers of an example, as --set arguments would give them: unknown ones left out. */
function exampleAnswers(rules: RuleBase, answers: Answers, say: Say): string {
  const known = Object.fromEntries(
    rules.questions.filter((q) => answers[q.id] !== UNKNOWN).map((q) => [q.id, answers[q.id]!]),
  );
  return Object.keys(known).length === 0
    ? say('rules.allUnknown')
    : say('rules.othersUnknown', { answers: answersInline(known) });
}

export interface TestOptions {
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
export async function runTest(files: string[], opts: TestOptions, io: RulesIo): Promise<number> {
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  const say = sayFor(rules);
  // Read every file first: a broken one stops the run before any result is printed.
  const scenarios = scenarioFiles(files, rules.dir).map((f) => loadScenario(f, rules));
  for (const s of scenarios) if (s.notice) io.stderr.write(`${s.notice}\n`);
  const evaluator = new Evaluator(rules);
  const coverage = emptyCoverage(rules);
  const folder = describeFolder(rules, ruleSetFolder(rules.dir, process.cwd()));
  line(
    io,
    chalk.bold(say('rules.testHeader', { count: scenarios.length, name: rules.name, version: rules.version, folder })),
  );
  let failed = 0;
  const { outcomeText } = await import('../../render/draft.js');
  for (const s of scenarios) {
    const evaluation = await evaluator.evaluate(s.answers);
    const outcome = recommend(rules, evaluation);
    recordCoverage(coverage, evaluation, outcome);
    const diffs = checkScenario(outcome, s.expect, outcomeText(rules, outcome));
    if (diffs.length === 0) {
      line(io, `  ${chalk.green('✓')} ${cleanLine(s.name)}`);
      continue;
    }
    failed++;
    line(io, `  ${chalk.red('✗')} ${cleanLine(s.name)} (${cleanLine(s.file)}): ${cleanLine(s.description)}`);
    for (const d of diffs) line(io, `      ${chalk.red('-')} ${cleanLine(d)}`);
  }
  const summary = say('rules.testSummary', { passed: scenarios.length - failed, failed });
  line(io, failed > 0 ? chalk.red(summary) : chalk.green(summary));
  line(io);
  printCoverage(io, rules, coverage, say);
  return failed > 0 ? EXIT.testFailed : EXIT.ok;
}

function printCoverage(io: RulesIo, rules: RuleBase, coverage: RuleCoverage[], say: Say): void {
  line(io, chalk.bold(say('rules.coverage')));
  const width = Math.max(...coverage.map((c) => c.rule.id.length));
  let file = '';
  for (const c of coverage) {
    if (c.item.file !== file) line(io, `  ${(file = c.item.file)}`);
    const decided = c.rule.role === 'primary' ? say('rules.coverageDecided', { decided: c.decided }) : '';
    const text = `${say('rules.coverageRule', { held: c.held, failed: c.failed })}${decided}`;
    line(io, `    ${c.rule.id.padEnd(width)}  ${c.held === 0 ? chalk.yellow(text) : text}`);
  }
  const gaps = coverageGaps(coverage);
  const leaves = coverage.flatMap((c) => c.leaves);
  line(io);
  line(
    io,
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
    line(io, chalk.yellow(say(key)));
    for (const c of list) line(io, `  ${c.rule.id} (${c.item.file})`);
  }
  for (const [key, list] of [
    ['rules.neverMet', gaps.neverMet],
    ['rules.neverFailedLeaves', gaps.neverFailedLeaves],
  ] as const) {
    if (list.length === 0) continue;
    line(io, chalk.yellow(say(key)));
    for (const { rule, leaf } of list)
      line(io, `  ${rule.rule.id}, ${leaf.path}: ${describeCondition(rules, leaf.leaf)}`);
  }
  const complete = Object.values(gaps).every((l) => l.length === 0);
  if (complete) line(io, chalk.green(say('rules.fullCoverage')));
}

export interface DocOptions {
  rules?: string;
  out?: string;
  force?: boolean;
}

/** `rules doc`: the rule base as a markdown review document, on stdout or in --out FILE. */
export async function runDoc(opts: DocOptions, io: RulesIo): Promise<number> {
  const rules = loadRuleBase(opts.rules ?? DEFAULT_RULES_DIR, uiLang());
  if (opts.out === '') throw userError('error.write.emptyName', { option: '--out' });
  const run = runBudget(io, sayFor(rules));
  const lint = lintRuleBase(rules, run.budget);
  run.end();
  if (lint.unchecked > 0)
    io.stderr.write(
      `tip-coord: ${sayFor(rules)('rules.budgetSpent', { steps: num(RUN_BUDGET), unchecked: lint.unchecked })}\n`,
    );
  const markdown = buildRuleDoc(rules, lint, toolVersion());
  // "-" is stdout, as for most tools: written in place, never renamed over.
  if (!opts.out || opts.out === '-') {
    io.stdout.write(markdown);
    return EXIT.ok;
  }
  try {
    writeFileAtomic(opts.out, markdown, { force: opts.force ?? false });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw userError('error.write.file', {
      path: opts.out,
      why: (err as NodeJS.ErrnoException).code ?? (err as Error).message,
    });
  }
  line(io, sayFor(rules)('rules.docWritten', { path: opts.out }));
  return EXIT.ok;
}

export interface InitOptions {
  force?: boolean;
  name?: string;
  allowPersonalData?: boolean;
}

/**
 * `rules init DIR`: copies the built-in rule base for contextualisation. Refuses a non-empty
 * folder unless --force (then files of the same name are replaced, each atomically); into a
 * new or empty folder the copy is made beside it and renamed, so it is all there or not at all.
 */
export async function runInit(dir: string, opts: InitOptions, io: RulesIo): Promise<number> {
  const target = resolve(dir);
  const name = opts.name ?? basename(target);
  if (!name.trim() || nameLength(name) > MAX_NAME) throw userError('error.init.name', { max: MAX_NAME });
  if (resolve(DEFAULT_RULES_DIR) === target) throw userError('error.init.builtIn', { dir });
  const exists = existsSync(target);
  if (exists && !statSync(target).isDirectory()) throw userError('error.init.notFolder', { dir });
  const empty = !exists || readdirSync(target).length === 0;
  if (!empty && !opts.force) throw userError('error.init.notEmpty', { dir });

  const builtIn = loadRuleBase(DEFAULT_RULES_DIR, uiLang());
  // The name goes into every report made with the copy.
  const problem = opts.allowPersonalData ? undefined : personalDataProblem(builtIn, name, '--name');
  if (problem) throw new UserError(problem);
  const files = copyList(builtIn, name, target);
  try {
    if (empty) {
      const parent = dirname(target);
      mkdirSync(parent, { recursive: true });
      const tmp = join(parent, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        for (const [rel, text] of files) {
          mkdirSync(dirname(join(tmp, rel)), { recursive: true });
          writeFileSync(join(tmp, rel), text);
        }
        if (exists) rmdirSync(target);
        renameSync(tmp, target);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    } else {
      for (const [rel, text] of files) writeFileAtomic(join(target, rel), text, { force: true });
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw userError('error.init.copy', { dir, why: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  const say = sayFor(builtIn);
  line(io, say('rules.initDone', { dir, name }));
  line(io, say('rules.initNext', { dir: relative(process.cwd(), target) || '.' }));
  return EXIT.ok;
}

/**
 * The built-in files to copy, scenario tests included, with ruleset.json renamed and pointing
 * back to what it was copied from.
 */
function copyList(builtIn: RuleBase, name: string, target: string): Array<[string, string]> {
  const schemas = join(DEFAULT_RULES_DIR, '..', 'schemas');
  return listFiles(DEFAULT_RULES_DIR, uiTexts(), { withScenarios: true }).map(({ rel, text }) => {
    // "$schema" points at the package's schemas/ from the copy's place, so an editor still finds them.
    const relinked = text.replace(
      /("\$schema":\s*")(?:\.\.\/)+schemas\/([\w.-]+)"/,
      (_, head: string, file: string) => {
        const to = relative(dirname(join(target, rel)), join(schemas, file))
          .split(sep)
          .join('/');
        return `${head}${to}"`;
      },
    );
    if (rel !== 'ruleset.json') return [rel, relinked];
    const ruleset = JSON.parse(text) as Record<string, unknown>;
    const copy = { ...ruleset, name, basedOn: { name: builtIn.name, version: builtIn.version, hash: builtIn.hash } };
    return [rel, `${JSON.stringify(copy, null, 2)}\n`];
  });
}
