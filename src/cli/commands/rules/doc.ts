import { toolVersion } from '../../run-info.js';
import { RUN_BUDGET } from '../../../core/search.js';
import { EXIT } from '../../../core/errors.js';
import { writeFileAtomic } from '../../report-files.js';
import { lintRuleBase } from '../../../rules/lint.js';
import { buildRuleDoc } from '../../../rules/ruledoc.js';
import { userError } from '../../ui-text.js';
import { gateFor } from '../../gate.js';
import type { Context } from '../../context.js';
import { sayFor, num, line, runBudget } from './shared.js';

export interface DocOptions {
  rules?: string;
  out?: string;
  force?: boolean;
  allowPersonalData?: boolean;
}

/** `rules doc`: the rule base as a markdown review document, on stdout or in --out FILE. */
export async function run(opts: DocOptions, ctx: Context): Promise<number> {
  const rules = ctx.rules(opts.rules);
  if (opts.out === '') throw userError('error.write.emptyName', { option: '--out' });
  // The document is titled by the rule set's name, on stdout or in a file: checked either way.
  const gate = gateFor(rules, opts);
  gate.ruleSet({ folder: false });
  const out = opts.out === undefined || opts.out === '-' ? undefined : gate.path(opts.out, '--out');
  const run = runBudget(ctx, sayFor(ctx, rules));
  const lint = lintRuleBase(rules, run.budget);
  run.end();
  if (lint.unchecked > 0)
    ctx.stderr.write(
      `tip-coord: ${sayFor(ctx, rules)('rules.budgetSpent', { steps: num(ctx, RUN_BUDGET), unchecked: lint.unchecked })}\n`,
    );
  const markdown = buildRuleDoc(rules, lint, toolVersion());
  // "-" is stdout, as for most tools: written in place, never renamed over.
  if (!out) {
    ctx.stdout.write(markdown);
    return EXIT.ok;
  }
  // Every failure of the write is worded there (the path, why, what to do).
  writeFileAtomic(out, markdown, { force: opts.force ?? false });
  line(ctx, sayFor(ctx, rules)('rules.docWritten', { path: out }));
  return EXIT.ok;
}
