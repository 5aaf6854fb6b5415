import { isPlainObject } from '../core/json.js';

/**
 * Translations as a flat dictionary: every user-facing text of the rule base gets a stable
 * key ("questions.tipScale.label", "rules.wg-evidence-actors-lead.rationale"...), English is
 * the text in the rule files, and rules/locales/<lang>.json maps the same keys to the other
 * language. Ids and values are never translated, so one answers file serves every language.
 */

type Json = unknown;
export type Texts = Map<string, string>;

/** A text slot in a parsed rule file: where it is (for replacing) and its key. */
interface Slot {
  key: string;
  get(): unknown;
  set(v: string): void;
}

/** A field of an object, or an element of an array (field a number). */
function slot(obj: object, field: string | number, key: string): Slot {
  return { key, get: () => Reflect.get(obj, field), set: (v) => Reflect.set(obj, field, v) };
}

function arr(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isPlainObject) : [];
}

/** A citation's point, and where in our reference texts it is paraphrased (a section name). */
function citationSlots(list: unknown, base: string, out: Slot[]): void {
  arr(list).forEach((c, i) => {
    out.push(slot(c, 'point', `${base}.${i}`));
    out.push(slot(c, 'in', `${base}.${i}.in`));
  });
}

/** Strings that are ids or enums, not texts: a question id, an indicator's level. */
const NOT_TEXT = /(\.question|\.indicators\.\d+\.level)$/;

/** Every string under obj[field], keyed by its path. */
function leafSlots(obj: object, field: string, key: string, out: Slot[]): void {
  const v: unknown = Reflect.get(obj, field);
  if (typeof v === 'string') {
    if (!NOT_TEXT.test(key)) out.push(slot(obj, field, key));
  } else if (Array.isArray(v)) v.forEach((_, i) => leafSlots(v, String(i), `${key}.${i}`, out));
  else if (isPlainObject(v)) for (const k of Object.keys(v)) leafSlots(v, k, `${key}.${k}`, out);
}

/** Every translatable slot of one rule file, by the file's place in the rule base. */
function slotsOf(rel: string, json: Json): Slot[] {
  if (!isPlainObject(json)) return [];
  const out: Slot[] = [];
  const item = /^(mechanisms|cautions|actions|verdicts)\//.exec(rel);
  if (rel === 'questions.json') {
    for (const k of ['unknownLabel', 'notApplicableLabel']) out.push(slot(json, k, `questions.${k}`));
    for (const s of arr(json.sections)) out.push(slot(s, 'title', `sections.${String(s.id)}.title`));
    for (const q of arr(json.questions)) {
      for (const k of ['label', 'term', 'hint']) out.push(slot(q, k, `questions.${String(q.id)}.${k}`));
      for (const c of arr(q.choices)) out.push(slot(c, 'label', `questions.${String(q.id)}.choices.${String(c.value)}`));
      if (isPlainObject(q.byResponseType)) leafSlots(q, 'byResponseType', `questions.${String(q.id)}.byResponseType`, out);
    }
  } else if (item) {
    const base = `${item[1]}.${String(json.id)}`;
    for (const k of ['title', 'summary']) out.push(slot(json, k, `${base}.${k}`));
    arr(json.steps).forEach((s, i) => out.push(slot(s, 'text', `${base}.steps.${i}`)));
    citationSlots(json.citations, `${base}.citations`, out);
    for (const r of arr(json.rules)) {
      const rb = `rules.${String(r.id)}`;
      for (const k of ['title', 'rationale']) out.push(slot(r, k, `${rb}.${k}`));
      citationSlots(r.citations, `${rb}.citations`, out);
    }
  } else if (rel === 'messages.en.json') {
    for (const k of Object.keys(json)) if (k !== '$comment') out.push(slot(json, k, `messages.${k}`));
  } else if (rel === 'drafting.en.json') {
    // The words the safe variant avoids differ in number between languages: one text, comma-separated.
    if (Array.isArray(json.avoid))
      out.push({ key: 'drafting.avoid', get: () => (json.avoid as string[]).join(', '), set: (v) => (json.avoid = v.split(/\s*,\s*/).filter(Boolean)) });
    for (const k of ['texts', 'byAnswer', 'mechanisms', 'actions', 'cautions']) leafSlots(json, k, `drafting.${k}`, out);
    // Services are a list (their order is the plan's): keyed by id, so that reordering keeps the translations.
    for (const sv of arr(json.services))
      for (const k of ['activity', 'indicators']) leafSlots(sv, k, `drafting.services.${String(sv.id)}.${k}`, out);
    citationSlots(json.citations, 'drafting.citations', out);
  } else if (rel === 'sources.json') {
    // Titles stay as published; only the remarks on an address are the tool's own words.
    for (const x of arr(json.sources)) out.push(slot(x, 'note', `sources.${String(x.id)}.note`));
  } else if (rel === 'invariants.json') {
    for (const inv of arr(json.invariants)) out.push(slot(inv, 'description', `invariants.${String(inv.id)}.description`));
  } else if (rel === 'help.en.json') {
    const qs = isPlainObject(json.questions) ? json.questions : {};
    for (const [id, h] of Object.entries(qs)) {
      if (!isPlainObject(h)) continue;
      out.push(slot(h, 'text', `help.${id}.text`));
      const examples: unknown = h.examples;
      if (Array.isArray(examples)) examples.forEach((_, i) => out.push(slot(examples, i, `help.${id}.examples.${i}`)));
    }
    arr(json.glossary).forEach((g, i) => {
      out.push(slot(g, 'term', `glossary.${i}.term`));
      out.push(slot(g, 'definition', `glossary.${i}.definition`));
    });
  }
  return out.filter((s) => typeof s.get() === 'string');
}

