import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { BUILT_IN_RULES_DIR } from '../../paths.js';
import { commandName } from '../ui-text.js';
import { examplePath } from '../examples.js';
import { examples, formatOption, reference, runCommand, note, rulesOption, setOption, t } from '../command-kit.js';

/** The built-in mechanism and caution ids: their files' names (read only when the help is shown). */
function builtInIds(): string {
  return ['mechanisms', 'cautions']
    .flatMap((dir) => readdirSync(join(BUILT_IN_RULES_DIR, dir)).filter((f) => f.endsWith('.json')))
    .map((f) => f.slice(0, -'.json'.length))
    .join(', ');
}

/** `tip-coord explain`: its options, typed; its code (./explain.ts) loads when it runs. */
export function registerExplain(program: CommandUnknownOpts): void {
  program
    .command('explain')
    .description(t('cli.explain.description'))
    .option('-a, --answers <file>', t('cli.answers'))
    .addOption(setOption())
    .option('-m, --mechanism <id>', t('cli.explain.mechanism'))
    .addOption(formatOption(['md', 'json'], 'md', t('cli.mdOrJson')))
    .addOption(rulesOption())
    .addHelpText('after', () => note(t('cli.explain.ids', { ids: builtInIds() })))
    .addHelpText('after', () => reference('answers.md'))
    .addHelpText('after', () =>
      examples([`${commandName()} explain --answers ${examplePath()} --mechanism working_group`]),
    )
    .action((opts) => runCommand(() => import('./explain.js'), opts));
}
