import { dependentsOf, isApplicable, settleApplicability, type Answers } from '../../core/answers.js';
import { InterruptedError } from '../../core/errors.js';
import { describeAnswer } from '../../core/explain.js';
import { questionOf } from '../../core/lookup.js';
import { questionFor, RESPONSE_TYPE, rulesForResponse } from '../../core/response-wording.js';
import { message, textFor } from '../../core/messages.js';
import { uiText } from '../ui-text.js';
import type { Choice, ListConfig } from './prompts.js';
import { Separator } from '@inquirer/core';
import { MAX_NAME, nameLength } from '../../core/answers.js';
import { questionCount } from '../../core/messages.js';
import type { MessageKey, Vars } from '../../core/messages.js';
import { wrapText } from '../../render/wrap.js';
import {
  NOT_APPLICABLE,
  UNKNOWN,
  type AnswerScalar,
  type AnswerValue,
  type Question,
  type RuleBase,
} from '../../core/types.js';

type Prompts = typeof import('@inquirer/prompts');
type ListModule = typeof import('./prompts.js');
type Chalk = typeof import('chalk').default;
export type Writer = NodeJS.WritableStream;

// The choice that ends the review menu (not a question id).
const DONE = '__done__';
/**
 * A closed terminal or a polite kill: handled like Ctrl-C, so the answers are kept as a draft. So
 * is SIGINT itself: Ctrl-C pressed between two prompts, when the terminal is not in raw mode.
 */
const SIGNALS = ['SIGHUP', 'SIGTERM', 'SIGINT'] as const;
/** Lists stay short enough for a small laptop screen. */
const PAGE = 12;

/** Ctrl-C in a prompt rejects with ExitPromptError: turn it into our clean interruption. */
async function ask<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError')
      throw new InterruptedError(uiText('cli.interrupted'));
    throw err;
  }
}

/**
 * The interview in a terminal: questions by section with progress, help and glossary on
 * demand, skip logic, a review screen to change any answer (re-asking only what depends on
 * it), and the "change an answer" menu after the results. `answers` always holds what was
 * given so far, so an interruption can save it as a draft.
 */
export class Interview {
  answers: Answers;
  name: string | undefined;

  private constructor(
    private readonly rules: RuleBase,
    private readonly prompts: Prompts,
    private readonly listPrompt: ListModule['listPrompt'],
    private readonly chalk: Chalk,
    private readonly out: Writer,
    given: Answers,
    name: string | undefined,
  ) {
    this.answers = settleApplicability(rules, given);
    this.remembered = { ...given };
    this.name = name;
    this.ctx = { output: out, signal: this.abort.signal };
    for (const sig of SIGNALS) process.on(sig, this.onSignal);
    // A closed terminal often ends the input before the hang-up signal comes, and the prompt's
    // readline then fails (setRawMode EIO) and ends the process: keep the draft on the way out.
    process.on('uncaughtExceptionMonitor', this.onCrash);
  }

  private readonly onCrash = (): void => this.beforeAbort?.();

  /** Aborts the prompt on screen (and any later one): the caller saves a draft, as for Ctrl-C. */
  private readonly abort = new AbortController();
  private readonly onSignal = (): void => {
    // First, synchronously: after a hang-up the terminal is gone and writing to it may end the process.
    this.beforeAbort?.();
    this.abort.abort();
  };

  /** Called on SIGHUP or SIGTERM before the prompt is aborted: the caller keeps a draft. */
  beforeAbort: (() => void) | undefined;

  /**
   * The last real answer to each question, kept when skip logic rules it out: answering
   * "Nothing yet" then "Identified cases" again brings back the forms ticked before.
   */
  private readonly remembered: Answers;

  /** Prompts write where the interview writes (stderr when stdout carries JSON). */
  private readonly ctx: { output: Writer; signal: AbortSignal };

