import { cell } from '../core/markdown.js';
import type { ByAnswerName, DraftTextKey } from '../core/drafting.js';
import type { OutcomeText } from '../core/expectation.js';
import { DRAFTING, type Outcome } from '../core/recommend.js';
import { NOT_APPLICABLE, UNKNOWN, type DraftVariant, type IndicatorDef, type RuleBase } from '../core/types.js';

export const DRAFT_SECTIONS = ['hno', 'hrp', 'strategy'] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

export interface DraftIndicator {
  level: 'output' | 'outcome';
  text: string;
  /** Always a placeholder: the tool cannot know baselines or targets. */
  baseline: string;
  target: string;
}

/** Paste-ready planning text for one response: every word comes from rules/drafting.en.json. */
export interface Draft {
  /** "safe" when the terminology caution applies: none of the drafting file's "avoid" words. */
  variant: DraftVariant;
  /** `gaps`: the HNO's "information gaps and limitations" paragraph. */
  hno: { title: string; where: string; text: string; gaps: string };
  /** `milestones`: yes/no coordination steps, for the coordination workplan rather than the logframe. */
  hrp: {
    title: string;
    where: string;
    objective: string;
    activities: string[];
    indicators: DraftIndicator[];
    milestones: string[];
  };
  /** `hct` only where the HCT step of the strategy-inclusion mechanism applies. */
  strategy: { title: string; where: string; cluster: string; hct?: string; hctLabel?: string };
  /** Source ids the drafting conventions rest on. */
  sources: string[];
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The drafting text for a result. Pure: the result and the rule base in, text out. */
export function buildDraft(rules: RuleBase, r: Outcome): Draft {
  const d = rules.drafting;
  const variant: DraftVariant = r.cautions.some((c) => c.id === 'terminology') ? 'safe' : 'standard';
  // Which conditional texts apply, as the evaluation decided: nothing is re-checked here.
  const applies = r[DRAFTING];
  const t = (key: DraftTextKey, vars: Record<string, string> = {}): string =>
    d.texts[key]![variant].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m)
      // Optional parts left empty must not leave double spaces.
      .replace(/ {2,}/g, ' ')
      .trim();
  const answerOf = (name: ByAnswerName) => r.answers[d.byAnswer[name]!.question] ?? UNKNOWN;
  const by = (name: ByAnswerName, value: unknown): string => d.byAnswer[name]!.texts[String(value)]?.[variant] ?? '';
  const and = (items: string[], long = false): string =>
    items.length <= 1
      ? items.join('')
      : t(long ? 'list.andLong' : 'list.and', {
          // The separator between long items is language-dependent ("; " in English, " ; " with a no-break space in French).
          head: items.slice(0, -1).join(long ? d.texts['list.sepLong']![variant] : ', '),
          last: items[items.length - 1]!,
        });
  /** A list answer in words, or the text for "none" / "unknown". */
  const listAnswer = (name: ByAnswerName, some: DraftTextKey, none: DraftTextKey, unknown: DraftTextKey): string => {
    const v = answerOf(name);
    if (!Array.isArray(v) || v.includes(UNKNOWN)) return t(unknown);
    if (v.length === 0) return t(none);
    return t(some, { list: and(v.map((x) => by(name, x))) });
  };

  /** The actors, a list answer since answers version 2: one sentence each; none known has its own; unknown says nothing. */
  const actorsText = (): string => {
    const v = answerOf('actors');
    if (!Array.isArray(v)) return by('actors', v);
    if (v.includes(UNKNOWN) || v.includes(NOT_APPLICABLE)) return '';
    if (v.length === 0) return t('hno.actorsNone');
    return v.map((x) => by('actors', x)).join(' ');
  };
  // Child recruitment and child marriage are GPC risks of their own: named as such, never counted under this one.
  const OWN_RISKS = ['child_recruitment', 'forced_marriage'];
  const formsAnswer = answerOf('form');
  const ownRisk = Array.isArray(formsAnswer) && formsAnswer.some((f) => OWN_RISKS.includes(String(f)));
  const forms = (): string => {
    const v = answerOf('form');
    if (!Array.isArray(v) || v.includes(UNKNOWN)) return t('hno.formsUnknown');
    const here = v.filter((x) => !OWN_RISKS.includes(String(x)));
    if (here.length === 0) return t('hno.formsNone');
    return t('hno.forms', { list: and(here.map((x) => by('form', x))) });
  };
  const hno = t('hno.paragraph', {
    label: t('hno.label'),
    scale: by('scale', answerOf('scale')),
    threat: t('hno.threat'),
    forms: forms(),
    groups: listAnswer('group', 'hno.groups', 'hno.groupsNone', 'hno.groupsUnknown'),
    children: applies.children ? t('hno.children') : '',
    related: ownRisk ? t('hno.related') : '',
    drivers: t('hno.drivers'),
    areas: t('hno.areas'),
    trend: t('hno.trend'),
    actors: actorsText(),
    referral: by('referral', answerOf('referral')),
  });
  const gaps = t('hno.gaps', {
    evidence: by('evidence', answerOf('evidence')),
    limits: by('limits', answerOf('limits')),
    small: t('hno.small'),
  });
  // Plan names follow the response type, and an acute IDP response starts with a Flash Appeal.
  const responseType = String(answerOf('needs'));
  const acute = r.answers.phase === 'acute' && (responseType === 'idp_cluster' || responseType === UNKNOWN);
  const needs = acute ? t('needs.acute') : by('needs', responseType);
  const plan = acute ? t('plan.acute') : by('plan', responseType);

