// The browser page's script (`tip-coord web`): src/web/main.ts and everything it imports (the
// pure core, the renderers, the rule parser, json-rules-engine, marked, docx) as one classic
// script, dist/web/page.js, and its style, dist/web/page.css. `tip-coord web` inlines both in
// the HTML file it writes, with the rule base, under a Content-Security-Policy that allows them
// by hash. Built after the command line (npm run build), which empties dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The minifier writes some escapes as the raw character ("PK\x03\x04" in the zip writer, a BOM):
 * written back as \u escapes, the same strings, so that no raw control character reaches the
 * HTML file (tip-coord writes none in any file) and the script's hash matches what is written.
 */
function escapeControls(): Plugin {
  const UNSAFE =
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
  return {
    name: 'tip-coord-escape-controls',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          chunk.code = chunk.code.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    },
  };
}

export default defineConfig({
  logLevel: 'warn',
  plugins: [escapeControls()],
  // Read by libraries that pick a development build by it (lib mode leaves it as is).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: {
    // The core hashes with node:crypto's createHash (sha256, hex): the page gets the same
    // function in pure JavaScript, so the report's stamp carries the same hashes.
    alias: [{ find: /^node:crypto$/, replacement: fileURLToPath(new URL('src/web/node-crypto.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: false,
    // Current Chromium, Firefox and Edge.
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('src/web/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'tipCoordPage',
      fileName: () => 'page.js',
      cssFileName: 'page',
    },
  },
});
