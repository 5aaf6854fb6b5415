import { sourceEntry } from '../core/sources.js';
import type { MessageKey } from '../core/messages.js';
import type { Answers } from '../core/answers.js';
import { describeAnswer, describeCondition } from '../core/explain.js';
import { EXPECT_KEYS } from '../core/expectation.js';
import { type Expectation } from '../core/types.js';
import type { LintResult } from './lint.js';
import { cell, escapeInline } from '../core/markdown.js';
import { RUN_BUDGET } from '../core/search.js';
import { isAlwaysTrue } from '../core/conditions.js';
import { isOrdered } from '../core/lookup.js';
import { message, wording } from '../core/messages.js';
import type { Citation, Condition, Item, RuleBase, RuleDef } from '../core/types.js';

/**
 * The rule base as a review document (`tip-coord rules doc`): decision tables in plain words
 * per mechanism, caution and action, the order of primary rules and where they overlap, the
 * consistency checks, the questions and the sources. No date in it: the same rules give the
 * same document, so two versions can be compared line by line.
 */
export function buildRuleDoc(rules: RuleBase, lint: LintResult, toolVersion: string): string {
  const t = wording(rules);
  const out: string[] = [];
  const push = (...lines: string[]): void => void out.push(...lines);
  const items = [...rules.mechanisms, ...rules.cautions, ...rules.actions, ...rules.verdicts];

  push(`# ${t('doc.title', { name: escapeInline(rules.name), version: escapeInline(rules.version) })}`, '');
  push(
    `> ${t('doc.stamp', {
      hash: rules.hash.slice(0, 12),
      mechanisms: rules.mechanisms.length,
      cautions: rules.cautions.length,
      actions: rules.actions.length,
      rules: items.reduce((n, i) => n + i.rules.length, 0),
      questions: rules.questions.length,
      toolVersion,
    })}`,
  );
  if (rules.basedOn)
    push('>', `> ${t('doc.basedOn', { name: escapeInline(rules.basedOn.name), version: escapeInline(rules.basedOn.version), hash: rules.basedOn.hash.slice(0, 12) })}`);
  push('', t('doc.intro'), '');

  push(`## ${t('doc.primaryOrder')}`, '', t('doc.primaryOrderText'), '');
  push(`| ${t('doc.order')} | ${t('doc.rule')} | ${t('doc.mechanism')} | ${t('doc.conditions')} |`, '| --- | --- | --- | --- |');
  for (const { item, rule } of lint.primaries)
    push(`| ${rule.order} | ${cell(rule.title)} (\`${rule.id}\`) | ${cell(item.title)} | ${conditionCell(rules, rule.conditions)} |`);
  push('', `### ${t('doc.overlaps')}`, '');
  if (lint.unchecked > 0) push(`> ${t('doc.unchecked', { steps: RUN_BUDGET, unchecked: lint.unchecked })}`, '');
  if (lint.overlaps.length === 0) {
    if (lint.unchecked === 0) push(t('doc.noOverlaps'), '');
  }
  else {
    push(t('doc.overlapsText'), '');
    for (const o of lint.overlaps)
      push(
        `- ${t('doc.overlapLine', {
          first: o.first.rule.id,
          firstOrder: o.first.rule.order,
          second: o.second.rule.id,
          secondOrder: o.second.rule.order,
          example: answersInWords(rules, o.example),
        })}`,
      );
    push('');
  }

  const sections: Array<[MessageKey, Item[]]> = [
    ['doc.mechanisms', rules.mechanisms],
    ['report.cautions', rules.cautions],
    ['report.actions', rules.actions],
    ['report.existingReview', rules.verdicts],
  ];
  for (const [heading, list] of sections) {
    push(`## ${t(heading)}`, '');
    for (const item of list) push(...itemSection(rules, item));
  }

  push(`## ${t('doc.invariants')}`, '');
  if (rules.invariants.length === 0) push(t('doc.noInvariants'), '');
  else {
    push(t('doc.invariantsText'), '', `| ${t('doc.check')} | ${t('doc.when')} | ${t('doc.expected')} |`, '| --- | --- | --- |');
    for (const inv of rules.invariants)
      push(`| ${cell(inv.description)} (\`${inv.id}\`) | ${conditionCell(rules, inv.when)} | ${cell(expectationInWords(rules, inv.expect))} |`);
    push('');
  }

  push(`## ${t('doc.questions')}`, '', `| ${t('report.question')} | id | ${t('doc.answers')} |`, '| --- | --- | --- |');
  for (const q of rules.questions)
    push(`| ${cell(q.label)} | \`${q.id}\` | ${cell([...q.choices.map((c) => `${c.label} (\`${String(c.value)}\`)`), rules.unknownLabel].join('; '))} |`);
  push('');

  push(`## ${t('report.sourcesCited')}`, '', t('report.sourcesNote'), '');
  const cited = new Set(items.flatMap((i) => [...i.citations, ...i.rules.flatMap((r) => r.citations)]).map((c) => c.source));
  for (const s of [...rules.sources.values()].filter((x) => cited.has(x.id)))
    push(`- **${s.id}**${message(rules, 'words.colon')}${sourceEntry(rules, s)}`);
  push('');
  return out.join('\n');
}