  const groups = answerOf('group');
  const knownGroups = Array.isArray(groups) && groups.length > 0 && !groups.includes(UNKNOWN);
  // A mechanism that is there only because it is in place (no rule calls for it) adds nothing to plan or fund.
  const mechanisms = r.recommendations.filter((m) => !m.byReview).map((m) => d.mechanisms[m.mechanism]!);
  const actions = r.actions.map((a) => d.actions[a.id]!);
  const indicators: DraftIndicator[] = [];
  const milestones: string[] = [];
  const add = (i: IndicatorDef): void => {
    const text = i.text[variant];
    if (i.level === 'milestone') {
      if (!milestones.includes(text)) milestones.push(text);
      return;
    }
    if (!indicators.some((x) => x.text === text))
      indicators.push({
        level: i.level as 'output' | 'outcome',
        text,
        baseline: t('hrp.baselinePlaceholder'),
        target: t('hrp.targetPlaceholder'),
      });
  };
  for (const x of [...mechanisms, ...actions]) x.indicators.forEach(add);

  const body = by('body', answerOf('body'));
  const complementary = mechanisms.slice(1).map((m) => m.approach[variant]);
  const hct = applies.hct;

  return {
    variant,
    hno: { title: t('hno.title', { needs }), where: t('hno.where', { needs }), text: hno, gaps },
    hrp: {
      title: t('hrp.title', { plan }),
      where: t('hrp.where', { plan }),
      objective: t('hrp.objective', {
        groups: knownGroups ? t('hrp.groups', { list: and(groups.map((g) => by('group', g))) }) : t('hrp.groupsAll'),
      }),
      activities: [...mechanisms, ...actions].map((x) => x.activity[variant]),
      indicators,
      milestones,
    },
    strategy: {
      title: t('strategy.title'),
      where: t('strategy.where'),
      cluster: t('strategy.cluster', {
        body,
        // recommendations list the primary first.
        primary: mechanisms[0]!.approach[variant],
        alongside: complementary.length > 0 ? t('strategy.alongside', { list: and(complementary, true) }) : '',
        commitments: r.cautions.flatMap((c) => d.cautions[c.id]?.commitment[variant] ?? []).join(' '),
      }),
      ...(hct
        ? {
            hct: t('strategy.hct', {
              body,
              leaders: by('leaders', answerOf('leaders')),
              strategy: by('strategy', answerOf('strategy')),
            }),
            hctLabel: capitalise(by('strategy', answerOf('strategy'))),
          }
        : {}),
    },
    sources: [...new Set(d.citations.map((c) => c.source))],
  };
}

/** The draft as markdown: headings at `level`, only the sections asked for, in their fixed order. */
export function draftMarkdown(
  rules: RuleBase,
  draft: Draft,
  opts: { sections?: readonly DraftSection[]; level?: number } = {},
): string {
  const sections = opts.sections ?? DRAFT_SECTIONS;
  const h = '#'.repeat(opts.level ?? 2);
  const t = (key: DraftTextKey): string => rules.drafting.texts[key]![draft.variant];

  const out: string[] = [];
  if (sections.includes('hno'))
    out.push(`${h} ${draft.hno.title}`, '', `*${draft.hno.where}*`, '', draft.hno.text, '', draft.hno.gaps, '');
  if (sections.includes('hrp')) {
    const x = draft.hrp;
    out.push(`${h} ${x.title}`, '', `*${x.where}*`, '', `**${t('hrp.objectiveLabel')}.** ${x.objective}`, '');
    out.push(`**${t('hrp.activitiesLabel')}**`, '', ...x.activities.map((a) => `- ${a}`), '');
    out.push(
      `**${t('hrp.indicatorsLabel')}**`,
      '',
      `| ${t('hrp.indicator')} | ${t('hrp.level')} | ${t('hrp.baseline')} | ${t('hrp.target')} |`,
      '| --- | --- | --- | --- |',
    );
    for (const i of x.indicators)
      out.push(
        `| ${cell(i.text)} | ${t(i.level === 'output' ? 'hrp.output' : 'hrp.outcome')} | ${i.baseline} | ${i.target} |`,
      );
    out.push('');
    if (x.milestones.length > 0)
      out.push(`**${t('hrp.workplanLabel')}**`, '', ...x.milestones.map((m) => `- ${m}`), '');
  }
  if (sections.includes('strategy')) {
    const x = draft.strategy;
    out.push(`${h} ${x.title}`, '', `*${x.where}*`, '', `**${t('strategy.clusterLabel')}.** ${x.cluster}`, '');
    if (x.hct) out.push(`**${x.hctLabel}.** ${x.hct}`, '');
  }
  return out.join('\n');
}

/** The draft limited to some sections, for `draft --format json`. */
export function draftSections(draft: Draft, sections: readonly DraftSection[]): Partial<Draft> {
  const out: Partial<Draft> = { variant: draft.variant };
  for (const s of sections) Object.assign(out, { [s]: draft[s] });
  out.sources = draft.sources;
  return out;
}

/** The whole drafting text of an outcome, for the text invariants (rules/invariants.json) and scenarios. */
export function outcomeText(rules: RuleBase, outcome: Outcome): OutcomeText {
  const draft = buildDraft(rules, outcome);
  return { drafting: draftMarkdown(rules, draft), variant: draft.variant, avoid: rules.drafting.avoid };
}
