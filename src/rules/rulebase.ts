import { Check } from 'typebox/schema';
import { cleanText, hasControls, quoted } from '../core/sanitize.js';
import { createHash } from 'node:crypto';
import { checkDrafting, DRAFTING_FILE } from './drafting-rules.js';
import { RESPONSE_TYPE } from '../core/response-wording.js';
import type { Problem } from './problem.js';
import { applyTranslation, checkTranslation, extractTexts } from './i18n.js';
import type { Lang } from '../core/lang.js';
import { listValues } from '../core/errors.js';
import { isAlwaysTrue } from '../core/conditions.js';
import type { Catalog, MessageKey } from '../core/messages.js';
import { isToolKey, toolTexts } from '../core/texts.js';
import { isOrdered, type OrderedRule } from '../core/lookup.js';
import { isPlainObject, parseJson, protoKeyPath } from '../core/json.js';
import { frenchTypographyProblem } from '../core/typography.js';
import { checks } from '../core/shapes/checks.js';
import { expectationShape } from '../core/shapes/expectation.js';
import type { Static, TSchema } from '../core/shapes/kit.js';
import { keyProblems, shapeProblems, valueProblem, type Segment } from '../core/shapes/problems.js';
import { questionShape } from '../core/shapes/questions.js';
import { ruleFileShape, type RULE_FILE_SHAPES, type RuleFileKind } from '../core/shapes/rule-files.js';
import { closest } from '../core/suggest.js';
import { ITEM_KINDS } from '../core/vocabulary.js';
import {
  DEFAULT_MEETING_COST,
  UNKNOWN,
  type Citation,
  type Condition,
  type Help,
  type Invariant,
  type Item,
  type ItemKind,
  type MeetingCost,
  type Question,
  type RuleBase,
  type RuleDef,
  type Section,
  type Source,
  type Texts,
} from '../core/types.js';

const KIND_DIRS: Record<ItemKind, string> = { mechanism: 'mechanisms', caution: 'cautions', action: 'actions', verdict: 'verdicts' };


/**
 * Every text of a rule file with its control characters shown escaped: titles,
 * labels and help reach the terminal, reports and SVG charts, where a raw ESC or a bidi
 * override has no business. Depth is bounded by parseJson (MAX_JSON_DEPTH).
 */
function cleanStrings(v: unknown): unknown {
  if (typeof v === 'string') return hasControls(v) ? cleanText(v) : v;
  if (v !== null && typeof v === 'object') {
    // In place, and by defineProperty: a "__proto__" key of the file stays a plain key.
    for (const k of Object.keys(v)) {
      const before = (v as Record<string, unknown>)[k];
      const after = cleanStrings(before);
      if (after !== before) Object.defineProperty(v, k, { value: after, writable: true, enumerable: true, configurable: true });
    }
  }
  return v;
}

/** Names every JavaScript object has (__proto__, constructor, toString, hasOwnProperty...). */
const RESERVED_ID = (id: string): boolean => id === '__proto__' || id in Object.prototype;

export interface RawFile {
  /** Path relative to the rules folder, with "/" separators. */
  rel: string;
  text: string;
}

/** What parsing a rule base needs besides its files: nothing here is read from the environment. */
export interface ParseOptions {
  /** The folder the files came from (kept in the rule base, for messages and copies). */
  dir: string;
  lang: Lang;
  /** Check every translation and scan every file for keys written twice (`rules validate`). */
  thorough: boolean;
  /** The tool's texts, for wording parse errors. */
  texts: Catalog;
  /** Message keys a contextualised copy must keep (the built-in ones); none for the built-in rules. */
  requiredMessages: readonly string[];
  /** The sha256 of hashInput(files) when the caller has it (the browser page, by the browser's own SHA-256). */
  hash?: string;
}

/** What a rule base's hash is taken over: every file's path and text, in order. */
export function hashInput(files: readonly RawFile[]): string {
  return files.map((f) => `${f.rel}\0${f.text}\0`).join('');
}

/**
 * Parses and checks a rule base from its files and returns every problem found. Pure: the
 * folder is read by readRuleBase (folder.ts). By default (thorough) every translation is checked
 * and every file scanned for keys written twice; otherwise only `lang`'s translation is checked.
 */
