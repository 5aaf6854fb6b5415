// Bundles tsc's output (dist/) into a few CommonJS files, for start-up speed: Node then loads
// the CLI and each command as one file from its start-up snapshot's CommonJS loader, instead of
// about twenty ES modules and CommonJS packages one by one (about 12 ms saved per command on a
// 2-core machine; see "Speed" in the README). Run after tsc (`npm run build` does both).
//
// dist/cli.cjs is replaced by the bundled one; each lazily imported module becomes a chunk
// dist/bundle-*.cjs beside it, so that relative paths (../rules/, ../package.json) still hold.
// A later `tsc` alone overwrites dist/cli.cjs with the unbundled file, which works on its own:
// whichever ran last is what runs, never a stale mix.
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const staging = join(root, 'dist', '.bundle');
const BANNER = '// tip-coord bundle (bin/bundle.mjs)';

const entry = join(dist, 'cli.cjs');
if (readFileSync(entry, 'utf8').startsWith(BANNER)) {
  console.error('bundle: dist/cli.cjs is already a bundle; run `npm run build` (tsc, then this script).');
  process.exit(1);
}

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  // Inlined: the CommonJS packages every command loads (commander, json-rules-engine and its four
  // dependencies), and chalk and marked, ES modules only that some modules import statically (a
  // CommonJS chunk could not load them on Node before 20.19). marked-terminal and @inquirer/prompts
  // stay outside, imported when needed. marked-terminal then has its own copy of chalk: both
  // copies read FORCE_COLOR, which cli.cts sets to 0 when colour is off.
  ssr: {
    noExternal: [
      'commander',
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
    ssr: entry,
    outDir: staging,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        format: 'cjs',
        banner: BANNER,
        entryFileNames: '[name].cjs',
        chunkFileNames: 'bundle-[name]-[hash].cjs',
      },
    },
  },
});

for (const old of readdirSync(dist).filter((f) => f.startsWith('bundle-'))) rmSync(join(dist, old));
for (const file of readdirSync(staging)) renameSync(join(staging, file), join(dist, file));
rmSync(staging, { recursive: true, force: true });
