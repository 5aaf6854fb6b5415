import { cell, escapeInline, escapeMd } from '../core/markdown.js';
import { buildDraft, draftMarkdown } from './draft.js';
import { capital, quote, type ConditionWords } from '../core/explain.js';
import { groupBySource, sourceEntry } from '../core/sources.js';
import { meetingCostLines, needsTor, torMarkdown } from './tor.js';
import { formatDate } from '../core/lang.js';
import { officialsComplicit } from '../core/sensitivity.js';
import { RESPONSE_TYPE, rulesForResponse } from '../core/response-wording.js';
import type { ChangeOut, RuleWhy, SourceRef } from '../core/shapes/result.js';
import type { Result } from '../core/assessment.js';
import { counted, message, wording } from '../core/messages.js';
import { NOT_APPLICABLE, type Horizon, type Owner, type RuleBase } from '../core/types.js';
import { ownerLabel } from '../core/plan.js';
import type { DocxOptions } from './docx.js';

/** The source of the review rhythm the report's last section cites. */
const REVIEW_SOURCE = 'S16';

export interface ReportOptions {
  /** The answers file saved with the report: the "To try one" line names it. */
  answersFile?: string;
}

/** The markdown report: page 1 is a decision brief; the rule trace is an annex in plain words. */
export function buildReport(ruleBase: RuleBase, r: Result, opts: ReportOptions = {}): string {
  const rules = rulesForResponse(ruleBase, r.answers[RESPONSE_TYPE]);
  const t = wording(rules);
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);
  const name = r.response.name ? escapeMd(r.response.name) : t('report.unnamed');

  push(`# ${t('report.title', { name })}`, '');
  push(
    `> ${t('report.stamp', {
      toolVersion: r.stamp.tool.version,
      date: formatDate(rules, r.stamp.date),
      ruleSetName: escapeInline(r.stamp.ruleSet.name),
      ruleSetVersion: escapeInline(r.stamp.ruleSet.version),
      ruleSetFolder: describeFolder(
        rules,
        r.stamp.ruleSet.folder === null ? null : escapeInline(r.stamp.ruleSet.folder),
      ),
      ruleSetHash: r.stamp.ruleSet.hash.slice(0, 12),
      answersHash: r.stamp.answersHash.slice(0, 12),
    })}`,
    '>',
    `> ${t('report.sensitive')}`,
    '',
  );
  // Sensitivity banners: complicity of officials, then terminology. The answers table below
  // does not spell complicity out either (see maskedAnswer).
  if (complicit(r)) push(`> **${t('report.complicityNotice')}**`, '');
  if (r.cautions.some((c) => c.id === 'terminology')) push(`> **${t('report.terminologyNotice')}**`, '');

  // Page 1: what to do on Monday.
  push(...briefLines(rules, r));
  push(...setupLines(rules, r));
  if (needsTor(r)) push(torMarkdown(rules, r, 2));
  push(`## ${t('cost.title')}`, '', ...meetingCostLines(rules, r), '');

  // The cautions are on page 1; their sources are listed with the annex (no second copy of their text here).
  // Each action in one item: what it is for, its sources, then its steps.
  push(`## ${t('report.actions')}`, '');
  for (const a of r.actions) {
    push(`- **${a.title}**${t('words.colon')}${a.text} ${sourceIds(rules, a.sources)}`);
    a.steps.forEach((s, j) => push(`  ${j + 1}. ${s}`));
  }
  push('');
  push(`## ${t('report.review')}`, '', t('report.reviewText', { date: formatDate(rules, r.reviewBy) }), '');

  const draft = buildDraft(rules, r);
  // Titled by what the text is for: the documents being drafted, the strategy review, or the next plans.
  push(
    `## ${t('report.annexDrafting', { title: draft.title })}`,
    '',
    t('report.draftingIntro', { sources: draft.sources.join(', ') }),
    '',
  );
  // Said outside the text itself, which is meant to be pasted as is.
  if (draft.variant === 'safe') push(`> **${t('report.draftingSafe')}**`, '');
  push(draftMarkdown(rules, draft, { level: 3 }));

  push(...decidedLines(rules, r, opts));
  // How the review's verdict was decided, in plain words as annex B: the answers that led to it, then the others.
  if (r.review) {
    push(`### ${t('report.existingReviewWhy')}`, '');
    // The verdict's rules in one line each; their conditions are in `explain`.
    for (const w of r.review.why) push(`- **${r.review.title}**${t('words.colon')}${w.rationale}`);
    push('', `**${t('report.verdictsNotChosen')}**`, '');
    for (const n of r.review.notChosen)
      push(`- **${n.title}**${t('words.colon')}${n.why.map((w) => w.title).join(t('words.listSep'))}`);
    push('');
  }

  push(`## ${t('report.annexAnswers')}`, '', `| ${t('report.question')} | ${t('report.answer')} |`, '| --- | --- |');
  // A question skipped because of another answer was never asked: no row.
  for (const a of r.answered.filter((x) => x.value !== NOT_APPLICABLE))
    push(`| ${cell(a.question)} | ${cell(maskedAnswer(rules, r, a.id, a.answer))} |`);
  push('');
  // Counted over the questions that applied: a skipped question was never asked.
  if (r.unknowns.length > 0)
    push(
      `### ${t('report.gaps')}`,
      '',
      counted(rules, 'report.unknownsSentence', r.unknowns.length, {
        total: r.answered.filter((a) => a.value !== NOT_APPLICABLE).length,
      }),
      '',
    );
  for (const id of r.unknowns) push(`- ${rules.questionById.get(id)!.label}`);
  if (r.unknowns.length > 0) push('');

  push(`## ${t('report.sourcesCited')}`, '', t('report.sourcesNote'), '');
  const refs: { id: string; point: string; in?: string }[] = [
    ...(r.review ? r.review.sources : []),
    ...r.recommendations.flatMap((x) => x.sources),
    ...r.cautions.flatMap((x) => x.sources),
    ...r.actions.flatMap((x) => x.sources),
    ...rules.drafting.citations.map((c) => ({ id: c.source, point: c.point, ...(c.in ? { in: c.in } : {}) })),
  ];
  const cited = new Set(refs.map((x) => x.id));
  // What each source is cited for, on its own line: the annex no longer repeats the rules that cite it.
  const citedFor = new Map(
    groupBySource(refs).map(({ first, points }) => {
      const seeIn = [...new Set(refs.filter((x) => x.id === first.id && x.in).map((x) => x.in!))];
      const see = seeIn.length > 0 ? ` (${t('report.sourceSee', { in: seeIn.join(t('words.listSep')) })})` : '';
      // A point may list several ("a; b"): each is said once.
      const each = [...new Set(points.flatMap((p) => p.split(/\s?;\s/)))];
      return [first.id, ` ${t('report.citedFor', { points: `${each.join(t('words.listSep'))}${see}` })}`];
    }),
  );
  // The review line cites the FSC handbook (S16) for its 90-day / yearly rhythm; the ToR cites its models.
  if (rules.sources.has(REVIEW_SOURCE)) cited.add(REVIEW_SOURCE);
  if (needsTor(r)) for (const id of ['S4', 'S5', 'S6', 'S7', 'S17']) if (rules.sources.has(id)) cited.add(id);
  for (const s of [...rules.sources.values()].filter((x) => cited.has(x.id)))
    push(`- **${s.id}**${t('words.colon')}${sourceEntry(rules, s)}${citedFor.get(s.id) ?? ''}`);
  push('');
  return out.join('\n');
}