  /** Prompts are loaded only here: they cost start-up time no other path should pay. */
  static async open(rules: RuleBase, out: Writer, given: Answers, name: string | undefined): Promise<Interview> {
    const [prompts, { listPrompt }, { default: chalk }] = await Promise.all([
      import('@inquirer/prompts'),
      import('./prompts.js'),
      import('chalk'),
    ]);
    return new Interview(rules, prompts, listPrompt, chalk, out, given, name);
  }

  /** Our own lines, word-wrapped to the terminal (prompts wrap themselves). */
  private say(text: string): void {
    const cols = (this.out as NodeJS.WriteStream).columns || 80;
    this.out.write(wrapText(text, cols));
  }

  /**
   * The one count of questions, on every screen: those that apply given the answers so far,
   * answered or not (the progress line's "of N", the review's), of which some may be answered by
   * a file or a draft. An answer can add a follow-up (mechanismState) as well as rule some out,
   * so the intro gives the count as things stand, not a ceiling.
   */
  intro(edit = false): void {
    const applicable = this.rules.questions.filter((q) => isApplicable(this.rules, q, this.answers));
    const kept = applicable.filter((q) => q.id in this.answers).length;
    this.say(`${this.t('interview.intro', { questions: questionCount(this.rules, applicable.length) })}\n`);
    if (!edit && kept > 0) this.say(`${this.t('interview.kept', { questions: questionCount(this.rules, kept) })}\n`);
  }

  private t(key: MessageKey, vars?: Vars): string {
    return message(this.rules, key, vars);
  }

  /** Questions still to ask: applicable and unanswered (or all applicable ones with `edit`). */
  pending(edit: boolean): Question[] {
    return this.rules.questions.filter(
      (q) => isApplicable(this.rules, q, this.answers) && (edit || !(q.id in this.answers)),
    );
  }

  async askName(validate?: (name: string) => string | true): Promise<void> {
    const cols = (this.out as NodeJS.WriteStream).columns || 80;
    // One limit for names wherever they come from (answers files, drafts, --name), in characters.
    const check = (v: string): string | true => {
      const length = nameLength(v.trim());
      if (length > MAX_NAME) return this.t('interview.nameLength', { max: MAX_NAME, length });
      return validate ? validate(v.trim()) : true;
    };
    const typed = await ask(
      this.prompts.input(
        // Wrapped here at spaces: the prompt itself would cut words at the screen's edge.
        { message: wrapText(this.t('interview.name'), cols - 2), default: this.name ?? '', validate: check },
        this.ctx,
      ),
    );
    this.name = typed.trim() || undefined;
  }

  /** Asks every pending question in order; skip logic is settled after each answer. */
  async askAll(edit: boolean): Promise<void> {
    const todo = new Set(this.pending(edit).map((q) => q.id));
    let section = '';
    let n = 0;
    for (const q of this.rules.questions) {
      if (!todo.has(q.id)) continue;
      if (!isApplicable(this.rules, q, this.answers)) {
        this.answers = settleApplicability(this.rules, this.answers);
        continue;
      }
      if (q.section !== section) {
        section = q.section;
        this.sectionHeading(section);
      }
      n += 1;
      // Later answers can change what applies: count what is left each time. Answers kept
      // from a file or a draft count as done, so a resumed interview reads "question 4 of 20".
      const left = this.rules.questions.filter(
        (x) =>
          todo.has(x.id) &&
          this.rules.questions.indexOf(x) > this.rules.questions.indexOf(q) &&
          isApplicable(this.rules, x, this.answers),
      ).length;
      const kept = this.rules.questions.filter(
        (x) => !todo.has(x.id) && isApplicable(this.rules, x, this.answers),
      ).length;
      await this.askOne(q, { n: kept + n, total: kept + n + left, withDefault: edit });
    }
  }

  private sectionHeading(id: string): void {
    const index = this.rules.sections.findIndex((s) => s.id === id);
    const title = this.rules.sections[index]?.title ?? id;
    this.say(
      `\n${this.chalk.bold(this.t('interview.section', { n: index + 1, total: this.rules.sections.length, title }))}\n`,
    );
  }

