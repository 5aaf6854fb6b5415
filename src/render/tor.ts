import { formatDate } from '../core/lang.js';
import { wording } from '../core/messages.js';
import type { Result } from '../core/assessment.js';
import { UNKNOWN, type RuleBase } from '../core/types.js';

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
export function torMarkdown(rules: RuleBase, r: Result, level = 2): string {
  const t = wording(rules);
  const h = '#'.repeat(level);
  const pick = <K extends string>(prefix: string, v: unknown, valid: readonly string[]): K =>
    `${prefix}.${valid.includes(String(v)) ? String(v) : 'unknown'}` as K;
  const actors = answer(r, 'antiTipActors');
  const members: string[] = [];
  if (actors === 'in_cluster' || actors === 'outside_cluster') members.push(t('tor.members.cluster'));
  if (actors === 'outside_cluster') members.push(t('tor.members.outside'));
  members.push(t('tor.members.aors'));
  // Where officials are suspected or documented as complicit, the group is humanitarian actors only.
  const complicit = ['suspected', 'documented'].includes(String(answer(r, 'officialComplicity')));
  if (['engaged', 'neutral'].includes(String(answer(r, 'governmentStance'))) && !complicit)
    members.push(t('tor.members.gov'));
  members.push(t('tor.members.imo'));
  if (actors === 'none' || actors === UNKNOWN) members.push(t('tor.members.map'));
  const date = formatDate(rules, r.reviewBy);
  const data = [t('tor.dataText')];
  if (complicit) data.push(t('tor.dataImplicated'));
  const out = [
    `${h} ${t('tor.title')}`,
    '',
    t('tor.intro'),
    '',
    `1. **${t('tor.purpose')}**${t('words.colon')}${t('tor.purposeText')}`,
    `2. **${t('tor.scope')}**${t('words.colon')}${t('tor.scopeText', { forms: listLabels(rules, r, 'tipForms'), groups: listLabels(rules, r, 'affectedGroups') })}`,
    `3. **${t('tor.membership')}**${t('words.colon')}${members.join(t('words.listSep'))}.`,
    `4. **${t('tor.chair')}**${t('words.colon')}${t(answer(r, 'leadCapacity') === 'agency_can_lead' ? 'tor.chairAgency' : 'tor.chairNone')}`,
    `5. **${t('tor.reporting')}**${t('words.colon')}${t(pick('tor.reporting', answer(r, 'responseType'), ['idp_cluster', 'refugee_response', 'mixed']))}`,
    `6. **${t('tor.frequency')}**${t('words.colon')}${t(pick('tor.frequency', answer(r, 'meetingLoad'), ['low', 'moderate', 'high']))}`,
    `7. **${t('tor.deliverables')}**${t('words.colon')}${t('tor.deliverablesText')}`,
    `8. **${t('tor.data')}**${t('words.colon')}${data.join(' ')}`,
    `9. **${t('tor.sunset')}**${t('words.colon')}${t(answer(r, 'phase') === 'transition' ? 'tor.sunsetTransition' : 'tor.sunsetText', { date })}`,
    '',
    t('tor.sources'),
    '',
  ];
  return out.join('\n');
}

/** Person-hours a month the recommended set-up adds, with its assumptions (ruleset.json "meetingCost"). */
export function meetingCostLines(rules: RuleBase, r: Result): string[] {
  const t = wording(rules);
  const c = rules.meetingCost;
  const round = (x: number): string => String(Math.round(x * 10) / 10).replace('.', rules.lang === 'fr' ? ',' : '.');
  const has = (id: string): boolean => r.recommendations.some((m) => m.mechanism === id);
  const lines: string[] = [];
  if (needsTor(r)) {
    const members = c.membersByActors[String(answer(r, 'antiTipActors'))] ?? c.membersByActors.unknown ?? 0;
    const meetings =
      c.meetingsPerMonthByLoad[String(answer(r, 'meetingLoad'))] ?? c.meetingsPerMonthByLoad.unknown ?? 0;
    const hours = members * c.hoursPerMeeting * meetings + c.secretariatDaysPerMonth * c.hoursPerDay;
    lines.push(
      t('cost.group', {
        hours: round(hours),
        members,
        length: round(c.hoursPerMeeting),
        meetings: round(meetings),
        days: round(c.secretariatDaysPerMonth),
        day: round(c.hoursPerDay),
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
        members: c.clusterMembers,
        meetings: round(c.clusterMeetingsPerMonth),
        days: round(c.focalPointDaysPerMonth),
        day: round(c.hoursPerDay),
      }),
    );
  } else lines.push(t('cost.none'));
  lines.push('', t('cost.assumptions'));
  return lines;
}
