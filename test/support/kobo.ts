/**
 * Builds tables shaped like KoboToolbox's exports ("XML values and headers") of the form that
 * `tip-coord form` writes: metadata columns, group prefixes, multi-selects as space-separated
 * values and/or one 0/1 column per choice, the response-name question.
 */
import type { Answers } from '../../src/core/answers.js';
import type { AnswerValue, RuleBase } from '../../src/core/types.js';
import { choiceName, NONE, RESPONSE_NAME } from '../../src/render/xlsform.js';

export interface KoboOptions {
  /** Group separator: "/" (Kobo's default) or "-". */
  sep?: '/' | '-';
  /** The multi-select's own column (space-separated values). */
  text?: boolean;
  /** One 0/1 column per choice of a multi-select. */
  choiceColumns?: boolean;
}

export interface KoboResponse {
  name?: string;
  answers: Partial<Answers>;
}

// Kobo leaves a question its skip logic hid (and one not answered) blank.
const cell = (v: AnswerValue | undefined): string =>
  v === undefined || v === 'not_applicable'
    ? ''
    : Array.isArray(v)
      ? v.length
        ? v.map((x) => choiceName(x)).join(' ')
        : NONE
      : choiceName(v);

export function koboTable(rules: RuleBase, responses: KoboResponse[], opts: KoboOptions = {}): string[][] {
  const { sep = '/', text = true, choiceColumns = true } = opts;
  const head = ['start', 'end', RESPONSE_NAME];
  const getters: Array<(r: KoboResponse) => string> = [
    () => '2026-11-01T09:00:00.000+01:00',
    () => '2026-11-01T09:20:00.000+01:00',
    (r) => r.name ?? '',
  ];
  for (const q of rules.questions) {
    const path = `${q.section}${sep}${q.id}`;
    if (q.type !== 'multi' || text) {
      head.push(path);
      getters.push((r) => cell(r.answers[q.id]));
    }
    if (q.type === 'multi' && choiceColumns) {
      for (const c of [...q.choices.map((x) => String(x.value)), NONE, 'unknown']) {
        head.push(`${path}${sep}${c}`);
        getters.push((r) => {
          const v = r.answers[q.id];
          if (v === undefined || v === 'not_applicable') return '';
          const vs = Array.isArray(v) ? v.map(String) : [String(v)];
          if (c === NONE) return Array.isArray(v) && v.length === 0 ? '1' : '0';
          return vs.includes(c) ? '1' : '0';
        });
      }
    }
  }
  head.push(
    '_id',
    '_uuid',
    '_submission_time',
    '_validation_status',
    '_notes',
    '_status',
    '_submitted_by',
    '__version__',
    '_tags',
    '_index',
  );
  const rows = responses.map((r, i) => [
    ...getters.map((g) => g(r)),
    String(1000 + i),
    `5f1c0d6e-0000-4000-8000-${String(i).padStart(12, '0')}`,
    '2026-11-01T09:21:00',
    '',
    '',
    'submitted_via_web',
    '',
    'vXyZ',
    '',
    String(i + 1),
  ]);
  return [head, ...rows];
}

export const toCsv = (rows: string[][], sep: ',' | ';' = ','): string =>
  `${rows.map((r) => r.map((c) => (/[",;\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep)).join('\r\n')}\r\n`;