  /** Asks one question (help and glossary open inside it, from a key) and settles skip logic. */
  async askOne(question: Question, opts: { n?: number; total?: number; withDefault: boolean }): Promise<void> {
    // In the words of the response type answered so far: a refugee response is asked about its RRP or JRP.
    const q = questionFor(question, this.answers[RESPONSE_TYPE]);
    const hint = q.type === 'multi' ? `${q.hint} (${this.t('interview.multiHint')})` : q.hint;
    const progress =
      opts.n !== undefined ? `${this.t('interview.progress', { n: opts.n, total: opts.total ?? opts.n })} · ` : '';
    this.say(`${this.chalk.dim(`${progress}${hint}`)}\n`);
    const now = this.answers[q.id];
    const current: AnswerValue | undefined = opts.withDefault
      ? now === undefined || now === NOT_APPLICABLE
        ? this.remembered[q.id]
        : now
      : undefined;
    const picked = await this.prompt(q, current);
    this.answers = settleApplicability(this.rules, { ...this.answers, [q.id]: picked });
    this.remembered[q.id] = picked;
  }

  /** The words and sizes every list prompt of the interview shares. */
  private listBase() {
    const out = this.out as NodeJS.WriteStream;
    const word = (action: string): string => textFor(this.rules.messages, `prompt.${action}`) ?? action;
    return {
      words: {
        navigate: word('navigate'),
        select: word('select'),
        tick: word('tick'),
        all: word('all'),
        submit: word('submit'),
        help: word('help'),
        glossary: word('glossary'),
        back: word('back'),
        more: word('more'),
        disabled: word('disabled'),
        none: this.t('interview.none'),
        space: word('key.space'),
        esc: word('key.esc'),
        page: (n: number, total: number) => this.t('prompt.page', { n, total }),
      },
      columns: out.columns || 80,
      rows: out.rows || 24,
      style: { bold: this.chalk.bold, dim: this.chalk.dim, answer: this.chalk.cyan },
    };
  }

  /** Runs the interview's list prompt (prompts.ts), loaded with the other prompts. */
  private list<V>(config: Omit<ListConfig<V>, 'words' | 'columns' | 'rows' | 'style'>): Promise<V | V[]> {
    // The prompt gives back one of the values of `config.items` (or a list of them).
    return ask(this.listPrompt({ ...this.listBase(), ...config }, this.ctx)) as Promise<V | V[]>;
  }

  private async prompt(q: Question, current: AnswerValue | undefined): Promise<AnswerValue> {
    const dontKnow = { name: this.rules.unknownLabel, value: UNKNOWN as AnswerScalar };
    const common = { message: q.label, pageSize: PAGE, help: this.helpText(q), glossary: this.glossaryText() };
    if (q.type !== 'multi') {
      const def = current === undefined || Array.isArray(current) || current === NOT_APPLICABLE ? undefined : current;
      const choices = [...q.choices.map((c) => ({ name: c.label, value: c.value })), dontKnow];
      return (await this.list<AnswerScalar>({
        ...common,
        choices,
        ...(def !== undefined ? { default: def } : {}),
      })) as AnswerScalar;
    }
    const ticked = Array.isArray(current) ? current : current === UNKNOWN ? [UNKNOWN] : [];
    const choices = [...q.choices.map((c) => ({ name: c.label, value: c.value })), dontKnow].map((c) => ({
      ...c,
      checked: ticked.includes(c.value),
    }));
    const picked = (await this.list<AnswerScalar>({
      ...common,
      choices,
      multi: true,
      exclusive: UNKNOWN,
    })) as AnswerScalar[];
    if (picked.includes(UNKNOWN)) return UNKNOWN;
    return q.choices.map((c) => c.value).filter((v) => picked.includes(v));
  }

  private helpText(q: Question): string | undefined {
    const h = this.rules.help.questions[q.id];
    if (!h) return undefined;
    const lines = [this.chalk.bold(q.label), h.text];
    if (h.examples.length > 0) lines.push(this.t('interview.examples'), ...h.examples.map((e) => `  - ${e}`));
    if (h.sources.length > 0) lines.push(this.t('interview.helpSources', { list: this.sourceList(h.sources) }));
    return lines.join('\n');
  }

