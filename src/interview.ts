import type { Answers } from './answers.js';
import { InterruptedError } from './errors.js';
import { message } from './rulebase.js';
import { UNKNOWN, type AnswerScalar, type AnswerValue, type Question, type RuleBase } from './types.js';

export interface InterviewResult {
  answers: Answers;
  name?: string;
}

type Prompts = typeof import('@inquirer/prompts');

/** Ctrl-C in a prompt rejects with ExitPromptError: turn it into our clean interruption. */
async function ask<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if ((err as Error)?.name === 'ExitPromptError' || (err as Error)?.name === 'AbortPromptError') throw new InterruptedError();
    throw err;
  }
}

/**
 * Asks, in a terminal, every question the answers do not already hold, section by section.
 * Prompts are loaded only here: they cost start-up time no other path should pay.
 */
export async function runInterview(rules: RuleBase, given: Answers, name: string | undefined, out: NodeJS.WritableStream = process.stdout): Promise<InterviewResult> {
  const prompts: Prompts = await import('@inquirer/prompts');
  const { default: chalk } = await import('chalk');
  const t = (key: string, vars?: Record<string, string | number>): string => message(rules, key, vars);
  const answers: Answers = { ...given };
  const todo = rules.questions.filter((q) => !(q.id in given));
  out.write(`${t('interview.intro', { count: todo.length, sections: new Set(todo.map((q) => q.section)).size })}\n`);

  let responseName = name;
  if (responseName === undefined) {
    const typed = await ask(prompts.input({ message: t('interview.name') }, { output: out }));
    responseName = typed.trim() || undefined;
  }

  let section = '';
  for (const [i, q] of todo.entries()) {
    if (q.section !== section) {
      section = q.section;
      const title = rules.sections.find((s) => s.id === section)?.title ?? section;
      out.write(`\n${chalk.bold(t('interview.section', { title }))}\n`);
    }
    const hint = q.type === 'multi' ? `${q.hint} (${t('interview.multiHint')})` : q.hint;
    out.write(`${chalk.dim(`${t('interview.progress', { n: i + 1, total: todo.length })} · ${hint}`)}\n`);
    answers[q.id] = await askQuestion(prompts, rules, q, out);
  }
  return responseName ? { answers, name: responseName } : { answers };
}

/** Prompts write to `out` like the rest of the interview: stderr when stdout carries the result (draft). */
async function askQuestion(prompts: Prompts, rules: RuleBase, q: Question, out: NodeJS.WritableStream): Promise<AnswerValue> {
  const dontKnow = { name: rules.unknownLabel, value: UNKNOWN as AnswerScalar };
  const choices = [...q.choices.map((c) => ({ name: c.label, value: c.value })), dontKnow];
  if (q.type !== 'multi') {
    return ask(prompts.select<AnswerScalar>({ message: q.label, choices, pageSize: choices.length }, { output: out }));
  }
  const picked = await ask(
    prompts.checkbox<AnswerScalar>({
      message: q.label,
      choices,
      pageSize: choices.length,
      validate: (sel: readonly { value: AnswerScalar }[]) =>
        sel.length > 1 && sel.some((c) => c.value === UNKNOWN) ? message(rules, 'interview.dontKnowAlone') : true,
    }, { output: out }),
  );
  if (picked.includes(UNKNOWN)) return UNKNOWN;
  return q.choices.map((c) => c.value).filter((v) => picked.includes(v));
}
