import { cell } from '../core/markdown.js';
import { toFacts } from '../core/answers.js';
import { holdsOn } from '../core/conditions.js';
import { officialsComplicit } from '../core/sensitivity.js';
import type { ByAnswerName, DraftTextKey, PhraseName } from '../core/drafting.js';
import type { OutcomeText } from '../core/expectation.js';
import type { Outcome } from '../core/recommend.js';
import { NOT_APPLICABLE, UNKNOWN, type DraftVariant, type RuleBase, type VariantText } from '../core/types.js';

export const DRAFT_SECTIONS = ['hno', 'hrp', 'strategy'] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

export interface DraftIndicator {
  level: 'output' | 'outcome';
  text: string;
  /** Always a placeholder: the tool cannot know baselines or targets. */
  baseline: string;
  target: string;
}

/** A row of the coordination workplan: a task of the coordination structure and its milestones. */
export interface WorkplanRow {
  task: string;
  milestones: string[];
}

/** Paste-ready planning text for one response: every word comes from rules/drafting.en.json. */
export interface Draft {
  /** "safe" when the terminology caution applies: none of the drafting file's "avoid" words. */
  variant: DraftVariant;
  /** What the text is for, by the planning window answered: the drafting annex's title. */
  title: string;
  /** `gaps`: the HNO's "information gaps and limitations" paragraph. */
  hno: { title: string; where: string; text: string; gaps: string };
  /**
   * The logframe: `activities` are services partners deliver and donors fund, `indicators` count
   * people (outputs) or give the share whose situation changed (outcomes); `workplan` holds the
   * coordination tasks, never logframe lines; `notCounted` says what is counted elsewhere.
   */
  hrp: {
    title: string;
    where: string;
    objective: string;
    activities: string[];
    indicators: DraftIndicator[];
    notCounted?: string;
    workplan: WorkplanRow[];
  };
  /** `hct` only where the HCT step of the strategy-inclusion mechanism applies. */
  strategy: { title: string; where: string; cluster: string; hct?: string; hctLabel?: string };
  /** Source ids the drafting conventions rest on. */
  sources: string[];
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Child recruitment and child marriage are GPC risks of their own: named as such, never counted under this one. */
const OWN_RISKS = ['child_recruitment', 'forced_marriage'] as const;
/** Armed groups and state or allied forces, named together as a public plan would name them. */
const STATE_FORCES = 'state_forces';
const ARMED_GROUPS = 'non_state_armed_groups';

/**
 * The stage of the response that changes what a plan says: the contingency plan before a crisis,
 * the hand-over in transition, or an exit that gives the authorities nothing where officials are
 * suspected of complicity; undefined otherwise.
 */
export function phaseStage(
  phase: unknown,
  complicit: boolean,
): 'preparedness' | 'transition' | 'transitionComplicit' | undefined {
  if (phase === 'preparedness') return 'preparedness';
  if (phase === 'transition') return complicit ? 'transitionComplicit' : 'transition';
  return undefined;
}

/** The words a draft is made of, for one result: texts in its variant, answers in words, and the phrases from the answers. */
function drafter(rules: RuleBase, r: Outcome) {
  const d = rules.drafting;
  const variant: DraftVariant = r.cautions.some((c) => c.id === 'terminology') ? 'safe' : 'standard';
  const fill = (text: string, vars: Record<string, string>): string =>
    text
      .replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m)
      // Optional parts left empty must not leave double spaces.
      .replace(/ {2,}/g, ' ')
      .trim();
  const t = (key: DraftTextKey, vars: Record<string, string> = {}): string => fill(d.texts[key]![variant], vars);
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
  /** A list answer's values, or undefined when it is unknown or skipped. */
  const known = (name: ByAnswerName): string[] | undefined => {
    const v = answerOf(name);
    return Array.isArray(v) && !v.includes(UNKNOWN) && !v.includes(NOT_APPLICABLE) ? v.map(String) : undefined;
  };
  const phrases = answerPhrases(d, r, t, and, by, known);
  return { d, variant, fill, t, answerOf, by, and, known, phrases };
}

/** The response's planning documents in short ("RRP or JRP", "HNO and HRP, or HNRP", the contingency plan before a crisis). */
export function planDocuments(rules: RuleBase, r: Outcome): string {
  return drafter(rules, r).phrases.docs;
}

