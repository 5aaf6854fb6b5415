import { cell, escapeInline, escapeMd } from '../core/markdown.js';
import { buildDraft, draftMarkdown } from './draft.js';
import { capital, quote, type ConditionWords } from '../core/explain.js';
import { formatDate } from '../core/lang.js';
import type { RuleWhy, SourceRef } from '../core/recommend.js';
import type { Result } from '../core/assessment.js';
import { message, wording } from '../core/messages.js';
import type { RuleBase } from '../core/types.js';
import type { ChangeOut } from '../core/whatif.js';

/** The source of the review rhythm the report's last section cites. */
const REVIEW_SOURCE = 'S16';

/** The markdown rationale: a document a coordinator can forward, readable as a file and in a terminal. */
export function buildReport(rules: RuleBase, r: Result): string {
  const t = wording(rules);
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);

  push(`# ${t('report.title', { name: r.response.name ? escapeMd(r.response.name) : t('report.unnamed') })}`, '');
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

  // A mechanism already in place is reviewed first: what to do with what exists comes before anything new.
  if (r.review) {
    const v = r.review;
    push(`## ${t('report.existingReview')}`, '');
    push(t('report.existingReviewIntro', { existing: v.existingAnswer, title: v.title, summary: v.summary }), '');
    push(`**${t('report.why')}**`, '');
    for (const w of v.why) push(...whyLines(rules, w));
    push('', `**${t('report.howTo')}**`, '');
    v.steps.forEach((st, j) => push(`${j + 1}. ${st}`));
    push('', `**${t('report.sources')}**`, '', ...sourceLines(rules, v.sources), '');
    push(`**${t('report.verdictsNotChosen')}**`, '');
    for (const n of v.notChosen)
      for (const w of n.why) push(...whyLines(rules, { ...w, title: `${n.title}: ${w.title}` }));
    push('');
  }

  const primary = r.recommendations.find((x) => x.role === 'primary')!;
  const complementary = r.recommendations.filter((x) => x.role === 'complementary');
  push(`## ${t('report.recommendation')}`, '');
  const summary = [
    t(primary.existing ? 'report.primaryExistingSentence' : 'report.primarySentence', {
      title: primary.title,
      summary: primary.summary,
    }),
  ];
  summary.push(
    complementary.length > 0
      ? t('report.complementarySentence', { list: complementary.map((c) => c.title).join(t('words.listSep')) })
      : // With half the answers unknown or more, "nothing more is needed" would overstate what is known.
        t(r.unknowns.length * 2 >= r.answered.length ? 'report.tooLittleKnown' : 'report.noComplementary'),
  );
  push(summary.join(' '), '');
  if (r.cautions.length > 0)
    push(t('report.cautionsSentence', { list: r.cautions.map((c) => c.title).join(t('words.listSep')) }), '');
  if (r.unknowns.length > 0)
    push(t('report.unknownsSentence', { count: r.unknowns.length, total: r.answered.length }), '');

  push(`## ${t('report.mechanisms')}`, '');
  r.recommendations.forEach((rec, i) => {
    const role = t(rec.role === 'primary' ? 'report.primary' : 'report.complementary');
    push(`### ${i + 1}. ${rec.title} (${rec.existing ? `${role}, ${t('report.existingTag')}` : role})`, '');
    push(rec.summary, '');
    push(`**${t('report.why')}**`, '');
    for (const w of rec.why) push(...whyLines(rules, w));
    if (rec.outrankedBy) push('', t('report.outranked', { rule: rec.outrankedBy }));
    push('', `**${t('report.howTo')}**`, '');
    rec.steps.forEach((s, j) => push(`${j + 1}. ${s}`));
    push('', `**${t('report.sources')}**`, '', ...sourceLines(rules, rec.sources), '');
  });

  push(`## ${t('report.notRecommended')}`, '');
  for (const n of r.notRecommended) {
    push(`### ${n.title}`, '', `**${t('report.whyNot')}**`, '');
    for (const w of n.why) push(...whyLines(rules, w));
    if (n.outrankedBy) push('', t('report.fallbackOutranked', { rule: n.outrankedBy }));
    push('');
  }

  push(...whatWouldChangeLines(rules, r));

  push(`## ${t('report.cautions')}`, '');
  for (const c of r.cautions) {
    push(`### ${c.title}`, '', c.text, '', `**${t('report.why')}**`, '');
    for (const w of c.why) push(...whyLines(rules, w));
    push('', `**${t('report.sources')}**`, '', ...sourceLines(rules, c.sources), '');
  }
  if (r.cautions.length === 0) push('—', '');
  if (r.cautionsNotApplied.length > 0) {
    push(`### ${t('report.cautionsNotApplied')}`, '');
    for (const c of r.cautionsNotApplied) {
      const reasons = c.whyNot
        .filter((w) => w.condition)
        .map((w) => `${w.condition} (${t('report.answered')} ${quote(rules, w.answer!)})`);
      push(`- **${c.title}**${t('words.colon')}${reasons.join(t('words.listSep'))}.`);
    }
    push('');
  }

  push(`## ${t('report.actions')}`, '');
  for (const a of r.actions) {
    push(`### ${a.title}`, '', a.text, '');
    a.steps.forEach((s, j) => push(`${j + 1}. ${s}`));
    push('', `**${t('report.sources')}**`, '', ...sourceLines(rules, a.sources), '');
  }

  const draft = buildDraft(rules, r);
  push(`## ${t('report.drafting')}`, '', t('report.draftingIntro', { sources: draft.sources.join(', ') }), '');
  // Said outside the text itself, which is meant to be pasted as is.
  if (draft.variant === 'safe') push(`> **${t('report.draftingSafe')}**`, '');
  push(draftMarkdown(rules, draft, { level: 3 }));

  push(`## ${t('report.answers')}`, '', `| ${t('report.question')} | ${t('report.answer')} |`, '| --- | --- |');
  for (const a of r.answered) push(`| ${cell(a.question)} | ${cell(maskedAnswer(rules, r, a.id, a.answer))} |`);
  push('', `## ${t('report.gaps')}`, '');
  if (r.unknowns.length === 0) push(t('report.noGaps'));
  for (const id of r.unknowns) push(`- ${rules.questionById.get(id)!.label} (\`${id}\`)`);
  push('');

  push(`## ${t('report.sourcesCited')}`, '', t('report.sourcesNote'), '');
  const cited = new Set<string>();
  for (const list of [
    ...(r.review ? [r.review.sources] : []),
    ...r.recommendations.map((x) => x.sources),
    ...r.cautions.map((x) => x.sources),
    ...r.actions.map((x) => x.sources),
  ])
    for (const s of list) cited.add(s.id);
  for (const id of draft.sources) cited.add(id);
  // The review line below cites the FSC handbook (S16) for its 90-day / yearly rhythm.
  if (rules.sources.has(REVIEW_SOURCE)) cited.add(REVIEW_SOURCE);
  const stop = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);
  for (const s of [...rules.sources.values()].filter((x) => cited.has(x.id)))
    push(`- **${s.id}**${t('words.colon')}${stop(s.title)} ${stop(s.publisher)}${s.where ? ` ${s.where}` : ''}`);
  push('', `## ${t('report.review')}`, '', t('report.reviewText', { date: formatDate(rules, r.reviewBy) }), '');
  return out.join('\n');
}

