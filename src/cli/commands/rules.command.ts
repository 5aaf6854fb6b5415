import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examples, reference, runCommand, note, rulesOption, t } from '../command-kit.js';

/** `tip-coord rules validate|test|doc|init`: their arguments and options, typed; each one's code (./rules/<name>.ts) loads when it runs. */
export function registerRules(program: CommandUnknownOpts): void {
  const group = program
    .command('rules')
    .description(t('cli.rules.description'))
    .addHelpText('after', () => reference('rules.md'))
    .addHelpText('after', () =>
      examples([
        `${commandName()} rules validate --deep`,
        `${commandName()} rules doc --out rules-review.md`,
        `${commandName()} rules init rules-country-x && ${commandName()} rules validate --rules rules-country-x`,
      ]),
    );

  group
    .command('validate')
    .description(t('cli.validate.description'))
    .addOption(rulesOption())
    .option('--deep', t('cli.validate.deep'))
    .option('--samples <n>', t('cli.validate.samples'), '500')
    .option('--seed <n>', t('cli.validate.seed'), '1')
    .addHelpText('after', () => note(t('cli.validate.note')))
    .addHelpText('after', () => reference('rules.md'))
    .addHelpText('after', () => examples([`${commandName()} rules validate --rules rules-country-x --deep`]))
    .action((opts) => runCommand(() => import('./rules/validate.js'), opts));

  group
    .command('test')
    .description(t('cli.test.description'))
    .argument('[files...]', t('cli.test.files'))
    .addOption(rulesOption())
    .addHelpText('after', () => note(t('cli.test.note')))
    .addHelpText('after', () => reference('rules.md'))
    .addHelpText('after', () => examples([`${commandName()} rules test my-scenarios/ --rules rules-country-x`]))
    .action((files, opts) => runCommand(() => import('./rules/test.js'), { files, ...opts }));

  group
    .command('doc')
    .description(t('cli.doc.description'))
    .addOption(rulesOption())
    .option('-o, --out <file>', t('cli.doc.out'))
    .option('--force', t('cli.doc.force'))
    .option('--allow-personal-data', t('cli.allowPersonalData'))
    .addHelpText('after', () => reference('rules.md'))
    .addHelpText('after', () => examples([`${commandName()} rules doc --out rules-review.md`]))
    .action((opts) => runCommand(() => import('./rules/doc.js'), opts));

  group
    .command('init')
    .description(t('cli.init.description'))
    .argument('<dir>', t('cli.init.dir'))
    .option('--name <name>', t('cli.init.name'))
    .option('--force', t('cli.init.force'))
    .option('--allow-personal-data', t('cli.init.allowPersonalData'))
    .addHelpText('after', () => reference('rules.md'))
    .addHelpText('after', () =>
      examples([`${commandName()} rules init rules-country-x && ${commandName()} assess --rules rules-country-x`]),
    )
    .action((dir, opts) => runCommand(() => import('./rules/init.js'), { dir, ...opts }));
}
