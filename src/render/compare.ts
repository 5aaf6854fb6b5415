import { cell } from '../core/markdown.js';
import type { MessageKey } from '../core/messages.js';
import { wording } from '../core/messages.js';
import type { Result } from '../core/assessment.js';
import { UNKNOWN, type RuleBase } from '../core/types.js';
import type { Comparison } from '../core/shapes/result.js';

export type { Comparison } from '../core/shapes/result.js';

const roleOf = (r: Result, id: string): string =>
  r.recommendations.find((x) => x.mechanism === id)?.role ??
  (r.alsoConsidered.some((x) => x.mechanism === id) ? 'also_considered' : 'not_recommended');

function diff(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  return { onlyA: a.filter((x) => !b.includes(x)), onlyB: b.filter((x) => !a.includes(x)) };
}

/** Two answer sets side by side: which answers, recommendations, cautions and actions differ. */
export function compareResults(rules: RuleBase, a: Result, b: Result, labels: [string, string]): Comparison {
  const answers = rules.questions
    .filter((q) => JSON.stringify(a.answers[q.id]) !== JSON.stringify(b.answers[q.id]))
    .map((q) => ({
      question: q.id,
      term: q.term,
      // A result holds every answer; one left out would be "unknown".
      a: a.answers[q.id] ?? UNKNOWN,
      b: b.answers[q.id] ?? UNKNOWN,
      aAnswer: a.answered.find((x) => x.id === q.id)!.answer,
      bAnswer: b.answered.find((x) => x.id === q.id)!.answer,
    }));
  const recommendations = rules.mechanisms
    .map((m) => ({ mechanism: m.id, a: roleOf(a, m.id), b: roleOf(b, m.id) }))
    .filter((x) => x.a !== x.b);
  const steps = (r: Result): string[] => [
    ...r.recommendations.flatMap((x) => x.steps),
    ...r.actions.flatMap((x) => x.steps),
  ];
  return {
    a: { label: labels[0], primary: a.primary },
    b: { label: labels[1], primary: b.primary },
    answers,
    primaryChanged: a.primary !== b.primary,
    recommendations,
    cautions: diff(
      a.cautions.map((c) => c.id),
      b.cautions.map((c) => c.id),
    ),
    actionSteps: diff(steps(a), steps(b)),
  };
}

export function comparisonMarkdown(rules: RuleBase, c: Comparison): string {
  const t = wording(rules);
  const mech = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const caution = (id: string): string => rules.cautions.find((m) => m.id === id)?.title ?? id;
  const role = (r: string): string => t(`explain.status.${r}` as MessageKey);

  // Short side names keep tables narrow; the legend says what A and B are.
  const A = 'A';
  const B = 'B';
  const out = [
    `# ${t('compare.title')}`,
    '',
    `- **A**${t('words.colon')}${cell(c.a.label)}`,
    `- **B**${t('words.colon')}${cell(c.b.label)}`,
    '',
    `## ${t('compare.answers')}`,
    '',
  ];
  if (c.answers.length === 0) out.push(t('compare.noAnswerDiff'));
  else {
    out.push(`| | ${cell(A)} | ${cell(B)} |`, '| --- | --- | --- |');
    for (const x of c.answers) out.push(`| ${cell(x.term)} | ${cell(x.aAnswer)} | ${cell(x.bAnswer)} |`);
  }
  out.push('', `## ${t('compare.primary')}`, '');
  out.push(
    c.primaryChanged
      ? `- ${cell(A)}: **${mech(c.a.primary)}**\n- ${cell(B)}: **${mech(c.b.primary)}**`
      : `**${mech(c.a.primary)}** (${t('compare.same')})`,
  );
  out.push('', `## ${t('compare.recommendations')}`, '');
  if (c.recommendations.length === 0) out.push(t('compare.noDiff'));
  for (const r of c.recommendations)
    out.push(
      `- ${t('compare.roleChange', { title: mech(r.mechanism), a: role(r.a), sideA: A, b: role(r.b), sideB: B })}`,
    );
  out.push('', `## ${t('compare.cautions')}`, '');
  const sides = (d: { onlyA: string[]; onlyB: string[] }, name: (s: string) => string): void => {
    if (d.onlyA.length + d.onlyB.length === 0) out.push(t('compare.noDiff'));
    for (const x of d.onlyA) out.push(`- ${name(x)} (${t('compare.onlyIn', { side: A })})`);
    for (const x of d.onlyB) out.push(`- ${name(x)} (${t('compare.onlyIn', { side: B })})`);
  };
  sides(c.cautions, caution);
  out.push('', `## ${t('compare.actions')}`, '');
  sides(c.actionSteps, (s) => s);
  out.push('');
  return out.join('\n');
}

/** The short "what changed" after a live change of answer: primary, roles, cautions. */
export function changeSummaryMarkdown(rules: RuleBase, c: Comparison): string {
  const t = wording(rules);
  const mech = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const caution = (id: string): string => rules.cautions.find((m) => m.id === id)?.title ?? id;
  const out = [`## ${t('interview.whatChanged')}`, ''];
  for (const a of c.answers)
    out.push(`- ${t('interview.changedWords', { term: a.term, to: a.bAnswer, from: a.aAnswer })}`);
  out.push('');
  out.push(
    c.primaryChanged
      ? t('compare.primaryNow', { from: mech(c.a.primary), to: mech(c.b.primary) })
      : t('compare.primarySame', { title: mech(c.a.primary) }),
  );
  for (const r of c.recommendations)
    out.push(
      `- ${mech(r.mechanism)}: ${t(`explain.status.${r.a}` as MessageKey)} → ${t(`explain.status.${r.b}` as MessageKey)}`,
    );
  for (const x of c.cautions.onlyB) out.push(`- ${t('compare.cautionAdded', { title: caution(x) })}`);
  for (const x of c.cautions.onlyA) out.push(`- ${t('compare.cautionRemoved', { title: caution(x) })}`);
  out.push('');
  return out.join('\n');
}
