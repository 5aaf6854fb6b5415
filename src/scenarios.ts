import { basename } from 'node:path';
import { completeAnswers, validateAnswersFile, type Answers } from './answers.js';
import { UserError } from './errors.js';
import { isPlainObject, readJsonFile } from './json-file.js';
import type { Outcome } from './recommend.js';
import type { RuleBase } from './types.js';

/** What a scenario expects: OpenFisca-style tests as data (answers in, outcome out). */
export interface Expectation {
  primary?: string;
  includes?: string[];
  excludes?: string[];
  cautions?: string[];
  noCautions?: string[];
}

export interface Scenario {
  file: string;
  name: string;
  description: string;
  answers: Answers;
  responseName?: string;
  expect: Expectation;
}

const EXPECT_KEYS = ['primary', 'includes', 'excludes', 'cautions', 'noCautions'];

/** Reads a scenario file: {description, source?, response?, answers, expect}. */
export function loadScenario(path: string, rules: RuleBase): Scenario {
  const raw = readJsonFile(path, 'Scenario file');
  const where = `Scenario file ${path}`;
  if (!isPlainObject(raw)) throw new UserError(`${where}: must be a JSON object.`);
  const { description, source: _source, expect, ...answersPart } = raw;
  void _source;
  if (typeof description !== 'string') throw new UserError(`${where}: needs a "description" text.`);
  if (!isPlainObject(expect)) throw new UserError(`${where}: needs an "expect" object (${EXPECT_KEYS.join(', ')}).`);
  for (const k of Object.keys(expect)) if (!EXPECT_KEYS.includes(k)) throw new UserError(`${where}: unknown key "expect.${k}"; valid: ${EXPECT_KEYS.join(', ')}.`);
  const file = validateAnswersFile({ version: 1, ...answersPart }, rules, where);
  const known = new Set(rules.mechanisms.map((m) => m.id));
  const cautions = new Set(rules.cautions.map((c) => c.id));
  const e = expect as Expectation;
  for (const id of [e.primary, ...(e.includes ?? []), ...(e.excludes ?? [])].filter(Boolean) as string[])
    if (!known.has(id)) throw new UserError(`${where}: "${id}" is not a mechanism; valid: ${[...known].join(', ')}.`);
  for (const id of [...(e.cautions ?? []), ...(e.noCautions ?? [])])
    if (!cautions.has(id)) throw new UserError(`${where}: "${id}" is not a caution; valid: ${[...cautions].join(', ')}.`);
  return {
    file: path,
    name: basename(path, '.json'),
    description,
    answers: completeAnswers(rules, file.answers),
    ...(file.response?.name ? { responseName: file.response.name } : {}),
    expect: e,
  };
}

/** The differences between an outcome and what the scenario expects; empty when it passes. */
export function checkScenario(outcome: Outcome, e: Expectation): string[] {
  const diffs: string[] = [];
  const recommended = new Set(outcome.recommendations.map((r) => r.mechanism));
  const cautions = new Set(outcome.cautions.map((c) => c.id));
  if (e.primary && outcome.primary !== e.primary) diffs.push(`primary: expected ${e.primary}, got ${outcome.primary} (rule ${outcome.decidedBy})`);
  for (const m of e.includes ?? []) if (!recommended.has(m)) diffs.push(`expected ${m} to be recommended; it is not`);
  for (const m of e.excludes ?? []) if (recommended.has(m)) diffs.push(`expected ${m} not to be recommended; it is`);
  for (const c of e.cautions ?? []) if (!cautions.has(c)) diffs.push(`expected caution ${c}; it is missing`);
  for (const c of e.noCautions ?? []) if (cautions.has(c)) diffs.push(`expected no caution ${c}; it is there`);
  return diffs;
}