export function parseRuleBase(files: readonly RawFile[], opts: ParseOptions): { ruleBase?: RuleBase; problems: Problem[] } {
  const { thorough, lang, dir } = opts;
  const problems: Problem[] = [];
  const parsed = new Map<string, unknown>();
  // locales/cli.*.json (the command line's old catalog, in copies made by earlier versions) holds no rule texts.
  const skipped = (rel: string): boolean =>
    /^locales\/cli\./.test(rel) || (!thorough && rel.startsWith('locales/') && rel !== `locales/${lang}.json`);
  for (const f of files) {
    if (skipped(f.rel)) continue;
    try {
      const value = parseJson(f.text, f.rel, opts.texts, { duplicateKeys: thorough });
      const proto = protoKeyPath(value);
      if (proto !== undefined) {
        problems.push({ file: f.rel, where: proto, message: 'the key "__proto__" is a reserved name (a built-in of every JavaScript object); remove it' });
        continue;
      }
      parsed.set(f.rel, cleanStrings(value));
    } catch (err) {
      problems.push({ file: f.rel, message: (err as Error).message.replace(`${f.rel}: `, '') });
    }
  }
  // Translated before validation (so everything downstream speaks the language), but reported
  // after it: a broken English file would otherwise show first as a dozen translation gaps.
  const translationProblems: Problem[] = [];
  const toolInLocale = translate(parsed, lang, translationProblems, opts.texts);
  /** A file every rule base has, parsed; a problem when it is not there. */
  const need = (rel: string): unknown => {
    const v = parsed.get(rel);
    if (v === undefined && !files.some((f) => f.rel === rel)) problems.push({ file: rel, message: 'missing: every rule base needs this file' });
    return v;
  };
  const shapeCtx: ShapeCtx = { problems, texts: opts.texts };
  const fits = <K extends RuleFileKind>(rel: string, kind: K, value: unknown, naming?: Naming): FileOf<K> | undefined =>
    value === undefined ? undefined : shaped<FileOf<K>>(rel, kind, value, shapeCtx, naming);

  const ruleset = fits('ruleset.json', 'ruleSet', need('ruleset.json'));
  const rawQuestions = need('questions.json');
  const rawSources = need('sources.json');
  // Ids named across files, read before the files are checked: a broken questions.json or
  // item file must not make every reference to it look wrong too.
  const questionIds = idsIn(rawQuestions, 'questions');
  const itemIds = Object.fromEntries(
    ITEM_KINDS.map((kind) => [kind, idsIn({ files: files.filter((f) => f.rel.startsWith(`${KIND_DIRS[kind]}/`)).map((f) => parsed.get(f.rel)) }, 'files')]),
  ) as Record<ItemKind, string[]>;

  // The tool's own texts, reworded where the folder's messages (or their translation) say so.
  const messages = {
    ...toolTexts(lang),
    ...toolInLocale,
    ...checkMessages(need('messages.en.json'), opts.requiredMessages, shapeCtx),
  } as Texts<MessageKey>;
  const meetingCost: MeetingCost = { ...DEFAULT_MEETING_COST, ...ruleset?.meetingCost };

  const { sections, questions, unknownLabel, notApplicableLabel } = checkQuestions(rawQuestions, shapeCtx);
  const sources = checkSources(fits('sources.json', 'sources', rawSources), problems);
  const questionById = new Map(questions.map((x) => [x.id, x]));

  // A question that is broken itself (its own problem is reported): conditions on it are not blamed too.
  const broken = new Set(questionIds.filter((id) => !questionById.has(id)));
  const ctx: Ctx = { questionById, broken, sources, problems, ruleIds: new Map(), texts: opts.texts };
  // Skip logic may only look at questions asked before, so the interview can settle it in order.
  questions.forEach((x, i) => {
    if (x.askWhen === undefined) return;
    const earlier: Ctx = { ...ctx, questionById: new Map(questions.slice(0, i).map((e) => [e.id, e])) };
    checkCondition(x.askWhen, { file: 'questions.json', where: `question "${x.id}" askWhen` }, earlier);
  });
  const help = checkHelp(fits('help.en.json', 'help', need('help.en.json')), questionIds, ctx);
  const items: Record<ItemKind, Item[]> = { mechanism: [], caution: [], action: [], verdict: [] };
  const problemsBeforeItems = problems.length;
  for (const kind of ITEM_KINDS) {
    const prefix = `${KIND_DIRS[kind]}/`;
    const rels = files.map((f) => f.rel).filter((r) => r.startsWith(prefix));
    // Verdicts (the review of a mechanism in place) are optional: a copy made before them still loads.
    if (rels.length === 0 && kind !== 'verdict') problems.push({ file: prefix, message: `no ${kind} files found` });
    const seen = new Set<string>();
    for (const rel of rels) {
      const raw = parsed.get(rel);
      if (raw === undefined) continue;
      const item = checkItem(fits(rel, kind, raw, byId('rules', 'rule')), kind, rel, itemIds.verdict, ctx);
      if (!item) continue;
      if (seen.has(item.id)) problems.push({ file: rel, message: `${kind} id "${item.id}" is used by another file` });
      seen.add(item.id);
      items[kind].push(item);
    }
  }
  // An item file that failed to parse or to validate: checks across files (drafting texts,
  // invariants) would then blame their own file for the item's fault.
  const itemsBroken = problems.length > problemsBeforeItems || files.some((f) => /^(mechanisms|cautions|actions|verdicts)\//.test(f.rel) && !parsed.has(f.rel));
  const rawDrafting = need(DRAFTING_FILE);
  // Drafting texts are checked against the items: with a broken item file, that check
  // would blame drafting.en.json for the item's fault.
  const ids = (list: Item[]): string[] => list.map((i) => i.id);
  const drafting =
    rawDrafting !== undefined && !itemsBroken
      ? checkDrafting(
          fits(DRAFTING_FILE, 'drafting', rawDrafting),
          {
            questionById,
            mechanisms: items.mechanism,
            actions: ids(items.action),
            cautions: ids(items.caution),
            problems,
            texts: opts.texts,
            checkCitations: (c, at) => checkCitations(c, at, ctx),
            checkCondition: (c, at) => checkCondition(c, at, ctx),
          },
        )
      : undefined;
  // Rules that reached here have their order checked (checkRule): primary and verdict rules have one.
  const primaries = items.mechanism.flatMap((m) => m.rules.filter((r): r is OrderedRule => r.role === 'primary' && isOrdered(r)).map((r) => ({ m, r })));
  const fallbacks = primaries.filter(({ r }) => isAlwaysTrue(r.conditions)).sort((a, b) => a.r.order - b.r.order);
  // With a broken mechanism file, its fallback may be the rule that failed: say only that.
  const mechanismsBroken = problems.slice(problemsBeforeItems).some((p) => p.file.startsWith('mechanisms/')) || files.some((f) => f.rel.startsWith('mechanisms/') && !parsed.has(f.rel));
  if (items.mechanism.length > 0 && fallbacks.length === 0 && !mechanismsBroken) {
    problems.push({ file: 'mechanisms/', message: 'no fallback: one primary rule must have empty conditions ({"all": []}) so that every answer set gets a primary mechanism' });
  }
  const [first, ...more] = fallbacks;
  if (first)
    for (const { m, r } of more)
      problems.push({
        file: m.file,
        rule: r.id,
        message: `a second fallback (a primary rule with empty conditions): "${first.r.id}" in ${first.m.file} always holds and comes first (order ${first.r.order}), so this one can never decide; keep one`,
      });
  const orders = new Map<number, string>();
  for (const { m, r } of primaries) {
    const other = orders.get(r.order);
    if (other) problems.push({ file: m.file, rule: r.id, message: `order ${r.order} is also used by rule "${other}": primary rules need distinct orders` });
    orders.set(r.order, r.id);
  }
  const verdictOrders = new Map<number, string>();
  for (const v of items.verdict)
    for (const r of v.rules.filter(isOrdered)) {
      const other = verdictOrders.get(r.order);
      if (other) problems.push({ file: v.file, rule: r.id, message: `order ${r.order} is also used by rule "${other}": verdict rules need distinct orders` });
      verdictOrders.set(r.order, r.id);
    }

  const invariantWords = { mechanisms: itemIds.mechanism, cautions: itemIds.caution, verdicts: itemIds.verdict, actions: itemIds.action };
  const rawInvariants = parsed.get(INVARIANTS_FILE);
  const invariants = itemsBroken || rawInvariants === undefined ? [] : checkInvariants(fits(INVARIANTS_FILE, 'invariants', rawInvariants, byId('invariants', 'where', 'invariant')), expectationShape(invariantWords), ctx);

  if (problems.length === 0) problems.push(...translationProblems);
  if (problems.length > 0 || !drafting) return { problems };
  const hash = opts.hash ?? createHash('sha256').update(hashInput(files)).digest('hex');
  return {
    problems,
    ruleBase: {
      dir,
      lang,
      name: ruleset?.name ?? '',
      version: ruleset?.version ?? '',
      meetingCost,
      ...(ruleset?.basedOn ? { basedOn: ruleset.basedOn } : {}),
      hash,
      unknownLabel,
      notApplicableLabel,
      help,
      sections,
      questions,
      questionById,
      sources,
      mechanisms: items.mechanism,
      cautions: items.caution,
      actions: items.action,
      verdicts: items.verdict,
      invariants,
      messages,
      drafting,
    },
  };
}


interface ShapeCtx {
  problems: Problem[];
  texts: Catalog;
}

/** A rule file of a kind, typed as its shape says. */
type FileOf<K extends RuleFileKind> = Static<ReturnType<(typeof RULE_FILE_SHAPES)[K]>>;

interface Ctx extends ShapeCtx {
  sources: ReadonlyMap<string, Source>;
  questionById: Map<string, Question>;
  broken: ReadonlySet<string>;
  ruleIds: Map<string, string>;
}

const str = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** How a problem names the part of a file it is in: a rule by its id, not by its place in the list. */
type Naming = (value: unknown, path: readonly Segment[]) => { from: number; at: Partial<Problem> } | undefined;

/** Names the entries of the list `list` by their "id": as a rule (`rule: id`), or as `where: label "id"`. */
function byId(list: string, as: 'rule' | 'where', label = ''): Naming {
  return (value, path) => {
    if (path[0] !== list || typeof path[1] !== 'number') return undefined;
    const id: unknown = (value as Record<string, unknown[] | undefined>)[list]?.[path[1]];
    const name = isPlainObject(id) ? id.id : undefined;
    if (!str(name)) return undefined;
    return { from: 2, at: as === 'rule' ? { rule: name } : { where: `${label} "${name}"` } };
  };
}

/**
 * A rule file checked against its shape (core/shapes): every problem pushed, in the words of
 * core/shapes/problems.ts; the value, typed, when it fits. Checks the shape cannot say (ids
 * across files, cycles, orders) run on that typed value after.
 */
function shaped<T>(rel: string, kind: RuleFileKind, value: unknown, ctx: ShapeCtx, naming?: Naming): T | undefined {
  if (checks[kind](value)) return value as T;
  const found = shapeProblems(ruleFileShape(kind), value, ctx.texts, { from: (path) => naming?.(value, path)?.from ?? 0 });
  for (const p of found) {
    const hint = HINTS.find((h) => h.file === rel && h.at(p.path))?.hint;
    ctx.problems.push({ file: rel, ...naming?.(value, p.path)?.at, message: hint ? `${p.message}: ${hint}` : p.message });
  }
  return found.length === 0 ? (value as T) : undefined;
}

/** What to write instead, where a key or value of an earlier form of a file is met. */
const HINTS: { file: string; at: (path: readonly Segment[]) => boolean; hint: string }[] = [
  {
    // The form before the coordination workplan was split from the logframe.
    file: DRAFTING_FILE,
    at: (p) => (p[0] === 'actions' || p[0] === 'mechanisms') && (p[2] === 'activity' || p[2] === 'indicators'),
    hint: 'a coordination task is "task", with its yes/no steps in "milestones" (services a donor funds go to "services")',
  },
  {
    file: DRAFTING_FILE,
    at: (p) => p[0] === 'services' && p[2] === 'indicators' && p[4] === 'level',
    hint: 'a yes/no step is a milestone of the coordination workplan, not an indicator',
  },
];

/** The "id" of every entry of the list `key` of a file, as written (the file may be broken). */
function idsIn(raw: unknown, key: string): string[] {
  const list = isPlainObject(raw) ? raw[key] : undefined;
  return Array.isArray(list) ? list.flatMap((x) => (isPlainObject(x) && str(x.id) ? [x.id] : [])) : [];
}

function checkQuestions(raw: unknown, ctx: ShapeCtx) {
  const file = 'questions.json';
  const problems = ctx.problems;
  const defaults = { unknownLabel: "Don't know", notApplicableLabel: 'Not applicable' };
  if (raw === undefined) return { sections: [], questions: [], ...defaults };
  const q = shaped<FileOf<'questions'>>(file, 'questions', raw, ctx, byId('questions', 'where', 'question'));
  // A broken file still gives the questions that are well formed: the checks of conditions
  // elsewhere read them, and should not all fail for one question's fault.
  const one = questionShape();
  const listed: unknown[] = q?.questions ?? (isPlainObject(raw) && Array.isArray(raw.questions) ? raw.questions : []);
  const candidates = q ? q.questions : listed.filter((x): x is Question => Check(one, x));
  const sections: Section[] = q?.sections ?? [];
  const questions: Question[] = [];
  const seen = new Set<string>();
  for (const x of candidates) {
    const at = { file, where: `question "${x.id}"` };
    // Answers are objects keyed by question id: "__proto__" or "constructor" would read a
    // built-in of every object instead of an answer.
    if (RESERVED_ID(x.id)) {
      problems.push({ ...at, message: 'is a reserved name (a built-in of every JavaScript object); choose another id' });
      continue;
    }
    if (seen.has(x.id)) problems.push({ ...at, message: 'id used twice' });
    seen.add(x.id);
    if (q && !sections.some((s) => s.id === x.section))
      problems.push({ ...at, message: `"section" ${JSON.stringify(x.section)} is not one of the sections (${listValues(sections.map((s) => s.id))})` });
    if (x.type === 'boolean' && !x.choices.every((c) => typeof c.value === 'boolean'))
      problems.push({ ...at, message: 'a boolean question has true/false choice values' });
    questions.push(x);
  }
  checkWordings(questions, problems);
  return {
    sections,
    questions,
    unknownLabel: q?.unknownLabel ?? defaults.unknownLabel,
    notApplicableLabel: q?.notApplicableLabel ?? defaults.notApplicableLabel,
  };
}

/** "byResponseType": wording keyed by a response type the questionnaire offers, for choices the question has. */
function checkWordings(questions: Question[], problems: Problem[]): void {
  const types = questions.find((x) => x.id === RESPONSE_TYPE)?.choices.map((c) => String(c.value)) ?? [];
  for (const x of questions) {
    for (const [type, w] of Object.entries(x.byResponseType ?? {})) {
      const where = { file: 'questions.json', where: `question "${x.id}" byResponseType."${type}"` };
      if (!types.includes(type)) problems.push({ ...where, message: `is not a value of "${RESPONSE_TYPE}" (${listValues(types)})` });
      const values = x.choices.map((c) => String(c.value));
      for (const value of Object.keys(w.choices ?? {}))
        if (!values.includes(value)) problems.push({ ...where, message: `"choices": "${value}" is not a choice of this question (${listValues(values)})` });
    }
  }
}

/** The sources by id; a reader must be able to follow every one: a full address, or a plain statement that there is none. */
function checkSources(file: FileOf<'sources'> | undefined, problems: Problem[]): Map<string, Source> {
  const map = new Map<string, Source>();
  for (const [i, x] of (file?.sources ?? []).entries()) {
    if ((x.access === 'online' || x.access === 'copy') !== /^https?:\/\/\S+( ; https?:\/\/\S+)*$/.test(x.url))
      problems.push({ file: 'sources.json', where: `sources[${i}]`, message: '"url" must be full http(s) addresses (" ; " between two) when "access" is online or copy, and empty otherwise' });
    else map.set(x.id, x);
  }
  return map;
}

/** Help for every question and for nothing else, sources of sources.json (examples that are blank dropped), and the glossary. */
function checkHelp(file: FileOf<'help'> | undefined, questionIds: readonly string[], ctx: Ctx): Help {
  if (!file) return { questions: {}, glossary: [] };
  const at = { file: 'help.en.json' };
  for (const p of keyProblems(ctx.texts, ['questions'], file.questions, questionIds, true)) ctx.problems.push({ ...at, message: p.message });
  const sourced = (list: string[], path: Segment[]): void =>
    list.forEach((id, i) => {
      if (!ctx.sources.has(id)) ctx.problems.push({ ...at, message: valueProblem(ctx.texts, [...path, i], id, [...ctx.sources.keys()]).message });
    });
  const questions: Help['questions'] = {};
  for (const [id, h] of Object.entries(file.questions)) {
    sourced(h.sources, ['questions', id, 'sources']);
    questions[id] = { ...h, examples: h.examples.filter(str) };
  }
  (file.glossary ?? []).forEach((g, i) => sourced(g.sources, ['glossary', i, 'sources']));
  return { questions, glossary: file.glossary ?? [] };
}

/** Citations of sources.json's sources. */
function checkCitations(citations: readonly Citation[], at: Omit<Problem, 'message'> & { path: Segment[] }, ctx: Ctx): void {
  const { path, ...where } = at;
  citations.forEach((c, i) => {
    if (!ctx.sources.has(c.source))
      ctx.problems.push({ ...where, message: valueProblem(ctx.texts, [...path, i, 'source'], c.source, [...ctx.sources.keys()]).message });
  });
}

/** An item file that fits its shape, checked across files: rule ids, orders, verdicts, conditions. */
function checkItem(raw: FileOf<ItemKind> | undefined, kind: ItemKind, file: string, verdicts: readonly string[], ctx: Ctx): Item | undefined {
  if (!raw) return undefined;
  const before = ctx.problems.length;
  checkCitations(raw.citations ?? [], { file, path: ['citations'] }, ctx);
  for (const [i, st] of (raw.steps ?? []).entries())
    if (st.when !== undefined) checkCondition(st.when, { file, where: `steps[${i}].when` }, ctx);
  if (raw.existsWhen !== undefined) checkCondition(raw.existsWhen, { file, where: 'existsWhen' }, ctx);
  if (raw.existingTitle !== undefined && raw.existsWhen === undefined)
    ctx.problems.push({ file, message: '"existingTitle" names a mechanism already in place: it needs "existsWhen"' });
  for (const r of raw.rules) checkRule(r, kind, file, verdicts, ctx);
  if (ctx.problems.length > before) return undefined;
  return {
    kind,
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    ...(raw.existsWhen !== undefined ? { existsWhen: raw.existsWhen } : {}),
    ...(raw.existingTitle !== undefined ? { existingTitle: raw.existingTitle } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    ...(raw.horizon !== undefined ? { horizon: raw.horizon } : {}),
    steps: raw.steps ?? [],
    citations: raw.citations ?? [],
    rules: raw.rules,
    file,
  };
}

function checkRule(r: RuleDef, kind: ItemKind, file: string, verdicts: readonly string[], ctx: Ctx): void {
  const at = { file, rule: r.id };
  checkCitations(r.citations, { ...at, path: ['citations'] }, ctx);
  (r.verdicts ?? []).forEach((v, i) => {
    if (!verdicts.includes(v)) ctx.problems.push({ ...at, message: valueProblem(ctx.texts, ['verdicts', i], v, verdicts).message });
  });
  const other = ctx.ruleIds.get(r.id);
  if (other) ctx.problems.push({ ...at, message: `rule id is also used in ${other}: rule ids must be unique` });
  ctx.ruleIds.set(r.id, file);
  // Each kind's shape has the keys it uses; a mechanism rule's order and verdicts depend on its role.
  if (kind === 'mechanism' && r.role === 'primary' && r.order === undefined)
    ctx.problems.push({ ...at, message: 'needs "order" on a primary rule (a whole number from 1: lower is tried first)' });
  if (r.verdicts !== undefined && r.role !== 'primary')
    ctx.problems.push({ ...at, message: '"verdicts" applies to primary rules only' });
  checkCondition(r.conditions, { ...at, where: 'conditions' }, ctx);
}

const LIST_OPS = new Set(['in', 'notIn', 'containsAny']);
/** Deeper than any rule needs; the shape has checked the structure, this bounds the walk below. */
const MAX_CONDITION_DEPTH = 20;

/** What a condition's shape cannot say: the question it tests offers the values, and takes the operator. */
function checkCondition(c: Condition, at: Omit<Problem, 'message'> & { where: string }, ctx: Ctx, depth = 0): void {
  const fail = (message: string): void => void ctx.problems.push({ ...at, message });
  if (depth > MAX_CONDITION_DEPTH) return fail('conditions nested too deeply');
  if ('all' in c) return c.all.forEach((child, i) => checkCondition(child, { ...at, where: `${at.where}.all[${i}]` }, ctx, depth + 1));
  if ('any' in c) return c.any.forEach((child, i) => checkCondition(child, { ...at, where: `${at.where}.any[${i}]` }, ctx, depth + 1));
  if ('not' in c) return checkCondition(c.not, { ...at, where: `${at.where}.not` }, ctx, depth + 1);
  const q = ctx.questionById.get(c.fact);
  if (!q && ctx.broken.has(c.fact)) return;
  // A question asked later (skip logic looks back only).
  if (!q) {
    const guess = closest(c.fact, [...ctx.questionById.keys()]);
    return fail(`fact ${quoted(c.fact)} is not a question${guess ? ` (did you mean "${guess}"?)` : ''}; valid facts: ${[...ctx.questionById.keys()].join(', ')}`);
  }
  const op = c.operator;
  const multi = q.type === 'multi';
  const fitsMulti = op === 'contains' || op === 'doesNotContain' || op === 'containsAny';
  if (multi !== fitsMulti)
    return fail(
      multi
        ? `"${q.id}" is a list question: use "contains", "doesNotContain" or "containsAny", not "${op}"`
        : `"${q.id}" takes one value: use "equal", "notEqual", "in" or "notIn", not "${op}"`,
    );
  const allowed: unknown[] = [...q.choices.map((ch) => ch.value), UNKNOWN];
  if (LIST_OPS.has(op) && (!Array.isArray(c.value) || c.value.length === 0))
    return fail(`operator "${op}" needs a non-empty list as "value"`);
  for (const v of LIST_OPS.has(op) ? (c.value as unknown[]) : [c.value]) {
    if (!allowed.includes(v)) return fail(`value ${JSON.stringify(v)} is not offered by question "${q.id}"; valid: ${listValues(allowed)}`);
  }
}

const INVARIANTS_FILE = 'invariants.json';

/** rules/invariants.json, optional: consistency checks that `rules validate --deep` runs over the answer space. */
function checkInvariants(file: FileOf<'invariants'> | undefined, expectShape: TSchema, ctx: Ctx): Invariant[] {
  if (!file) return [];
  const out: Invariant[] = [];
  const seen = new Set<string>();
  for (const [i, x] of file.invariants.entries()) {
    const at = { file: INVARIANTS_FILE, where: `invariant "${x.id}"` };
    const before = ctx.problems.length;
    // What an expectation names: the ids of the rule base's items (a small shape, checked as is).
    for (const p of shapeProblems(expectShape, x.expect, ctx.texts, { prefix: ['invariants', i, 'expect'], from: () => 2 }))
      ctx.problems.push({ ...at, message: p.message });
    if (seen.has(x.id)) ctx.problems.push({ ...at, message: 'id used twice' });
    seen.add(x.id);
    checkCondition(x.when, { ...at, where: `${at.where}, when` }, ctx);
    if (x.vary) checkVary(x.vary, at, ctx);
    if (ctx.problems.length === before) {
      const { $comment: _comment, ...invariant } = x;
      out.push(invariant);
    }
  }
  return out;
}

/** An invariant's "vary": values its question offers, given instead (or, for a list question, one value added and removed). */
function checkVary(vary: NonNullable<Invariant['vary']>, at: Omit<Problem, 'message'>, ctx: Ctx): void {
  const fail = (message: string): void => void ctx.problems.push({ ...at, message: `"vary": ${message}` });
  const q = ctx.questionById.get(vary.question);
  if (!q) return fail(`"${vary.question}" is not a question`);
  const offered = [...q.choices.map((c) => c.value), UNKNOWN] as unknown[];
  if (q.type === 'multi') {
    if (vary.toggle === undefined || !offered.includes(vary.toggle) || vary.values !== undefined)
      return fail(`for the list question "${q.id}", give "toggle": one value it offers (${listValues(offered)})`);
    return;
  }
  if (!vary.values || vary.values.some((v) => !offered.includes(v)) || vary.toggle !== undefined)
    return fail(`give "values": two or more values "${q.id}" offers (${listValues(offered)})`);
}

function checkMessages(raw: unknown, required: readonly string[], ctx: ShapeCtx): Record<string, string> {
  const file = 'messages.en.json';
  const out: Record<string, string> = {};
  if (raw === undefined) return out;
  shaped(file, 'messages', raw, ctx);
  const english = toolTexts('en');
  // The texts the file does give are kept, so that one wrong value is not every key missing too.
  for (const [k, v] of Object.entries(isPlainObject(raw) ? raw : {})) {
    if (k === '$comment' || typeof v !== 'string') continue;
    // A tool text reworded: with the placeholders the tool fills in.
    if (isToolKey(k) && placeholderList(v) !== placeholderList(english[k]))
      ctx.problems.push({ file, where: `"${k}"`, message: `placeholders {${placeholderList(v)}} differ from the tool's own text {${placeholderList(english[k])}}` });
    else out[k] = v;
  }
  // A contextualised copy may reword texts but must keep every key the tool uses.
  for (const k of required) if (!(k in out) && !(isPlainObject(raw) && k in raw)) ctx.problems.push({ file, where: `"${k}"`, message: 'missing text' });
  return out;
}

/**
 * Checks every translation (locales/<lang>.json) against the English texts, whatever language
 * is asked for, so a rule base is complete in all its languages or refused; then puts the
 * asked-for language's texts in place, before validation, so everything downstream speaks it.
 * A missing or extra key, or placeholders that differ, is a problem: never a silent fallback.
 * A translation may also reword the tool's own texts ("messages.<key>"), which it need not
 * carry; those of the asked-for language are returned, keyed, to override the tool's.
 */
function translate(parsed: Map<string, unknown>, lang: Lang, problems: Problem[], texts: Catalog): Record<string, string> {
  const english = new Map([...parsed].filter(([rel]) => !rel.startsWith('locales/')));
  // Keyed texts are needed only when a translation was read (not on an English run).
  let english_texts: ReturnType<typeof extractTexts> | undefined;
  const toolInLocale: Record<string, string> = {};
  for (const [file, translation] of parsed) {
    const m = /^locales\/([a-z]{2})\.json$/.exec(file);
    if (!m) continue;
    if (shaped(file, 'locale', translation, { problems, texts }) === undefined && !isPlainObject(translation)) continue;
    english_texts ??= extractTexts(english);
    for (const message of checkTranslation(english_texts, translation as Record<string, unknown>, toolTextKeys())) problems.push({ file, message });
    if (m[1] === 'fr')
      for (const [key, value] of Object.entries(translation as Record<string, unknown>)) {
        const bad = typeof value === 'string' && key !== '$comment' ? frenchTypographyProblem(value) : undefined;
        if (bad)
          problems.push({
            file,
            where: `"${key}"`,
            message: `French typography: a no-break space goes before ; : ! ? and inside « » (at "${bad}")`,
          });
      }
    if (m[1] === lang) {
      applyTranslation(english, translation as Record<string, unknown>);
      for (const [key, value] of Object.entries(translation as Record<string, unknown>))
        if (key.startsWith('messages.') && typeof value === 'string' && toolTextKeys().has(key) && !english_texts.has(key))
          toolInLocale[key.slice('messages.'.length)] = value;
    }
  }
  if (lang !== 'en' && !parsed.has(`locales/${lang}.json`)) problems.push({ file: `locales/${lang}.json`, message: `missing: the rule base has no ${lang} translation` });
  return toolInLocale;
}

/**
 * The tool's own English texts, keyed as a translation names them ("messages.<key>"). Made when
 * a folder is first read, not when this module loads: a run with the precompiled rule base never needs it.
 */
let toolTextsByKey: ReadonlyMap<string, string> | undefined;
const toolTextKeys = (): ReadonlyMap<string, string> =>
  (toolTextsByKey ??= new Map(Object.entries(toolTexts('en')).map(([k, v]) => [`messages.${k}`, v])));

const placeholderList = (s: string): string => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(', ');