/** Officials suspected or documented as complicit: the report carries a banner and says so nowhere in the answers table. */
const complicit = (r: Result): boolean => officialsComplicit(r.answers);

/**
 * The line at the top of every page of a Word file: where complicity of officials is suspected or
 * documented for any response it covers, a warning not to share it with the authorities; otherwise
 * the report's sensitivity line.
 */
export function wordHeader(rules: RuleBase, complicity: boolean): string {
  return message(rules, complicity ? 'report.wordHeaderComplicity' : 'report.sensitive');
}

/** The report's title: the response's name, or the words for an unnamed one. */
export function reportTitle(rules: RuleBase, r: Result): string {
  return message(rules, 'report.title', { name: r.response.name ?? message(rules, 'report.unnamed') });
}

/** How a report becomes a Word file, the same from the command line and from the browser page. */
export function wordReportOptions(rules: RuleBase, r: Result): DocxOptions {
  return {
    title: reportTitle(rules, r),
    lang: rules.lang,
    banner: wordHeader(rules, complicit(r)),
    date: r.stamp.date,
  };
}

/** An answer as the answers table shows it: complicity (and state forces as perpetrators) only as a pointer to the note. */
function maskedAnswer(rules: RuleBase, r: Result, id: string, answer: string): string {
  const stateForces = Array.isArray(r.answers.perpetrators) && r.answers.perpetrators.includes('state_forces');
  if ((id === 'officialComplicity' && complicit(r)) || (id === 'perpetrators' && stateForces && complicit(r)))
    return message(rules, 'report.seeSensitivityNote');
  return answer;
}