/** Officials suspected or documented as complicit: the report carries a banner and says so nowhere in the answers table. */
function complicit(r: Result): boolean {
  return ['suspected', 'documented'].includes(String(r.answers.officialComplicity));
}

/** An answer as the answers table shows it: complicity (and state forces as perpetrators) only as a pointer to the note. */
function maskedAnswer(rules: RuleBase, r: Result, id: string, answer: string): string {
  const stateForces = Array.isArray(r.answers.perpetrators) && r.answers.perpetrators.includes('state_forces');
  if ((id === 'officialComplicity' && complicit(r)) || (id === 'perpetrators' && stateForces && complicit(r)))
    return message(rules, 'report.seeSensitivityNote');
  return answer;
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

function sourceLines(rules: RuleBase, sources: SourceRef[]): string[] {
  return sources.map(
    (s) =>
      `- **${s.id}** ${s.title}${message(rules, 'words.colon')}${s.point} (${message(rules, 'report.paraphrasedIn', { in: s.in })}).`,
  );
}

function whatWouldChangeLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const title = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const words = (c: ChangeOut): string => t('report.changeWords', { term: c.term, to: c.toAnswer, from: c.fromAnswer });
  const out = [`## ${t('report.whatWouldChange')}`, ''];
  const w = r.whatWouldChange;
  if (w.primary.length === 0) out.push(t('report.noFlip'), '');
  else {
    out.push(t('report.flipIntro'), '');
    const byPrimary = new Map<string, string[]>();
    for (const f of w.primary)
      byPrimary.set(f.primary, [
        ...(byPrimary.get(f.primary) ?? []),
        f.changes.map(words).join(` ${t('report.and')} `),
      ]);
    for (const [p, list] of byPrimary) {
      out.push(`- ${t('report.flipTo', { title: title(p) })}`);
      for (const l of list) out.push(`  - ${l}`);
    }
    out.push('');
  }
  if (w.verdict.length > 0) {
    const verdictTitle = (id: string): string => rules.verdicts.find((v) => v.id === id)?.title ?? id;
    out.push(t('report.verdictFlipIntro'), '');
    const byVerdict = new Map<string, string[]>();
    for (const f of w.verdict)
      byVerdict.set(f.verdict, [
        ...(byVerdict.get(f.verdict) ?? []),
        f.changes.map(words).join(` ${t('report.and')} `),
      ]);
    for (const [v, list] of byVerdict) {
      out.push(`- ${t('report.verdictFlipTo', { title: verdictTitle(v) })}`);
      for (const l of list) out.push(`  - ${l}`);
    }
    out.push('');
  }
  if (w.mechanisms.length > 0) {
    out.push(t('report.pathsIntro'), '');
    for (const m of w.mechanisms) {
      const key = m.fewest === 1 ? 'report.pathOne' : m.fewest === 2 ? 'report.pathTwo' : 'report.pathNone';
      out.push(`- ${t(key, { title: title(m.mechanism) })}`);
      for (const o of m.options) out.push(`  - ${o.map(words).join(` ${t('report.and')} `)}`);
    }
    out.push('');
  }
  const resting = new Set([
    ...r.unknownsThatMatter.map((u) => u.question),
    ...r.unknownCombinations.flatMap((c) => c.changes.map((x) => x.question)),
  ]);
  if (resting.size === 0) out.push(t('report.unknownsDontMatter'), '');
  else {
    out.push(t('report.unknownsMatter', { count: resting.size }), '');
    for (const u of r.unknownsThatMatter)
      out.push(
        `- ${capital(u.term)}${t('words.colon')}${u.outcomes.map((o) => t('report.unknownOutcome', { answer: o.answer, title: title(o.primary) })).join(t('words.listSep'))}`,
      );
    for (const c of r.unknownCombinations)
      out.push(
        `- ${t('report.unknownTogether', { title: title(c.primary), changes: c.changes.map(words).join(` ${t('report.and')} `) })}`,
      );
    out.push('');
  }
  const example = w.primary[0]?.changes[0] ?? w.mechanisms.find((m) => m.options.length > 0)?.options[0]?.[0];
  if (example) out.push(t('report.replay', { set: example.set }), '');
  return out;
}

/** A rule set's folder in words: "built in", or "from folder rules-x" (see ruleSetFolder). */
export function describeFolder(rules: RuleBase, folder: string | null): string {
  return folder === null ? message(rules, 'report.ruleSetBuiltIn') : message(rules, 'report.ruleSetFolder', { folder });
}
