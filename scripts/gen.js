#!/usr/bin/env node
// npm run gen: rewrites every generated file from its source (scripts/generate.ts).
// npm run gen -- --check: writes nothing; names the stale files and exits 1 (CI).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const { module: gen } = await runnerImport(join(here, 'generate.ts'), { configFile: false, logLevel: 'error' });
if (process.argv.includes('--check')) {
  const stale = await gen.staleFiles();
  if (stale.length > 0) {
    console.error(`Stale generated files (run npm run gen): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('Generated files are up to date.');
} else {
  for (const [rel, content] of await gen.generatedFiles()) {
    const file = join(gen.ROOT, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  console.log('Generated files written.');
}