/** One row of the page-1 plan as the report words it. */
export interface PlanLine {
  horizon: Horizon;
  action: string;
  owner: string;
}

/** The page-1 plan of the result (chosen by the core), with each owner in words. */
export function actionPlan(r: Result): PlanLine[] {
  return r.plan.map((row) => ({ horizon: row.horizon, action: row.action, owner: row.ownerLabel }));
}

/** "The number of…" → "the number of…" inside a sentence; an acronym ("NRM…", "GBV…") is left as it is. */
const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** A rule's title as a sentence: with its final full stop. */
const sentence = (s: string): string => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** A recommendation's role in words: primary or complementary, and for the mechanism in place the review's verdict. */
function roleWords(rules: RuleBase, r: Result, rec: Result['recommendations'][number]): string {
  const t = wording(rules);
  const role = t(rec.role === 'primary' ? 'report.primary' : 'report.complementary');
  return rec.existing && r.review ? `${role}, ${t('report.inPlace', { verdict: r.review.title })}` : role;
}

/**
 * Page 1: the response and date, the decision (at most four mechanisms, ranked, each with one
 * line on why), the plan of five to seven actions with owners and due dates, the cautions, and
 * the unknowns that would change the decision.
 */
export function briefLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const out: string[] = [];
  const name = r.response.name ? escapeMd(r.response.name) : t('report.unnamed');
  out.push(`## ${t('report.brief')}`, '', t('report.briefLine', { name, date: formatDate(rules, r.stamp.date) }), '');
  out.push(`### ${t('report.decision')}`, '');
  r.recommendations.forEach((rec, i) =>
    out.push(`${i + 1}. **${escapeInline(rec.title)}** (${roleWords(rules, r, rec)}). ${sentence(rec.because)}`),
  );
  // With half the answers unknown or more, a short list would overstate what is known.
  if (r.recommendations.length === 1 && r.unknowns.length * 2 >= r.answered.length)
    out.push('', t('report.tooLittleKnown'));
  out.push('');
  out.push(
    `### ${t('report.actionPlan')}`,
    '',
    `| ${t('report.planAction')} | ${t('report.planOwner')} | ${t('report.planDue')} |`,
    '| --- | --- | --- |',
  );
  // "30 days" stays on one line: the action gets the room.
  for (const row of r.plan)
    out.push(
      `| ${cell(row.action)} | ${cell(row.ownerLabel)} | ${t('report.planDueCell', { days: row.horizon, date: formatDate(rules, row.due) }).replace(/ /g, '\u00a0')} |`,
    );
  out.push('');
  if (r.cautions.length > 0) {
    out.push(`### ${t('report.briefCautions')}`, '');
    for (const c of r.cautions) out.push(`- **${c.title}**${t('words.colon')}${c.text}`);
    out.push('');
  }
  out.push(`### ${t('report.briefUnknowns')}`, '');
  if (r.unknownsThatMatter.length === 0 && r.unknownCombinations.length === 0) out.push(t('report.noBriefUnknowns'));
  out.push(...unknownLines(rules, r), '');
  return out;
}

/**
 * The recommended set-up: each of the (at most four) recommendations with its steps, owners and
 * sources; the mechanism in place with its review first among its steps.
 */
function setupLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const out: string[] = [`## ${t('report.setup')}`, ''];
  const stepLines = (plan: { text: string; owner: Owner; horizon: Horizon }[]): string[] =>
    plan.map(
      (s, j) =>
        // A dash, not brackets: an owner's name may hold brackets of its own.
        `${j + 1}. ${s.text} *— ${t('report.stepOwner', { owner: ownerLabel(rules, s.owner, r.answers), days: s.horizon })}*`,
    );
  const reviewShown = r.review !== undefined && r.recommendations.some((x) => x.existing);
  r.recommendations.forEach((rec, i) => {
    out.push(
      `### ${i + 1}. ${rec.title} (${roleWords(rules, r, rec)})`,
      '',
      sentence(rec.because),
      '',
      rec.summary,
      '',
    );
    if (rec.existing && r.review) {
      out.push(`**${t('report.existingReview')}**`, '');
      out.push(
        t('report.existingReviewIntro', {
          existing: r.review.existingAnswer,
          title: r.review.title,
          summary: r.review.rationale.join(' '),
        }),
        '',
      );
      r.review.steps.forEach((st, j) => out.push(`${j + 1}. ${st}`));
      out.push('', sourceIds(rules, r.review.sources), '');
    }
    if (rec.plan.length > 0)
      out.push(`**${t(rec.existing ? 'report.howToRun' : 'report.howTo')}**`, '', ...stepLines(rec.plan), '');
    out.push(sourceIds(rules, rec.sources), '');
  });
  // A rule set whose mechanisms do not say which one is in place: the review on its own.
  if (r.review && !reviewShown) {
    const v = r.review;
    out.push(`### ${t('report.existingReview')}`, '');
    out.push(t('report.existingReviewIntro', { existing: v.existingAnswer, title: v.title, summary: v.summary }), '');
    v.steps.forEach((st, j) => out.push(`${j + 1}. ${st}`));
    out.push('', sourceIds(rules, v.sources), '');
  }
  return out;
}

