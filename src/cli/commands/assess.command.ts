import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examplePath } from '../examples.js';
import {
  dateOption,
  examples,
  formatsOption,
  reference,
  runCommand,
  rulesOption,
  setOption,
  t,
} from '../command-kit.js';

/** `tip-coord assess`: its options, typed; its code (./assess.ts) loads when it runs. */
export function registerAssess(program: CommandUnknownOpts): void {
  program
    .command('assess')
    .description(t('cli.assess.description'))
    .option('-a, --answers <file>', t('cli.assess.answers'))
    .addOption(setOption())
    .addOption(formatsOption(['md', 'html', 'docx', 'json'], 'md', t('cli.assess.format')))
    .option('-o, --out <dir>', t('cli.assess.out'), 'reports')
    .option('--save-answers <file>', t('cli.assess.saveAnswers'))
    .option('--no-save-answers', t('cli.assess.noSaveAnswers'))
    .option('--name <name>', t('cli.assess.name'))
    .addOption(rulesOption())
    .addOption(dateOption())
    .option('--force', t('cli.assess.force'))
    .option('--allow-personal-data', t('cli.assess.allowPersonalData'))
    .option('--edit', t('cli.assess.edit'))
    .option('--resume <file>', t('cli.assess.resume'))
    .addHelpText('after', () => reference('commands.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} assess`,
        `${commandName()} assess --answers ${examplePath()} --format md,docx,html`,
        `${commandName()} assess --answers ${examplePath()} --set governmentStance=engaged`,
        `${commandName()} assess --answers ${examplePath()} --format json`,
      ]),
    )
    .action((opts) => runCommand(() => import('./assess.js'), opts));
}
