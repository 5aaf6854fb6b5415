import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import {
  dateOption,
  examples,
  formatOption,
  reference,
  runCommand,
  rulesOption,
  setOption,
  t,
} from '../command-kit.js';
import { docPath } from '../examples.js';

/** `tip-coord compare`: its arguments and options, typed; its code (./compare.ts) loads when it runs. */
export function registerCompare(program: CommandUnknownOpts): void {
  program
    .command('compare')
    .description(t('cli.compare.description'))
    .argument('<a>', t('cli.compare.a'))
    .argument('[b]', t('cli.compare.b'))
    .addOption(setOption(t('cli.setB', { docs: docPath('answers.md') })))
    .addOption(formatOption(['md', 'json'], 'md', t('cli.mdOrJson')))
    .addOption(rulesOption())
    .addOption(dateOption(t('cli.compare.date')))
    .addHelpText('after', () => reference('answers.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} compare idp.json refugee.json`,
        `${commandName()} compare this-year.json --set governmentStance=engaged`,
      ]),
    )
    .action((a, b, opts) => runCommand(() => import('./compare.js'), { a, b, ...opts }));
}
