import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../core/errors.js';
import { LANGS, type Lang } from '../../core/lang.js';
import { message } from '../../core/messages.js';
import type { RuleBase } from '../../core/types.js';
import { FormError, formVersion, LANGUAGE_NAMES, xlsForm } from '../../render/xlsform.js';
import { DEFAULT_RULES_DIR } from '../../rules/folder.js';
import type { Context } from '../context.js';
import { writeFileAtomic } from '../report-files.js';
import { userError } from '../ui-text.js';

export interface FormOptions {
  out: string;
  rules?: string;
  force?: boolean;
}

/**
 * Writes the questionnaire as an XLSForm (.xlsx) for KoboToolbox or ODK, with labels and hints
 * in every language of the rule set (English, and each locales/<lang>.json it has).
 */
export async function run(opts: FormOptions, ctx: Context): Promise<number> {
  const dir = opts.rules ?? DEFAULT_RULES_DIR;
  const langs: Lang[] = LANGS.filter((l) => l === 'en' || existsSync(join(dir, 'locales', `${l}.json`)));
  const byLang: RuleBase[] = langs.map((l) => ctx.rules(dir, l));
  const shown = byLang[langs.indexOf(ctx.lang)] ?? byLang[0]!;
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
  writeFileAtomic(opts.out, bytes, { force: opts.force ?? false });
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