  private glossaryText(): string {
    const lines = [this.chalk.bold(this.t('interview.glossary'))];
    for (const g of this.rules.help.glossary)
      lines.push(`- ${this.chalk.bold(g.term)}${this.t('words.colon')}${g.definition} (${this.sourceList(g.sources)})`);
    return lines.join('\n');
  }

  private sourceList(ids: string[]): string {
    return ids.map((id) => `${id} ${this.rules.sources.get(id)?.title ?? ''}`.trim()).join(this.t('words.listSep'));
  }

  /** A menu of every answer; pick one to change it. Returns the id picked, or undefined for done. */
  async pickAnswer(doneLabel: string): Promise<string | undefined> {
    const choices: (Separator | Choice<string>)[] = [{ name: doneLabel, value: DONE }];
    let section = '';
    const words = rulesForResponse(this.rules, this.answers[RESPONSE_TYPE]);
    for (const q of words.questions) {
      if (q.section !== section) {
        section = q.section;
        choices.push(new Separator(`── ${this.rules.sections.find((s) => s.id === section)?.title ?? section}`));
      }
      const value = this.answers[q.id] ?? UNKNOWN;
      const answer = describeAnswer(words, q.id, value);
      // A skipped question cannot be picked: it depends on another answer.
      choices.push(
        value === NOT_APPLICABLE
          ? { name: q.label, value: q.id, disabled: `→ ${answer}` }
          : { name: `${q.label} ${this.chalk.dim(`→ ${answer}`)}`, value: q.id },
      );
    }
    const picked = (await this.list<string>({
      message: this.t('interview.reviewPrompt'),
      choices,
      pageSize: PAGE,
    })) as string;
    return picked === DONE ? undefined : picked;
  }

  /** Re-asks one question, then only the questions that depend on it. */
  async change(id: string): Promise<void> {
    const q = questionOf(this.rules, id);
    await this.askOne(q, { ...this.place(q), withDefault: true });
    for (const d of dependentsOf(this.rules, id)) {
      if (isApplicable(this.rules, d, this.answers)) await this.askOne(d, { ...this.place(d), withDefault: true });
      else this.answers = settleApplicability(this.rules, { ...this.answers, [d.id]: NOT_APPLICABLE });
    }
  }

  /**
   * Where a question stands, counted as everywhere else: among the questions that apply given the
   * answers so far ("question 7 of 23"), so that a changed answer reads as its place in the interview.
   */
  private place(q: Question): { n: number; total: number } {
    const applicable = this.rules.questions.filter((x) => isApplicable(this.rules, x, this.answers));
    return { n: applicable.indexOf(q) + 1, total: applicable.length };
  }

  /** The review screen: every answer, change any, until done. */
  async review(): Promise<void> {
    this.say(`\n${this.chalk.bold(this.t('interview.review'))}\n`);
    for (
      let id = await this.pickAnswer(this.t('interview.reviewDone'));
      id;
      id = await this.pickAnswer(this.t('interview.reviewDone'))
    )
      await this.change(id);
  }

  /** After the results: finish, read the full report, or change an answer. */
  async afterResults(): Promise<'finish' | 'report' | 'change'> {
    return (await this.list<'finish' | 'report' | 'change'>({
      message: this.t('interview.afterResults'),
      choices: [
        { name: this.t('interview.finish'), value: 'finish' },
        { name: this.t('interview.showReport'), value: 'report' },
        { name: this.t('interview.changeAnswer'), value: 'change' },
      ],
    })) as 'finish' | 'report' | 'change';
  }

  /** Picks an answer and asks it again (with what depends on it); false when the user went back. */
  async changeOne(): Promise<boolean> {
    const id = await this.pickAnswer(this.t('interview.back'));
    if (!id) return false;
    await this.change(id);
    return true;
  }

  /** Stops listening for SIGHUP and SIGTERM: the interview is over. */
  close(): void {
    for (const sig of SIGNALS) process.off(sig, this.onSignal);
    process.off('uncaughtExceptionMonitor', this.onCrash);
  }
}
