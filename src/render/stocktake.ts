/**
 * The figures the 2018 stock-take reported, computed from a batch's answers, beside the 2018
 * values. Source: Global Protection Cluster, Anti-Trafficking Task Team, "Stock-taking brief on
 * trafficking in persons in humanitarian responses (interviews Oct 2017 - Jun 2018)", sections
 * "Purpose and methodology" (29 responses) and "Current practices by protection clusters"
 * (19%, nearly one third, 23%, 27%). Each figure reads the questions the rule base has and is
 * "not asked" when it lacks them, so it works on any version of the questionnaire.
 */
import type { Answers } from '../core/answers.js';
import type { MessageKey } from '../core/messages.js';
import { NOT_APPLICABLE, UNKNOWN, type AnswerValue, type RuleBase } from '../core/types.js';

/** Responses the 2018 stock-take covered ("Purpose and methodology"). */
export const STOCKTAKE_2018_RESPONSES = 29;

export interface StockTakeFigure {
  id: string;
  /** "figure.<id>" texts: the figure's name, the 2018 value in words, how it is derived. */
  key: string;
  /** False when the rule base lacks a question the figure needs: "not asked". */
  asked: boolean;
  count: number;
  /** Responses where a question the figure reads was "Don't know". */
  unknown: number;
  total: number;
  /** The 2018 value as a share, for the chart (0.33 for "nearly one third"). */
  share2018: number;
}

export interface StockTakeCounter {
  add(answers: Answers): void;
  figure(): StockTakeFigure;
}

const list = (v: AnswerValue | undefined): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => String(x));
const isUnknown = (v: AnswerValue | undefined): boolean =>
  v === undefined || v === UNKNOWN || (Array.isArray(v) && v.includes(UNKNOWN));

interface Definition {
  id: string;
  share2018: number;
  /** Whether the rule base has the questions and values the figure reads (else "not asked"). */
  asked: (rules: RuleBase) => boolean;
  /** Whether a response counts; `undefined` when it cannot say ("Don't know"). */
  holds: (a: Answers, rules: RuleBase) => boolean | undefined;
}

/** Whether the rule base has the question with these values; version 1 and 2 differ. */
const has = (rules: RuleBase, id: string, values: string[]): boolean => {
  const q = rules.questionById.get(id);
  return !!q && values.every((v) => q.choices.some((c) => String(c.value) === v));
};

const DEFINITIONS: Definition[] = [
  {
    // 2018: "19% of the surveyed clusters said they have mechanisms in place, such as a TIP working group".
    id: 'mechanism',
    share2018: 0.19,
    asked: (r) => has(r, 'existingMechanism', ['none']),
    holds: (a) => {
      const v = a.existingMechanism;
      if (isUnknown(v) || v === NOT_APPLICABLE) return undefined;
      return v !== 'none';
    },
  },
  {
    // 2018: "Nearly one third of respondents reported being aware of existing anti-trafficking
    // efforts in the country of operation, but those are not discussed within the cluster meetings".
    id: 'outside',
    share2018: 1 / 3,
    asked: (r) => has(r, 'antiTipActors', ['in_cluster', 'outside_cluster']),
    holds: (a) => {
      const v = a.antiTipActors;
      if (isUnknown(v) || v === NOT_APPLICABLE) return undefined;
      const vs = list(v);
      return vs.includes('outside_cluster') && !vs.includes('in_cluster');
    },
  },
  {
    // 2018: "23% of clusters reported being aware of anecdotal information of TIP prevalence".
    id: 'anecdotal',
    share2018: 0.23,
    asked: (r) => has(r, 'tipEvidence', ['anecdotal']),
    holds: (a) => (isUnknown(a.tipEvidence) ? undefined : a.tipEvidence === 'anecdotal'),
  },
  {
    // 2018: "27% of the interviewees reported not working on TIP nor being aware of other agencies doing so".
    id: 'noWork',
    share2018: 0.27,
    asked: canSayNone,
    holds: (a, r) => {
      const v = a.antiTipActors;
      if (isUnknown(v) || v === NOT_APPLICABLE) return undefined;
      const none = list(v).length === 0 || (list(v).length === 1 && list(v)[0] === 'none');
      // Where the rule base asks about an existing mechanism, having one is TIP work.
      if (none && r.questionById.has('existingMechanism')) {
        const m = a.existingMechanism;
        if (isUnknown(m)) return undefined;
        return m === 'none' || m === NOT_APPLICABLE;
      }
      return none;
    },
  },
];

/** "No anti-trafficking actors" can be answered: version 1 has the value "none", version 2 an empty list. */
function canSayNone(r: RuleBase): boolean {
  const q = r.questionById.get('antiTipActors');
  return !!q && (q.type === 'multi' || q.choices.some((c) => c.value === 'none'));
}

/** One counter per figure of the 2018 stock-take. */
export function stockTakeCounters(rb: RuleBase): StockTakeCounter[] {
  return DEFINITIONS.map((d) => {
    const asked = d.asked(rb);
    let count = 0;
    let unknown = 0;
    let total = 0;
    return {
      add(a: Answers): void {
        total++;
        if (!asked) return;
        const h = d.holds(a, rb);
        if (h === undefined) unknown++;
        else if (h) count++;
      },
      figure: () => ({ id: d.id, key: d.id, asked, count, unknown, total, share2018: d.share2018 }),
    };
  });
}

/** The message keys of a figure. */
export const figureKeys = (
  id: string,
): { name: MessageKey; value2018: MessageKey; derived: MessageKey; notAsked: MessageKey } => ({
  name: `stockTake.${id}.name` as MessageKey,
  value2018: `stockTake.${id}.2018` as MessageKey,
  derived: `stockTake.${id}.derived` as MessageKey,
  notAsked: `stockTake.${id}.notAsked` as MessageKey,
});