/** The unknowns that would change the primary, alone or together: one line each. */
function unknownLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const title = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const words = (c: ChangeOut): string => t('report.changeWords', { term: c.term, to: c.toAnswer, from: c.fromAnswer });
  return [
    ...r.unknownsThatMatter.map(
      (u) =>
        `- ${capital(u.term)}${t('words.colon')}${u.outcomes.map((o) => t('report.unknownOutcome', { answer: o.answer, title: title(o.primary) })).join(t('words.listSep'))}`,
    ),
    ...r.unknownCombinations.map(
      (c) =>
        `- ${t('report.unknownTogether', { title: title(c.primary), changes: c.changes.map(words).join(` ${t('report.and')} `) })}`,
    ),
  ];
}

/**
 * Annex B: why each mechanism was or was not recommended, one line each. The rules' conditions and
 * the answers that met them stay in `explain`: the annex does not repeat them.
 */
function decidedLines(rules: RuleBase, r: Result, opts: ReportOptions): string[] {
  const t = wording(rules);
  const out = [
    `## ${t('report.annexDecided')}`,
    '',
    t('report.decidedIntro', { file: opts.answersFile ?? 'FILE' }),
    '',
  ];
  const primary = r.recommendations.find((x) => x.role === 'primary')!;
  for (const rec of r.recommendations) {
    const held = rec.why.find((w) => w.met) ?? rec.why[0];
    const role = t(rec.role === 'primary' ? 'report.primary' : 'report.complementary');
    const also = rec.outrankedBy ? ` ${t('report.alsoFitted', { primary: primary.title })}` : '';
    out.push(`- ${t('report.chosenBecause', { title: rec.title, role, rationale: held?.rationale ?? '' })}${also}`);
  }
  if (r.alsoConsidered.length > 0) {
    out.push('', `### ${t('report.alsoConsidered')}`, '', t('report.alsoConsideredIntro'), '');
    for (const a of r.alsoConsidered) out.push(`- **${a.title}**${t('words.colon')}${a.because}`);
  }
  out.push('', `### ${t('report.notChosen')}`, '');
  for (const n of r.notRecommended) {
    if (n.outrankedBy) {
      const fallback = n.why.some((w) => w.met && w.conditions.children?.length === 0);
      out.push(
        `- ${t(fallback ? 'report.notChosenFallback' : 'report.notChosenOutranked', { title: n.title, primary: primary.title })}`,
      );
      continue;
    }
    const reasons = [
      ...new Set(
        n.whyNot
          .filter((w) => w.condition && w.met === false)
          .map((w) => t('report.reasonNot', { condition: lowerFirst(w.condition!), answer: quote(rules, w.answer!) })),
      ),
    ].slice(0, 2);
    out.push(`- ${t('report.notChosenBecause', { title: n.title, reasons: reasons.join(t('words.listSep')) || '—' })}`);
  }
  out.push('');
  out.push(...whatWouldChangeLines(rules, r, opts).map((l) => (l.startsWith('## ') ? `#${l}` : l)));
  // The cautions that apply, with their sources (those that do not apply, and why, are in `explain`).
  if (r.cautions.length > 0) {
    out.push(`### ${t('report.cautionSources')}`, '');
    for (const c of r.cautions) out.push(`- **${c.title}**${t('words.colon')}${idList(c.sources)}`);
    out.push('');
  }
  return out;
}

