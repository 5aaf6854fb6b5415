// The browser page's script (`tip-coord web`): src/web/main.ts and everything it imports (the
// pure core, the renderers, the rule parser, json-rules-engine, marked) as one classic script,
// dist/web/page.js, and its style, dist/web/page.css; with `--mode docx`, the Word writer (the
// docx library) as a script of its own, dist/web/docx.js, which the page carries inert and runs
// on the first Word report (it is two thirds of the code: the page opens without compiling it).
// `tip-coord web` inlines them in the HTML file it writes, with the rule base, under a
// Content-Security-Policy that allows them by hash. Built after the command line (npm run
// build), which empties dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * What the page's scripts must not hold, written as the same strings by escapes, once minified:
 * - raw control characters (the minifier writes "PK\x03\x04" of the zip writer, a BOM, as the
 *   characters): tip-coord writes none in any file, and the script's hash must match what is written;
 * - "<!--", "<script" and "</script" (in marked's and xml-js's strings and patterns): inside an
 *   inline script they can change where the HTML parser ends it. "\x3C" is "<" in a string, a
 *   template and a regular expression alike.
 */
function inlineSafe(): Plugin {
  const UNSAFE =
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
  const ENDS = /<(!--|\/?script)/gi;
  return {
    name: 'tip-coord-inline-safe',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk')
          chunk.code = chunk.code
            .replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .replace(ENDS, '\\x3C$1');
    },
  };
}

export default defineConfig(({ mode }) => ({
  logLevel: 'warn',
  plugins: [inlineSafe()],
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
      entry: fileURLToPath(new URL(mode === 'docx' ? 'src/web/docx-bundle.ts' : 'src/web/main.ts', import.meta.url)),
      formats: ['iife'],
      name: mode === 'docx' ? 'tipCoordDocx' : 'tipCoordPage',
      fileName: () => (mode === 'docx' ? 'docx.js' : 'page.js'),
      cssFileName: 'page',
    },
    // The page's script leaves docx out: render/docx.ts's own import of it is the command line's.
    rolldownOptions: mode === 'docx' ? {} : { external: ['docx'] },
  },
}));
