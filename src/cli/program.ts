/**
 * The command line: the program, its global options and help, and one line per command. A new
 * command is a file `commands/<name>.command.ts` declaring its typed options (its code beside it
 * in `commands/<name>.ts`, loaded when it runs) and one `register…` line below.
 */
import { Command } from '@commander-js/extra-typings';
import { about, exitCodes, examples, helpWording, indented, t, wordCommanderErrors } from './command-kit.js';
import { docPath, examplePath } from './examples.js';
import { commandName } from './ui-text.js';
import { registerAssess } from './commands/assess.command.js';
import { registerExplain } from './commands/explain.command.js';
import { registerCompare } from './commands/compare.command.js';
import { registerDraft } from './commands/draft.command.js';
import { registerBatch } from './commands/batch.command.js';
import { registerRules } from './commands/rules.command.js';
import { registerForm } from './commands/form.command.js';
import { registerWeb } from './commands/web.command.js';

export function buildProgram(version: string): Command {
  const program = new Command('tip-coord');
  // Set before the commands are made: they inherit the help option, help wording and output.
  program
    .helpOption('-h, --help', t('cli.help'))
    .configureHelp(helpWording)
    .version(version, '-V, --version', t('cli.version'))
    .option('--no-color', t('cli.noColor'))
    .option('--lang <en|fr>', t('cli.lang'))
    .addHelpText('before', () => about(`${t('cli.about')}\n${t('cli.startHere', { cmd: commandName() })}`))
    .addHelpText('after', exitCodes)
    .addHelpText('after', () => `\n${indented(t('cli.docs', { docs: docPath('README.md') }), 0)}`)
    .addHelpText('after', () =>
      examples([
        `${commandName()} assess`,
        `${commandName()} assess --answers ${examplePath()} --format json`,
        `${commandName()} explain --answers ${examplePath()}`,
        `${commandName()} help assess`,
      ]),
    );

  registerAssess(program);
  registerExplain(program);
  registerCompare(program);
  registerDraft(program);
  registerBatch(program);
  registerRules(program);
  registerForm(program);
  registerWeb(program);
  wordCommanderErrors(program, shortHelp);
  return program;
}

/** `tip-coord` alone: what it is, where to start, the next few things people do, where the rest is. */
export function shortHelp(): string {
  const cmd = commandName();
  const things: [string, string][] = [
    [`${cmd} assess --answers FILE --set id=value`, t('cli.short.whatIf')],
    [`${cmd} draft --answers FILE`, t('cli.short.draft')],
    [`${cmd} batch export.xlsx`, t('cli.short.batch')],
    [`${cmd} rules init DIR`, t('cli.short.rules')],
    [`${cmd} web`, t('cli.short.web')],
  ];
  return [
    about(t('cli.about')),
    about(t('cli.startHere', { cmd })),
    t('cli.short.then'),
    ...things.map(([c, what]) => `  ${c}\n${indented(what, 6)}`),
    '',
    about(t('cli.short.more', { cmd, docs: docPath('README.md') })),
  ].join('\n');
}
