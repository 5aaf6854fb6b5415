import { message } from '../core/messages.js';
import { UNKNOWN, type AnswerScalar, type AnswerValue, type Question, type RuleBase } from '../core/types.js';
import { h } from './dom.js';
import { webText } from './texts.js';

/** The value of the "None" box of a list question: an empty list, said explicitly. */
const NONE = '__none__';

export interface FieldOptions {
  /** Prefix of element ids and of the inputs' name: two fields of one question may be on a page. */
  prefix: string;
  /** "Question 3 of 19", when the interview counts. */
  position?: string;
  onAnswer: (value: AnswerValue) => void;
}

/**
 * One question as a fieldset: its label as the legend, its hint, one radio button per choice (a
 * box per choice for a list question, with "None"), "Don't know" last, help on demand. Native
 * controls, so the keyboard and screen readers work as everywhere: Tab between questions,
 * arrows between choices, Space to tick.
 */
export function questionField(
  rules: RuleBase,
  q: Question,
  current: AnswerValue | undefined,
  opts: FieldOptions,
): HTMLFieldSetElement {
  const lang = rules.lang;
  const id = `${opts.prefix}${q.id}`;
  const multi = q.type === 'multi';
  const hint = multi ? `${q.hint} ${webText(lang, 'multiHint')}` : q.hint;
  const help = rules.help.questions[q.id];
  const helpId = `${id}-help`;
  const choices: { value: AnswerScalar; label: string }[] = [
    ...q.choices.map((c) => ({ value: c.value, label: c.label })),
    ...(multi ? [{ value: NONE, label: message(rules, 'interview.none') }] : []),
    { value: UNKNOWN, label: rules.unknownLabel },
  ];
  const ticked = (v: AnswerScalar): boolean => {
    if (current === undefined) return false;
    if (!multi) return current === v;
    if (v === UNKNOWN) return current === UNKNOWN;
    if (v === NONE) return Array.isArray(current) && current.length === 0;
    return Array.isArray(current) && current.includes(v);
  };
  const inputs: HTMLInputElement[] = [];
  const read = (changed: HTMLInputElement): AnswerValue => {
    if (!multi) return choices[Number(changed.value)]!.value;
    const picked = choices[Number(changed.value)]!.value;
    // "None" and "Don't know" stand alone: ticking one clears the others, ticking a choice clears them.
    if (changed.checked)
      for (const other of inputs) {
        const v = choices[Number(other.value)]!.value;
        const alone = picked === NONE || picked === UNKNOWN;
        if (other !== changed && (alone || v === NONE || v === UNKNOWN)) other.checked = false;
      }
    const values = inputs.filter((i) => i.checked).map((i) => choices[Number(i.value)]!.value);
    if (values.includes(UNKNOWN)) return UNKNOWN;
    return q.choices.map((c) => c.value).filter((v) => values.includes(v));
  };
  const options = choices.map((c, i) => {
    const input = h('input', {
      type: multi ? 'checkbox' : 'radio',
      name: id,
      id: `${id}-${i}`,
      value: String(i),
      checked: ticked(c.value),
      onchange: (e: Event) => opts.onAnswer(read(e.target as HTMLInputElement)),
    });
    inputs.push(input);
    return h(
      'div',
      { class: c.value === UNKNOWN ? 'choice dont-know' : 'choice' },
      input,
      h('label', { for: `${id}-${i}` }, c.label),
    );
  });
  const describedBy = [`${id}-hint`, `${id}-error`].join(' ');
  const field = h(
    'fieldset',
    { class: 'question', id, 'aria-describedby': describedBy, 'data-question': q.id },
    h('legend', {}, opts.position ? h('span', { class: 'position' }, opts.position) : null, h('span', {}, q.label)),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
    h('p', { class: 'error', id: `${id}-error`, hidden: true }),
    h('div', { class: 'choices' }, options),
  );
  if (help) {
    const panel = h(
      'div',
      { class: 'help', id: helpId, hidden: true },
      h('p', {}, help.text),
      help.examples.length > 0 ? h('p', {}, message(rules, 'interview.examples')) : null,
      help.examples.length > 0
        ? h(
            'ul',
            {},
            help.examples.map((e) => h('li', {}, e)),
          )
        : null,
      help.sources.length > 0
        ? h(
            'p',
            { class: 'sources' },
            message(rules, 'interview.helpSources', { list: sourceList(rules, help.sources) }),
          )
        : null,
    );
    const button = h(
      'button',
      {
        type: 'button',
        class: 'link help-toggle',
        'aria-expanded': 'false',
        'aria-controls': helpId,
        onclick: () => {
          const open = panel.hidden;
          panel.hidden = !open;
          button.setAttribute('aria-expanded', String(open));
        },
      },
      webText(lang, 'help'),
      h('span', { class: 'visually-hidden' }, `: ${q.label}`),
    );
    field.append(button, panel);
  }
  return field;
}

/** Shows or clears a question's error (its fieldset names it through aria-describedby). */
export function setFieldError(field: HTMLElement, text: string | undefined): void {
  const error = field.querySelector<HTMLElement>('.error');
  if (!error) return;
  error.textContent = text ?? '';
  error.hidden = !text;
  field.classList.toggle('invalid', Boolean(text));
}

/** Sources as the interview's help lists them: "S4 Title; S7 Title". */
export function sourceList(rules: RuleBase, ids: readonly string[]): string {
  return ids.map((id) => `${id} ${rules.sources.get(id)?.title ?? ''}`.trim()).join(message(rules, 'words.listSep'));
}
