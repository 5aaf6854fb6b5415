/**
 * French typography (issue 13, item 8): a French text never has a letter directly before ";" or
 * ":" (nor "!" "?"), and « » hold no-break spaces. Checked on every French text of the tool and on
 * what it writes: reports, drafting text and the ToR outline for every scenario, in French.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers } from '../../src/core/answers.js';
import { assess } from '../../src/core/assessment.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { frenchTypographyProblem } from '../../src/core/typography.js';
import { buildDraft, draftMarkdown } from '../../src/render/draft.js';
import { buildReport } from '../../src/render/report.js';
import { torMarkdown } from '../../src/render/tor.js';
import { DEFAULT_RULES_DIR, loadRuleBase } from '../../src/rules/folder.js';
import { cli } from '../support/cli.js';
import { runOn } from '../support/run-info.js';

const SCENARIOS = join(DEFAULT_RULES_DIR, 'scenarios');

describe('French typography', () => {
  it('finds a letter before ; : ! ? and « » without no-break spaces, and leaves addresses and code alone', () => {
    expect(frenchTypographyProblem('adaptés à cette population; un point focal')).toContain('population;');
    expect(frenchTypographyProblem('Note: voir')).toContain('Note:');
    expect(frenchTypographyProblem('le mot «traite»')).toBeDefined();
    expect(frenchTypographyProblem('le mot « traite »')).toBeDefined();
    expect(frenchTypographyProblem('Vraiment?')).toBeDefined();
    expect(
      frenchTypographyProblem('adaptés\u00a0; un point\u202f: « x »'.replace(/« x »/, '«\u00a0x\u00a0»')),
    ).toBeUndefined();
    expect(frenchTypographyProblem('voir https://example.org/a:b?c=d et `forced_labour;child_labour`')).toBeUndefined();
    expect(frenchTypographyProblem('séparées par ;, par exemple forced_labour;child_labour')).toBeDefined();
  });

  it('holds in the French help of every command, as printed', () => {
    // The help's texts are messages.cli.* in locales/fr.json (checked at every load); this checks
    // them as commander lays them out, with its own titles and defaults in French.
    const commands = [[], ['assess'], ['explain'], ['compare'], ['draft'], ['batch'], ['rules'], ['rules', 'test']];
    const bad = commands.flatMap((c) => {
      const out = cli(['--lang', 'fr', ...c, '--help']).stdout;
      // Option and argument names (--set <id=value>, -f, --format <format>) are code, not prose.
      const prose = out.replace(/(^|\s)(-\w|--[\w-]+)(\s+<[^>]+>|\s+\[[^\]]+\])?/g, ' ');
      const p = frenchTypographyProblem(prose);
      return p ? [`${c.join(' ') || '(top)'}: ${p}`] : [];
    });
    expect(bad).toEqual([]);
  });

  it('holds in every French report, drafting text and ToR outline, for every scenario', async () => {
    const rules = loadRuleBase(DEFAULT_RULES_DIR, 'fr');
    const evaluator = new Evaluator(rules);
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const s = JSON.parse(readFileSync(join(SCENARIOS, f), 'utf8')) as { answers: Record<string, unknown> };
      const r = await assess(evaluator, {
        answers: completeAnswers(rules, s.answers as never),
        run: runOn('2026-11-29'),
        responseName: 'Réponse X',
      });
      for (const [what, text] of [
        ['report', buildReport(rules, r)],
        ['draft', draftMarkdown(rules, buildDraft(rules, r))],
        ['tor', torMarkdown(rules, r)],
      ] as const)
        // Lines of the report that quote English titles as published are not French prose.
        for (const line of text.split('\n').filter((l) => !/^- \*\*[A-Z][\w-]*\*\*/.test(l.trim()))) {
          const bad = frenchTypographyProblem(line);
          expect(bad, `${f}, ${what}: ${line.slice(0, 200)}`).toBeUndefined();
        }
    }
  });
});
