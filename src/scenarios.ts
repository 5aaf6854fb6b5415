import { basename } from 'node:path';
import { completeAnswers, validateAnswersFile, type Answers } from './answers.js';
import { UserError } from './errors.js';
import { expectationProblems, type Expectation } from './expectation.js';
import { isPlainObject, readJsonFile } from './json-file.js';
import type { RuleBase } from './types.js';
import { uiText, userError } from './ui-text.js';

export { checkScenario, type Expectation } from './expectation.js';

export interface Scenario {
  file: string;
  name: string;
  description: string;
  answers: Answers;
  responseName?: string;
  expect: Expectation;
}

/** Reads a scenario file: {description, source?, response?, answers, expect}. */
export function loadScenario(path: string, rules: RuleBase): Scenario {
  const raw = readJsonFile(path, uiText('where.scenarioFile'));
  const where = `${uiText('where.scenarioFile')} ${path}`;
  if (!isPlainObject(raw)) throw userError('error.scenario.notObject', { where });
  const { description, source: _source, expect, ...answersPart } = raw;
  void _source;
  if (typeof description !== 'string') throw userError('error.scenario.description', { where });
  const problems = expectationProblems(
    expect,
    rules.mechanisms.map((m) => m.id),
    rules.cautions.map((c) => c.id),
  );
  if (problems.length > 0) throw new UserError(`${where}: ${problems[0]}.`);
  const file = validateAnswersFile({ version: 1, ...answersPart }, rules, where);
  return {
    file: path,
    name: basename(path, '.json'),
    description,
    answers: completeAnswers(rules, file.answers),
    ...(file.response?.name ? { responseName: file.response.name } : {}),
    expect: expect as Expectation,
  };
}