/** The English texts of a parsed rule base, by key. */
export function extractTexts(files: Map<string, Json>): Texts {
  const texts: Texts = new Map();
  for (const [rel, json] of files) for (const s of slotsOf(rel, json)) texts.set(s.key, s.get() as string);
  return texts;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (s: string): string[] => [...s.matchAll(PLACEHOLDER)].map(([, name = '']) => name).sort();

/**
 * What is wrong with a translation: missing keys, keys that do not exist, placeholders that
 * differ. `optional` are English texts a translation may reword but need not (the tool's own).
 */
export function checkTranslation(english: Texts, translation: Record<string, unknown>, optional: ReadonlyMap<string, string> = new Map()): string[] {
  const problems: string[] = [];
  for (const [key, en] of english) {
    const tr = translation[key];
    // An empty English text (a deliberate silence) may stay empty; any other must be translated.
    if (typeof tr !== 'string' || (tr.trim() === '' && en.trim() !== '')) problems.push(`missing translation for "${key}"`);
    // Most texts have no placeholder at all: no need to list them (this runs at every load).
    else if ((tr.includes('{') || en.includes('{')) && placeholders(tr).join() !== placeholders(en).join())
      problems.push(`"${key}": placeholders {${placeholders(tr).join('}, {')}} differ from the English {${placeholders(en).join('}, {')}}`);
  }
  for (const [key, tr] of Object.entries(translation)) {
    if (key === '$comment' || key === '$schema' || english.has(key)) continue;
    const en = optional.get(key);
    if (en === undefined) problems.push(`"${key}" is not a text of the rule base`);
    else if (typeof tr !== 'string') problems.push(`"${key}" must be a text`);
    else if ((tr.includes('{') || en.includes('{')) && placeholders(tr).join() !== placeholders(en).join())
      problems.push(`"${key}": placeholders {${placeholders(tr).join('}, {')}} differ from the English {${placeholders(en).join('}, {')}}`);
  }
  return problems;
}

/** Replaces every text of the parsed rule files by its translation (checked beforehand). */
export function applyTranslation(files: Map<string, Json>, translation: Record<string, unknown>): void {
  for (const [rel, json] of files)
    for (const s of slotsOf(rel, json)) {
      const tr = translation[s.key];
      if (typeof tr === 'string') s.set(tr);
    }
}