export function whyLines(rules: RuleBase, w: RuleWhy): string[] {
  const t = wording(rules);
  const basis = w.basis === 'inference' ? ` (${t('report.inference')})` : '';
  const lines = [
    `- ${t('report.ruleLine', { title: w.title, rule: w.rule })}${t('words.colon')}${t(w.met ? 'report.met' : 'report.notMet')}. ${w.rationale}${basis}`,
  ];
  const c = w.conditions;
  if (c.children && c.children.length === 0) lines.push(`  - ${t('report.always')}`);
  // A rule's conditions all hold unless said otherwise: "any of" and "not" at the root are shown.
  else if (c.children && c.group === 'all') for (const ch of c.children) lines.push(...conditionLines(rules, ch, 1));
  else lines.push(...conditionLines(rules, c, 1));
  return lines;
}

function conditionLines(rules: RuleBase, c: ConditionWords, depth: number): string[] {
  const t = wording(rules);
  const pad = '  '.repeat(depth);
  const mark = c.met === true ? '✓' : c.met === false ? '✗' : '–';
  const state = t(c.met === true ? 'report.met' : c.met === false ? 'report.notMet' : 'report.notEvaluated');
  if (!c.children)
    return [
      `${pad}- ${mark} ${c.condition}${t('words.colon')}${state} (${t('report.answered')} ${quote(rules, c.answer!)})`,
    ];
  const head = t(c.group === 'all' ? 'report.allOf' : c.group === 'any' ? 'report.anyOf' : 'report.noneOf');
  return [`${pad}- ${mark} ${head} ${state}`, ...c.children.flatMap((ch) => conditionLines(rules, ch, depth + 1))];
}

/** The sources of a section as one line of ids; their points are in annex B, their addresses at the end. */
function sourceIds(rules: RuleBase, sources: SourceRef[]): string {
  return `**${message(rules, 'report.sources')}**${message(rules, 'words.colon')}${idList(sources)}`;
}

/** Source ids, each once: "S35, S36.". */
const idList = (sources: SourceRef[]): string => `${[...new Set(sources.map((s) => s.id))].join(', ')}.`;

function whatWouldChangeLines(rules: RuleBase, r: Result, opts: ReportOptions): string[] {
  const t = wording(rules);
  const title = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const words = (c: ChangeOut): string => t('report.changeWords', { term: c.term, to: c.toAnswer, from: c.fromAnswer });
  const out = [`## ${t('report.whatWouldChange')}`, ''];
  const w = r.whatWouldChange;
  /** Changes that lead to the same outcome, under one heading each: "- To X:" then each set of changes. */
  const pushGrouped = (flips: [string, ChangeOut[]][], heading: (to: string) => string): void => {
    const byOutcome = new Map<string, string[]>();
    for (const [to, changes] of flips)
      byOutcome.set(to, [...(byOutcome.get(to) ?? []), changes.map(words).join(` ${t('report.and')} `)]);
    // One line per outcome: the changes that lead to it, any one of them.
    for (const [to, list] of byOutcome) out.push(`- ${heading(to)} ${list.join(t('words.listSep'))}.`);
    out.push('');
  };
  if (w.primary.length === 0) out.push(t('report.noFlip'), '');
  else {
    out.push(t('report.flipIntro'), '');
    pushGrouped(
      w.primary.map((f) => [f.primary, f.changes]),
      (p) => t('report.flipTo', { title: title(p) }),
    );
  }
  if (w.verdict.length > 0) {
    const verdictTitle = (id: string): string => rules.verdicts.find((v) => v.id === id)?.title ?? id;
    out.push(t('report.verdictFlipIntro'), '');
    pushGrouped(
      w.verdict.map((f) => [f.verdict, f.changes]),
      (v) => t('report.verdictFlipTo', { title: verdictTitle(v) }),
    );
  }
  const resting = new Set([
    ...r.unknownsThatMatter.map((u) => u.question),
    ...r.unknownCombinations.flatMap((c) => c.changes.map((x) => x.question)),
  ]);
  if (resting.size === 0) out.push(t('report.unknownsDontMatter'), '');
  else {
    out.push(counted(rules, 'report.unknownsMatter', resting.size), '', ...unknownLines(rules, r), '');
  }
  const example = w.primary[0]?.changes[0] ?? w.verdict[0]?.changes[0];
  if (example) out.push(t('report.replay', { set: example.set, file: opts.answersFile ?? 'FILE' }), '');
  return out;
}

/** A rule set's folder in words: "built in", or "from folder rules-x" (see ruleSetFolder). */
export function describeFolder(rules: RuleBase, folder: string | null): string {
  return folder === null ? message(rules, 'report.ruleSetBuiltIn') : message(rules, 'report.ruleSetFolder', { folder });
}
