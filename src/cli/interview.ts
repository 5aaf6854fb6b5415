import { dependentsOf, isApplicable, settleApplicability, type Answers } from '../core/answers.js';
import { InterruptedError } from '../core/errors.js';
import { describeAnswer } from '../core/explain.js';
import { message } from '../core/messages.js';
import { uiText } from './ui-text.js';
import type { MessageKey, Vars } from '../core/messages.js';
import { wrapText } from '../render/wrap.js';
import {
  NOT_APPLICABLE,
  UNKNOWN,
  type AnswerScalar,
  type AnswerValue,
  type Question,
  type RuleBase,
} from '../core/types.js';

type Prompts = typeof import('@inquirer/prompts');
type Chalk = typeof import('chalk').default;
export type Writer = NodeJS.WritableStream;

// Choice values that are not answers: they open help, or end a menu.
const HELP = '__help__';
const GLOSSARY = '__glossary__';
const DONE = '__done__';
const CHANGE = '__change__';
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
    private readonly chalk: Chalk,
    private readonly out: Writer,
    given: Answers,
    name: string | undefined,
  ) {
    this.answers = settleApplicability(rules, given);
    this.remembered = { ...given };
    this.name = name;
    this.ctx = { output: out };
  }

  /**
   * The last real answer to each question, kept when skip logic rules it out: answering
   * "Nothing yet" then "Identified cases" again brings back the forms ticked before.
   */
  private readonly remembered: Answers;

  /** Prompts write where the interview writes (stderr when stdout carries JSON). */
  private readonly ctx: { output: Writer };

  /** The prompts' own words (key help, errors) in the interview's language. */
  private theme() {
    const word = (action: string): string => this.rules.messages[`prompt.${action}`] ?? action;
    return {
      style: {
        keysHelpTip: (keys: [string, string][]) =>
          keys
            .map(([key, action]) => `${this.chalk.bold(key)} ${this.chalk.dim(word(action))}`)
            .join(this.chalk.dim(' • ')),
      },
      i18n: { disabledError: word('disabled') },
    };
  }

  /** Prompts are loaded only here: they cost start-up time no other path should pay. */
  static async open(rules: RuleBase, out: Writer, given: Answers, name: string | undefined): Promise<Interview> {
    const [prompts, { default: chalk }] = await Promise.all([import('@inquirer/prompts'), import('chalk')]);
    return new Interview(rules, prompts, chalk, out, given, name);
  }

  /** Our own lines, word-wrapped to the terminal (prompts wrap themselves). */
  private say(text: string): void {
    const cols = (this.out as NodeJS.WriteStream).columns || 80;
    this.out.write(wrapText(text, cols));
  }

  intro(edit = false): void {
    this.say(`${this.t('interview.intro', { count: this.pending(edit).length })}\n`);
    const kept = Object.values(this.answers).filter((v) => v !== NOT_APPLICABLE).length;
    if (!edit && kept > 0) this.say(`${this.t('interview.kept', { count: kept })}\n`);
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
    const typed = await ask(
      this.prompts.input(
        {
          message: this.t('interview.name'),
          default: this.name ?? '',
          ...(validate ? { validate: (v: string) => validate(v.trim()) } : {}),
        },
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

  /** Asks one question (help and glossary loop back to it) and settles skip logic. */
  async askOne(q: Question, opts: { n?: number; total?: number; withDefault: boolean }): Promise<void> {
    const hint = q.type === 'multi' ? `${q.hint} (${this.t('interview.multiHint')})` : q.hint;
    const progress =
      opts.n !== undefined ? `${this.t('interview.progress', { n: opts.n, total: opts.total ?? opts.n })} · ` : '';
    this.say(`${this.chalk.dim(`${progress}${hint}`)}\n`);
    const now = this.answers[q.id];
    let current: AnswerValue | undefined = opts.withDefault
      ? now === undefined || now === NOT_APPLICABLE
        ? this.remembered[q.id]
        : now
      : undefined;
    this.pendingTicks = undefined;
    for (;;) {
      const picked = await this.prompt(q, current);
      if (picked === HELP) this.showHelp(q);
      else if (picked === GLOSSARY) this.showGlossary();
      else {
        this.answers = settleApplicability(this.rules, { ...this.answers, [q.id]: picked });
        this.remembered[q.id] = picked;
        return;
      }
      // Keep what was ticked before the detour to help (list questions; a choice list keeps its default).
      if (q.type === 'multi' && this.pendingTicks) current = this.pendingTicks;
    }
  }

  private pendingTicks: AnswerScalar[] | undefined;

  private async prompt(
    q: Question,
    current: AnswerValue | undefined,
  ): Promise<AnswerValue | typeof HELP | typeof GLOSSARY> {
    const { Separator } = this.prompts;
    const extras = [
      new Separator(),
      { name: this.t('interview.help'), value: HELP as AnswerScalar },
      { name: this.t('interview.glossary'), value: GLOSSARY as AnswerScalar },
    ];
    const dontKnow = { name: this.rules.unknownLabel, value: UNKNOWN as AnswerScalar };
    const choices = [...q.choices.map((c) => ({ name: c.label, value: c.value })), dontKnow];
    if (q.type !== 'multi') {
      const def = current === undefined || Array.isArray(current) || current === NOT_APPLICABLE ? undefined : current;
      return ask(
        this.prompts.select<AnswerScalar>(
          {
            message: q.label,
            choices: [...choices, ...extras],
            pageSize: PAGE,
            theme: this.theme(),
            ...(def !== undefined ? { default: def } : {}),
          },
          this.ctx,
        ),
      );
    }
    const ticked = Array.isArray(current) ? current : current === UNKNOWN ? [UNKNOWN] : [];
    const picked = await ask(
      this.prompts.checkbox<AnswerScalar>(
        {
          message: q.label,
          choices: [...choices, ...extras].map((c) =>
            c instanceof Separator ? c : { ...c, checked: ticked.includes(c.value) },
          ),
          pageSize: PAGE,
          theme: this.theme(),
          validate: (sel: readonly { value: AnswerScalar }[]) =>
            sel.length > 1 && sel.some((c) => c.value === UNKNOWN) ? this.t('interview.dontKnowAlone') : true,
        },
        this.ctx,
      ),
    );
    this.pendingTicks = picked.filter((v) => v !== HELP && v !== GLOSSARY);
    if (picked.includes(HELP)) return HELP;
    if (picked.includes(GLOSSARY)) return GLOSSARY;
    if (picked.includes(UNKNOWN)) return UNKNOWN;
    return q.choices.map((c) => c.value).filter((v) => picked.includes(v));
  }

  private showHelp(q: Question): void {
    const h = this.rules.help.questions[q.id];
    if (!h) return;
    const lines = [``, this.chalk.bold(q.label), h.text];
    if (h.examples.length > 0) lines.push(this.t('interview.examples'), ...h.examples.map((e) => `  - ${e}`));
    if (h.sources.length > 0) lines.push(this.t('interview.helpSources', { list: this.sourceList(h.sources) }));
    this.say(`${lines.join('\n')}\n\n`);
  }

  private showGlossary(): void {
    const lines = ['', this.chalk.bold(this.t('interview.glossary'))];
    for (const g of this.rules.help.glossary)
      lines.push(`${this.chalk.bold(g.term)}${this.t('words.colon')}${g.definition} (${this.sourceList(g.sources)})`);
    this.say(`${lines.join('\n')}\n\n`);
  }

  private sourceList(ids: string[]): string {
    return ids.map((id) => `${id} ${this.rules.sources.get(id)?.title ?? ''}`.trim()).join(this.t('words.listSep'));
  }

  /** A menu of every answer; pick one to change it. Returns the id picked, or undefined for done. */
  async pickAnswer(doneLabel: string): Promise<string | undefined> {
    const { Separator } = this.prompts;
    const choices: (InstanceType<Prompts['Separator']> | { name: string; value: string; disabled?: string })[] = [
      { name: doneLabel, value: DONE },
    ];
    let section = '';
    for (const q of this.rules.questions) {
      if (q.section !== section) {
        section = q.section;
        choices.push(new Separator(`── ${this.rules.sections.find((s) => s.id === section)?.title ?? section}`));
      }
      const value = this.answers[q.id] ?? UNKNOWN;
      const answer = describeAnswer(this.rules, q.id, value);
      // A skipped question cannot be picked: it depends on another answer (inquirer shows the reason).
      choices.push(
        value === NOT_APPLICABLE
          ? { name: q.label, value: q.id, disabled: `→ ${answer}` }
          : { name: `${q.label} ${this.chalk.dim(`→ ${answer}`)}`, value: q.id },
      );
    }
    const picked = await ask(
      this.prompts.select<string>(
        { message: this.t('interview.reviewPrompt'), choices, pageSize: PAGE, loop: false, theme: this.theme() },
        this.ctx,
      ),
    );
    return picked === DONE ? undefined : picked;
  }

  /** Re-asks one question, then only the questions that depend on it. */
  async change(id: string): Promise<void> {
    const q = this.rules.questionById.get(id)!;
    await this.askOne(q, { withDefault: true });
    for (const d of dependentsOf(this.rules, id)) {
      if (isApplicable(this.rules, d, this.answers)) await this.askOne(d, { withDefault: true });
      else this.answers = settleApplicability(this.rules, { ...this.answers, [d.id]: NOT_APPLICABLE });
    }
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

  /** After the results: change an answer (returns true) or finish (false). */
  async changeAfterResults(): Promise<boolean> {
    const next = await ask(
      this.prompts.select<string>(
        {
          message: this.t('interview.afterResults'),
          theme: this.theme(),
          choices: [
            { name: this.t('interview.finish'), value: DONE },
            { name: this.t('interview.changeAnswer'), value: CHANGE },
          ],
        },
        this.ctx,
      ),
    );
    if (next === DONE) return false;
    const id = await this.pickAnswer(this.t('interview.back'));
    if (id) await this.change(id);
    return true;
  }
}
