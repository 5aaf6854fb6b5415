import { BY_ANSWER, DRAFT_TEXTS, PHRASES } from '../core/drafting.js';
import { isPlainObject } from '../core/json.js';
import type { Problem } from './problem.js';
import { UNKNOWN, type Citation, type Condition, type DraftingRules, type IndicatorDef, type Item, type Question, type ServiceDef, type VariantText, type WorkplanDef } from '../core/types.js';

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
    for (const k of Object.keys(v))
      if (!valid.includes(k))
        fail(
          `${where}."${k}"`,
          // The form before the logframe was split from the coordination workplan.
          k === 'activity' && valid.includes('task')
            ? 'unknown key: a coordination task is "task", with its yes/no steps in "milestones" (services a donor funds go to "services")'
            : `unknown key; valid: ${valid.join(', ')}`,
        );
    if (required) for (const k of valid) if (!(k in v)) fail(`${where}."${k}"`, 'missing');
    return v;
  };
  const indicators = (v: unknown, where: string): IndicatorDef[] => {
    if (!Array.isArray(v)) {
      fail(where, 'must be a list of {"level": "output" or "outcome", "text": ...}');
      return [];
    }
    return v.flatMap((x, i) => {
      const at = `${where}[${i}]`;
      if (!isPlainObject(x) || (x.level !== 'output' && x.level !== 'outcome')) {
        fail(at, 'needs "level": "output" or "outcome" (a yes/no step is a milestone of the coordination workplan) and a "text"');
        return [];
      }
      const out = text(x.text, `${at}.text`);
      // An outcome is the share of people whose situation changed; an output counts people.
      for (const variant of [out.standard, out.safe])
        if ((x.level === 'outcome') !== variant.trimStart().startsWith('%'))
          fail(`${at}.text`, x.level === 'outcome' ? 'an outcome is a percentage: start it with "%"' : 'an output counts people: a percentage is an outcome');
      return [{ level: x.level, text: out }];
    });
  };
  const milestones = (v: unknown, where: string): VariantText[] => {
    if (!Array.isArray(v)) {
      fail(where, 'must be a list of texts (the milestones of the coordination workplan)');
      return [];
    }
    return v.map((x, i) => text(x, `${where}[${i}]`, PHRASES));
  };
  const workplan = (e: Record<string, unknown>, at: string): WorkplanDef => ({
    ...(e.task !== undefined ? { task: text(e.task, `${at}.task`, PHRASES) } : {}),
    ...(e.taskExisting !== undefined ? { taskExisting: text(e.taskExisting, `${at}.taskExisting`, PHRASES) } : {}),
    milestones: milestones(e.milestones, `${at}.milestones`),
  });

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
  const services: ServiceDef[] = [];
  if (!Array.isArray(raw.services) || raw.services.length === 0) fail('services', 'must be a non-empty list of the services the response plan funds');
  else
    raw.services.forEach((v, i) => {
      const at = `services[${i}]`;
      const e = record(v, at, ['id', 'when', 'withMechanisms', 'activity', 'indicators'], false);
      if (typeof e.id !== 'string' || e.id === '') return fail(at, 'needs an "id"');
      if (services.some((x) => x.id === e.id)) fail(at, `id "${e.id}" used twice`);
      if (e.when !== undefined) ctx.checkCondition(e.when, { file, where: `${at}.when` });
      const known = ids(ctx.mechanisms);
      if (e.withMechanisms !== undefined && !(Array.isArray(e.withMechanisms) && e.withMechanisms.every((m) => known.includes(m as string))))
        fail(`${at}.withMechanisms`, `must be a list of mechanism ids (${known.join(', ')})`);
      if (e.activity === undefined) fail(`${at}.activity`, 'missing');
      services.push({
        id: e.id,
        ...(e.when !== undefined ? { when: e.when as Condition } : {}),
        ...(Array.isArray(e.withMechanisms) ? { withMechanisms: e.withMechanisms as string[] } : {}),
        activity: text(e.activity, `${at}.activity`, PHRASES),
        indicators: indicators(e.indicators, `${at}.indicators`),
      });
    });
  const mechanisms: DraftingRules['mechanisms'] = {};
  for (const [id, v] of Object.entries(record(raw.mechanisms, 'mechanisms', ids(ctx.mechanisms), true))) {
    const at = `mechanisms."${id}"`;
    const e = record(v, at, ['approach', 'task', 'taskExisting', 'milestones'], false);
    for (const k of ['approach', 'task', 'milestones']) if (!(k in e)) fail(`${at}."${k}"`, 'missing');
    const w = workplan(e, at);
    mechanisms[id] = { approach: text(e.approach, `${at}.approach`, PHRASES), ...w, task: w.task ?? { standard: '', safe: '' } };
  }
  const actions: DraftingRules['actions'] = {};
  for (const [id, v] of Object.entries(record(raw.actions, 'actions', ids(ctx.actions), true))) {
    const at = `actions."${id}"`;
    const e = record(v, at, ['task', 'milestones'], false);
    if (!('milestones' in e)) fail(`${at}."milestones"`, 'missing');
    actions[id] = workplan(e, at);
  }
  // A caution without a commitment simply adds none to the strategy paragraph.
  const cautions: DraftingRules['cautions'] = {};
  for (const [id, v] of Object.entries(record(raw.cautions ?? {}, 'cautions', ids(ctx.cautions), false))) {
    const e = record(v, `cautions."${id}"`, ['commitment'], true);
    cautions[id] = { commitment: text(e.commitment, `cautions."${id}".commitment`, PHRASES) };
  }

  const hct = isPlainObject(raw.hctStep) ? raw.hctStep : {};
  const hctItem = ctx.mechanisms.find((m) => m.id === hct.mechanism);
  if (!hctItem || !hctItem.steps.some((s) => s.id === hct.step))
    fail('hctStep', `must name a mechanism and the "id" of one of its steps, like {"mechanism": "strategy_inclusion", "step": "hct"}`);

  if (raw.childrenWhen === undefined) fail('childrenWhen', 'needs the condition under which the note on children applies');
  else ctx.checkCondition(raw.childrenWhen, { file, where: 'childrenWhen' });
  if (raw.pseaWhen === undefined) fail('pseaWhen', 'needs the condition under which sexual exploitation by aid workers is possible');
  else ctx.checkCondition(raw.pseaWhen, { file, where: 'pseaWhen' });
  const citations = ctx.checkCitations(raw.citations, { file });
  if (ctx.problems.length > before) return undefined;
  return {
    avoid,
    hctStep: { mechanism: hct.mechanism as string, step: hct.step as string },
    childrenWhen: raw.childrenWhen as Condition,
    pseaWhen: raw.pseaWhen as Condition,
    citations,
    texts, byAnswer, services, mechanisms, actions, cautions };
}
