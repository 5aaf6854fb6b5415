import { basename } from 'node:path';
import { checkAnswersIn, completeAnswers, describeMigration, normalAnswers, type Answers } from '../core/answers.js';
import { scenarioShape } from '../core/shapes/expectation.js';
import type { Static, TSchema } from '../core/shapes/kit.js';
import type { Expectation, RuleBase } from '../core/types.js';
import { readJsonFile } from './json-file.js';
import { message } from '../core/messages.js';

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
type ScenarioFile = Static<ReturnType<typeof scenarioShape>>;

/** The scenario shape of a rule base, made once: `rules test` reads many files against it. */
const shapes = new WeakMap<RuleBase, TSchema>();
function shapeFor(rules: RuleBase): TSchema {
  let shape = shapes.get(rules);
  if (!shape) {
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    shape = scenarioShape(rules.questions, {
      mechanisms: ids(rules.mechanisms),
      cautions: ids(rules.cautions),
      verdicts: ids(rules.verdicts),
      actions: ids(rules.actions),
    });
    shapes.set(rules, shape);
  }
  return shape;
}

export function loadScenario(path: string, rules: RuleBase): Scenario {
  const what = message(rules, 'where.scenarioFile');
  const raw = readJsonFile(path, what, rules.messages);
  const where = `${what} ${path}`;
  const { file, migration } = checkAnswersIn(rules, () => shapeFor(rules), raw, where, 1);
  const scenario = file as unknown as ScenarioFile;
  return {
    ...(migration ? { notice: describeMigration(rules, where, migration) } : {}),
    file: path,
    name: basename(path, '.json'),
    description: scenario.description,
    answers: completeAnswers(rules, normalAnswers(rules, scenario.answers)),
    ...(scenario.response?.name ? { responseName: scenario.response.name } : {}),
    expect: scenario.expect,
  };
}
