import { EXIT } from '../../core/errors.js';
import { message } from '../../core/messages.js';
import { FormError, formVersion, LANGUAGE_NAMES, xlsForm } from '../../render/xlsform.js';
import type { Context } from '../context.js';
import { writeFileAtomic } from '../report-files.js';
import { userError } from '../ui-text.js';
import { gateFor } from '../gate.js';
import { readRuleLanguages } from '../inputs/answers.js';

export interface FormOptions {
  out: string;
  rules?: string;
  force?: boolean;
  allowPersonalData?: boolean;
}

/**
 * Writes the questionnaire as an XLSForm (.xlsx) for KoboToolbox or ODK, with labels and hints
 * in every language of the rule set (English, and each locales/<lang>.json it has).
 */
export async function run(opts: FormOptions, ctx: Context): Promise<number> {
  const { langs, byLang, rules: shown } = readRuleLanguages(ctx, opts.rules);
  // The form's title holds the rule set's name: checked as a report's stamp is.
  const gate = gateFor(shown, opts);
  gate.ruleSet({ folder: false });
  const out = gate.path(opts.out, '--out');
  let form;
  try {
    form = xlsForm(byLang);
  } catch (err) {
    if (!(err instanceof FormError)) throw err;
    const [id, what] = err.message.split(' ');
    throw userError('form.badCondition', { id: id ?? '', what: what ?? '' });
  }
  // The workbook writer is loaded only when a spreadsheet is written.
  const { xlsx } = await import('../inputs/xlsx.js');
  const bytes = xlsx([
    { name: 'survey', rows: form.survey },
    { name: 'choices', rows: form.choices },
    { name: 'settings', rows: form.settings },
  ]);
  writeFileAtomic(out, bytes, { force: opts.force ?? false });
  ctx.stdout.write(
    `${message(shown, 'form.written', {
      path: opts.out,
      count: shown.questions.length,
      langs: langs.map((l) => LANGUAGE_NAMES[l] ?? l).join(', '),
      version: formVersion(shown),
    })}\n`,
  );
  return EXIT.ok;
}
