import {
  completeAnswers,
  dependentsOf,
  isApplicable,
  MAX_NAME,
  nameLength,
  settleApplicability,
  type Answers,
} from '../core/answers.js';
import { planLine } from '../core/plan.js';
import { assess, type Result } from '../core/assessment.js';
import { UserError } from '../core/errors.js';
import { describeAnswer } from '../core/explain.js';
import { MAX_JSON_BYTES } from '../core/json.js';
import { LANGS, type Lang } from '../core/lang.js';
import { message, questionCount, type MessageKey, type Vars } from '../core/messages.js';
import { personalDataProblem } from '../core/personal-data.js';
import { recommend, type Outcome } from '../core/recommend.js';
import { NOT_APPLICABLE, type AnswerValue, type Question, type RuleBase } from '../core/types.js';
import { changeSummaryMarkdown, compareResults } from '../render/compare.js';
import { markdownToDocx } from '../render/docx.js';
import { markdownHtml } from '../render/html.js';
import { buildReport, wordReportOptions } from '../render/report.js';
import type { WebData } from '../render/web-page.js';
import { fill, focusOn, h, painted } from './dom.js';
import { loadDocx } from './docx.js';
import { forgetDraft, keepDraft, readDraft } from './draft.js';
import { answersJson, download, fromBase64Url, readAnswers, today, type GivenAnswers } from './files.js';
import { questionField, setFieldError, sourceList } from './question.js';
import type { Loaded, RuleBases } from './rule-base.js';
import { webText, type WebKey } from './texts.js';

/** Where the user is: a section of the interview, the review of the answers, or the result. */
type Screen =
  | { kind: 'section'; index: number; back?: 'review' | 'result'; focus?: string }
  | { kind: 'review' }
  | { kind: 'result' };

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };
const JSON_TYPE = 'application/json';
const MD_TYPE = 'text/markdown';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The page: the command line's interview, review, result and what-if on the same core. Answers
 * are kept as the terminal keeps them (skip logic settled after every answer); the result is
 * `assess()` on the completed answers, as `tip-coord assess` computes it.
 */
export class App {
  private lang: Lang;
  private loaded: Loaded;
  private answers: Answers = {};
  /** The last real answer to each question, brought back when skip logic lets it apply again. */
  private remembered: Answers = {};
  private name: string | undefined;
  private screen: Screen = { kind: 'section', index: 0 };
  private result: Result | undefined;
  /** The result and answers before the first what-if change, to compare with and to go back to. */
  private baseline: { result: Result; answers: Answers } | undefined;
  private whatIfQuestion: string | undefined;
  /** Only when the user asks: the answers kept in this browser after every change. */
  private keeping = false;
  /** Results are computed asynchronously: only the latest one is shown. */
  private computing = 0;
  private readonly date = today();

