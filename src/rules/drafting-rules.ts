import { BY_ANSWER, DRAFT_TEXTS, PHRASES } from '../core/drafting.js';
import type { Problem } from './problem.js';
import type { FileText, draftingShape } from '../core/shapes/drafting.js';
import { keyProblems, valueProblem, type Segment } from '../core/shapes/problems.js';
import type { Catalog } from '../core/messages.js';
import type { Static } from '../core/shapes/kit.js';
import { UNKNOWN, type Citation, type Condition, type DraftingRules, type Item, type Question, type ServiceDef, type VariantText, type WorkplanDef } from '../core/types.js';

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
  actions: readonly string[];
  cautions: readonly string[];
  problems: Problem[];
  texts: Catalog;
  checkCitations: (c: readonly Citation[], at: Omit<Problem, 'message'> & { path: Segment[] }) => void;
  checkCondition: (c: Condition, at: Omit<Problem, 'message'> & { where: string }) => void;
}

type DraftingFile = Static<ReturnType<typeof draftingShape<typeof FileText>>>;
type FileTextValue = Static<typeof FileText>;

/**
 * drafting.en.json, once it fits its shape, checked against the rest of the rule base: every
 * text in both variants, the terminology-safe one without an avoided word, placeholders the
 * renderer fills in, indicators worded as their level says, texts for every answer of the
 * question they are chosen by. Undefined when it has a problem (each one pushed to ctx.problems).
 */