/** The drafting text for a result. Pure: the result and the rule base in, text out. */
export function buildDraft(rules: RuleBase, r: Outcome): Draft {
  const { d, variant, fill, t, answerOf, by, and, known, phrases } = drafter(rules, r);
  // Which conditional texts apply, as the evaluation decided: nothing is re-checked here.
  const applies = r.drafting;
  /** A list answer in words, or the text for "none" / "unknown". */
  const listAnswer = (name: ByAnswerName, some: DraftTextKey, none: DraftTextKey, unknown: DraftTextKey): string => {
    const v = known(name);
    if (!v) return t(unknown);
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
  const formsAnswer = known('form');
  const isOwnRisk = (f: string): boolean => (OWN_RISKS as readonly string[]).includes(f);
  const ownRisk = formsAnswer?.some(isOwnRisk) ?? false;
  const forms = (): string => {
    if (!formsAnswer) return t('hno.formsUnknown');
    const here = formsAnswer.filter((x) => !isOwnRisk(x));
    if (here.length === 0) return t('hno.formsNone');
    return t('hno.forms', { list: and(here.map((x) => by('form', x))) });
  };
  /** Who exploits: kinds of perpetrators as answered, never names; a placeholder when not answered. */
  const threat = (): string => {
    const v = known('perpetrator');
    if (!v || v.length === 0) return t('hno.threat');
    const kinds = v.includes(STATE_FORCES) ? v.filter((x) => x !== ARMED_GROUPS) : v;
    return t('hno.threatKnown', {
      list: and(kinds.map((x) => (x === STATE_FORCES ? t('hno.armedActors') : by('perpetrator', x)))),
    });
  };
  const hno = t('hno.paragraph', {
    label: t('hno.label'),
    scale: by('scale', answerOf('scale')),
    threat: threat(),
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

  const phase = String(r.answers.phase ?? UNKNOWN);
  const complicit = officialsComplicit(r.answers);
  const { needs, plan } = phrases;
  const put = (text: VariantText): string => fill(text[variant], phrases);

  const groups = known('group');
  const facts = toFacts(rules, r.answers);
  const recommended = new Set(r.recommendations.map((m) => m.mechanism));
  const services = d.services.filter(
    (s) =>
      (!s.when || holdsOn(s.when, facts)) && (!s.withMechanisms || s.withMechanisms.some((m) => recommended.has(m))),
  );
  const indicators: DraftIndicator[] = [];
  for (const i of services.flatMap((s) => s.indicators)) {
    const text = put(i.text);
    if (!indicators.some((x) => x.text === text))
      indicators.push({
        level: i.level,
        text,
        baseline: t('hrp.baselinePlaceholder'),
        target: t('hrp.targetPlaceholder'),
      });
  }
  // Outputs first, then outcomes, each in the order of the services.
  indicators.sort((a, b) => (a.level === b.level ? 0 : a.level === 'output' ? -1 : 1));

  const workplan: WorkplanRow[] = [];
  const addRow = (task: VariantText | undefined, milestones: VariantText[]): void => {
    if (!task) return;
    const row = { task: put(task), milestones: milestones.map(put) };
    if (!workplan.some((x) => x.task === row.task)) workplan.push(row);
  };
  for (const m of r.recommendations) {
    const def = d.mechanisms[m.mechanism]!;
    addRow(m.existing ? (def.taskExisting ?? def.task) : def.task, def.milestones);
  }
  for (const a of r.actions) addRow(d.actions[a.id]?.task, d.actions[a.id]?.milestones ?? []);

  const stage = phaseStage(phase, complicit);
  const phaseNote = stage ? t(`hrp.phase.${stage}`) : '';
  const strategyPhase = stage ? t(`strategy.phase.${stage}`) : '';

  const body = by('body', answerOf('body'));
  const mechanisms = r.recommendations.map((m) => d.mechanisms[m.mechanism]!);
  const complementary = mechanisms.slice(1).map((m) => put(m.approach));
  const hct = applies.hct;
  const window = String(r.answers.planningWindow);

  return {
    variant,
    title: t(
      window === 'hno_hrp_drafting' || window === 'strategy_review' ? `annex.window.${window}` : 'annex.window.other',
      { docs: phrases.docs },
    ),
    hno: { title: t('hno.title', { needs }), where: t('hno.where', { needs }), text: hno, gaps },
    hrp: {
      title: t('hrp.title', { plan }),
      where: [t('hrp.where', { plan }), phaseNote].filter(Boolean).join(' '),
      objective: t('hrp.objective', {
        groups:
          groups && groups.length > 0
            ? t('hrp.groups', { list: and(groups.map((g) => by('group', g))) })
            : t('hrp.groupsAll'),
      }),
      activities: services.map((s) => put(s.activity)),
      indicators,
      ...(ownRisk
        ? {
            notCounted: OWN_RISKS.filter((f) => formsAnswer?.includes(f))
              .map((f) => t(`hrp.notCounted.${f}` as DraftTextKey))
              .join(' '),
          }
        : {}),
      workplan,
    },
    strategy: {
      title: t('strategy.title'),
      where: t('strategy.where'),
      cluster: t('strategy.cluster', {
        body,
        // recommendations list the primary first.
        primary: put(mechanisms[0]!.approach),
        alongside: complementary.length > 0 ? t('strategy.alongside', { list: and(complementary, true) }) : '',
        commitments: [
          ...r.cautions.flatMap((c) => (d.cautions[c.id] ? [put(d.cautions[c.id]!.commitment)] : [])),
          // Sexual exploitation in a response can be by aid workers: the PSEA network's channel takes those reports.
          ...(holdsOn(d.pseaWhen, facts) ? [t('strategy.psea')] : []),
        ].join(' '),
        phase: strategyPhase,
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

/**
 * The phrases the texts of services, mechanisms, actions and cautions may hold, from the
 * answers: the plan names by response type and phase (the contingency plan before a crisis, a
 * Flash Appeal in an acute IDP response), who neither AoR reaches, and which case management
 * reaches the people affected.
 */
function answerPhrases(
  d: RuleBase['drafting'],
  r: Outcome,
  t: (key: DraftTextKey, vars?: Record<string, string>) => string,
  and: (items: string[]) => string,
  by: (name: ByAnswerName, value: unknown) => string,
  known: (name: ByAnswerName) => string[] | undefined,
): Record<PhraseName, string> {
  const responseType = String(r.answers[d.byAnswer.needs!.question] ?? UNKNOWN);
  const phase = r.answers.phase;
  const acute = phase === 'acute' && (responseType === 'idp_cluster' || responseType === UNKNOWN);
  const plans = (name: 'needs' | 'plan' | 'docs'): string =>
    phase === 'preparedness' ? t(`${name}.preparedness`) : acute ? t(`${name}.acute`) : by(name, responseType);

  const groups = known('group');
  const forms = known('form') ?? [];
  const has = (g: string): boolean => groups?.includes(g) ?? false;
  const outside: string[] = [];
  if (forms.includes('forced_labour')) {
    if (!groups || (has('men') && has('women'))) outside.push(t('outside.adultsLabour'));
    else if (has('men')) outside.push(t('outside.menLabour'));
    else if (has('women')) outside.push(t('outside.womenLabour'));
  } else if (has('men')) outside.push(t('outside.men'));
  if (forms.includes('domestic_servitude')) outside.push(t('outside.domestic'));

  // GBV case management for women and girls, child protection for children, general protection for
  // adults outside both; all three while the groups are not known.
  const aorActive = (id: string): boolean => r.answers[id] !== 'absent';
  const routes: string[] = [];
  if ((!groups || has('women') || has('girls')) && aorActive('gbvAor')) routes.push(t('routes.gbv'));
  if ((!groups || has('girls') || has('boys')) && aorActive('cpAor')) routes.push(t('routes.cp'));
  if (!groups || has('men') || forms.some((f) => f === 'forced_labour' || f === 'domestic_servitude'))
    routes.push(t('routes.general'));
  return {
    needs: plans('needs'),
    plan: plans('plan'),
    docs: plans('docs'),
    outside: outside.length > 0 ? and(outside) : t('outside.any'),
    routes: routes.length > 0 ? t('routes.some', { list: and(routes) }) : t('routes.any'),
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
    if (x.notCounted) out.push(x.notCounted, '');
    if (x.workplan.length > 0) {
      out.push(`**${t('hrp.workplanLabel')}**`, '');
      out.push(`| ${t('hrp.task')} | ${t('hrp.milestone')} |`, '| --- | --- |');
      for (const w of x.workplan)
        out.push(
          `| ${cell(w.task)} | ${cell(w.milestones.join(rules.drafting.texts['list.sepLong']![draft.variant]))} |`,
        );
      out.push('');
    }
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