  private readonly main: HTMLElement;
  private readonly header: HTMLElement;
  private readonly status: HTMLElement;
  private readonly alert: HTMLElement;
  private readonly overlay: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly data: WebData,
    private readonly bases: RuleBases,
  ) {
    this.lang = data.langs.includes(data.lang) ? data.lang : 'en';
    this.loaded = bases.get(this.lang);
    performance.mark('tip-rules');
    this.header = h('header', { class: 'top' });
    this.status = h('div', { id: 'tip-status', class: 'status', role: 'status', 'aria-live': 'polite' });
    this.alert = h('div', { id: 'tip-alert', class: 'alert', role: 'alert' });
    this.main = h('main', { id: 'tip-main' });
    this.overlay = h('div', { class: 'drop-overlay', hidden: true, 'aria-hidden': 'true' });
    fill(root, this.header, this.status, this.alert, this.main, this.overlay);
    this.listenForDrops();
    window.addEventListener('hashchange', () => void this.fromAddress());
  }

  private get rules(): RuleBase {
    return this.loaded.rules;
  }

  private t(key: MessageKey, vars?: Vars): string {
    return message(this.rules, key, vars);
  }

  private w(key: WebKey, vars?: Readonly<Record<string, string | number>>): string {
    return webText(this.lang, key, vars);
  }

  /** The first screen: the answers in the address when there are some, else the first questions. */
  async start(): Promise<void> {
    if (await this.fromAddress()) return;
    this.renderHeader();
    this.show({ kind: 'section', index: this.firstSection() }, false);
    performance.mark('tip-first-question');
  }

  // --- The header: language, files, draft -------------------------------------------------

  private renderHeader(): void {
    document.documentElement.lang = this.lang;
    document.title = this.w('title');
    const langs = this.data.langs.filter((l) => (LANGS as readonly string[]).includes(l));
    const load = h('input', {
      type: 'file',
      id: 'tip-load',
      class: 'visually-hidden',
      accept: '.json,application/json',
      onchange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) void this.loadFile(file);
      },
    });
    const draftKept = readDraft() !== undefined;
    fill(
      this.header,
      h('h1', {}, 'tip-coord'),
      h('p', { class: 'tagline' }, this.w('subtitle')),
      h('p', { class: 'offline' }, this.w('tagline')),
      langs.length > 1
        ? h(
            'div',
            { class: 'lang' },
            h('label', { for: 'tip-lang' }, this.w('language')),
            h(
              'select',
              { id: 'tip-lang', onchange: (e: Event) => void this.switchLang((e.target as HTMLSelectElement).value) },
              langs.map((l) => h('option', { value: l, lang: l, selected: l === this.lang }, LANGUAGE_NAMES[l] ?? l)),
            ),
          )
        : null,
      h(
        'div',
        { class: 'toolbar', role: 'group', 'aria-label': this.w('files') },
        h(
          'span',
          { class: 'file-button' },
          load,
          h('label', { for: 'tip-load', class: 'button' }, this.w('loadAnswers')),
        ),
        h('button', { type: 'button', id: 'tip-save', onclick: () => this.saveAnswers() }, this.w('saveAnswers')),
        h(
          'span',
          { class: 'keep' },
          h('input', {
            type: 'checkbox',
            id: 'tip-keep',
            checked: this.keeping,
            'aria-describedby': 'tip-keep-hint',
            onchange: (e: Event) => this.setKeeping((e.target as HTMLInputElement).checked),
          }),
          h('label', { for: 'tip-keep' }, this.w('keepDraft')),
        ),
        h(
          'button',
          { type: 'button', id: 'tip-forget', hidden: !draftKept && !this.keeping, onclick: () => this.forget() },
          this.w('forgetDraft'),
        ),
      ),
      h('p', { class: 'hint', id: 'tip-keep-hint' }, this.w('keepDraftHint')),
      h('p', { class: 'hint' }, this.w('dropHint')),
    );
  }

  private async switchLang(value: string): Promise<void> {
    if (!(this.data.langs as string[]).includes(value)) return;
    this.lang = value as Lang;
    this.loaded = this.bases.get(this.lang);
    this.renderHeader();
    if (this.result) {
      // Ids and values do not depend on the language: the same answers, worded again.
      this.result = await this.compute(this.answers);
      if (this.baseline) this.baseline.result = await this.compute(this.baseline.answers);
    }
    this.show(this.screen, false);
    focusOn(document.getElementById('tip-lang'));
  }

  // --- Screens -------------------------------------------------------------------------------

  private show(screen: Screen, focus = true): void {
    this.screen = screen;
    this.alert.textContent = '';
    if (screen.kind === 'section') this.renderSection(screen);
    else if (screen.kind === 'review') this.renderReview();
    else this.renderResult();
    if (!focus) return;
    const target = screen.kind === 'section' && screen.focus ? this.firstInput(screen.focus) : undefined;
    focusOn(target ?? this.main.querySelector<HTMLElement>('h2'));
  }

  private firstInput(id: string): HTMLElement | undefined {
    const field = document.getElementById(`q-${id}`);
    return (
      field?.querySelector<HTMLInputElement>('input:checked') ??
      field?.querySelector<HTMLInputElement>('input') ??
      undefined
    );
  }

  /** Sections with at least one question that applies, by index in the rule base. */
  private sectionsInUse(): number[] {
    return this.rules.sections
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => this.rules.questions.some((q) => q.section === s.id && this.applies(q)))
      .map(({ i }) => i);
  }

  private firstSection(): number {
    return this.sectionsInUse()[0] ?? 0;
  }

  private applies(q: Question): boolean {
    return isApplicable(this.rules, q, this.answers);
  }

  /** Questions that apply and have no answer yet. */
  private missing(): Question[] {
    return this.rules.questions.filter((q) => this.applies(q) && !(q.id in this.answers));
  }

  private renderSection(screen: Extract<Screen, { kind: 'section' }>): void {
    const rules = this.rules;
    const section = rules.sections[screen.index]!;
    const questions = rules.questions.filter((q) => q.section === section.id);
    const first = screen.index === this.firstSection() && !screen.back;
    const summary = h('div', { class: 'problems', hidden: true, tabindex: '-1' });
    const fields = questions.map((q) =>
      questionField(rules, q, this.answers[q.id] ?? this.remembered[q.id], {
        prefix: 'q-',
        onAnswer: (v) => this.onAnswer(q, v),
      }),
    );
    const inUse = this.sectionsInUse();
    const at = inUse.indexOf(screen.index);
    const next = (): void => {
      if (!this.checkSection(questions, fields, summary, first)) return;
      if (screen.back === 'result') return void this.showResult();
      const later = this.sectionsInUse().find((i) => i > screen.index);
      this.show(
        screen.back === 'review' || later === undefined ? { kind: 'review' } : { kind: 'section', index: later },
      );
    };
    const previous = at > 0 && !screen.back ? inUse[at - 1] : undefined;
    fill(
      this.main,
      h(
        'h2',
        { id: 'screen-title' },
        this.t('interview.section', { n: screen.index + 1, total: rules.sections.length, title: section.title }),
      ),
      first ? h('p', {}, this.t('interview.intro', { questions: questionCount(rules, this.countApplicable()) })) : null,
      first ? this.nameField() : null,
      first ? this.draftNotice() : null,
      summary,
      h(
        'form',
        { class: 'section', novalidate: true, onsubmit: (e: Event) => (e.preventDefault(), next()) },
        fields,
        h(
          'div',
          { class: 'steps' },
          previous !== undefined
            ? h(
                'button',
                { type: 'button', onclick: () => this.show({ kind: 'section', index: previous }) },
                this.w('back'),
              )
            : null,
          h(
            'button',
            { type: 'submit', class: 'primary' },
            screen.back === 'review'
              ? this.w('backToReview')
              : screen.back === 'result'
                ? this.w('backToResult')
                : this.w('next'),
          ),
        ),
      ),
      this.glossary(),
    );
    this.refreshFields();
  }

  private countApplicable(): number {
    return this.rules.questions.filter((q) => this.applies(q)).length;
  }

  /** After every answer: which questions apply, and each one's number among them. */
  private refreshFields(): void {
    const applicable = this.rules.questions.filter((q) => this.applies(q));
    for (const field of this.main.querySelectorAll<HTMLElement>('fieldset.question')) {
      const q = this.rules.questionById.get(field.dataset.question ?? '');
      if (!q) continue;
      const n = applicable.indexOf(q);
      field.hidden = n < 0;
      const legend = field.querySelector('legend');
      let pos = legend?.querySelector<HTMLElement>('.position');
      if (n >= 0 && legend && field.id.startsWith('q-')) {
        pos ??= legend.insertBefore(h('span', { class: 'position' }), legend.firstChild);
        pos.textContent = this.w('questionOf', { n: n + 1, total: applicable.length });
      }
    }
  }

  private onAnswer(q: Question, value: AnswerValue): void {
    this.setAnswer(q.id, value);
    const field = document.getElementById(`q-${q.id}`);
    if (field) setFieldError(field, undefined);
    this.refreshFields();
  }

  /** The one way an answer changes: skip logic settled, answers that apply again brought back. */
  private setAnswer(id: string, value: AnswerValue): void {
    const rules = this.rules;
    this.remembered[id] = value;
    let next = settleApplicability(rules, { ...this.answers, [id]: value });
    for (const q of rules.questions) {
      const before = this.remembered[q.id];
      if (!(q.id in next) && before !== undefined && before !== NOT_APPLICABLE && isApplicable(rules, q, next))
        next = settleApplicability(rules, { ...next, [q.id]: before });
    }
    this.answers = next;
    this.keepIfAsked();
  }

  private nameField(): HTMLElement {
    const input = h('input', {
      type: 'text',
      id: 'tip-name',
      autocomplete: 'off',
      spellcheck: 'false',
      value: this.name ?? '',
      'aria-describedby': 'tip-name-hint tip-name-error',
      oninput: (e: Event) => {
        this.name = (e.target as HTMLInputElement).value.trim() || undefined;
        this.keepIfAsked();
      },
      onchange: () => this.checkName(),
    });
    return h(
      'div',
      { class: 'name' },
      h('label', { for: 'tip-name' }, this.w('nameLabel')),
      h('p', { class: 'hint', id: 'tip-name-hint' }, this.w('nameHint')),
      h('p', { class: 'error', id: 'tip-name-error', hidden: true }),
      input,
    );
  }

  /** The name's problem, as the command line words it (personal data, length); shown beside the field. */
  private checkName(): string | undefined {
    const name = this.name;
    const problem =
      name && nameLength(name) > MAX_NAME
        ? this.t('interview.nameLength', { max: MAX_NAME, length: nameLength(name) })
        : personalDataProblem(this.rules, name);
    const error = document.getElementById('tip-name-error');
    if (error) {
      error.textContent = problem ?? '';
      error.hidden = !problem;
      document.getElementById('tip-name')?.setAttribute('aria-invalid', String(Boolean(problem)));
    }
    return problem;
  }

  /** Every question of the section answered and the name acceptable; otherwise say what and where. */
  private checkSection(questions: Question[], fields: HTMLElement[], summary: HTMLElement, withName: boolean): boolean {
    const problems: { text: string; target: () => HTMLElement | undefined }[] = [];
    const nameProblem = withName ? this.checkName() : undefined;
    if (nameProblem)
      problems.push({ text: nameProblem, target: () => document.getElementById('tip-name') ?? undefined });
    questions.forEach((q, i) => {
      const unanswered = this.applies(q) && !(q.id in this.answers);
      const text = unanswered ? this.w('answerNeeded', { unknown: this.rules.unknownLabel }) : undefined;
      setFieldError(fields[i]!, text);
      if (text) problems.push({ text: `${q.label} ${text}`, target: () => this.firstInput(q.id) });
    });
    if (problems.length === 0) {
      summary.hidden = true;
      return true;
    }
    fill(
      summary,
      h('p', {}, this.w('problems')),
      h(
        'ul',
        {},
        problems.map((p) =>
          h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => focusOn(p.target()) }, p.text)),
        ),
      ),
    );
    summary.hidden = false;
    focusOn(summary);
    return false;
  }

  private glossary(): HTMLElement {
    const rules = this.rules;
    return h(
      'details',
      { class: 'glossary' },
      h('summary', {}, this.t('interview.glossary')),
      h(
        'dl',
        {},
        rules.help.glossary.flatMap((g) => [
          h('dt', {}, g.term),
          h('dd', {}, g.definition, g.sources.length ? ` (${sourceList(rules, g.sources)})` : ''),
        ]),
      ),
    );
  }

  private draftNotice(): HTMLElement | null {
    const draft = readDraft();
    if (!draft || this.keeping) return null;
    const when = draft.at.slice(0, 16).replace('T', ' ');
    return h(
      'div',
      { class: 'notice' },
      h('p', {}, this.w('draftFound', { date: when })),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            void this.load(draft.text, this.w('resumeDraft')).then((error) => {
              if (error) this.fail(this.w('fileError', { error }));
              else this.setKeeping(true);
            });
          },
        },
        this.w('resumeDraft'),
      ),
      ' ',
      h('button', { type: 'button', onclick: () => this.forget() }, this.w('forgetDraft')),
    );
  }

  private renderReview(): void {
    const rules = this.rules;
    const change = (q: Question): HTMLElement =>
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () =>
            this.show({
              kind: 'section',
              index: rules.sections.findIndex((s) => s.id === q.section),
              back: 'review',
              focus: q.id,
            }),
        },
        this.w('change'),
        h('span', { class: 'visually-hidden' }, `: ${q.label}`),
      );
    const missing = this.missing();
    fill(
      this.main,
      h('h2', { id: 'screen-title' }, this.w('reviewTitle')),
      h('p', {}, this.t('interview.review')),
      h(
        'p',
        { class: 'review-name' },
        `${this.w('nameLabel')}${this.t('words.colon')}${this.name ?? this.t('report.unnamed')} `,
        h(
          'button',
          { type: 'button', class: 'link', onclick: () => this.show({ kind: 'section', index: this.firstSection() }) },
          this.w('change'),
          h('span', { class: 'visually-hidden' }, `: ${this.w('nameLabel')}`),
        ),
      ),
      rules.sections.map((s) =>
        h(
          'section',
          { class: 'review-section', 'aria-labelledby': `review-${s.id}` },
          h('h3', { id: `review-${s.id}` }, s.title),
          h(
            'ul',
            { class: 'answers' },
            rules.questions
              .filter((q) => q.section === s.id)
              .map((q) => {
                const applies = this.applies(q);
                const value = this.answers[q.id];
                return h(
                  'li',
                  { class: applies ? (value === undefined ? 'missing' : '') : 'skipped' },
                  h('span', { class: 'q' }, q.label),
                  h(
                    'span',
                    { class: 'a' },
                    !applies
                      ? rules.notApplicableLabel
                      : value === undefined
                        ? this.w('notAnswered')
                        : describeAnswer(rules, q.id, value),
                  ),
                  applies ? change(q) : null,
                );
              }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'steps' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            id: 'tip-show-result',
            onclick: () => {
              const first = missing[0];
              if (first)
                this.show({
                  kind: 'section',
                  index: rules.sections.findIndex((s) => s.id === first.section),
                  back: 'review',
                  focus: first.id,
                });
              else void this.showResult();
            },
          },
          this.t('interview.reviewDone'),
        ),
      ),
    );
  }

  // --- The result and the what-if -------------------------------------------------------------

  private compute(answers: Answers): Promise<Result> {
    const { rules, evaluator } = this.loaded;
    return assess(evaluator, {
      answers: completeAnswers(rules, answers),
      run: { date: this.date, toolVersion: this.data.toolVersion, rulesFolder: this.data.rulesFolder },
      ...(this.name ? { responseName: this.name } : {}),
    });
  }

  private async showResult(): Promise<void> {
    const run = ++this.computing;
    const result = await this.compute(this.answers);
    if (run !== this.computing) return;
    this.result = result;
    this.baseline = undefined;
    this.whatIfQuestion = undefined;
    this.show({ kind: 'result' });
  }

  private renderResult(): void {
    const result = this.result!;
    const picker = h('select', {
      id: 'tip-whatif-pick',
      onchange: (e: Event) => {
        this.whatIfQuestion = (e.target as HTMLSelectElement).value || undefined;
        this.renderWhatIfFields();
      },
    });
    fill(
      this.main,
      h('section', { id: 'tip-result', 'aria-labelledby': 'result-title' }),
      h(
        'div',
        { class: 'steps result-actions' },
        h(
          'button',
          { type: 'button', id: 'tip-download-md', onclick: () => this.downloadMarkdown() },
          this.w('downloadMd'),
        ),
        h(
          'button',
          { type: 'button', id: 'tip-download-docx', onclick: () => void this.downloadWord() },
          this.w('downloadDocx'),
        ),
        h('button', { type: 'button', id: 'tip-print', onclick: () => window.print() }, this.w('print')),
        h('button', { type: 'button', onclick: () => this.show({ kind: 'review' }) }, this.w('editAnswers')),
      ),
      h(
        'section',
        { class: 'what-if', 'aria-labelledby': 'whatif-title' },
        h('h2', { id: 'whatif-title' }, this.w('whatIf')),
        h('p', {}, this.w('whatIfIntro')),
        h('label', { for: 'tip-whatif-pick' }, this.w('whatIfPick')),
        picker,
        h('div', { id: 'tip-whatif-fields' }),
        h('div', { id: 'tip-whatif-changes', class: 'changes' }),
        h(
          'button',
          { type: 'button', id: 'tip-undo', hidden: true, onclick: () => void this.undoWhatIf() },
          this.w('undo'),
        ),
      ),
      h(
        'section',
        { id: 'tip-report', 'aria-labelledby': 'report-title' },
        h('h2', { id: 'report-title', class: 'screen-only' }, this.w('fullReport')),
        h('article', { class: 'report' }),
      ),
    );
    this.fillPicker();
    this.renderWhatIfFields();
    this.renderOutcome(result);
  }

  /** The parts that follow the result: the decision, then the full report. */
  private renderOutcome(result: Result): void {
    this.renderDecision(result);
    this.renderReport(result);
  }

  /** The short result, as the terminal shows it after an interview, and the contract's data attributes. */
  private renderDecision(result: Outcome): void {
    const rules = this.rules;
    const box = document.getElementById('tip-result');
    if (!box) return;
    box.dataset.primary = result.primary;
    box.dataset.verdict = result.review?.verdict ?? '';
    box.dataset.cautions = result.cautions.map((c) => c.id).join(' ');
    box.dataset.actions = result.actions.map((a) => a.id).join(' ');
    const primary = result.recommendations.find((r) => r.role === 'primary');
    const also = result.recommendations.filter((r) => r.role === 'complementary').map((r) => r.title);
    const sep = this.t('words.listSep');
    fill(
      box,
      h('h2', { id: 'result-title' }, this.w('resultTitle')),
      primary
        ? h('p', { class: 'decision' }, h('strong', {}, this.t('result.decision', { title: primary.title })))
        : null,
      also.length ? h('p', {}, this.t('result.also', { list: also.join(sep) })) : null,
      result.review ? h('p', {}, this.t('result.review', { verdict: result.review.title })) : null,
      result.plan.length
        ? [
            h('p', {}, this.t('result.firstActions')),
            h(
              'ol',
              {},
              // The first rows of page 1's plan, with their owners, as the terminal shows them.
              result.plan.slice(0, 3).map((row) => h('li', {}, planLine(row))),
            ),
          ]
        : null,
      result.cautions.length
        ? h('p', {}, `${this.t('result.cautions')} ${result.cautions.map((c) => c.title).join(sep)}`)
        : null,
      result.unknowns.length
        ? h('p', {}, this.t('result.unknowns', { questions: questionCount(rules, result.unknowns.length) }))
        : null,
    );
    performance.clearMarks('tip-decision-updated');
    performance.mark('tip-decision-updated');
  }

  private renderReport(result: Result): void {
    const article = document.querySelector('#tip-report article');
    // The report's markdown as the HTML report shows it: raw HTML in it is shown as text, never run.
    if (article) article.innerHTML = markdownHtml(buildReport(this.rules, result));
  }

  private fillPicker(): void {
    const picker = document.getElementById('tip-whatif-pick') as HTMLSelectElement | null;
    if (!picker) return;
    fill(
      picker,
      h('option', { value: '' }, this.w('whatIfNone')),
      this.rules.sections.map((s) =>
        h(
          'optgroup',
          { label: s.title },
          this.rules.questions
            .filter((q) => q.section === s.id && this.applies(q))
            .map((q) =>
              h(
                'option',
                { value: q.id, selected: q.id === this.whatIfQuestion },
                `${q.label} → ${describeAnswer(this.rules, q.id, this.answers[q.id])}`,
              ),
            ),
        ),
      ),
    );
  }

  /** The question picked for a what-if and the questions that depend on it (shown when they apply). */
  private renderWhatIfFields(): void {
    const box = document.getElementById('tip-whatif-fields');
    if (!box) return;
    const id = this.whatIfQuestion;
    const q = id ? this.rules.questionById.get(id) : undefined;
    if (!q) return void fill(box);
    fill(
      box,
      [q, ...dependentsOf(this.rules, q.id)].map((x) =>
        questionField(this.rules, x, this.answers[x.id] ?? this.remembered[x.id], {
          prefix: 'w-',
          onAnswer: (v) => void this.whatIf(x, v),
        }),
      ),
    );
    this.refreshWhatIfFields();
  }

  private refreshWhatIfFields(): void {
    for (const field of document.querySelectorAll<HTMLElement>('#tip-whatif-fields fieldset.question')) {
      const q = this.rules.questionById.get(field.dataset.question ?? '');
      field.hidden = !q || !this.applies(q);
    }
  }

  /** One answer changed after the result: the decision and the report follow at once. */
  private async whatIf(q: Question, value: AnswerValue): Promise<void> {
    if (!this.result) return;
    this.baseline ??= { result: this.result, answers: { ...this.answers } };
    this.setAnswer(q.id, value);
    this.refreshWhatIfFields();
    const run = ++this.computing;
    // The decision first (the engine, the decision, the recommendations: what assess starts
    // with); then the report, whose "what would change" search takes longer.
    const { rules, evaluator } = this.loaded;
    const outcome = recommend(rules, await evaluator.evaluate(completeAnswers(rules, this.answers)));
    if (run !== this.computing) return;
    this.renderDecision(outcome);
    await painted();
    performance.clearMarks('tip-decision-painted');
    performance.mark('tip-decision-painted');
    const result = await this.compute(this.answers);
    if (run !== this.computing) return;
    this.result = result;
    this.renderReport(result);
    this.showChanges();
    this.fillPickerLabels();
    this.status.textContent = this.w('updated');
  }

  private showChanges(): void {
    const box = document.getElementById('tip-whatif-changes');
    const undo = document.getElementById('tip-undo');
    if (!box || !undo) return;
    if (!this.baseline || !this.result) {
      fill(box);
      undo.hidden = true;
      return;
    }
    const comparison = compareResults(this.rules, this.baseline.result, this.result, ['before', 'after']);
    box.innerHTML = markdownHtml(`${changeSummaryMarkdown(this.rules, comparison).replace(/^## .*\n/, '')}`);
    box.prepend(h('h3', {}, this.t('interview.whatChanged')), h('p', {}, this.w('whatIfSince')));
    undo.hidden = false;
  }

  /** The picker's labels show the current answers (the focus stays where it is). */
  private fillPickerLabels(): void {
    for (const option of document.querySelectorAll<HTMLOptionElement>('#tip-whatif-pick option')) {
      const q = option.value ? this.rules.questionById.get(option.value) : undefined;
      if (q) option.textContent = `${q.label} → ${describeAnswer(this.rules, q.id, this.answers[q.id])}`;
    }
  }

  private async undoWhatIf(): Promise<void> {
    if (!this.baseline) return;
    this.answers = { ...this.baseline.answers };
    this.result = this.baseline.result;
    this.baseline = undefined;
    this.keepIfAsked();
    this.renderResult();
    this.status.textContent = this.w('undone');
    focusOn(document.getElementById('tip-whatif-pick'));
  }

  // --- Files in and out ------------------------------------------------------------------------

  private fileDate(): string {
    return this.date;
  }

  private saveAnswers(): void {
    const name = `tip-coord-${this.fileDate()}.answers.json`;
    download(name, answersJson(this.answers, this.name), JSON_TYPE);
    this.status.textContent = this.w('saved', { file: name });
  }

  private reportMarkdown(): string | undefined {
    return this.result ? buildReport(this.rules, this.result) : undefined;
  }

  private downloadMarkdown(): void {
    const md = this.reportMarkdown();
    if (md !== undefined) download(`tip-coord-${this.fileDate()}.md`, `${md}\n`, MD_TYPE);
  }

  private async downloadWord(): Promise<void> {
    const md = this.reportMarkdown();
    if (md === undefined || !this.result) return;
    this.status.textContent = this.w('working');
    const bytes = await markdownToDocx(md, wordReportOptions(this.rules, this.result), loadDocx);
    download(`tip-coord-${this.fileDate()}.docx`, bytes as Uint8Array<ArrayBuffer>, DOCX_TYPE);
    this.status.textContent = '';
  }

  private async loadFile(file: File): Promise<void> {
    const where = `${this.t('where.answersFile')} ${file.name}`;
    const error =
      file.size > MAX_JSON_BYTES
        ? this.t('error.file.tooLarge', { path: where, size: file.size, max: MAX_JSON_BYTES })
        : await this.load(await file.text(), where);
    if (error) this.fail(this.w('fileError', { error }));
    else this.status.textContent = this.w('loaded', { file: file.name });
  }

  /**
   * Takes answers from a file or a draft: to the result when complete, else to the first question
   * left (as `assess` asks what a file leaves out). From the address (`straight`), to the result
   * at once, the others "Don't know", as `assess --answers FILE` decides without a terminal.
   * Returns the problem with the answers, worded as the command line words it, if any.
   */
  private async load(text: string, where: string, straight = false): Promise<string | undefined> {
    let given: GivenAnswers;
    try {
      given = readAnswers(this.rules, text, where);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return err.message;
    }
    this.answers = settleApplicability(this.rules, given.answers);
    this.remembered = { ...given.answers };
    this.name = given.name;
    this.result = undefined;
    this.renderHeader();
    const first = this.missing()[0];
    if (!first || straight) await this.showResult();
    else
      this.show({
        kind: 'section',
        index: this.rules.sections.findIndex((s) => s.id === first.section),
        focus: first.id,
      });
    return undefined;
  }

  /** `#answers=<base64url of an answers file>` (and `&lang=fr`): straight to the result. */
  private async fromAddress(): Promise<boolean> {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const lang = params.get('lang');
    if (lang && this.data.langs.includes(lang as Lang) && lang !== this.lang) {
      this.lang = lang as Lang;
      this.loaded = this.bases.get(this.lang);
    }
    const encoded = params.get('answers');
    if (encoded === null) return false;
    this.renderHeader();
    const text = fromBase64Url(encoded);
    const error = text === undefined ? this.w('notBase64') : await this.load(text, this.w('fragmentWhere'), true);
    if (error) {
      this.show({ kind: 'section', index: this.firstSection() }, false);
      this.fail(this.w('fragmentError', { error }));
    }
    return true;
  }

  private fail(text: string): void {
    this.alert.textContent = text;
  }

  private listenForDrops(): void {
    const hasFiles = (e: DragEvent): boolean => Boolean(e.dataTransfer?.types.includes('Files'));
    document.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      this.overlay.textContent = this.w('dropHere');
      this.overlay.hidden = false;
    });
    document.addEventListener('dragleave', (e) => {
      if (e.relatedTarget === null) this.overlay.hidden = true;
    });
    document.addEventListener('drop', (e) => {
      this.overlay.hidden = true;
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file) void this.loadFile(file);
    });
  }

  // --- The draft -------------------------------------------------------------------------------

  private setKeeping(on: boolean): void {
    this.keeping = on;
    // Nothing is written before this tick; a browser that refuses storage is said so.
    if (on && !this.keepIfAsked()) {
      this.keeping = false;
      this.fail(this.w('noStorage'));
    }
    on = this.keeping;
    const keep = document.getElementById('tip-keep') as HTMLInputElement | null;
    if (keep) keep.checked = on;
    const forget = document.getElementById('tip-forget');
    if (forget) forget.hidden = !on && readDraft() === undefined;
    if (on) this.status.textContent = this.w('draftKept');
  }

  /** Keeps the draft when asked to; false when the browser refused it. */
  private keepIfAsked(): boolean {
    if (!this.keeping) return true;
    const given = Object.fromEntries(Object.entries(this.answers).filter(([, v]) => v !== NOT_APPLICABLE));
    return keepDraft(answersJson(given, this.name));
  }

  private forget(): void {
    forgetDraft();
    this.keeping = false;
    this.renderHeader();
    this.main.querySelector('.notice')?.remove();
    this.status.textContent = this.w('draftForgotten');
    focusOn(document.getElementById('tip-keep') ?? this.main.querySelector<HTMLElement>('h2'));
  }
}
