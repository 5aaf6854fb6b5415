import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examples, reference, runCommand, note, rulesOption, t } from '../command-kit.js';

/** `tip-coord form`: its options, typed; its code (./form.ts) loads when it runs. */
export function registerForm(program: CommandUnknownOpts): void {
  program
    .command('form')
    .description(t('cli.form.description'))
    .option('-o, --out <file>', t('cli.form.out'), 'tip-coord-form.xlsx')
    .option('--force', t('cli.form.force'))
    .addOption(rulesOption())
    .option('--allow-personal-data', t('cli.allowPersonalData'))
    .addHelpText('after', () => note(t('cli.form.note')))
    .addHelpText('after', () => reference('batch.md'))
    .addHelpText('after', () => examples([`${commandName()} form --out stocktake.xlsx`]))
    .action((opts) => runCommand(() => import('./form.js'), opts));
}
