import { fileURLToPath } from 'node:url';

/**
 * The package's own files (the built-in rules, package.json). This module sits one level below
 * the package root both in src/ and in the bundle in dist/, so one relative URL serves both.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILT_IN_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
