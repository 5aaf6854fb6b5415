/**
 * The questionnaire as an XLSForm (the sheets `survey`, `choices` and `settings` that
 * KoboToolbox and ODK read), built from the rule base's questions, so that a stock-take run in
 * KoboToolbox asks exactly what tip-coord evaluates and its exports come back as a batch
 * (`tip-coord batch export.xlsx`). Pure: rows of text; the workbook is written by render/workbook.ts.
 */
import { message } from '../core/messages.js';
import {
  NOT_APPLICABLE,
  UNKNOWN,
  type AnswerScalar,
  type Condition,
  type Question,
  type RuleBase,
} from '../core/types.js';

/** The form's question for the response's name: `batch` reads it as the name. */
export const RESPONSE_NAME = 'responseName';
/** The choice "None of these" in multi-selects (read back as an empty list). */
export const NONE = 'none';
export const FORM_ID = 'tip_coord_stocktake';

/** The language column suffix XLSForm wants: `English (en)`, `Français (fr)`. */
export const LANGUAGE_NAMES: Record<string, string> = { en: 'English (en)', fr: 'Français (fr)' };

/** A choice value as the form names it: yes/no for booleans (batch reads them back). */
export const choiceName = (v: AnswerScalar): string => (v === true ? 'yes' : v === false ? 'no' : String(v));

export interface XlsForm {
  survey: string[][];
  choices: string[][];
  settings: string[][];
}

/** A condition that has no XLSForm equivalent (a list compared as a whole). */
export class FormError extends Error {}

/**
 * The XLSForm of a rule base, with labels in every language given (the same rule base loaded
 * in each language; the first is the form's default language).
 */
export function xlsForm(byLang: RuleBase[]): XlsForm {
  const base = byLang[0]!;
  const langs = byLang.map((r) => LANGUAGE_NAMES[r.lang] ?? r.lang);
  const col = (name: string): string[] => langs.map((l) => `${name}::${l}`);
  const each = (f: (r: RuleBase) => string): string[] => byLang.map(f);
  const q = (r: RuleBase, id: string): Question => r.questionById.get(id)!;

  const survey: string[][] = [
    ['type', 'name', ...col('label'), ...col('hint'), 'relevant', 'constraint', ...col('constraint_message')],
  ];
  const row = (
    type: string,
    name: string,
    labels: string[],
    hints: string[] = langs.map(() => ''),
    relevant = '',
    constraint = '',
    messages: string[] = langs.map(() => ''),
  ): void => void survey.push([type, name, ...labels, ...hints, relevant, constraint, ...messages]);

  row(
    'text',
    RESPONSE_NAME,
    each((r) => message(r, 'form.responseName')),
    each((r) => message(r, 'form.responseNameHint')),
  );
  let group: string | undefined;
  const groupsUsed = new Map<string, number>();
  for (const question of base.questions) {
    if (question.section !== group) {
      if (group !== undefined)
        row(
          'end_group',
          '',
          langs.map(() => ''),
        );
      group = question.section;
      const n = (groupsUsed.get(group) ?? 0) + 1;
      groupsUsed.set(group, n);
      row(
        'begin_group',
        n === 1 ? group : `${group}_${n}`,
        each((r) => r.sections.find((s) => s.id === group)?.title ?? group!),
      );
    }
    const multi = question.type === 'multi';
    const exclusive = [UNKNOWN, ...(multi && !hasNone(question) ? [NONE] : [])];
    row(
      `${multi ? 'select_multiple' : 'select_one'} ${question.id}`,
      question.id,
      each((r) => q(r, question.id).label),
      each((r) => q(r, question.id).hint),
      question.askWhen ? relevant(base, question.askWhen) : '',
      // "Don't know" (and "None of these") stand alone.
      multi ? `${exclusive.map((v) => `not(selected(., '${v}'))`).join(' and ')} or count-selected(.) = 1` : '',
      multi
        ? each((r) => message(r, 'form.exclusive', { unknown: r.unknownLabel, none: message(r, 'form.none') }))
        : undefined,
    );
  }
  if (group !== undefined)
    row(
      'end_group',
      '',
      langs.map(() => ''),
    );

  const choices: string[][] = [['list_name', 'name', ...col('label')]];
  for (const question of base.questions) {
    for (const [i, c] of question.choices.entries())
      choices.push([question.id, choiceName(c.value), ...each((r) => q(r, question.id).choices[i]!.label)]);
    if (question.type === 'multi' && !hasNone(question))
      choices.push([question.id, NONE, ...each((r) => message(r, 'form.none'))]);
    choices.push([question.id, UNKNOWN, ...each((r) => r.unknownLabel)]);
  }

  const settings: string[][] = [
    ['form_title', 'form_id', 'version', 'default_language'],
    [`${base.name} ${base.version}`, FORM_ID, formVersion(base), langs[0]!],
  ];
  return { survey, choices, settings };
}

/** The form's version: the rule set's version and the start of its content hash, so an export names the rules it was asked with. */
export const formVersion = (rules: RuleBase): string => `${rules.version}+${rules.hash.slice(0, 12)}`;

const hasNone = (q: Question): boolean => q.choices.some((c) => c.value === NONE);

const lit = (v: AnswerScalar): string => `'${choiceName(v)}'`;

/**
 * `askWhen` as an XLSForm `relevant` expression, with tip-coord's meaning: an unanswered
 * question counts as "unknown", and one skipped by its own skip logic as "not applicable".
 */
export function relevant(rules: RuleBase, c: Condition): string {
  if ('all' in c) return c.all.map((x) => `(${relevant(rules, x)})`).join(' and ') || 'true()';
  if ('any' in c) return c.any.map((x) => `(${relevant(rules, x)})`).join(' or ') || 'false()';
  if ('not' in c) return `not(${relevant(rules, c.not)})`;
  const q = rules.questionById.get(c.fact);
  if (!q) throw new FormError(c.fact);
  const ref = `\${${q.id}}`;
  const applies = q.askWhen ? relevant(rules, q.askWhen) : 'true()';
  /** The answer is `v`, blank counting as unknown where the question applies and as not applicable where it does not. */
  const blank = applies === 'true()' ? `${ref} = ''` : `(${ref} = '' and (${applies}))`;
  const is = (v: AnswerScalar): string => {
    if (v === UNKNOWN)
      return q.type === 'multi' ? `selected(${ref}, '${UNKNOWN}') or ${blank}` : `${ref} = '${UNKNOWN}' or ${blank}`;
    if (v === NOT_APPLICABLE) return `${ref} = '' and not(${applies})`;
    return q.type === 'multi' ? `selected(${ref}, ${lit(v)})` : `${ref} = ${lit(v)}`;
  };
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const anyOf = (vs: AnswerScalar[]): string => vs.map((v) => `(${is(v)})`).join(' or ') || 'false()';
  if (q.type === 'multi') {
    if (c.operator === 'contains') return anyOf(values);
    if (c.operator === 'doesNotContain') return `not(${anyOf(values)})`;
    if (c.operator === 'containsAny') return anyOf(values);
    throw new FormError(`${q.id} ${c.operator}`);
  }
  if (c.operator === 'equal' || c.operator === 'in') return anyOf(values);
  if (c.operator === 'notEqual' || c.operator === 'notIn') return `not(${anyOf(values)})`;
  throw new FormError(`${q.id} ${c.operator}`);
}
