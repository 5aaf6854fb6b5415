import { UNKNOWN, type Question, type RuleBase } from './types.js';

/** The question whose answer chooses the wording (questions.json "byResponseType"). */
export const RESPONSE_TYPE = 'responseType';

/** A question in the words of one type of response; itself when it has none for that type. */
export function questionFor(q: Question, responseType: unknown): Question {
  const w = q.byResponseType?.[String(responseType ?? UNKNOWN)];
  if (!w) return q;
  return {
    ...q,
    ...(w.label ? { label: w.label } : {}),
    ...(w.term ? { term: w.term } : {}),
    ...(w.hint ? { hint: w.hint } : {}),
    choices: q.choices.map((c) => ({ ...c, label: w.choices?.[String(c.value)] ?? c.label })),
  };
}

const worded = new WeakMap<RuleBase, Map<string, RuleBase>>();

/**
 * The rule base with its questions in the words of one type of response (the RRP or JRP of a
 * refugee response, the HNO and HRP of a cluster response): everything that words a question or
 * an answer from it (the report, the trace, the what-if lines) then speaks as that response does.
 * Made once per rule base and response type; the items, sources and hash are the same objects.
 */
export function rulesForResponse(rules: RuleBase, responseType: unknown): RuleBase {
  const key = String(responseType ?? UNKNOWN);
  if (!rules.questions.some((q) => q.byResponseType?.[key])) return rules;
  let byType = worded.get(rules);
  if (!byType) worded.set(rules, (byType = new Map()));
  let out = byType.get(key);
  if (!out) {
    const questions = rules.questions.map((q) => questionFor(q, key));
    out = { ...rules, questions, questionById: new Map(questions.map((q) => [q.id, q])) };
    byType.set(key, out);
  }
  return out;
}
