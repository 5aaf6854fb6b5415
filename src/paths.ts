import { fileURLToPath } from 'node:url';

/**
 * The package's own files (the built-in rules, package.json). This module sits one level below
 * the package root both in src/ and in the bundle in dist/, so one relative URL serves both.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILT_IN_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));

declare const __TIP_COORD_BUILD__: string | undefined;

/**
 * The build this code comes from: set by `npm run build` (vite.build.config.ts), undefined when
 * the sources run as they are (tests). Files the build writes beside the bundle carry it.
 */
export const BUILD_ID: string | undefined = typeof __TIP_COORD_BUILD__ === 'string' ? __TIP_COORD_BUILD__ : undefined;
/** The folder of this module: dist/ in the package, where the build writes its precompiled rule base. */
export const BUNDLE_DIR = fileURLToPath(new URL('./', import.meta.url));
