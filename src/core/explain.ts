import { labelOf } from './answers.js';
import type { ConditionTrace } from './evaluate.js';
import { message } from './messages.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerValue, type LeafCondition, type RuleBase } from './types.js';
import type { ConditionWords } from './shapes/result.js';

export type { ConditionWords } from './shapes/result.js';

/** An answer label quoted as the language quotes (“…” or « … »). */
export const quote = (rules: RuleBase, text: string): string => message(rules, 'words.quote', { text });

function orList(rules: RuleBase, items: string[]): string {
  const last = items.at(-1);
  if (last === undefined || items.length === 1) return last ?? '';
  return message(rules, 'words.orList', { head: items.slice(0, -1).join(', '), last });
}

/** A text with its first letter in capitals (a term at the start of a sentence). */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The answer to a question in words: its choice labels, "Don't know", or "none" for an empty list. */
export function describeAnswer(rules: RuleBase, id: string, value: AnswerValue | undefined): string {
  const q = rules.questionById.get(id);
  if (!q) return String(value);
  const one = (v: AnswerValue): string =>
    v === UNKNOWN ? rules.unknownLabel : v === NOT_APPLICABLE ? rules.notApplicableLabel : labelOf(q, v as string);
  if (value === undefined) return rules.unknownLabel;
  if (Array.isArray(value)) {
    if (value.length === 1 && (value[0] === UNKNOWN || value[0] === NOT_APPLICABLE)) return one(value[0]);
    return value.length === 0 ? message(rules, 'words.none') : value.map(one).join(message(rules, 'words.listSep'));
  }
  return one(value);
}

/**
 * Words already made, per rule base: the same leaf and the same answer read the same every time,
 * and a rule base's pattern conditions repeat the same leaves across many rules and answer sets.
 */
const wordsMade = new WeakMap<RuleBase, Map<string, string>>();
function remembered(rules: RuleBase, key: string, make: () => string): string {
  let cache = wordsMade.get(rules);
  if (!cache) wordsMade.set(rules, (cache = new Map()));
  let words = cache.get(key);
  if (words === undefined) cache.set(key, (words = make()));
  return words;
}

/** A leaf condition in words: "the government's stance is “Engages on trafficking”". */
export function describeCondition(rules: RuleBase, c: LeafCondition): string {
  return remembered(rules, `c\0${c.fact}\0${c.operator}\0${JSON.stringify(c.value)}`, () => wordCondition(rules, c));
}

function wordCondition(rules: RuleBase, c: LeafCondition): string {
  const q = rules.questionById.get(c.fact);
  const term = capital(q?.term ?? c.fact);
  const labels = (Array.isArray(c.value) ? c.value : [c.value]).map((v) =>
    quote(rules, v === UNKNOWN ? rules.unknownLabel : q ? labelOf(q, v as string) : String(v)),
  );
  const key = (
    {
      equal: 'cond.is',
      in: 'cond.is',
      notEqual: 'cond.isNot',
      notIn: 'cond.isNot',
      contains: 'cond.includes',
      containsAny: 'cond.includes',
      doesNotContain: 'cond.notIncludes',
    } as const
  )[c.operator];
  return message(rules, key, { term, values: orList(rules, labels) });
}

/** A trace is worded once: its "why" and its "why not" read the same words. */
const tracesWorded = new WeakMap<ConditionTrace, ConditionWords>();

/** The whole condition tree in words. */
export function describeTrace(rules: RuleBase, t: ConditionTrace): ConditionWords {
  let words = tracesWorded.get(t);
  if (!words) tracesWorded.set(t, (words = wordTrace(rules, t)));
  return words;
}

function wordTrace(rules: RuleBase, t: ConditionTrace): ConditionWords {
  if (t.kind === 'leaf') {
    return {
      met: t.result,
      condition: describeCondition(rules, t.condition),
      question: t.condition.fact,
      answer: remembered(rules, `a\0${t.condition.fact}\0${JSON.stringify(t.answer)}`, () =>
        describeAnswer(rules, t.condition.fact, t.answer),
      ),
    };
  }
  return { group: t.kind, met: t.result, children: t.children.map((c) => describeTrace(rules, c)) };
}

/** The single conditions that failed (or were not evaluated): the short "why not". */
export function failedLeaves(w: ConditionWords): ConditionWords[] {
  if (!w.children) return w.met === true ? [] : [w];
  if (w.met === true) return [];
  return w.children.flatMap(failedLeaves);
}

/** The single conditions that were met and carried the result: the short "why". */
export function metLeaves(w: ConditionWords): ConditionWords[] {
  if (!w.children) return w.met === true ? [w] : [];
  if (w.group === 'not') return [];
  return w.children.filter((c) => c.met === true).flatMap(metLeaves);
}
