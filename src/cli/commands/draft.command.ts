import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examplePath } from '../examples.js';
import {
  dateOption,
  examples,
  formatOption,
  reference,
  runCommand,
  note,
  rulesOption,
  setOption,
  t,
} from '../command-kit.js';

/** `tip-coord draft`: its options, typed; its code (./draft.ts) loads when it runs. */
export function registerDraft(program: CommandUnknownOpts): void {
  program
    .command('draft')
    .description(t('cli.draft.description'))
    .option('-a, --answers <file>', t('cli.draft.answers'))
    .addOption(setOption())
    .option('--section <section>', t('cli.draft.section'))
    .addOption(formatOption(['md', 'json', 'docx'], 'md', t('cli.draft.format')))
    .option('-o, --out <dir>', t('cli.draft.out'), 'reports')
    .option('--force', t('cli.draft.force'))
    .addOption(dateOption(t('cli.draft.date')))
    .addOption(rulesOption())
    .option('--allow-personal-data', t('cli.allowPersonalData'))
    .addHelpText('after', () => note(t('cli.draft.note')))
    .addHelpText('after', () => reference('drafting.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} draft --answers ${examplePath()}`,
        `${commandName()} draft --answers ${examplePath()} --section hrp > hrp.md`,
      ]),
    )
    .action((opts) => runCommand(() => import('./draft.js'), opts));
}
