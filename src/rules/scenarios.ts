import { basename } from 'node:path';
import { completeAnswers, describeMigration, validateAnswersFile, type Answers } from '../core/answers.js';
import { UserError } from '../core/errors.js';
import { expectationProblems } from '../core/expectation.js';
import { type Expectation } from '../core/types.js';
import { readJsonFile } from './json-file.js';
import { isPlainObject } from '../core/json.js';
import type { RuleBase } from '../core/types.js';
import { inputError, message } from '../core/messages.js';

export { checkScenario, type Expectation } from '../core/expectation.js';

export interface Scenario {
  file: string;
  name: string;
  description: string;
  answers: Answers;
  responseName?: string;
  expect: Expectation;
  /** How a scenario written for answers version 1 (no "version" key) was read as version 2. */
  notice?: string;
}

/**
 * Reads a scenario file: {description, source?, version?, response?, answers, expect}. Without
 * "version" the answers are version 1 (older scenario files), read as version 2.
 */
export function loadScenario(path: string, rules: RuleBase): Scenario {
  const what = message(rules, 'where.scenarioFile');
  const raw = readJsonFile(path, what, rules.messages);
  const where = `${what} ${path}`;
  if (!isPlainObject(raw)) throw inputError(rules, 'error.scenario.notObject', { where });
  const { description, source: _source, expect, ...answersPart } = raw;
  void _source;
  if (typeof description !== 'string') throw inputError(rules, 'error.scenario.description', { where });
  const problems = expectationProblems(
    expect,
    rules.mechanisms.map((m) => m.id),
    rules.cautions.map((c) => c.id),
    'expect',
    rules.verdicts.map((v) => v.id),
    rules.actions.map((a) => a.id),
  );
  if (problems.length > 0) throw new UserError(`${where}: ${problems[0]}.`);
  const file = validateAnswersFile({ version: 1, ...answersPart }, rules, where);
  return {
    ...(file.migration ? { notice: describeMigration(rules, where, file.migration) } : {}),
    file: path,
    name: basename(path, '.json'),
    description,
    answers: completeAnswers(rules, file.answers),
    ...(file.response?.name ? { responseName: file.response.name } : {}),
    expect: expect as Expectation,
  };
}
