// The build (`npm run build`): src/main.ts and everything it imports as one CommonJS bundle in
// dist/, for start-up speed: Node then loads a command as a few files instead of about fifty ES
// modules and CommonJS packages (see docs/speed.md). tsc only type-checks (npm run typecheck).
//
// dist/tip-coord.cjs holds what every run needs (commander, the catalog reader, each command's
// options); each command's code is a chunk beside it, loaded when the command runs. All files
// sit in dist/, one level below the package root, as src/paths.ts expects.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * An id of what the bundle is built from (the sources, the locked libraries, this file): files
 * the build writes beside the bundle carry it, and the bundle reads only those that match.
 */
function buildId(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    hash.update(`${path}\0`).update(readFileSync(path)).update('\0');
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else add(path);
    }
  };
  walk('src');
  for (const f of ['package.json', 'package-lock.json', 'vite.build.config.ts']) add(f);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Once the bundle is written, it checks the built-in rules and writes their parsed copy beside
 * itself (dist/rulebase.<lang>.json, src/rules/precompiled.ts): a run then skips parsing and
 * checking them, for as long as the rule files on disk are those the copy was made from.
 */
function precompileRules(): Plugin {
  return {
    name: 'tip-coord-precompile-rules',
    apply: 'build',
    async closeBundle() {
      const bundle = pathToFileURL(join(import.meta.dirname, 'dist', 'tip-coord.cjs')).href;
      const { precompileRules: run } = (await import(`${bundle}?${Date.now()}`)) as typeof import('./src/main.js');
      const { problems } = await run();
      if (problems.length > 0)
        this.warn(
          `the built-in rules have problems, so no precompiled copy was written (every run checks them; \`tip-coord rules validate\` lists them):\n${problems.join('\n')}`,
        );
    },
  };
}

/**
 * marked-terminal colours fenced code with cli-highlight, which registers highlight.js's 190
 * languages when it loads (about 2 MB of the bundle, and most of the time a report takes to
 * show in a terminal). The tool's texts hold no fenced code: code stays plain.
 */
function plainCode(): Plugin {
  const id = '\0tip-coord-plain-code';
  return {
    name: 'tip-coord-plain-code',
    enforce: 'pre',
    resolveId: (source) => (source === 'cli-highlight' ? id : undefined),
    load: (source) => (source === id ? 'export function highlight(code) { return code; }\n' : undefined),
  };
}

/**
 * TypeBox's checker (typebox/schema) brings its registry of string formats (e-mail, URI, IDN
 * host names, with their Unicode tables), set up when the module loads: about half of what
 * loading the checker costs a run that reads an answers file. No shape of the tool uses
 * "format" (core/shapes): the registry is left out, and a shape that used it would fail loudly.
 */
function noFormats(): Plugin {
  const id = '\0tip-coord-no-formats';
  return {
    name: 'tip-coord-no-formats',
    enforce: 'pre',
    resolveId: (source, importer) =>
      importer?.includes('/typebox/build/schema/engine/') && source.endsWith('/format/index.mjs') ? id : undefined,
    load: (source) =>
      source === id
        ? 'const none = (name) => { throw new Error(`JSON Schema format "${name}" is left out of the build`); };\n' +
          'export const Format = { Has: () => false, Get: none, Test: none };\n'
        : undefined,
  };
}

/**
 * Modules that take milliseconds to load and that most runs never use, required at first use.
 * - node:crypto (a rule folder's digest, a temporary name) and node:child_process (a pager;
 *   commander requires it for stand-alone executable subcommands, which this tool has none of).
 * - node:tty (is stdin a terminal), which loads Node's stream and network modules: a run with
 *   its output to a pipe or a file writes it without them (cli/direct-output.ts).
 * - The files' shapes, the checkers compiled from them and TypeBox (core/shapes,
 *   node_modules/typebox), in a chunk of their own (`codeSplitting` below): what a run needs
 *   only to check a rule folder or to say what is wrong with a file. An assessment with the
 *   built-in rules and a valid answers file never loads it (its answers go through
 *   core/answers-check.ts, outside this chunk).
 * The bundle's chunks require them at the top; each such require becomes a stand-in that loads
 * the module the first time one of its exports is read. test/cli/start-up.test.ts and
 * test/cli/shapes-loading.test.ts check what a run loads.
 */
const LAZY_BUILTINS = ['node:crypto', 'node:child_process', 'node:tty'];
const SHAPES = /\/node_modules\/typebox\/|\/src\/core\/shapes\//;

function lazyRequires(): Plugin {
  // A shapes chunk's name still holds the placeholder of its hash here.
  const required = new RegExp(
    String.raw`^(\s*)(let|var|const) (\w+) = require\("(${LAZY_BUILTINS.join('|')}|\./shapes-[^"]+\.cjs)"\);$`,
    'gm',
  );
  return {
    name: 'tip-coord-lazy-requires',
    renderChunk: (code) =>
      code.replace(
        required,
        (_line, indent: string, kind: string, name: string, id: string) =>
          `${indent}${kind} ${name} = ((loaded) => new Proxy({}, { get: (_target, key) => (loaded ??= require(${JSON.stringify(id)}))[key] }))();`,
      ),
  };
}

export default defineConfig({
  logLevel: 'warn',
  plugins: [plainCode(), lazyRequires(), noFormats(), precompileRules()],
  define: { __TIP_COORD_BUILD__: JSON.stringify(buildId()) },
  // Every library is inlined: the package installs no dependency of its own (package.json lists
  // them as devDependencies), and a run resolves no package in node_modules. Node's built-ins stay.
  ssr: { noExternal: true },
  build: {
    ssr: 'src/main.ts',
    outDir: 'dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: {
        format: 'cjs',
        // ASCII, without doc comments: Node reads a file with any other character into a
        // two-byte string, twice the memory to fill on every run (test/cli/start-up.test.ts).
        // Without whitespace too, a tenth to a fifth less to read; names are kept as they are,
        // so that a stack trace still names the tool's functions.
        charset: 'ascii',
        minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
        comments: { legal: true, annotation: true, jsdoc: false },
        entryFileNames: 'tip-coord.cjs',
        chunkFileNames: '[name]-[hash].cjs',
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'shapes', test: SHAPES }] },
      },
    },
  },
});
