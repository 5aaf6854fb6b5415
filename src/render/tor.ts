import { formatDate } from '../core/lang.js';
import { counted, wording, type MessageKey } from '../core/messages.js';
import { RESPONSE_TYPE, rulesForResponse } from '../core/response-wording.js';
import { officialsComplicit } from '../core/sensitivity.js';
import { phaseStage, planDocuments } from './draft.js';
import type { Result } from '../core/assessment.js';
import { NOT_APPLICABLE, UNKNOWN, type RuleBase } from '../core/types.js';

/** The mechanisms a terms of reference is written for. */
const GROUP_MECHANISMS = new Set(['working_group']);

/** Whether the result recommends (or its review keeps) a working group or task force. */
export function needsTor(r: Result): boolean {
  return (
    r.recommendations.some((m) => GROUP_MECHANISMS.has(m.mechanism)) ||
    (r.review !== undefined && GROUP_MECHANISMS.has(r.review.existing) && r.review.verdict !== 'close')
  );
}

const answer = (r: Result, id: string): unknown => r.answers[id] ?? UNKNOWN;

/** Labels of a multi question's answer, or "[to be agreed]" when unknown or empty. */
function listLabels(rules: RuleBase, r: Result, id: string): string {
  const t = wording(rules);
  const v = answer(r, id);
  const q = rules.questionById.get(id);
  if (!q || !Array.isArray(v) || v.length === 0 || v.includes(UNKNOWN)) return t('tor.unknownList');
  return v.map((x) => q.choices.find((c) => c.value === x)?.label ?? String(x)).join(t('words.listSep'));
}

/** The terms-of-reference outline as markdown: headings at `level`, each part drawn from the answers. */
export function torMarkdown(ruleBase: RuleBase, r: Result, level = 2): string {
  const rules = rulesForResponse(ruleBase, r.answers[RESPONSE_TYPE]);
  const t = wording(rules);
  const h = '#'.repeat(level);
  const pick = <K extends string>(prefix: string, v: unknown, valid: readonly string[]): K =>
    `${prefix}.${valid.includes(String(v)) ? String(v) : 'unknown'}` as K;
  const phase = answer(r, 'phase');
  const complicit = officialsComplicit(r.answers);
  const refugee = answer(r, RESPONSE_TYPE) === 'refugee_response';
  // By phase: a contingency arrangement before a crisis; an end date and a hand-over (or, under
  // complicity, an exit that gives the authorities nothing) in transition.
  const stage = phaseStage(phase, complicit);
  const byPhase = (
    standard: MessageKey,
    preparedness: MessageKey,
    transition: MessageKey,
    transitionComplicit: MessageKey,
  ): MessageKey => (stage ? { preparedness, transition, transitionComplicit }[stage] : standard);

  const actors = answer(r, 'antiTipActors');
  const known = Array.isArray(actors) && !actors.includes(UNKNOWN) && !actors.includes(NOT_APPLICABLE);
  const forms = answer(r, 'tipForms');
  // Humanitarian members always; government bodies only where the government engages and no official is suspected.
  const members = [
    t('tor.members.un', { agencies: t(refugee ? 'tor.agencies.refugee_response' : 'tor.agencies.other') }),
    t('tor.members.ngos'),
    ...(known && actors.includes('outside_cluster') ? [t('tor.members.outside')] : []),
    t('tor.members.aors'),
    // Sexual exploitation may be by aid workers too: a PSEA matter.
    ...(Array.isArray(forms) && forms.includes('sexual_exploitation') ? [t('tor.members.psea')] : []),
    ...(!complicit && ['engaged', 'neutral'].includes(String(answer(r, 'governmentStance')))
      ? [t('tor.members.gov')]
      : []),
    t('tor.members.imo'),
    ...(!known || actors.length === 0 ? [t('tor.members.map')] : []),
  ];
  const membership = [`${members.join(t('words.listSep'))}.`, ...(complicit ? [t('tor.exclusion')] : [])].join(' ');
  const date = formatDate(rules, r.reviewBy);
  const data = [t('tor.dataText'), ...(complicit ? [t('tor.dataComplicit')] : [])];
  const chair =
    answer(r, 'leadCapacity') !== 'agency_can_lead'
      ? t('tor.chairNone')
      : t(refugee ? 'tor.chairAgency.refugee_response' : 'tor.chairAgency');
  const out = [
    `${h} ${t(phase === 'preparedness' ? 'tor.titlePreparedness' : 'tor.title')}`,
    '',
    t('tor.intro'),
    '',
    `1. **${t('tor.purpose')}**${t('words.colon')}${t(byPhase('tor.purposeText', 'tor.purposePreparedness', 'tor.purposeTransition', 'tor.purposeTransitionComplicit'))}`,
    `2. **${t('tor.scope')}**${t('words.colon')}${t('tor.scopeText', { forms: listLabels(rules, r, 'tipForms'), groups: listLabels(rules, r, 'affectedGroups') })}`,
    `3. **${t('tor.membership')}**${t('words.colon')}${membership}`,
    `4. **${t('tor.chair')}**${t('words.colon')}${chair}`,
    `5. **${t('tor.reporting')}**${t('words.colon')}${t(pick('tor.reporting', answer(r, RESPONSE_TYPE), ['idp_cluster', 'refugee_response', 'mixed']))}`,
    `6. **${t('tor.frequency')}**${t('words.colon')}${phase === 'preparedness' ? t('tor.frequency.preparedness') : t(pick('tor.frequency', answer(r, 'meetingLoad'), ['low', 'moderate', 'high']))}`,
    `7. **${t('tor.deliverables')}**${t('words.colon')}${t(byPhase('tor.deliverablesText', 'tor.deliverablesPreparedness', 'tor.deliverablesTransition', 'tor.deliverablesTransitionComplicit'), { docs: planDocuments(rules, r) })}`,
    `8. **${t('tor.data')}**${t('words.colon')}${data.join(' ')}`,
    `9. **${t(byPhase('tor.sunset', 'tor.sunset', 'tor.sunsetTransitionTitle', 'tor.sunsetTransitionComplicitTitle'))}**${t('words.colon')}${t(byPhase('tor.sunsetText', 'tor.sunsetPreparedness', 'tor.sunsetTransition', 'tor.sunsetTransitionComplicit'), { date })}`,
    '',
    t('tor.sources'),
    '',
  ];
  return out.join('\n');
}

