import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { commandName } from '../ui-text.js';
import { examples, exitWith, note, rulesOption, t } from '../command-kit.js';

/** Each `rules` command loads its code (./rules.ts) only when it runs. */
const rules = () => import('./rules.js');
const rulesIo = () => ({ stdout: process.stdout, stderr: process.stderr });

/** `tip-coord rules validate|test|doc|init`: their arguments and options, typed. */
export function registerRules(program: CommandUnknownOpts): void {
  const group = program
    .command('rules')
    .description(t('cli.rules.description'))
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
    .option('--time <seconds>', t('cli.validate.time'), '10')
    .addHelpText('after', () => note(t('cli.validate.note')))
    .addHelpText('after', () => examples([`${commandName()} rules validate --rules rules-country-x --deep`]))
    .action(async (opts) => exitWith(await (await rules()).runValidate(opts, rulesIo())));

  group
    .command('test')
    .description(t('cli.test.description'))
    .argument('[files...]', t('cli.test.files'))
    .addOption(rulesOption())
    .addHelpText('after', () => note(t('cli.test.note')))
    .addHelpText('after', () => examples([`${commandName()} rules test my-scenarios/ --rules rules-country-x`]))
    .action(async (files, opts) => exitWith(await (await rules()).runTest(files, opts, rulesIo())));

  group
    .command('doc')
    .description(t('cli.doc.description'))
    .addOption(rulesOption())
    .option('-o, --out <file>', t('cli.doc.out'))
    .option('--force', t('cli.doc.force'))
    .addHelpText('after', () => examples([`${commandName()} rules doc --out rules-review.md`]))
    .action(async (opts) => exitWith(await (await rules()).runDoc(opts, rulesIo())));

  group
    .command('init')
    .description(t('cli.init.description'))
    .argument('<dir>', t('cli.init.dir'))
    .option('--name <name>', t('cli.init.name'))
    .option('--force', t('cli.init.force'))
    .option('--allow-personal-data', t('cli.init.allowPersonalData'))
    .addHelpText('after', () =>
      examples([`${commandName()} rules init rules-country-x && ${commandName()} assess --rules rules-country-x`]),
    )
    .action(async (dir, opts) => exitWith(await (await rules()).runInit(dir, opts, rulesIo())));
}
