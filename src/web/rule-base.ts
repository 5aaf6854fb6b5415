import { Evaluator } from '../core/evaluate.js';
import type { Lang } from '../core/lang.js';
import type { RuleBase } from '../core/types.js';
import type { WebData } from '../render/web-page.js';
import { toolTexts } from '../core/texts.js';
import { formatProblem } from '../rules/problem.js';
import { parseRuleBase } from '../rules/rulebase.js';

/** A rule base in one language and the engine that evaluates answers on it. */
export interface Loaded {
  rules: RuleBase;
  evaluator: Evaluator;
}

/**
 * The rule base the page was given, parsed in the page by the command line's own parser, one
 * language at a time (the other only when asked for). `tip-coord web` checked it before writing
 * the page; a problem here is a page edited by hand.
 */
export class RuleBases {
  private readonly cache = new Map<Lang, Loaded>();

  constructor(
    private readonly data: WebData,
    /** The files' hash, when the browser computed it (see rulesHash). */
    private readonly hash?: string,
  ) {}

  get(lang: Lang): Loaded {
    let loaded = this.cache.get(lang);
    if (loaded) return loaded;
    const { ruleBase, problems } = parseRuleBase(this.data.files, {
      dir: this.data.rulesFolder ?? 'rules',
      lang,
      thorough: false,
      // The tool's own texts ship with the code, the page's too.
      texts: toolTexts(lang),
      requiredMessages: [],
      ...(this.hash ? { hash: this.hash } : {}),
    });
    if (!ruleBase) throw new Error(problems.map(formatProblem).join('\n'));
    loaded = { rules: ruleBase, evaluator: new Evaluator(ruleBase) };
    this.cache.set(lang, loaded);
    return loaded;
  }
}
