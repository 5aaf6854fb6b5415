import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { dateOption, examples, formatsOption, reference, runCommand, note, rulesOption, t } from '../command-kit.js';
import { docPath, examplePath, EXAMPLES } from '../examples.js';

/** `tip-coord batch`: its argument and options, typed; its code (./batch.ts) loads when it runs. */
export function registerBatch(program: CommandUnknownOpts): void {
  program
    .command('batch')
    .description(t('cli.batch.description'))
    .argument('<path>', t('cli.batch.path'))
    .option('-o, --out <dir>', t('cli.batch.out'), 'reports')
    .addOption(formatsOption(['md', 'html', 'docx'], 'md', t('cli.batch.format')))
    .addOption(rulesOption())
    .addOption(dateOption())
    .option('--allow-personal-data', t('cli.batch.allowPersonalData'))
    .option('--summary-only', t('cli.batch.summaryOnly'))
    .option('--force', t('cli.batch.force'))
    .addHelpText('after', () =>
      note(
        [
          t('cli.batch.csv', { docs: docPath('answers.md') }),
          '',
          t('cli.batch.kobo'),
          '',
          t('cli.batch.skipped'),
          '',
          t('cli.batch.exit'),
        ].join('\n'),
      ),
    )
    .addHelpText('after', () => reference('batch.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} batch ${examplePath(EXAMPLES.kobo)} --out portfolio/`,
        `${commandName()} batch responses/ --format md,docx`,
        `${commandName()} batch responses.csv --summary-only`,
      ]),
    )
    .action((path, opts) => runCommand(() => import('./batch.js'), { path, ...opts }));
}
