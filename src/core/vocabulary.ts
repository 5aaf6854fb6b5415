/**
 * The fixed words of the files the tool reads and writes: the answers every question offers, the
 * operators of a condition, who carries a step and by when, how a source can be reached. Plain
 * constants, read by the shapes of the files (core/shapes) and by the code alike.
 */

/** The answer "don't know", which every question offers. */
export const UNKNOWN = 'unknown';
/** The answer of a question skipped because its `askWhen` does not hold: never "unknown". */
export const NOT_APPLICABLE = 'not_applicable';

export const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'containsAny'] as const;

/** How a source can be reached: the publisher's page, the best copy found, not published, or no address found. */
export const SOURCE_ACCESS = ['online', 'copy', 'unpublished', 'not_found'] as const;

/**
 * Who acts on a step: data in the rule files, worded through messages ("owner.<id>") by the
 * answers (core/plan.ts): a role the answers make real, never a government body.
 */
export const OWNERS = [
  'cluster_coordinator',
  'gbv_aor_coordinator',
  'cp_aor_coordinator',
  'ct_focal_point',
  'imo',
  'hc_or_refugee_coordinator',
  'ctfmr_cochairs',
  'ocha_iccg',
  'unhcr',
] as const;

/** Who owns a row of page 1 once the answers have named the roles: a rule-file owner, or IOM where it leads counter-trafficking. */
export const PLAN_OWNERS = [...OWNERS, 'iom'] as const;

/** By when, in days from the report's date: the 30/60/90-day action plan. */
export const HORIZONS = [30, 60, 90] as const;

export const QUESTION_TYPES = ['single', 'multi', 'boolean'] as const;
export const RULE_ROLES = ['primary', 'complementary'] as const;
/** "source": stated in a cited source; "inference": a design choice drawn from the sources. */
export const BASES = ['source', 'inference'] as const;
export const ITEM_KINDS = ['mechanism', 'caution', 'action', 'verdict'] as const;

/** The versions of the answers file the tool reads, the one it writes first (1 is read as version 2). */
export const READ_VERSIONS = [2, 1] as const;

/** The longest response name, in characters (code points), wherever a name enters. */
export const MAX_NAME = 200;
