// The build (`npm run build`): src/main.ts and everything it imports as one ES-module bundle in
// dist/, for start-up speed: Node then loads a command as a few files instead of about fifty ES
// modules and CommonJS packages (see "Speed" in the README). tsc only type-checks (npm run typecheck).
//
// dist/tip-coord.js holds what every run needs (commander, the catalog reader, each command's
// options); each command's code is a chunk beside it, loaded when the command runs. All files
// sit in dist/, one level below the package root, as src/paths.ts expects.
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  // Inlined: commander, json-rules-engine and its dependencies, chalk, marked. marked-terminal and
  // @inquirer/prompts stay outside, imported only to render in a terminal or to ask questions.
  ssr: {
    noExternal: [
      'commander',
      '@commander-js/extra-typings',
      'json-rules-engine',
      'clone',
      'eventemitter2',
      'hash-it',
      'jsonpath-plus',
      'chalk',
      'marked',
    ],
  },
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
        format: 'es',
        entryFileNames: 'tip-coord.js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
});
