import { cleanText, hasControls } from '../core/sanitize.js';
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
import { expectationShape } from '../core/shapes/expectation.js';
import { shapeProblems } from '../core/shapes/problems.js';
import { type Expectation, type Texts } from '../core/types.js';
import { isPlainObject, parseJson, protoKeyPath } from '../core/json.js';
import { frenchTypographyProblem } from '../core/typography.js';
import {
  OPERATORS,
  UNKNOWN,
  type Citation,
  type Condition,
  type Invariant,
  type Item,
  type ItemKind,
  type Question,
  type RuleBase,
  type RuleDef,
  type Section,
  type Source,
  type MeetingCost,
  DEFAULT_MEETING_COST,
  SOURCE_ACCESS,
  OWNERS,
  HORIZONS,
  type Owner,
  type Horizon,
  type Step,
  type Help,
  type AnswerScalar,
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
  const toolInLocale = translate(parsed, lang, translationProblems);
  const need = (rel: string): Record<string, unknown> | undefined => {
    const v = parsed.get(rel);
    if (v === undefined) {
      if (!files.some((f) => f.rel === rel)) problems.push({ file: rel, message: 'missing: every rule base needs this file' });
      return undefined;
    }
    if (!isPlainObject(v)) {
      problems.push({ file: rel, message: 'must be a JSON object' });
      return undefined;
    }
    return v;
  };

  const ruleset = need('ruleset.json');
  const q = need('questions.json');
  const s = need('sources.json');
  // The tool's own texts, reworded where the folder's messages (or their translation) say so.
  const messages = {
    ...toolTexts(lang),
    ...toolInLocale,
    ...checkMessages(need('messages.en.json'), opts.requiredMessages, problems),
  } as Texts<MessageKey>;
  const name = typeof ruleset?.name === 'string' ? ruleset.name : '';
  const version = typeof ruleset?.version === 'string' ? ruleset.version : '';
  if (ruleset && (!name || !version)) problems.push({ file: 'ruleset.json', message: 'needs "name" and "version" strings' });
  const meetingCost = checkMeetingCost(ruleset?.meetingCost, problems);
  const basedOn = ruleset?.basedOn;
  const validBasedOn = isPlainObject(basedOn) && str(basedOn.name) && str(basedOn.version) && str(basedOn.hash);
  if (basedOn !== undefined && !validBasedOn)
    problems.push({ file: 'ruleset.json', where: '"basedOn"', message: 'must be {"name", "version", "hash"} of the rule set this one was copied from' });

  const { sections, questions, unknownLabel } = q ? checkQuestions(q, problems) : { sections: [], questions: [], unknownLabel: '' };
  const notApplicableLabel = typeof q?.notApplicableLabel === 'string' ? q.notApplicableLabel : 'Not applicable';
  const sources = s ? checkSources(s, problems) : new Map<string, Source>();
  const questionById = new Map(questions.map((x) => [x.id, x]));

  const ctx: Ctx = { questionById, sources, problems, ruleIds: new Map(), texts: opts.texts };
  // Skip logic may only look at questions asked before, so the interview can settle it in order.
  questions.forEach((x, i) => {
    if (x.askWhen === undefined) return;
    const earlier: Ctx = { ...ctx, questionById: new Map(questions.slice(0, i).map((e) => [e.id, e])) };
    checkCondition(x.askWhen, { file: 'questions.json', where: `question "${x.id}" askWhen` }, earlier);
  });
  const help = checkHelp(need('help.en.json'), questionById, sources, problems);
  const items: Record<ItemKind, Item[]> = { mechanism: [], caution: [], action: [], verdict: [] };
  // Ids of every item file, valid or not: a broken file must not make references to it look wrong too.
  const itemIds: Record<ItemKind, string[]> = { mechanism: [], caution: [], action: [], verdict: [] };
  const problemsBeforeItems = problems.length;
  for (const kind of Object.keys(KIND_DIRS) as ItemKind[]) {
    const prefix = `${KIND_DIRS[kind]}/`;
    const rels = files.map((f) => f.rel).filter((r) => r.startsWith(prefix));
    // Verdicts (the review of a mechanism in place) are optional: a copy made before them still loads.
    if (rels.length === 0 && kind !== 'verdict') problems.push({ file: prefix, message: `no ${kind} files found` });
    const seen = new Set<string>();
    for (const rel of rels) {
      const raw = parsed.get(rel);
      if (raw === undefined) continue;
      if (isPlainObject(raw) && str(raw.id)) itemIds[kind].push(raw.id);
      const item = checkItem(raw, kind, rel, ctx);
      if (!item) continue;
      if (seen.has(item.id)) problems.push({ file: rel, message: `${kind} id "${item.id}" is used by another file` });
      seen.add(item.id);
      items[kind].push(item);
    }
  }
  // An item file that failed to parse or to validate: checks across files (drafting texts,
  // invariants) would then blame their own file for the item's fault.
  const itemsBroken = problems.length > problemsBeforeItems || files.some((f) => /^(mechanisms|cautions|actions|verdicts)\//.test(f.rel) && !parsed.has(f.rel));
  const d = need(DRAFTING_FILE);
  // Drafting texts are checked against the items: with a broken item file, that check
  // would blame drafting.en.json for the item's fault.
  const drafting = d && !itemsBroken
    ? checkDrafting(d, {
        questionById,
        mechanisms: items.mechanism,
        actions: items.action,
        cautions: items.caution,
        problems,
        checkCitations: (v, at) => checkCitations(v, at, ctx, true),
        checkCondition: (c, at) => checkCondition(c, at, ctx),
      })
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
  const verdictIds = new Set(items.verdict.map((v) => v.id));
  for (const { m, r } of primaries)
    for (const v of r.verdicts ?? [])
      if (!verdictIds.has(v)) problems.push({ file: m.file, rule: r.id, message: `"verdicts": "${v}" is not a verdict; valid: ${[...verdictIds].join(', ')}` });
  const verdictOrders = new Map<number, string>();
  for (const v of items.verdict)
    for (const r of v.rules.filter(isOrdered)) {
      const other = verdictOrders.get(r.order);
      if (other) problems.push({ file: v.file, rule: r.id, message: `order ${r.order} is also used by rule "${other}": verdict rules need distinct orders` });
      verdictOrders.set(r.order, r.id);
    }

  const invariants = itemsBroken ? [] : checkInvariants(parsed.get(INVARIANTS_FILE), files.some((f) => f.rel === INVARIANTS_FILE), itemIds, ctx);

  if (problems.length === 0) problems.push(...translationProblems);
  if (problems.length > 0 || !drafting) return { problems };
  const hash = opts.hash ?? createHash('sha256').update(hashInput(files)).digest('hex');
  return {
    problems,
    ruleBase: {
      dir,
      lang,
      name,
      version,
      meetingCost,
      ...(validBasedOn ? { basedOn: { name: basedOn.name as string, version: basedOn.version as string, hash: basedOn.hash as string } } : {}),
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


interface Ctx {
  texts: Catalog;
  questionById: Map<string, Question>;
  sources: Map<string, Source>;
  problems: Problem[];
  ruleIds: Map<string, string>;
}

const str = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Keys a rule file may hold. An unknown key is refused rather than ignored: a misspelt "when"
 * would make a step unconditional, and an engine key such as "path" or "priority" would
 * change what a condition means.
 */
const KEYS = {
  item: ['$comment', '$schema', 'id', 'title', 'summary', 'existsWhen', 'existingTitle', 'owner', 'horizon', 'steps', 'citations', 'rules'],
  rule: ['$comment', 'id', 'role', 'order', 'verdicts', 'title', 'rationale', 'basis', 'citations', 'conditions'],
  step: ['$comment', 'id', 'owner', 'horizon', 'plan', 'text', 'when'],
  citation: ['source', 'in', 'point'],
  leaf: ['fact', 'operator', 'value', 'name'],
  invariant: ['$comment', 'id', 'description', 'when', 'expect', 'vary'],
};

function unknownKeys(obj: Record<string, unknown>, kind: keyof typeof KEYS, at: Omit<Problem, 'message'>, ctx: Ctx): void {
  const valid = KEYS[kind];
  for (const k of Object.keys(obj))
    if (!valid.includes(k)) ctx.problems.push({ ...at, message: `unknown key "${k}"; valid keys: ${valid.filter((v) => !v.startsWith('$')).join(', ')}` });
}

function checkQuestions(q: Record<string, unknown>, problems: Problem[]) {
  const file = 'questions.json';
  const sections: Section[] = [];
  const questions: Question[] = [];
  if (!Array.isArray(q.sections)) problems.push({ file, message: '"sections" must be a list' });
  else
    for (const [i, s] of q.sections.entries()) {
      if (isPlainObject(s) && str(s.id) && str(s.title)) sections.push({ id: s.id, title: s.title });
      else problems.push({ file, where: `sections[${i}]`, message: 'needs "id" and "title"' });
    }
  if (!Array.isArray(q.questions)) {
    problems.push({ file, message: '"questions" must be a list' });
    return { sections, questions, unknownLabel: '' };
  }
  const ids = new Set<string>();
  for (const [i, x] of q.questions.entries()) {
    const where = `questions[${i}]`;
    if (!isPlainObject(x) || !str(x.id)) {
      problems.push({ file, where, message: 'needs an "id"' });
      continue;
    }
    const at = { file, where: `question "${x.id}"` };
    // Answers are objects keyed by question id: "__proto__" or "constructor" would read a
    // built-in of every object instead of an answer.
    if (RESERVED_ID(x.id)) {
      problems.push({ ...at, message: 'is a reserved name (a built-in of every JavaScript object); choose another id' });
      continue;
    }
    if (ids.has(x.id)) problems.push({ ...at, message: 'id used twice' });
    ids.add(x.id);
    for (const k of ['label', 'term', 'hint', 'factor'] as const)
      if (!str(x[k])) problems.push({ ...at, message: `needs a "${k}" text` });
    if (!['single', 'multi', 'boolean'].includes(x.type as string))
      problems.push({ ...at, message: `"type" must be ${listValues(['single', 'multi', 'boolean'])}` });
    if (!sections.some((s) => s.id === x.section))
      problems.push({ ...at, message: `"section" ${JSON.stringify(x.section)} is not one of the sections (${listValues(sections.map((s) => s.id))})` });
    const listed: unknown[] = Array.isArray(x.choices) ? x.choices : [];
    if (listed.length === 0) problems.push({ ...at, message: 'needs a non-empty "choices" list' });
    const choices = listed.filter(
      (c): c is Record<string, unknown> =>
        isPlainObject(c) && (typeof c.value === 'string' || typeof c.value === 'boolean') && c.value !== UNKNOWN && str(c.label),
    );
    if (choices.length !== listed.length)
      problems.push({ ...at, message: `each choice needs a "value" (string or boolean, not "${UNKNOWN}") and a "label"` });
    if (x.type === 'boolean' && !choices.every((c) => typeof c.value === 'boolean'))
      problems.push({ ...at, message: 'a boolean question has true/false choice values' });
    // Only well-formed choices go on: the checks of conditions below read them.
    questions.push({ ...x, choices } as unknown as Question);
  }
  checkWordings(questions, problems);
  const unknownLabel = str(q.unknownLabel) ? q.unknownLabel : "Don't know";
  return { sections, questions, unknownLabel };
}

/** "byResponseType": wording keyed by a response type the questionnaire offers, for labels and choices the question has. */
function checkWordings(questions: Question[], problems: Problem[]): void {
  const types = questions.find((x) => x.id === RESPONSE_TYPE)?.choices.map((c) => String(c.value)) ?? [];
  for (const x of questions) {
    if (x.byResponseType === undefined) continue;
    const at = { file: 'questions.json', where: `question "${x.id}" byResponseType` };
    if (!isPlainObject(x.byResponseType)) {
      problems.push({ ...at, message: 'must be an object keyed by response type' });
      continue;
    }
    for (const [type, w] of Object.entries(x.byResponseType as Record<string, unknown>)) {
      const where = { ...at, where: `${at.where}."${type}"` };
      if (!types.includes(type)) problems.push({ ...where, message: `is not a value of "${RESPONSE_TYPE}" (${listValues(types)})` });
      if (!isPlainObject(w)) {
        problems.push({ ...where, message: 'must be an object with "label", "term", "hint" or "choices"' });
        continue;
      }
      for (const [k, v] of Object.entries(w)) {
        if (['label', 'term', 'hint'].includes(k)) {
          if (!str(v)) problems.push({ ...where, message: `"${k}" must be a text` });
        } else if (k === 'choices') {
          const values = x.choices.map((c) => String(c.value));
          if (!isPlainObject(v)) problems.push({ ...where, message: '"choices" must map choice values to labels' });
          else
            for (const [value, label] of Object.entries(v))
              if (!values.includes(value)) problems.push({ ...where, message: `"choices": "${value}" is not a choice of this question (${listValues(values)})` });
              else if (!str(label)) problems.push({ ...where, message: `"choices"."${value}" must be a text` });
        } else problems.push({ ...where, message: `unknown key "${k}"; valid keys: label, term, hint, choices` });
      }
    }
  }
}

function checkSources(s: Record<string, unknown>, problems: Problem[]): Map<string, Source> {
  const map = new Map<string, Source>();
  if (!Array.isArray(s.sources)) {
    problems.push({ file: 'sources.json', message: '"sources" must be a list' });
    return map;
  }
  for (const [i, x] of s.sources.entries()) {
    const at = { file: 'sources.json', where: `sources[${i}]` };
    if (!(isPlainObject(x) && str(x.id) && str(x.title) && str(x.publisher) && typeof x.year === 'string' && typeof x.url === 'string')) {
      problems.push({ ...at, message: 'needs "id", "title", "publisher", "year", "url" and "access"' });
      continue;
    }
    if (!(SOURCE_ACCESS as readonly unknown[]).includes(x.access)) problems.push({ ...at, message: `"access" must be one of ${SOURCE_ACCESS.join(', ')}` });
    // A reader must be able to follow every source: a full address, or a plain statement that there is none.
    else if ((x.access === 'online' || x.access === 'copy') !== /^https?:\/\/\S+( ; https?:\/\/\S+)*$/.test(x.url))
      problems.push({ ...at, message: '"url" must be full http(s) addresses (" ; " between two) when "access" is online or copy, and empty otherwise' });
    else if (x.note !== undefined && !str(x.note)) problems.push({ ...at, message: '"note" must be a text' });
    else map.set(x.id, x as unknown as Source);
  }
  return map;
}

function checkCitations(v: unknown, at: Omit<Problem, 'message'>, ctx: Ctx, required: boolean): Citation[] {
  if (!Array.isArray(v) || (required && v.length === 0)) {
    ctx.problems.push({ ...at, message: 'needs at least one citation in "citations"' });
    return [];
  }
  const out: Citation[] = [];
  for (const [i, c] of v.entries()) {
    const where = { ...at, where: `citations[${i}]` };
    if (!isPlainObject(c) || !str(c.source) || (c.in !== undefined && !str(c.in)) || !str(c.point)) {
      ctx.problems.push({ ...where, message: 'a citation needs "source" and "point" (and "in" is a text when given)' });
      continue;
    }
    unknownKeys(c, 'citation', where, ctx);
    if (!ctx.sources.has(c.source)) ctx.problems.push({ ...where, message: `source "${c.source}" is not in sources.json` });
    else out.push(c as unknown as Citation);
  }
  return out;
}

/** ruleset.json "meetingCost": the defaults, each key replaced by a non-negative number (or a map of them). */
function checkMeetingCost(raw: unknown, problems: Problem[]): MeetingCost {
  if (raw === undefined) return DEFAULT_MEETING_COST;
  const at = { file: 'ruleset.json', where: '"meetingCost"' };
  if (!isPlainObject(raw)) {
    problems.push({ ...at, message: 'must be an object' });
    return DEFAULT_MEETING_COST;
  }
  const out: MeetingCost = { ...DEFAULT_MEETING_COST };
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const known = (k: string): k is keyof MeetingCost => Object.hasOwn(DEFAULT_MEETING_COST, k);
  for (const [k, v] of Object.entries(raw)) {
    if (!known(k)) {
      problems.push({ ...at, message: `unknown key "${k}"; valid keys: ${Object.keys(DEFAULT_MEETING_COST).join(', ')}` });
      continue;
    }
    const def = DEFAULT_MEETING_COST[k];
    // The value has the default's shape: a number ≥ 0, or an object of them.
    if (typeof def === 'number' ? num(v) : isPlainObject(v) && Object.values(v).every(num)) Object.assign(out, { [k]: v });
    else problems.push({ ...at, message: `"${k}" must be ${typeof def === 'number' ? 'a number ≥ 0' : 'an object of numbers ≥ 0'}` });
  }
  return out;
}

/** A step's or an action's owner and horizon (both optional): one of the known owners, 30, 60 or 90 days. */
function checkOwnerHorizon(x: Record<string, unknown>, at: Omit<Problem, 'message'>, ctx: Ctx): void {
  if (x.owner !== undefined && !(OWNERS as readonly unknown[]).includes(x.owner))
    ctx.problems.push({ ...at, message: `"owner" must be one of ${OWNERS.join(', ')}` });
  if (x.horizon !== undefined && !(HORIZONS as readonly unknown[]).includes(x.horizon))
    ctx.problems.push({ ...at, message: `"horizon" must be one of ${HORIZONS.join(', ')} (days)` });
}

function checkItem(raw: unknown, kind: ItemKind, file: string, ctx: Ctx): Item | undefined {
  if (!isPlainObject(raw)) {
    ctx.problems.push({ file, message: 'must be a JSON object' });
    return undefined;
  }
  const before = ctx.problems.length;
  unknownKeys(raw, 'item', { file }, ctx);
  for (const k of ['id', 'title', 'summary'] as const) if (!str(raw[k])) ctx.problems.push({ file, message: `needs a "${k}" text` });
  const citations = checkCitations(raw.citations ?? [], { file }, ctx, false);
  checkOwnerHorizon(raw, { file }, ctx);
  const steps: Step[] = [];
  if (raw.steps !== undefined && !Array.isArray(raw.steps)) ctx.problems.push({ file, message: '"steps" must be a list' });
  for (const [i, st] of (Array.isArray(raw.steps) ? raw.steps : []).entries()) {
    const where = `steps[${i}]`;
    if (!isPlainObject(st) || !str(st.text)) {
      ctx.problems.push({ file, where, message: 'a step needs a "text"' });
      continue;
    }
    if (st.id !== undefined && !str(st.id)) ctx.problems.push({ file, where, message: 'a step "id" must be a text' });
    if (st.plan !== undefined && !(Number.isInteger(st.plan) && (st.plan as number) >= 1 && (st.plan as number) <= 9))
      ctx.problems.push({ file, where, message: '"plan" must be a whole number from 1 (most pressing) to 9: the step is a candidate for the page-1 plan' });
    checkOwnerHorizon(st, { file, where }, ctx);
    unknownKeys(st, 'step', { file, where }, ctx);
    if (st.when !== undefined) checkCondition(st.when, { file, where: `${where}.when` }, ctx);
    steps.push(st as unknown as Step);
  }
  if (raw.existsWhen !== undefined) {
    if (kind !== 'mechanism') ctx.problems.push({ file, message: `"existsWhen" applies to mechanisms only, not to a ${kind}` });
    else checkCondition(raw.existsWhen, { file, where: 'existsWhen' }, ctx);
  }
  if (raw.existingTitle !== undefined && (kind !== 'mechanism' || !str(raw.existingTitle) || raw.existsWhen === undefined))
    ctx.problems.push({ file, message: '"existingTitle" is a text, for a mechanism with "existsWhen" only' });
  const rules: RuleDef[] = [];
  if (!Array.isArray(raw.rules) || raw.rules.length === 0) ctx.problems.push({ file, message: 'needs at least one rule in "rules"' });
  for (const [i, r] of (Array.isArray(raw.rules) ? raw.rules : []).entries()) {
    const rule = checkRule(r, kind, file, i, ctx);
    if (rule) rules.push(rule);
  }
  if (ctx.problems.length > before) return undefined;
  return {
    kind,
    id: raw.id as string,
    title: raw.title as string,
    summary: raw.summary as string,
    ...(raw.existsWhen !== undefined ? { existsWhen: raw.existsWhen as Condition } : {}),
    ...(str(raw.existingTitle) ? { existingTitle: raw.existingTitle } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner as Owner } : {}),
    ...(raw.horizon !== undefined ? { horizon: raw.horizon as Horizon } : {}),
    steps,
    citations,
    rules,
    file,
  };
}

function checkRule(r: unknown, kind: ItemKind, file: string, i: number, ctx: Ctx): RuleDef | undefined {
  if (!isPlainObject(r) || !str(r.id)) {
    ctx.problems.push({ file, where: `rules[${i}]`, message: 'a rule needs an "id"' });
    return undefined;
  }
  const at = { file, rule: r.id };
  const before = ctx.problems.length;
  const other = ctx.ruleIds.get(r.id);
  if (other) ctx.problems.push({ ...at, message: `rule id is also used in ${other}: rule ids must be unique` });
  ctx.ruleIds.set(r.id, file);
  unknownKeys(r, 'rule', at, ctx);
  for (const k of ['title', 'rationale'] as const) if (!str(r[k])) ctx.problems.push({ ...at, message: `needs a "${k}" text` });
  if (r.basis !== 'source' && r.basis !== 'inference')
    ctx.problems.push({ ...at, message: `"basis" must be ${listValues(['source', 'inference'])}` });
  checkCitations(r.citations, at, ctx, true);
  if (kind === 'mechanism') {
    if (r.role !== 'primary' && r.role !== 'complementary')
      ctx.problems.push({ ...at, message: `"role" must be ${listValues(['primary', 'complementary'])}` });
    if (r.role === 'primary' && !(Number.isInteger(r.order) && (r.order as number) > 0))
      ctx.problems.push({ ...at, message: '"order" must be a positive integer on a primary rule (lower is tried first)' });
    // On a complementary rule, "order" ranks the mechanism among the complementary ones (lower first).
    if (r.role === 'complementary' && r.order !== undefined && !(Number.isInteger(r.order) && (r.order as number) > 0))
      ctx.problems.push({ ...at, message: '"order" must be a positive integer on a complementary rule (lower ranks first)' });
    if (r.verdicts !== undefined && (r.role !== 'primary' || !Array.isArray(r.verdicts) || r.verdicts.length === 0 || r.verdicts.some((v) => !str(v))))
      ctx.problems.push({ ...at, message: '"verdicts" is a non-empty list of verdict ids, on a primary rule only' });
  } else if (r.role !== undefined) {
    ctx.problems.push({ ...at, message: `"role" applies to mechanism rules only, not to a ${kind}` });
  }
  if (kind === 'verdict' && !(Number.isInteger(r.order) && (r.order as number) > 0))
    ctx.problems.push({ ...at, message: '"order" must be a positive integer on a verdict rule (lower is tried first)' });
  if (kind !== 'mechanism' && r.verdicts !== undefined) ctx.problems.push({ ...at, message: `"verdicts" applies to primary mechanism rules only, not to a ${kind}` });
  if (kind !== 'mechanism' && kind !== 'verdict' && r.order !== undefined)
    ctx.problems.push({ ...at, message: `"order" applies to primary mechanism rules and verdict rules only, not to a ${kind}` });
  if (r.conditions === undefined) ctx.problems.push({ ...at, message: 'needs "conditions"' });
  else if (isPlainObject(r.conditions) && 'fact' in r.conditions)
    // json-rules-engine refuses a bare condition at the root when the rule is added.
    ctx.problems.push({ ...at, where: 'conditions', message: 'must start with "all", "any" or "not"; wrap a single condition as {"all": [ ... ]}' });
  else checkCondition(r.conditions, { ...at, where: 'conditions' }, ctx);
  return ctx.problems.length > before ? undefined : (r as unknown as RuleDef);
}

const LIST_OPS = new Set(['in', 'notIn', 'containsAny']);

function checkCondition(c: unknown, at: Omit<Problem, 'message'> & { where: string }, ctx: Ctx, depth = 0): void {
  const fail = (message: string): void => void ctx.problems.push({ ...at, message });
  if (depth > 20) return fail('conditions nested too deeply');
  if (!isPlainObject(c)) return fail('a condition must be an object');
  const keys = Object.keys(c).filter((k) => k !== 'name');
  if ('all' in c || 'any' in c) {
    const k = 'all' in c ? 'all' : 'any';
    if (keys.length !== 1) return fail(`"${k}" must stand alone in its object`);
    const list = c[k];
    if (!Array.isArray(list)) return fail(`"${k}" must be a list of conditions`);
    list.forEach((child, i) => checkCondition(child, { ...at, where: `${at.where}.${k}[${i}]` }, ctx, depth + 1));
    return;
  }
  if ('not' in c) {
    if (keys.length !== 1) return fail('"not" must stand alone in its object');
    return checkCondition(c.not, { ...at, where: `${at.where}.not` }, ctx, depth + 1);
  }
  if (!str(c.fact)) return fail('a condition needs "all", "any", "not", or "fact" with "operator" and "value"');
  const before = ctx.problems.length;
  unknownKeys(c, 'leaf', at, ctx);
  if (ctx.problems.length > before) return;
  const q = ctx.questionById.get(c.fact);
  if (!q) return fail(`fact "${c.fact}" is not a question; valid facts: ${[...ctx.questionById.keys()].join(', ')}`);
  const op = c.operator as string;
  if (!(OPERATORS as readonly string[]).includes(op)) return fail(`operator ${JSON.stringify(op)} is not supported; use ${listValues(OPERATORS)}`);
  const multi = q.type === 'multi';
  const fitsMulti = op === 'contains' || op === 'doesNotContain' || op === 'containsAny';
  if (multi !== fitsMulti)
    return fail(
      multi
        ? `"${q.id}" is a list question: use "contains", "doesNotContain" or "containsAny", not "${op}"`
        : `"${q.id}" takes one value: use "equal", "notEqual", "in" or "notIn", not "${op}"`,
    );
  const allowed: unknown[] = [...q.choices.map((ch) => ch.value), UNKNOWN];
  const values = LIST_OPS.has(op) ? c.value : [c.value];
  if (LIST_OPS.has(op) && (!Array.isArray(c.value) || c.value.length === 0))
    return fail(`operator "${op}" needs a non-empty list as "value"`);
  for (const v of values as unknown[]) {
    if (!allowed.includes(v)) return fail(`value ${JSON.stringify(v)} is not offered by question "${q.id}"; valid: ${listValues(allowed)}`);
  }
}

const INVARIANTS_FILE = 'invariants.json';

/** rules/invariants.json, optional: consistency checks that `rules validate --deep` runs over the answer space. */
function checkInvariants(raw: unknown, present: boolean, ids: Record<ItemKind, string[]>, ctx: Ctx): Invariant[] {
  const file = INVARIANTS_FILE;
  if (!present || raw === undefined) return [];
  if (!isPlainObject(raw) || !Array.isArray(raw.invariants)) {
    ctx.problems.push({ file, message: 'must be an object with an "invariants" list' });
    return [];
  }
  const out: Invariant[] = [];
  const seen = new Set<string>();
  for (const [i, x] of raw.invariants.entries()) {
    if (!isPlainObject(x) || !str(x.id)) {
      ctx.problems.push({ file, where: `invariants[${i}]`, message: 'needs an "id"' });
      continue;
    }
    const at = { file, where: `invariant "${x.id}"` };
    const before = ctx.problems.length;
    if (seen.has(x.id)) ctx.problems.push({ ...at, message: 'id used twice' });
    seen.add(x.id);
    unknownKeys(x, 'invariant', at, ctx);
    if (!str(x.description)) ctx.problems.push({ ...at, message: 'needs a "description" text' });
    if (x.when === undefined) ctx.problems.push({ ...at, message: 'needs a "when" condition' });
    else checkCondition(x.when, { ...at, where: `${at.where}, when` }, ctx);
    const expectShape = expectationShape({ mechanisms: ids.mechanism, cautions: ids.caution, verdicts: ids.verdict, actions: ids.action });
    for (const { message } of shapeProblems(expectShape, x.expect, ctx.texts, { prefix: ['expect'] })) ctx.problems.push({ ...at, message });
    const vary = x.vary === undefined ? undefined : checkVary(x.vary, at, ctx);
    if (ctx.problems.length === before)
      out.push({ id: x.id, description: x.description as string, when: x.when as Condition, expect: x.expect as Expectation, ...(vary ? { vary } : {}) });
  }
  return out;
}

/** An invariant's "vary": a question, and the values it is given instead (or one value added to and removed from a list). */
function checkVary(raw: unknown, at: Omit<Problem, 'message'>, ctx: Ctx): Invariant['vary'] {
  const fail = (message: string): undefined => void ctx.problems.push({ ...at, message: `"vary": ${message}` });
  if (!isPlainObject(raw) || !str(raw.question)) return fail('needs a "question" (a question id)');
  const q = ctx.questionById.get(raw.question);
  if (!q) return fail(`"${raw.question}" is not a question`);
  const offered = [...q.choices.map((c) => c.value), UNKNOWN] as unknown[];
  if (q.type === 'multi') {
    if (raw.toggle === undefined || !offered.includes(raw.toggle) || raw.values !== undefined)
      return fail(`for the list question "${q.id}", give "toggle": one value it offers (${listValues(offered)})`);
    return { question: q.id, toggle: raw.toggle as AnswerScalar };
  }
  if (!Array.isArray(raw.values) || raw.values.length < 2 || raw.values.some((v) => !offered.includes(v)) || raw.toggle !== undefined)
    return fail(`give "values": two or more values "${q.id}" offers (${listValues(offered)})`);
  return { question: q.id, values: raw.values as AnswerScalar[] };
}

function checkMessages(raw: Record<string, unknown> | undefined, required: readonly string[], problems: Problem[]): Record<string, string> {
  const file = 'messages.en.json';
  const out: Record<string, string> = {};
  if (!raw) return out;
  const english = toolTexts('en');
  for (const [k, v] of Object.entries(raw)) {
    if (k === '$comment') continue;
    if (typeof v !== 'string') problems.push({ file, where: `"${k}"`, message: 'must be a text' });
    // A tool text reworded: with the placeholders the tool fills in.
    else if (isToolKey(k) && placeholderList(v) !== placeholderList(english[k]))
      problems.push({ file, where: `"${k}"`, message: `placeholders {${placeholderList(v)}} differ from the tool's own text {${placeholderList(english[k])}}` });
    else out[k] = v;
  }
  // A contextualised copy may reword texts but must keep every key the tool uses.
  for (const k of required) if (!(k in out)) problems.push({ file, where: `"${k}"`, message: 'missing text' });
  return out;
}

function checkHelp(
  raw: Record<string, unknown> | undefined,
  questionById: Map<string, Question>,
  sources: Map<string, Source>,
  problems: Problem[],
): Help {
  const file = 'help.en.json';
  const help: Help = { questions: {}, glossary: [] };
  if (!raw) return help;
  const srcOk = (list: unknown, where: string): string[] => {
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || !sources.has(x))) {
      problems.push({ file, where, message: '"sources" must list ids from sources.json' });
      return [];
    }
    return list as string[];
  };
  const qs = isPlainObject(raw.questions) ? raw.questions : {};
  for (const id of questionById.keys()) {
    const h = qs[id];
    if (!isPlainObject(h) || !str(h.text) || !Array.isArray(h.examples)) {
      problems.push({ file, where: `questions.${id}`, message: 'needs "text", "examples" and "sources"' });
      continue;
    }
    help.questions[id] = { text: h.text, examples: h.examples.filter(str), sources: srcOk(h.sources, `questions.${id}`) };
  }
  for (const id of Object.keys(qs)) if (!questionById.has(id)) problems.push({ file, where: `questions.${id}`, message: 'is not a question' });
  for (const [i, g] of (Array.isArray(raw.glossary) ? raw.glossary : []).entries()) {
    if (!isPlainObject(g) || !str(g.term) || !str(g.definition)) problems.push({ file, where: `glossary[${i}]`, message: 'needs "term" and "definition"' });
    else help.glossary.push({ term: g.term, definition: g.definition, sources: srcOk(g.sources, `glossary[${i}]`) });
  }
  return help;
}

/**
 * Checks every translation (locales/<lang>.json) against the English texts, whatever language
 * is asked for, so a rule base is complete in all its languages or refused; then puts the
 * asked-for language's texts in place, before validation, so everything downstream speaks it.
 * A missing or extra key, or placeholders that differ, is a problem: never a silent fallback.
 * A translation may also reword the tool's own texts ("messages.<key>"), which it need not
 * carry; those of the asked-for language are returned, keyed, to override the tool's.
 */
function translate(parsed: Map<string, unknown>, lang: Lang, problems: Problem[]): Record<string, string> {
  const english = new Map([...parsed].filter(([rel]) => !rel.startsWith('locales/')));
  // Keyed texts are needed only when a translation was read (not on an English run).
  let texts: ReturnType<typeof extractTexts> | undefined;
  const toolInLocale: Record<string, string> = {};
  for (const [file, translation] of parsed) {
    const m = /^locales\/([a-z]{2})\.json$/.exec(file);
    if (!m) continue;
    if (!isPlainObject(translation)) {
      problems.push({ file, message: 'must be a JSON object of text key to translation' });
      continue;
    }
    texts ??= extractTexts(english);
    for (const message of checkTranslation(texts, translation, TOOL_TEXTS)) problems.push({ file, message });
    if (m[1] === 'fr')
      for (const [key, value] of Object.entries(translation)) {
        const bad = typeof value === 'string' && key !== '$comment' ? frenchTypographyProblem(value) : undefined;
        if (bad)
          problems.push({
            file,
            where: `"${key}"`,
            message: `French typography: a no-break space goes before ; : ! ? and inside « » (at "${bad}")`,
          });
      }
    if (m[1] === lang) {
      applyTranslation(english, translation);
      for (const [key, value] of Object.entries(translation))
        if (key.startsWith('messages.') && typeof value === 'string' && TOOL_TEXTS.has(key) && !texts.has(key))
          toolInLocale[key.slice('messages.'.length)] = value;
    }
  }
  if (lang !== 'en' && !parsed.has(`locales/${lang}.json`)) problems.push({ file: `locales/${lang}.json`, message: `missing: the rule base has no ${lang} translation` });
  return toolInLocale;
}

/** The tool's own English texts, keyed as a translation names them ("messages.<key>"). */
const TOOL_TEXTS: ReadonlyMap<string, string> = new Map(Object.entries(toolTexts('en')).map(([k, v]) => [`messages.${k}`, v]));

const placeholderList = (s: string): string => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(', ');