function itemSection(rules: RuleBase, item: Item): string[] {
  const t = wording(rules);
  const out = [`### ${item.title} (\`${item.id}\`)`, '', item.summary, ''];
  out.push(`| ${t('doc.rule')} | ${t('doc.conditions')} | ${t('doc.outcome')} | ${t('report.sources')} |`, '| --- | --- | --- | --- |');
  for (const rule of item.rules)
    out.push(
      `| **${cell(rule.title)}** (\`${rule.id}\`) | ${conditionCell(rules, rule.conditions)} | ${cell(outcomeOf(rules, item, rule))} | ${[...new Set(rule.citations.map((c) => c.source))].join(', ')} |`,
    );
  out.push('', `**${t('doc.rationales')}**`, '');
  for (const rule of item.rules) {
    const basis = t(rule.basis === 'source' ? 'doc.basisSource' : 'report.inference');
    out.push(`- \`${rule.id}\` (${basis}): ${rule.rationale}`, ...citationLines(rules, rule.citations, '  '));
  }
  if (item.steps.length > 0) {
    out.push('', `**${t('doc.steps')}**`, '');
    item.steps.forEach((step, i) =>
      out.push(`${i + 1}. ${step.text}${step.when ? ` *(${t('doc.onlyWhen', { conditions: conditionInline(rules, step.when) })})*` : ''}`),
    );
  }
  if (item.citations.length > 0) out.push('', `**${t('doc.itemSources')}**`, '', ...citationLines(rules, item.citations, ''));
  out.push('');
  return out;
}

function citationLines(rules: RuleBase, citations: Citation[], pad: string): string[] {
  return citations.map(
    (c) => `${pad}- **${c.source}**${message(rules, 'words.colon')}${c.point}${c.in ? ` (${message(rules, 'report.sourceSee', { in: c.in })})` : ''}.`,
  );
}

function outcomeOf(rules: RuleBase, item: Item, rule: RuleDef): string {
  const t = wording(rules);
  if (item.kind === 'caution') return t('doc.outcomeCaution');
  if (item.kind === 'action') return t('doc.outcomeAction');
  if (rule.role !== 'primary' || !isOrdered(rule)) return t('doc.outcomeComplementary');
  return t(isAlwaysTrue(rule.conditions) ? 'doc.outcomeFallback' : 'doc.outcomePrimary', { order: rule.order });
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A condition for a table cell: a top-level group as a list of lines, nested groups inline. */
function conditionCell(rules: RuleBase, c: Condition): string {
  if (isAlwaysTrue(c)) return cell(message(rules, 'report.always'));
  if (('all' in c && c.all.length > 1) || ('any' in c && c.any.length > 1)) {
    const [head, children] = 'all' in c ? (['report.allOf', c.all] as const) : (['report.anyOf', c.any] as const);
    return [capital(message(rules, head)), ...children.map((ch) => `• ${cell(conditionInline(rules, ch))}`)].join('<br>');
  }
  return cell(conditionInline(rules, c));
}

/** A condition in one line of plain words. */
export function conditionInline(rules: RuleBase, c: Condition, nested = false): string {
  if ('fact' in c) return describeCondition(rules, c);
  if (isAlwaysTrue(c)) return message(rules, 'report.always');
  const [head, children] = 'all' in c ? (['report.allOf', c.all] as const) : 'any' in c ? (['report.anyOf', c.any] as const) : (['report.noneOf', [c.not]] as const);
  const [only] = children;
  if (only && children.length === 1 && head !== 'report.noneOf') return conditionInline(rules, only, nested);
  const text = `${message(rules, head)} ${children.map((ch) => conditionInline(rules, ch, true)).join('; ')}`;
  return nested ? `(${text})` : capital(text);
}

function answersInWords(rules: RuleBase, answers: Answers): string {
  return Object.entries(answers)
    .map(([id, v]) => `${rules.questionById.get(id)?.term ?? id}: “${describeAnswer(rules, id, v)}”`)
    .join('; ');
}

function expectationInWords(rules: RuleBase, e: Expectation): string {
  return EXPECT_KEYS.flatMap((k) => {
    const v = e[k];
    return v === undefined ? [] : [[k, v] as const];
  })
    .map(([k, v]) => {
      if (typeof v === 'boolean') return message(rules, `doc.expect.${k}`, { list: message(rules, v ? 'words.yes' : 'words.no') });
      if (k === 'textExcludes') return message(rules, `doc.expect.${k}`, { list: [v].flat().map((x) => `“${x}”`).join('; ') });
      const list =
        k === 'cautions' || k === 'noCautions'
          ? rules.cautions
          : k === 'verdict'
            ? rules.verdicts
            : k === 'actions'
              ? rules.actions
              : rules.mechanisms;
      const titles = [v].flat().map((id) => list.find((i) => i.id === id)?.title ?? id);
      return message(rules, `doc.expect.${k}`, { list: titles.join('; ') });
    })
    .join('; ');
}