export function checkDrafting(raw: DraftingFile | undefined, ctx: DraftingCtx): DraftingRules | undefined {
  if (!raw) return undefined;
  const file = DRAFTING_FILE;
  const before = ctx.problems.length;
  const fail = (where: string, message: string): void => void ctx.problems.push({ file, where, message });
  const { avoid } = raw;
  // What the file words must be the rule base's: every mechanism and action, cautions it has, questions it asks.
  const mechanismIds = ctx.mechanisms.map((m) => m.id);
  const said = (found: { message: string }[]): void => found.forEach((p) => ctx.problems.push({ file, message: p.message }));
  said(keyProblems(ctx.texts, ['mechanisms'], raw.mechanisms, mechanismIds, true));
  said(keyProblems(ctx.texts, ['actions'], raw.actions, ctx.actions, true));
  said(keyProblems(ctx.texts, ['cautions'], raw.cautions ?? {}, ctx.cautions, false));
  for (const [name, entry] of Object.entries(raw.byAnswer))
    if (!ctx.questionById.has(entry.question)) said([valueProblem(ctx.texts, ['byAnswer', name, 'question'], entry.question, [...ctx.questionById.keys()])]);
  raw.services.forEach((e, i) =>
    (e.withMechanisms ?? []).forEach((m, j) => {
      if (!mechanismIds.includes(m)) said([valueProblem(ctx.texts, ['services', i, 'withMechanisms', j], m, mechanismIds)]);
    }),
  );
  ctx.checkCitations(raw.citations, { file, path: ['citations'] });

  const text = (v: FileTextValue, where: string, placeholders: readonly string[] = []): VariantText => {
    const out: VariantText = typeof v === 'string' ? { standard: v, safe: v } : v;
    const bad = findAvoided(out.safe, avoid);
    if (bad) fail(where, `the terminology-safe text contains "${bad}"; give it {"standard": ..., "safe": ...} with a safe wording`);
    for (const variant of [out.standard, out.safe])
      for (const [, name = ''] of variant.matchAll(/\{(\w+)\}/g))
        if (!placeholders.includes(name))
          fail(where, `unknown placeholder {${name}}; ${placeholders.length ? `valid: ${placeholders.map((p) => `{${p}}`).join(', ')}` : 'this text takes none'}`);
    return out;
  };
  const milestones = (list: FileTextValue[], where: string): VariantText[] => list.map((x, i) => text(x, `${where}[${i}]`, PHRASES));
  const workplan = (e: { task?: FileTextValue; taskExisting?: FileTextValue; milestones: FileTextValue[] }, at: string): WorkplanDef => ({
    ...(e.task !== undefined ? { task: text(e.task, `${at}.task`, PHRASES) } : {}),
    ...(e.taskExisting !== undefined ? { taskExisting: text(e.taskExisting, `${at}.taskExisting`, PHRASES) } : {}),
    milestones: milestones(e.milestones, `${at}.milestones`),
  });

  const texts: DraftingRules['texts'] = {};
  for (const [k, allowed] of Object.entries(DRAFT_TEXTS)) {
    const v = raw.texts[k];
    if (v !== undefined) texts[k] = text(v, `texts."${k}"`, allowed);
  }

  const byAnswer: DraftingRules['byAnswer'] = {};
  for (const name of BY_ANSWER) {
    const entry = raw.byAnswer[name];
    if (entry === undefined) continue;
    const where = `byAnswer."${name}"`;
    const q = ctx.questionById.get(entry.question);
    if (!q) continue;
    const values = q.choices.map((c) => String(c.value));
    // A list question's "unknown" is worded by the draft itself (formsUnknown, groupsUnknown).
    const keys = q.type === 'multi' ? values : [...values, UNKNOWN];
    for (const k of Object.keys(entry.texts))
      if (!keys.includes(k)) fail(`${where}.texts."${k}"`, `is not an answer of "${q.id}"; valid: ${keys.join(', ')}`);
    const out: Record<string, VariantText> = {};
    for (const k of keys) {
      const v = entry.texts[k];
      if (v === undefined) fail(`${where}.texts."${k}"`, 'missing');
      else out[k] = text(v, `${where}.texts."${k}"`);
    }
    byAnswer[name] = { question: q.id, texts: out };
  }

  const services: ServiceDef[] = [];
  raw.services.forEach((e, i) => {
    const at = `services[${i}]`;
    if (services.some((x) => x.id === e.id)) fail(at, `id "${e.id}" used twice`);
    if (e.when !== undefined) ctx.checkCondition(e.when, { file, where: `${at}.when` });
    services.push({
      id: e.id,
      ...(e.when !== undefined ? { when: e.when } : {}),
      ...(e.withMechanisms !== undefined ? { withMechanisms: e.withMechanisms } : {}),
      activity: text(e.activity, `${at}.activity`, PHRASES),
      indicators: e.indicators.map((x, j) => {
        const out = text(x.text, `${at}.indicators[${j}].text`);
        // An outcome is the share of people whose situation changed; an output counts people.
        for (const variant of [out.standard, out.safe])
          if ((x.level === 'outcome') !== variant.trimStart().startsWith('%'))
            fail(`${at}.indicators[${j}].text`, x.level === 'outcome' ? 'an outcome is a percentage: start it with "%"' : 'an output counts people: a percentage is an outcome');
        return { level: x.level, text: out };
      }),
    });
  });
  const mechanisms: DraftingRules['mechanisms'] = {};
  for (const [id, e] of Object.entries(raw.mechanisms)) {
    const at = `mechanisms."${id}"`;
    const w = workplan(e, at);
    mechanisms[id] = { approach: text(e.approach, `${at}.approach`, PHRASES), ...w, task: w.task ?? { standard: '', safe: '' } };
  }
  const actions: DraftingRules['actions'] = {};
  for (const [id, e] of Object.entries(raw.actions)) actions[id] = workplan(e, `actions."${id}"`);
  // A caution without a commitment simply adds none to the strategy paragraph.
  const cautions: DraftingRules['cautions'] = {};
  for (const [id, e] of Object.entries(raw.cautions ?? {})) cautions[id] = { commitment: text(e.commitment, `cautions."${id}".commitment`, PHRASES) };

  const hctItem = ctx.mechanisms.find((m) => m.id === raw.hctStep.mechanism);
  if (!hctItem || !hctItem.steps.some((s) => s.id === raw.hctStep.step))
    fail('hctStep', `must name a mechanism and the "id" of one of its steps, like {"mechanism": "strategy_inclusion", "step": "hct"}`);
  ctx.checkCondition(raw.childrenWhen, { file, where: 'childrenWhen' });
  ctx.checkCondition(raw.pseaWhen, { file, where: 'pseaWhen' });
  if (ctx.problems.length > before) return undefined;
  return {
    avoid,
    hctStep: raw.hctStep,
    childrenWhen: raw.childrenWhen,
    pseaWhen: raw.pseaWhen,
    citations: raw.citations,
    texts,
    byAnswer,
    services,
    mechanisms,
    actions,
    cautions,
  };
}
