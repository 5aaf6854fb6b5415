import type { RunInfo } from '../../src/core/stamp.js';

/** What the command line would give the core for a run on `date` with the built-in rules. */
export const runOn = (date: string): RunInfo => ({ date, toolVersion: '0.0.0-test', rulesFolder: null });
