import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examples, note, reference, rulesOption, runCommand, t } from '../command-kit.js';

/** `tip-coord web`: its options, typed; its code (./web.ts) loads when it runs. */
export function registerWeb(program: CommandUnknownOpts): void {
  program
    .command('web')
    .description(t('cli.web.description'))
    .option('-o, --out <file>', t('cli.web.out'), 'tip-coord.html')
    .option('--force', t('cli.web.force'))
    .addOption(rulesOption())
    .option('--allow-personal-data', t('cli.allowPersonalData'))
    .addHelpText('after', () => note(t('cli.web.note')))
    .addHelpText('after', () => reference('web.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} web --out tip-coord.html`,
        `${commandName()} web --out country-x.html --rules ./country-x-rules --lang fr`,
      ]),
    )
    .action((opts) => runCommand(() => import('./web.js'), opts));
}
