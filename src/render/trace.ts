import type { Evaluation } from '../core/evaluate.js';
import { RESPONSE_TYPE, rulesForResponse } from '../core/response-wording.js';
import { ruleWhy, recommend } from '../core/recommend.js';
import { whyLines } from './report.js';
import { wording } from '../core/messages.js';
import type { RuleBase } from '../core/types.js';
import type { ItemTrace, Trace, TraceStatus } from '../core/shapes/result.js';

export type { ItemTrace, Trace, TraceStatus } from '../core/shapes/result.js';

export function buildTrace(ruleBase: RuleBase, e: Evaluation, only?: string): Trace {
  const rules = rulesForResponse(ruleBase, e.answers[RESPONSE_TYPE]);
  const outcome = recommend(rules, e);
  const passed = new Set(e.rules.filter((t) => t.passed).map((t) => t.rule.id));
  const order = rules.mechanisms
    .flatMap((m) =>
      m.rules
        .filter((r) => r.role === 'primary')
        .map((r) => ({
          rule: r.id,
          mechanism: m.id,
          order: r.order!,
          met: passed.has(r.id),
          decides: r.id === outcome.decidedBy,
        })),
    )
    .sort((a, b) => a.order - b.order);
  const statusOf = (id: string, kind: 'mechanism' | 'caution'): TraceStatus => {
    if (kind === 'caution') return outcome.cautions.some((c) => c.id === id) ? 'applies' : 'does_not_apply';
    return (
      outcome.recommendations.find((r) => r.mechanism === id)?.role ??
      (outcome.alsoConsidered.some((r) => r.mechanism === id) ? 'also_considered' : 'not_recommended')
    );
  };
  const items: ItemTrace[] = [...rules.mechanisms, ...rules.cautions]
    .filter((i) => only === undefined || i.id === only)
    .map((i) => {
      const kind = i.kind === 'mechanism' ? 'mechanism' : 'caution';
      return {
        id: i.id,
        kind,
        title: i.title,
        status: statusOf(i.id, kind),
        rules: e.rules.filter((t) => t.item === i).map((t) => ruleWhy(rules, t)),
      };
    });
  const review =
    outcome.review && (only === undefined || rules.verdicts.some((v) => v.id === only))
      ? {
          verdict: outcome.review.verdict,
          decidedBy: outcome.review.decidedBy,
          order: rules.verdicts
            .flatMap((v) =>
              v.rules.map((r) => ({
                rule: r.id,
                verdict: v.id,
                order: r.order!,
                met: passed.has(r.id),
                decides: r.id === outcome.review!.decidedBy,
              })),
            )
            .sort((a, b) => a.order - b.order),
          items: rules.verdicts
            .filter((v) => only === undefined || v.id === only)
            .map((v) => ({
              id: v.id,
              kind: 'verdict' as const,
              title: v.title,
              status: (v.id === outcome.review!.verdict ? 'chosen' : 'not_chosen') as TraceStatus,
              rules: e.rules.filter((t) => t.item === v).map((t) => ruleWhy(rules, t)),
            })),
        }
      : undefined;
  return { primary: outcome.primary, decidedBy: outcome.decidedBy, ...(review ? { review } : {}), order, items };
}

export function traceMarkdown(rules: RuleBase, tr: Trace): string {
  const t = wording(rules);
  const title = (id: string): string => rules.mechanisms.find((m) => m.id === id)?.title ?? id;
  const out: string[] = [];
  if (tr.review) {
    const verdictTitle = (id: string): string => rules.verdicts.find((v) => v.id === id)?.title ?? id;
    out.push(
      `# ${t('explain.reviewTitle', { title: verdictTitle(tr.review.verdict) })}`,
      '',
      t('explain.verdictOrderIntro'),
      '',
    );
    tr.review.order.forEach((o, i) => {
      const state = t(o.met ? 'report.met' : 'report.notMet');
      out.push(
        `${i + 1}. \`${o.rule}\` (${verdictTitle(o.verdict)}): ${state}${o.decides ? ` ← ${t('explain.decides')}` : ''}`,
      );
    });
    out.push('');
    for (const item of tr.review.items) {
      out.push(`## ${item.title}: ${t(`explain.status.${item.status}`)}`, '');
      for (const w of item.rules) out.push(...whyLines(rules, w));
      out.push('');
    }
  }
  out.push(`# ${t('explain.title', { title: title(tr.primary) })}`, '', t('explain.orderIntro'), '');
  tr.order.forEach((o, i) => {
    const state = t(o.met ? 'report.met' : 'report.notMet');
    out.push(
      `${i + 1}. \`${o.rule}\` (${title(o.mechanism)}): ${state}${o.decides ? ` ← ${t('explain.decides')}` : ''}`,
    );
  });
  out.push('');
  for (const item of tr.items) {
    out.push(`## ${item.title}: ${t(`explain.status.${item.status}`)}`, '');
    for (const w of item.rules) out.push(...whyLines(rules, w));
    out.push('');
  }
  return out.join('\n');
}
