/**
 * The layers of src/ are enforced by `npm run lint` (dependency-cruiser, .dependency-cruiser.cjs).
 * This shows that the lint can fail: a copy of src/ with a probe for each rule breaks exactly
 * those rules, and the real modules break none. Probes cover the import shapes a pattern would
 * miss: side-effect, dynamic and type-only imports, and a cycle.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** A probe file (under src/) and the rule it must break (a cycle is reported once, from its first file). */
const PROBES: Record<string, { text: string; rule?: string }> = {
  'core/probe-side-effect.ts': { text: "import '../cli/context.js';\n", rule: 'core-is-pure' },
  'core/probe-dynamic.ts': {
    text: "export const load = (): Promise<unknown> => import('../render/report.js');\n",
    rule: 'core-is-pure',
  },
  'render/probe-type.ts': {
    text: "import type { Context } from '../cli/context.js';\nexport type Probe = Context;\n",
    rule: 'render-uses-core',
  },
  'rules/probe.ts': { text: "export * from '../render/report.js';\n", rule: 'rules-use-core' },
  'core/probe-fs.ts': {
    text: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    rule: 'core-render-no-io',
  },
  'core/probe-cycle-a.ts': { text: "import './probe-cycle-b.js';\nexport const a = 1;\n", rule: 'no-circular' },
  'core/probe-cycle-b.ts': { text: "import './probe-cycle-a.js';\nexport const b = 2;\n" },
  'web/probe.ts': { text: "import '../rules/folder.js';\n", rule: 'web-reaches-no-node-io' },
  'web/probe-cli.ts': { text: "import '../cli/ui-text.js';\n", rule: 'web-uses-core-render-rules' },
  'probe-top.ts': { text: "import './core/lang.js';\n", rule: 'in-a-layer' },
};

describe('layers (dependency-cruiser)', () => {
  let tmp: string;
  let result: ICruiseResult;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'tip-coord-layers-'));
    cpSync(join(ROOT, 'src'), join(tmp, 'src'), { recursive: true });
    cpSync(join(ROOT, 'tsconfig.json'), join(tmp, 'tsconfig.json'));
    // The libraries resolve as in the repository.
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
    mkdirSync(join(tmp, 'src', 'web'), { recursive: true });
    for (const [file, { text }] of Object.entries(PROBES)) writeFileSync(join(tmp, 'src', file), text);
    const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));
    const cwd = process.cwd();
    // dependency-cruiser reads tsconfig.json and names modules relative to the folder it runs in.
    process.chdir(tmp);
    try {
      result = (await cruise(['src'], { ...options, baseDir: tmp })).output as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the modules of src/ break no rule; each probe breaks its own', () => {
    const broken = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    // Every violation comes from a probe.
    expect(broken.filter((b) => !/probe/.test(b))).toEqual([]);
    for (const [file, { rule }] of Object.entries(PROBES))
      if (rule)
        expect(
          result.summary.violations.some((v) => v.rule.name === rule && v.from === `src/${file}`),
          `${file} should break ${rule}; broken: ${broken.join('\n')}`,
        ).toBe(true);
  });

  it('sees the whole tree (the rules are not vacuous)', () => {
    expect(result.summary.totalCruised).toBeGreaterThan(80);
    expect(result.modules.some((m) => m.source === 'src/cli/context.ts')).toBe(true);
  });
});