/** Meetings a month in the words a coordinator uses: "one meeting a quarter", never "0.3 meetings a month". */
export function meetingFrequency(rules: RuleBase, perMonth: number): string {
  const t = wording(rules);
  if (perMonth >= 1) return counted(rules, 'cost.freq.month', Math.round(perMonth));
  const months = Math.max(2, Math.round(1 / perMonth));
  if (months === 2) return t('cost.freq.everyTwoMonths');
  if (months === 3) return t('cost.freq.quarter');
  if (months === 6) return t('cost.freq.halfYear');
  if (months === 12) return t('cost.freq.year');
  return t('cost.freq.everyMonths', { count: months });
}

/** The members a group would have, by the actors answered (a list since answers version 2). */
function membersKey(actors: unknown): string {
  if (!Array.isArray(actors) || actors.includes(UNKNOWN) || actors.includes(NOT_APPLICABLE)) return 'unknown';
  if (actors.includes('outside_cluster')) return 'outside_cluster';
  if (actors.length > 0) return 'in_cluster';
  return 'none';
}

/** Person-hours a month the recommended set-up adds, with its assumptions (a rule set's "meetingCost"). */
export function meetingCostLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const c = rules.meetingCost;
  const round = (x: number): string => String(Math.round(x * 10) / 10).replace('.', rules.lang === 'fr' ? ',' : '.');
  const has = (id: string): boolean => r.recommendations.some((m) => m.mechanism === id);
  const lines: string[] = [];
  if (needsTor(r)) {
    const members = c.membersByActors[membersKey(answer(r, 'antiTipActors'))] ?? c.membersByActors.unknown ?? 0;
    const meetings =
      c.meetingsPerMonthByLoad[String(answer(r, 'meetingLoad'))] ?? c.meetingsPerMonthByLoad.unknown ?? 0;
    const hours = members * c.hoursPerMeeting * meetings + c.secretariatDaysPerMonth * c.hoursPerDay;
    lines.push(
      t('cost.group', {
        hours: round(hours),
        frequency: meetingFrequency(rules, meetings),
        length: round(c.hoursPerMeeting),
        members,
        days: counted(rules, 'cost.secretariat', Number(round(c.secretariatDaysPerMonth).replace(',', '.'))),
      }),
    );
  } else if (has('focal_point')) {
    const hours =
      (c.agendaItemMinutes / 60) * c.clusterMembers * c.clusterMeetingsPerMonth +
      c.focalPointDaysPerMonth * c.hoursPerDay;
    lines.push(
      t('cost.focal', {
        hours: round(hours),
        minutes: c.agendaItemMinutes,
        frequency: meetingFrequency(rules, c.clusterMeetingsPerMonth),
        members: c.clusterMembers,
        days: counted(rules, 'cost.focalDays', Number(round(c.focalPointDaysPerMonth).replace(',', '.'))),
      }),
    );
  } else lines.push(t('cost.none'));
  lines.push('', t('cost.assumptions', { day: round(c.hoursPerDay) }));
  return lines;
}
