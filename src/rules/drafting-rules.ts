import { BY_ANSWER, DRAFT_TEXTS } from '../core/drafting.js';
import { isPlainObject } from '../core/json.js';
import type { Problem } from './problem.js';
import { UNKNOWN, type Citation, type Condition, type DraftingRules, type IndicatorDef, type Item, type Question, type VariantText } from '../core/types.js';

export const DRAFTING_FILE = 'drafting.en.json';

/**
 * One pattern per list of words, made once: a case-insensitive \p{L} class takes about half a
 * millisecond to compile, and every text of drafting.en.json is checked at every load.
 */
const avoidPatterns = new Map<string, RegExp>();

/** A word of `avoid` that `text` holds as a whole word, any case ("TIP" but not "multiple"); the first in the text. */
export function findAvoided(text: string, avoid: readonly string[]): string | undefined {
  const key = avoid.join('\n');
  let pattern = avoidPatterns.get(key);
  if (!pattern) {
    const words = avoid.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words})(?![\\p{L}\\p{N}])`, 'iu');
    avoidPatterns.set(key, pattern);
  }
  const found = pattern.exec(text)?.[0];
  return found === undefined ? undefined : (avoid.find((w) => w.toLowerCase() === found.toLowerCase()) ?? found);
}

export interface DraftingCtx {
  questionById: Map<string, Question>;
  mechanisms: Item[];
  actions: Item[];
  cautions: Item[];
  problems: Problem[];
  checkCitations: (v: unknown, at: Omit<Problem, 'message'>) => Citation[];
  checkCondition: (c: unknown, at: Omit<Problem, 'message'> & { where: string }) => void;
}

/** Validates drafting.en.json against the rest of the rule base; undefined when it has a problem (each one pushed to ctx.problems). */
export function checkDrafting(raw: Record<string, unknown>, ctx: DraftingCtx): DraftingRules | undefined {
  const file = DRAFTING_FILE;
  const before = ctx.problems.length;
  const fail = (where: string, message: string): void => void ctx.problems.push({ file, where, message });

  const avoid = Array.isArray(raw.avoid) && raw.avoid.length > 0 && raw.avoid.every((w) => typeof w === 'string' && w.trim() !== '') ? (raw.avoid as string[]) : [];
  if (avoid.length === 0) fail('avoid', 'must be a non-empty list of words the terminology-safe text never uses');

  const text = (v: unknown, where: string, placeholders: readonly string[] = []): VariantText => {
    const out: VariantText = { standard: '', safe: '' };
    if (typeof v === 'string') out.standard = out.safe = v;
    else if (isPlainObject(v) && typeof v.standard === 'string' && typeof v.safe === 'string' && Object.keys(v).length === 2) {
      out.standard = v.standard;
      out.safe = v.safe;
    } else {
      fail(where, 'must be a text, or {"standard": "...", "safe": "..."}');
      return out;
    }
    const bad = findAvoided(out.safe, avoid);
    if (bad) fail(where, `the terminology-safe text contains "${bad}"; give it {"standard": ..., "safe": ...} with a safe wording`);
    for (const variant of [out.standard, out.safe])
      for (const [, name = ''] of variant.matchAll(/\{(\w+)\}/g))
        if (!placeholders.includes(name))
          fail(where, `unknown placeholder {${name}}; ${placeholders.length ? `valid: ${placeholders.map((p) => `{${p}}`).join(', ')}` : 'this text takes none'}`);
    return out;
  };
  /** A keyed object; unknown keys are reported, as a misspelt id would otherwise be silently ignored. */
  const record = (v: unknown, where: string, valid: readonly string[], required: boolean): Record<string, unknown> => {
    if (!isPlainObject(v)) {
      fail(where, 'must be an object');
      return {};
    }
    for (const k of Object.keys(v)) if (!valid.includes(k)) fail(`${where}."${k}"`, `unknown key; valid: ${valid.join(', ')}`);
    if (required) for (const k of valid) if (!(k in v)) fail(`${where}."${k}"`, 'missing');
    return v;
  };
  const indicators = (v: unknown, where: string): IndicatorDef[] => {
    if (!Array.isArray(v)) {
      fail(where, 'must be a list of {"level": "output", "outcome" or "milestone", "text": ...}');
      return [];
    }
    return v.flatMap((x, i) => {
      const at = `${where}[${i}]`;
      if (!isPlainObject(x) || (x.level !== 'output' && x.level !== 'outcome' && x.level !== 'milestone')) {
        fail(at, 'needs "level": "output", "outcome" or "milestone" and a "text"');
        return [];
      }
      return [{ level: x.level, text: text(x.text, `${at}.text`) }];
    });
  };

  const texts: DraftingRules['texts'] = {};
  const rawTexts = record(raw.texts, 'texts', Object.keys(DRAFT_TEXTS), true);
  for (const [k, allowed] of Object.entries(DRAFT_TEXTS)) if (k in rawTexts) texts[k] = text(rawTexts[k], `texts."${k}"`, allowed);

  const byAnswer: DraftingRules['byAnswer'] = {};
  const rawBy = record(raw.byAnswer, 'byAnswer', BY_ANSWER, true);
  for (const name of BY_ANSWER) {
    const entry = rawBy[name];
    if (entry === undefined) continue;
    const where = `byAnswer."${name}"`;
    const q = isPlainObject(entry) && typeof entry.question === 'string' ? ctx.questionById.get(entry.question) : undefined;
    if (!q || !isPlainObject(entry)) {
      fail(where, `needs "question" (a question id) and "texts"`);
      continue;
    }
    const values = q.choices.map((c) => String(c.value));
    // A list question's "unknown" is worded by the draft itself (formsUnknown, groupsUnknown).
    const keys = q.type === 'multi' ? values : [...values, UNKNOWN];
    const rawT = record(entry.texts, `${where}.texts`, keys, true);
    const out: Record<string, VariantText> = {};
    for (const k of keys) if (k in rawT) out[k] = text(rawT[k], `${where}.texts."${k}"`);
    byAnswer[name] = { question: q.id, texts: out };
  }

  const ids = (items: Item[]): string[] => items.map((i) => i.id);
  const mechanisms: DraftingRules['mechanisms'] = {};
  for (const [id, v] of Object.entries(record(raw.mechanisms, 'mechanisms', ids(ctx.mechanisms), true))) {
    const at = `mechanisms."${id}"`;
    const e = record(v, at, ['approach', 'activity', 'indicators'], true);
    mechanisms[id] = { approach: text(e.approach, `${at}.approach`), activity: text(e.activity, `${at}.activity`), indicators: indicators(e.indicators, `${at}.indicators`) };
  }
  const actions: DraftingRules['actions'] = {};
  for (const [id, v] of Object.entries(record(raw.actions, 'actions', ids(ctx.actions), true))) {
    const at = `actions."${id}"`;
    const e = record(v, at, ['activity', 'indicators'], true);
    actions[id] = { activity: text(e.activity, `${at}.activity`), indicators: indicators(e.indicators, `${at}.indicators`) };
  }
  // A caution without a commitment simply adds none to the strategy paragraph.
  const cautions: DraftingRules['cautions'] = {};
  for (const [id, v] of Object.entries(record(raw.cautions ?? {}, 'cautions', ids(ctx.cautions), false))) {
    const e = record(v, `cautions."${id}"`, ['commitment'], true);
    cautions[id] = { commitment: text(e.commitment, `cautions."${id}".commitment`) };
  }

  const hct = isPlainObject(raw.hctStep) ? raw.hctStep : {};
  const hctItem = ctx.mechanisms.find((m) => m.id === hct.mechanism);
  if (!hctItem || !hctItem.steps.some((s) => s.id === hct.step))
    fail('hctStep', `must name a mechanism and the "id" of one of its steps, like {"mechanism": "strategy_inclusion", "step": "hct"}`);

  if (raw.childrenWhen === undefined) fail('childrenWhen', 'needs the condition under which the note on children applies');
  else ctx.checkCondition(raw.childrenWhen, { file, where: 'childrenWhen' });
  const citations = ctx.checkCitations(raw.citations, { file });
  if (ctx.problems.length > before) return undefined;
  return {
    avoid,
    hctStep: { mechanism: hct.mechanism as string, step: hct.step as string },
    childrenWhen: raw.childrenWhen as Condition,
    citations,
    texts, byAnswer, mechanisms, actions, cautions };
}
